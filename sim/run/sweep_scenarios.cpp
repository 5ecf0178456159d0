// Sweeps over scenarios: each design point is the base scenario with the point's values as --set.
#include "sim/run/sweep_scenarios.h"

#include <string>

namespace salesim::sim::run {

io::SweepDefinition load_sweep(const std::filesystem::path& file, const io::MetricNames& metrics) {
  return io::load_sweep(file, metrics,
                        [](const std::filesystem::path& scenario, std::span<const Override> overrides) {
                          (void)load_scenario(scenario, overrides);
                        });
}

std::vector<LoadedScenario> scenarios_of_design(const io::SweepDefinition& sweep,
                                                const std::vector<DesignPoint>& design) {
  std::vector<LoadedScenario> scenarios;
  for (const DesignPoint& point : design) {
    std::vector<Override> overrides;
    for (std::size_t d = 0; d < sweep.parameters.size(); ++d) {
      overrides.push_back({sweep.parameters[d].key_path, point.values[d]});
    }
    overrides.push_back({"run.replications", std::to_string(sweep.replications)});
    overrides.push_back({"run.seed", std::to_string(sweep.seed)});
    overrides.push_back({"run.common_random_numbers", sweep.common_random_numbers ? "true" : "false"});
    scenarios.push_back(load_scenario(sweep.scenario_path, overrides));
  }
  return scenarios;
}

}  // namespace salesim::sim::run
