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

TEST_CASE("an override into an item the file wrote as a scalar blames the file, not the override",
          "[io][set][bad-input]") {
  const auto problem = only_problem("segments:\n  - 3\n", {run::parse_override("segments[0].size=1")});
  CHECK(problem.file == "bad.yaml");
  CHECK(problem.line == 2);
  CHECK(problem.key_path == "segments[0]");
  CHECK(problem.message == "expected a mapping of keys to values, found a scalar");
  // The same for a section the file wrote as a list.
  const auto run = only_problem(one_segment + "run: [1, 2]\n", {run::parse_override("run.replications=5")});
  CHECK(run.file == "bad.yaml");
  CHECK(run.line == 4);
  CHECK(run.key_path == "run");
}

TEST_CASE("texts must be UTF-8 of bounded length and numbers small enough to add up", "[io][bad-input]") {
  CHECK(only_problem("segments:\n  - name: sh\xff"
                     "ops\n    size: 50\n")
            .to_string() ==
        "bad.yaml:2:11: segments[0].name: the text is not valid UTF-8 (allowed: UTF-8 text)");
  CHECK(only_problem(one_segment + "description: " + std::string(70'000, 'x') + "\n").message ==
        "a text of 70000 bytes is too long");
  CHECK(only_problem(one_segment + "    spend_per_purchase: {mean: 1e308}\n").to_string() ==
        "bad.yaml:4:32: segments[0].spend_per_purchase.mean: 1e308 is too large to compute with "
        "(allowed: a number > 0 of magnitude at most 1000000000000000)");
  CHECK(only_problem(one_segment + "workforce:\n  profile: {outside_option: -1e300}\n").message ==
        "-1e300 must be at least 0");
}

TEST_CASE("a scenario's name is a safe, short file name", "[io][bad-input]") {
  CHECK(only_problem("name: " + std::string(300, 'a') + "\n" + one_segment).to_string() ==
        "bad.yaml:1:7: name: a name of 300 bytes is too long for a file name (allowed: at most 200 bytes)");
  CHECK(only_problem("name: ..\n" + one_segment).message == "'..' cannot name an output file");
  CHECK(only_problem("name: a/b\n" + one_segment).message == "'a/b' cannot name an output file");
}
