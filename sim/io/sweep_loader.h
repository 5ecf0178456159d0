// Loading a sweep file: base scenario, varied parameters, design, replications, outputs kept.
#pragma once

#include <cstddef>
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

/// The largest sweep a file may describe. More is a typo in points, steps or a list (1e12 for
/// 1e2), and would allocate gigabytes for the design and the run file before the first run.
inline constexpr std::uint64_t max_design_points = 1'000'000;
inline constexpr std::uint64_t max_replications = 1'000'000;  ///< as run.replications
/// Design points x replications; the run file holds [points x replications] per summary.
inline constexpr std::uint64_t max_sweep_runs = 100'000'000;

struct SweepDefinition {
  std::string name;                     ///< a safe file name: letters, digits, '-', '_', '.', not "." or ".."
  std::filesystem::path source_path;    ///< the sweep file, for messages
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
 * belongs is reported at its line in the sweep file. Every key is checked for its YAML type;
 * whole numbers (seed, replications, points, steps) are read as integers from their digits;
 * the number of design points is checked against max_design_points before any is made.
 * @throws InputError with every problem found; no other exception escapes for any file content.
 */
[[nodiscard]] SweepDefinition load_sweep(const std::filesystem::path& file, const MetricNames& metrics,
                                         const ScenarioCheck& check_scenario);

}  // namespace salesim::sim::io
