// Every metric a scenario names is checked when it is read: scorecard KPIs against the summary
// metrics, plan KPIs against what the measurement system reports per rep; --set reaches both.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/run/scenario_loader.h"

namespace {

using namespace salesim::sim;

const std::string one_segment = "segments:\n  - name: shops\n    size: 500\n";
const std::string scored =
    one_segment + "scorecard:\n  - {perspective: financial, metric: profit, target: 1, weight: 1}\n";

io::InputProblem only_problem(const std::string& text, const std::vector<run::Override>& overrides = {}) {
  try {
    (void)run::load_scenario_text(text, "bad.yaml", overrides);
  } catch (const io::InputError& error) {
    REQUIRE(error.problems().size() == 1);
    return error.problems().front();
  }
  FAIL("no InputError for:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("an unknown scorecard metric is located with the closest valid name", "[io][metrics][bad-input]") {
  const auto problem = only_problem(
      one_segment + "scorecard:\n  - {perspective: financial, metric: revnue, target: 1, weight: 1}\n");
  CHECK(problem.to_string() ==
        "bad.yaml:5:38: scorecard[0].metric: unknown metric 'revnue' (did you mean 'revenue'?) "
        "(allowed: a summary metric of `salesim run` (`salesim metrics`))");
}

TEST_CASE("a scorecard may not score its own points", "[io][metrics][bad-input]") {
  const auto problem = only_problem(
      one_segment +
      "scorecard:\n  - {perspective: financial, metric: scorecard_score, target: 1, weight: 1}\n");
  CHECK(problem.key_path == "scorecard[0].metric");
  CHECK(problem.message.rfind("unknown metric 'scorecard_score'", 0) == 0);
}

TEST_CASE("an unknown plan KPI is refused instead of reading 0", "[io][metrics][workforce][bad-input]") {
  const std::string plan =
      one_segment +
      "workforce:\n  reps: 2\n  plan:\n    scorecard_bonus:\n      amount: 100\n      kpis:\n"
      "        - {name: retension, target: 0.9, weight: 1, higher_is_better: false}\n";
  CHECK(only_problem(plan).to_string() ==
        "bad.yaml:10:18: workforce.plan.scorecard_bonus.kpis[0].name: unknown value 'retension' "
        "(allowed: surveyed_nps, attainment)");
}

TEST_CASE("overrides reach the scorecard and check its metric", "[io][metrics][set]") {
  const auto loaded =
      run::load_scenario_text(scored, "ok.yaml", std::vector{run::parse_override("scorecard[0].target=2")});
  CHECK(loaded.scenario.scorecard.at(0).target == 2.0);
  const auto renamed = run::load_scenario_text(
      scored, "ok.yaml", std::vector{run::parse_override("scorecard[0].metric=margin")});
  CHECK(renamed.scenario.scorecard.at(0).metric == "margin");
  const auto problem = only_problem(scored, {run::parse_override("scorecard[0].metric=proft")});
  CHECK(problem.to_string() ==
        "--set: scorecard[0].metric: unknown metric 'proft' (did you mean 'profit'?) "
        "(allowed: a summary metric of `salesim run` (`salesim metrics`))");
  CHECK(only_problem(scored, {run::parse_override("scorecard[1].weight=0.5")}).message == "no scorecard[1]");
}

TEST_CASE("an override into an item that is not a mapping is a located error, not a crash",
          "[io][set][bad-input]") {
  const auto problem = only_problem("segments:\n  - 3\n", {run::parse_override("segments[0].size=1")});
  CHECK(
      problem.to_string() ==
      "--set: segments[0].size: cannot set a key inside segments[0], which is a scalar (allowed: a mapping)");
}
