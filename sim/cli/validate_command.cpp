// `salesim validate`: load and range-check a scenario, report every problem.
#include "sim/cli/validate_command.h"

#include <iostream>

#include <fmt/format.h>

#include "models/scenario.h"
#include "sim/io/input_error.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::cli {

int validate_command(const std::string& scenario_path, const std::vector<std::string>& overrides) {
  try {
    std::vector<run::Override> parsed;
    for (const std::string& text : overrides) parsed.push_back(run::parse_override(text));
    const run::LoadedScenario loaded = run::load_scenario(scenario_path, parsed);
    const models::Scenario& s = loaded.scenario;
    std::cout << fmt::format("{}: ok ({} segments, {} market members, {} months, {} replications)\n",
                             scenario_path, s.segments.size(), models::market_size(s), s.run.horizon_months,
                             s.run.replications);
    return 0;
  } catch (const io::InputError& error) {
    for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
    return 2;
  }
}

}  // namespace salesim::sim::cli
