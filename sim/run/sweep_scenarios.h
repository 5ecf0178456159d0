// A sweep file read with its base scenario checked, and the scenario of each design point.
#pragma once

#include <filesystem>
#include <vector>

#include "sim/io/sweep_loader.h"
#include "sim/run/experiment_design.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::run {

/// @brief Reads a sweep file; every parameter value is tried on the base scenario. @throws io::InputError.
[[nodiscard]] io::SweepDefinition load_sweep(const std::filesystem::path& file,
                                             const io::MetricNames& metrics);

/// The scenario of each design point: the base with the point's values as overrides and
/// the sweep's replications, seed and common-random-numbers setting.
[[nodiscard]] std::vector<LoadedScenario> scenarios_of_design(const io::SweepDefinition& sweep,
                                                              const std::vector<DesignPoint>& design);

}  // namespace salesim::sim::run
