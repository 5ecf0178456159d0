// Fuzz target: a scenario the loader accepts must also run. A small market's scenario (the input's
// own numbers: small markets are where generators and tallies meet their edge cases) is simulated
// for its first months; a crash, a hang (libFuzzer's -timeout), an exception or a sanitizer report
// is a bug, since nothing the loader accepts may fail at run time.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "models/world/world.h"
#include "sim/io/input_error.h"
#include "sim/run/scenario_loader.h"

namespace {

constexpr std::uint64_t largest_market = 5000;  ///< members; larger inputs are only loaded
constexpr std::uint32_t months_run = 6;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace salesim;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sim::run::LoadedScenario loaded;
  try {
    loaded = sim::run::load_scenario_text(text, "fuzz.yaml");
  } catch (const sim::io::InputError&) {
    return 0;
  }
  models::Scenario& scenario = loaded.scenario;
  if (models::market_size(scenario) > largest_market || scenario.workforce.reps > 200) return 0;
  // The first months only, with the timeline changes that fall in them.
  scenario.run.horizon_months = std::min(scenario.run.horizon_months, months_run);
  std::erase_if(scenario.phases, [&](const models::ScenarioPhase& phase) {
    return phase.from_month > scenario.run.horizon_months;
  });
  std::erase_if(scenario.timeline, [&](const sim::core::TimelineChange& change) {
    return change.month > scenario.run.horizon_months;
  });
  static_cast<void>(models::world::simulate_run(scenario, {scenario.run.seed, 0, 0}));
  return 0;
}
