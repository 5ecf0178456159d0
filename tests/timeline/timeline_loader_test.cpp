// Loading a scenario's timeline: each change checked where it is written, the terms of each phase
// built by the same reader, and the resolved scenario loading back to the same timeline.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/run/scenario_loader.h"

using namespace salesim::sim::io;
using namespace salesim::sim::run;

namespace {

const std::string base = R"(name: switch
run: {horizon_months: 24}
segments:
  - name: shops
    size: 500
workforce:
  reps: 4
  plan:
    quota_per_month: 1000
    commission:
      tiers:
        - {from_attainment: 0, rate: 0.02}
)";

std::vector<InputProblem> problems_of(const std::string& text, const std::vector<Override>& overrides = {}) {
  try {
    (void)load_scenario_text(text, "switch.yaml", overrides);
  } catch (const InputError& error) {
    return error.problems();
  }
  FAIL("no InputError for:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("a timeline builds one phase per change, each with every earlier change applied",
          "[timeline][io]") {
  const auto loaded = load_scenario_text(base + R"(
timeline:
  - month: 7
    note: "service up"
    set: {service.level: 0.8}
  - month: 13
    set:
      workforce.plan.commission.tiers[0].rate: 0.05
      segments.shops.gross_margin: 0.4
)",
                                         "switch.yaml");
  const auto& scenario = loaded.scenario;
  REQUIRE(scenario.phases.size() == 2);
  CHECK(scenario.service.level == 0.5);
  CHECK(scenario.phases[0].from_month == 7);
  CHECK(scenario.phases[0].terms->service.level == 0.8);
  CHECK(scenario.phases[0].terms->workforce.plan.commission->tiers[0].rate == 0.02);
  CHECK(scenario.phases[1].from_month == 13);
  CHECK(scenario.phases[1].terms->service.level == 0.8);
  CHECK(scenario.phases[1].terms->workforce.plan.commission->tiers[0].rate == 0.05);
  CHECK(scenario.phases[1].terms->segments[0].gross_margin == 0.4);
  // A name-addressed path is recorded by its index, as --set paths are.
  REQUIRE(scenario.timeline[1].set.size() == 2);
  CHECK(scenario.timeline[1].set[1].key_path == "segments[0].gross_margin");
  CHECK(scenario.timeline[0].note == "service up");

  // The resolved scenario holds the timeline and loads back to the same text.
  CHECK(loaded.resolved_yaml.find("timeline:") != std::string::npos);
  const auto again = load_scenario_text(loaded.resolved_yaml, "resolved.yaml");
  CHECK(again.resolved_yaml == loaded.resolved_yaml);
  REQUIRE(again.scenario.phases.size() == 2);
  CHECK(again.scenario.phases[1].terms->segments[0].gross_margin == 0.4);
}

TEST_CASE("a --set moves a change's month and changes what it sets", "[timeline][io][set]") {
  const std::string text = base + "timeline:\n  - month: 13\n    set: {service.level: 0.8}\n";
  const auto moved = load_scenario_text(
      text, "switch.yaml",
      std::vector<Override>{{"timeline[0].month", "7"}, {"timeline[0].set.service.level", "0.9"}});
  REQUIRE(moved.scenario.phases.size() == 1);
  CHECK(moved.scenario.phases[0].from_month == 7);
  CHECK(moved.scenario.phases[0].terms->service.level == 0.9);
  // A scenario without a timeline has no change to move.
  const auto problems = problems_of(base, {{"timeline[0].month", "7"}});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "--set");
  CHECK(problems[0].message.find("no timeline[0]") != std::string::npos);
}

TEST_CASE("bad timelines are refused, each problem at its line", "[timeline][io][hostile]") {
  SECTION("a month beyond the horizon") {
    const auto problems = problems_of(base + "timeline:\n  - month: 30\n    set: {service.level: 0.8}\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key_path == "timeline[0].month");
    CHECK(problems[0].line == 14);
    CHECK(problems[0].message.find("beyond the run's 24 months") != std::string::npos);
  }
  SECTION("months out of order") {
    const auto problems = problems_of(base +
                                      "timeline:\n  - month: 13\n    set: {service.level: 0.8}\n"
                                      "  - month: 7\n    set: {service.level: 0.6}\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key_path == "timeline[1].month");
    CHECK(problems[0].line == 16);
    CHECK(problems[0].message.find("does not come after") != std::string::npos);
  }
  SECTION("an unknown key") {
    const auto problems = problems_of(base + "timeline:\n  - month: 13\n    set: {service.levle: 0.8}\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key_path == "timeline[0].set.service.levle");
    CHECK(problems[0].line == 15);
    CHECK(problems[0].message.find("did you mean 'service.level'") != std::string::npos);
  }
  SECTION("keys that cannot change during a run, each with its reason") {
    const auto problems = problems_of(
        base +
        "timeline:\n  - month: 13\n    set: {segments.shops.size: 900, workforce.reps: 8, run.seed: 3}\n");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].key_path == "timeline[0].set.segments.shops.size");
    CHECK(problems[0].message.find("cannot change during a run: the market's members") != std::string::npos);
    CHECK(problems[1].message.find("cannot change during a run: territories") != std::string::npos);
    CHECK(problems[2].message.find("cannot change during a run: the horizon, seed") != std::string::npos);
    for (const auto& problem : problems) CHECK(problem.line == 15);
  }
  SECTION("a value out of range says from which month it would hold") {
    const auto problems = problems_of(base + "timeline:\n  - month: 13\n    set: {service.level: 1.5}\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key_path == "service.level");
    CHECK(problems[0].line == 15);
    CHECK(problems[0].message.find("from month 13 on (timeline[0])") != std::string::npos);
  }
  SECTION("a change that breaks a rule between values") {
    // A discount authority at or above the gross margin sells at a loss (scenario_rules.cpp).
    const auto problems =
        problems_of(base + "timeline:\n  - month: 13\n    set: {workforce.discount_authority: 0.5}\n");
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].message.find("from month 13 on") != std::string::npos);
  }
  SECTION("shapes: not a list, a change without month or set, a list as a value, unknown keys") {
    CHECK(problems_of(base + "timeline: 3\n").size() == 1);
    CHECK(problems_of(base + "timeline: []\n").size() == 1);
    const auto problems = problems_of(base +
                                      "timeline:\n  - when: 13\n    set: {service.level: [1, 2]}\n"
                                      "  - month: thirteen\n    set: {}\n");
    // when (unknown), month missing, a list as a value, 'thirteen', an empty set
    CHECK(problems.size() == 5);
  }
  SECTION("too many changes") {
    InputLimits limits;
    limits.max_timeline_changes = 2;
    try {
      (void)load_scenario_text(
          base +
              "timeline:\n  - {month: 2, set: {service.level: 0.6}}\n"
              "  - {month: 3, set: {service.level: 0.7}}\n  - {month: 4, set: {service.level: 0.8}}\n",
          "switch.yaml", {}, limits);
      FAIL("three changes passed a limit of two");
    } catch (const InputError& error) {
      CHECK(error.problems().at(0).message.find("too many") != std::string::npos);
    }
  }
}
