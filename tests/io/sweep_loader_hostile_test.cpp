// Hostile sweep files: every wrong YAML type, absurd size, unsafe name or inexact number is one
// located problem, never an exception escaping or an allocation of gigabytes.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/io/input_error.h"
#include "sim/io/sweep_loader.h"
#include "tests/common/command.h"
#include "tests/common/sweep_fixtures.h"

namespace {

namespace fs = std::filesystem;
using namespace salesim::sim;

const fs::path scenario = fs::path(SALESIM_SOURCE_DIR) / "tests/io/data/valid_minimal.yaml";

const std::string head = "scenario: " + scenario.string() + "\n";  // line 1
const std::string one_parameter = "parameters:\n  - {path: service.level, values: [0.4, 0.8]}\n";

fs::path write_sweep(const fs::path& dir, const std::string& body) {
  const fs::path file = dir / "sweep.yaml";
  std::ofstream(file) << body;
  return file;
}

/// The problems load_sweep reports; any other exception fails the test with its message.
std::vector<io::InputProblem> problems_of(const fs::path& file) {
  try {
    (void)io::load_sweep(file, salesim::tests::registry_metric_names(), salesim::tests::any_scenario);
  } catch (const io::InputError& error) {
    return error.problems();
  }
  return {};
}

struct Case {
  const char* label;
  std::string body;
  const char* key_path;
  const char* fragment;
};

void check_single_located_problem(const Case& c, const fs::path& dir) {
  const auto problems = problems_of(write_sweep(dir, c.body));
  INFO(c.label << ":\n" << c.body);
  REQUIRE(problems.size() == 1);
  INFO(problems.front().to_string());
  CHECK(problems.front().line > 0);
  CHECK(problems.front().key_path == c.key_path);
  CHECK(problems.front().to_string().find(c.fragment) != std::string::npos);
}

}  // namespace

TEST_CASE("keep, keep.summaries and keep.timeseries of the wrong YAML type are located problems",
          "[io][sweep][bad-input][hostile]") {
  const auto dir = salesim::tests::fresh_directory("sweep-hostile-keep");
  const std::string base = head + "replications: 2\n" + one_parameter;
  const Case cases[] = {
      {"keep a scalar", base + "keep: profit\n", "keep",
       "sweep.yaml:5:7: keep: expected a mapping, found 'profit'"},
      {"keep a list", base + "keep: [profit]\n", "keep", "expected a mapping, found a list"},
      {"keep.summaries a scalar", base + "keep: {summaries: profit}\n", "keep.summaries",
       "sweep.yaml:5:19: keep.summaries: expected a list of metric names, found 'profit'"},
      {"keep.summaries a mapping", base + "keep: {summaries: {profit: 1}}\n", "keep.summaries",
       "found a mapping"},
      {"keep.timeseries a scalar", base + "keep: {timeseries: 3}\n", "keep.timeseries", "found '3'"},
      {"keep.timeseries a mapping", base + "keep:\n  timeseries: {revenue: yes}\n", "keep.timeseries",
       "found a mapping"},
      {"an unknown key in keep", base + "keep: {summary: [profit]}\n", "keep.summary",
       "unknown key 'summary' (allowed: summaries, timeseries)"},
  };
  for (const Case& c : cases) check_single_located_problem(c, dir);
  fs::remove_all(dir);
}

TEST_CASE("design points and grid levels are capped before anything is allocated",
          "[io][sweep][bad-input][hostile]") {
  const auto dir = salesim::tests::fresh_directory("sweep-hostile-size");
  const std::string base = head + "replications: 2\n";
  const std::string range = "parameters:\n  - {path: service.level, range: [0.1, 0.9]}\n";
  const Case cases[] = {
      {"random points 1e12", base + "design: {kind: random, points: 1e12}\n" + range, "design.points",
       "sweep.yaml:3:32: design.points: '1e12' is too large (allowed: a whole number from 1 to 1000000"},
      {"sobol points one over the cap", base + "design: {kind: sobol, points: 1000001}\n" + range,
       "design.points", "'1000001' is too large"},
      {"points past 2^64", base + "design: {kind: random, points: 99999999999999999999999}\n" + range,
       "design.points", "'99999999999999999999999' is too large"},
      {"grid steps 1e9", base + "parameters:\n  - {path: service.level, range: [0.1, 0.9], steps: 1e9}\n",
       "parameters[0].steps", "'1e9' is too large (allowed: a whole number from 2 to 1000000"},
      {"grid steps 1000000000",
       base + "parameters:\n  - {path: service.level, range: [0, 1], steps: 1000000000}\n",
       "parameters[0].steps", "'1000000000' is too large"},
      {"a grid whose product passes the cap",
       base + "parameters:\n  - {path: service.level, range: [0, 1], steps: 1000}\n"
              "  - {path: marketing.budget_per_month, range: [0, 9], steps: 1000}\n"
              "  - {path: survey.sample_rate, values: [0.1, 0.2]}\n",
       "parameters", "the grid of 1000 x 1000 x 2 levels has more than 1000000 design points"},
      {"a grid whose product overflows 64 bits",
       base + "parameters:\n" +
           [] {
             std::string lines;
             for (int i = 0; i < 8; ++i)
               lines += "  - {path: service.level, range: [0, 1], steps: 1000000}\n";
             return lines;
           }(),
       "parameters", "has more than 1000000 design points"},
      {"more runs than a sweep may have",
       head + "replications: 1000\ndesign: {kind: sobol, points: 1000000}\n" + range, "replications",
       "1000000 design points x 1000 replications is more than 100000000 runs"},
  };
  for (const Case& c : cases) check_single_located_problem(c, dir);
  fs::remove_all(dir);
}

TEST_CASE("seeds and replications are whole numbers read from their digits, never through a double",
          "[io][sweep][bad-input][hostile]") {
  const auto dir = salesim::tests::fresh_directory("sweep-hostile-numbers");
  const Case cases[] = {
      {"seed 1e30", head + "replications: 2\nseed: 1e30\n" + one_parameter, "seed",
       "sweep.yaml:3:7: seed: '1e30' is too large (allowed: a whole number from 0 to 18446744073709551615, "
       "in digits)"},
      {"seed 2^64", head + "replications: 2\nseed: 18446744073709551616\n" + one_parameter, "seed",
       "'18446744073709551616' is too large"},
      {"seed -1", head + "replications: 2\nseed: -1\n" + one_parameter, "seed", "'-1' is too small"},
      {"seed 1e3", head + "replications: 2\nseed: 1e3\n" + one_parameter, "seed",
       "'1e3' is not written in digits"},
      {"seed 2.5", head + "replications: 2\nseed: 2.5\n" + one_parameter, "seed",
       "'2.5' is not a whole number"},
      {"seed a list", head + "replications: 2\nseed: [1]\n" + one_parameter, "seed",
       "a list is not a whole number"},
      {"replications 0", head + "replications: 0\n" + one_parameter, "replications",
       "'0' is too small (allowed: a whole number from 1 to 1000000"},
      {"replications 1000001", head + "replications: 1000001\n" + one_parameter, "replications",
       "'1000001' is too large"},
      {"replications 2.0", head + "replications: 2.0\n" + one_parameter, "replications",
       "'2.0' is not written in digits"},
      {"replications a mapping", head + "replications: {n: 2}\n" + one_parameter, "replications",
       "a mapping is not a whole number"},
  };
  for (const Case& c : cases) check_single_located_problem(c, dir);

  // Every digit kept: 2^53 + 1 and 2^64 - 1 are not rounded to a neighbouring double.
  for (const std::uint64_t seed :
       {std::uint64_t{9007199254740993u}, std::numeric_limits<std::uint64_t>::max()}) {
    const auto file = write_sweep(dir, head + "replications: 1000000\nseed: " + std::to_string(seed) + "\n" +
                                           "parameters:\n  - {path: service.level, values: [0.4]}\n");
    const auto sweep =
        io::load_sweep(file, salesim::tests::registry_metric_names(), salesim::tests::any_scenario);
    CHECK(sweep.seed == seed);
    CHECK(sweep.replications == 1'000'000);
  }
  fs::remove_all(dir);
}

TEST_CASE("a sweep name is a safe file name: no path, no '..', at most 200 bytes",
          "[io][sweep][bad-input][hostile]") {
  const auto dir = salesim::tests::fresh_directory("sweep-hostile-name");
  const std::string rest = "replications: 2\n" + one_parameter;
  const Case cases[] = {
      {"parent directory", "name: ../evil\n" + head + rest, "name",
       "sweep.yaml:1:7: name: '../evil' is not a safe file name (the output is out/<name>.h5) (allowed: "
       "letters, digits, '-', '_' and '.', at most 200 bytes, not '.' or '..')"},
      {"absolute path", "name: /tmp/evil\n" + head + rest, "name", "'/tmp/evil' is not a safe file name"},
      {"dot dot", "name: '..'\n" + head + rest, "name", "'..' is not a safe file name"},
      {"dot", "name: '.'\n" + head + rest, "name", "'.' is not a safe file name"},
      {"empty", "name: ''\n" + head + rest, "name", "'' is not a safe file name"},
      {"a space", "name: my sweep\n" + head + rest, "name", "'my sweep' is not a safe file name"},
      {"201 bytes", "name: " + std::string(201, 'a') + "\n" + head + rest, "name", "is not a safe file name"},
      {"a list", "name: [a, b]\n" + head + rest, "name", "a list is not a safe file name"},
  };
  for (const Case& c : cases) check_single_located_problem(c, dir);

  const auto ok = io::load_sweep(write_sweep(dir, "name: Commission_rate-2.v1\n" + head + rest),
                                 salesim::tests::registry_metric_names(), salesim::tests::any_scenario);
  CHECK(ok.name == "Commission_rate-2.v1");
  const auto longest = io::load_sweep(write_sweep(dir, "name: " + std::string(200, 'n') + "\n" + head + rest),
                                      salesim::tests::registry_metric_names(), salesim::tests::any_scenario);
  CHECK(longest.name.size() == 200);
  fs::remove_all(dir);
}

TEST_CASE("every other sweep key of the wrong YAML type is a located problem, never an exception",
          "[io][sweep][bad-input][hostile]") {
  const auto dir = salesim::tests::fresh_directory("sweep-hostile-types");
  const std::string base = head + "replications: 2\n";  // parameters start on line 3
  const Case cases[] = {
      {"parameters a scalar", base + "parameters: 5\n", "parameters",
       "sweep.yaml:3:13: parameters: a sweep needs a non-empty list of parameters"},
      {"parameters a mapping", base + "parameters: {path: service.level}\n", "parameters", "non-empty list"},
      {"a parameter a scalar", base + "parameters: [5]\n", "parameters[0]", "needs a 'path'"},
      {"a parameter's path a mapping", base + "parameters:\n  - {path: {a: 1}, values: [1]}\n",
       "parameters[0]", "needs a 'path'"},
      {"values a mapping", base + "parameters:\n  - {path: service.level, values: {a: 1}}\n",
       "parameters[0].values", "sweep.yaml:4:35: parameters[0].values: expected a list, found a mapping"},
      {"values a scalar", base + "parameters:\n  - {path: service.level, values: 0.5}\n",
       "parameters[0].values", "expected a list, found '0.5'"},
      {"a value a list", base + "parameters:\n  - {path: service.level, values: [[0.5]]}\n",
       "parameters[0].values[0]", "expected a single value, found a list"},
      {"range of strings", base + "parameters:\n  - {path: service.level, range: [low, high]}\n",
       "parameters[0].range", "expected [low, high] numbers"},
      {"range a mapping", base + "parameters:\n  - {path: service.level, range: {low: 0, high: 1}}\n",
       "parameters[0].range", "expected [low, high] numbers"},
      {"range to infinity", base + "parameters:\n  - {path: service.level, range: [0, .inf]}\n",
       "parameters[0].range", "two finite numbers"},
      {"whole_numbers maybe",
       base + "parameters:\n  - {path: service.level, range: [0, 1], whole_numbers: maybe}\n",
       "parameters[0].whole_numbers", "'maybe' is not allowed (allowed: true or false)"},
      {"steps a list", base + "parameters:\n  - {path: service.level, range: [0, 1], steps: [3]}\n",
       "parameters[0].steps", "a list is not a whole number"},
      {"an unknown parameter key", base + "parameters:\n  - {path: service.level, values: [1], step: 3}\n",
       "parameters[0].step", "unknown key 'step' (did you mean 'steps'?)"},
      {"common_random_numbers maybe", base + "common_random_numbers: maybe\n" + one_parameter,
       "common_random_numbers", "'maybe' is not allowed (allowed: true or false)"},
      {"design a list", base + "design: [grid]\n" + one_parameter, "design", "found a list"},
      {"design without kind", base + "design: {points: 4}\n" + one_parameter, "design.kind",
       "missing the design kind"},
      {"design kind a mapping", base + "design: {kind: {grid: 1}}\n" + one_parameter, "design.kind",
       "unknown design a mapping"},
      {"design points a string", base + "design: {kind: random, points: many}\n" + one_parameter,
       "design.points", "'many' is not a whole number"},
      {"scenario a mapping", "scenario: {file: x.yaml}\nreplications: 2\n" + one_parameter, "scenario",
       "missing the base scenario"},
  };
  for (const Case& c : cases) check_single_located_problem(c, dir);

  // A document that is not a mapping at all.
  for (const std::string body : {"- a\n- b\n", "just text\n", "42\n"}) {
    const auto problems = problems_of(write_sweep(dir, body));
    INFO(body);
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().message == "a sweep must be a mapping");
  }
  fs::remove_all(dir);
}
