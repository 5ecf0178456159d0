// Loading a sweep file: base scenario, varied parameters, design, replications, outputs kept.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "sim/io/input_error.h"
#include "sim/io/section_reader.h"
#include "sim/run/experiment_design.h"

namespace salesim::sim::io {

struct SweepDefinition {
  std::string name;
  std::filesystem::path scenario_path;  ///< resolved against the sweep file's folder
  std::uint32_t replications = 1;
  std::uint64_t seed = 1;
  bool common_random_numbers = true;
  run::DesignKind design = run::DesignKind::grid;
  std::uint32_t points = 0;  ///< random, Latin hypercube and Sobol designs
  std::vector<run::VariedParameter> parameters;
  std::vector<std::string> keep_summaries;   ///< empty: every summary
  std::vector<std::string> keep_timeseries;  ///< empty: every time series
};

/// The metric names a sweep may keep, to check `keep` lists against.
struct MetricNames {
  std::vector<std::string> summaries;
  std::vector<std::string> timeseries;
};

/// Loads the base scenario with overrides; throws InputError when it fails.
using ScenarioCheck =
    std::function<void(const std::filesystem::path& scenario, std::span<const Override> overrides)>;

/**
 * @brief Reads and checks a sweep file. Each parameter path and value is tried on the base
 * scenario, so a path the scenario does not have, an empty range or a word where a number
 * belongs is reported at its line in the sweep file.
 * @throws InputError with every problem found.
 */
[[nodiscard]] SweepDefinition load_sweep(const std::filesystem::path& file, const MetricNames& metrics,
                                         const ScenarioCheck& check_scenario);

}  // namespace salesim::sim::io
