// Sweeps over scenarios: each design point is the base scenario with the point's values as --set.
#include "sim/run/sweep_scenarios.h"

#include <string>

#include <fmt/format.h>

#include "sim/core/machine.h"

namespace salesim::sim::run {

io::SweepDefinition load_sweep(const std::filesystem::path& file, const io::MetricNames& metrics) {
  return io::load_sweep(file, metrics,
                        [](const std::filesystem::path& scenario, std::span<const Override> overrides) {
                          (void)load_scenario(scenario, overrides);
                        });
}

namespace {

/// Every design point's scenario is held at once (the writer records each point's resolved YAML), so a
/// design too large for this machine is refused once the first point shows the size of one. Estimated
/// per point: its resolved YAML, held twice while it is written, and the typed scenario.
void require_design_fits(const io::SweepDefinition& sweep, const LoadedScenario& first, std::size_t points) {
  const std::uint64_t per_point =
      2 * first.resolved_yaml.size() + sizeof(models::Scenario) + first.scenario.segments.size() * 256;
  const std::uint64_t needed = per_point * points;
  const std::uint64_t memory = core::physical_memory_bytes();
  if (memory > 0 && needed > memory / 2) {
    throw io::InputError(
        {{sweep.source_path.string(), 0, 0, "design",
          fmt::format("{} design points need about {:.1f} GiB for their scenarios, more than half "
                      "of this machine's {:.1f} GiB",
                      points, static_cast<double>(needed) / (1u << 30),
                      static_cast<double>(memory) / (1u << 30)),
          "fewer design points"}});
  }
}

}  // namespace

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
    if (scenarios.size() == 1) require_design_fits(sweep, scenarios.front(), design.size());
  }
  return scenarios;
}

}  // namespace salesim::sim::run
