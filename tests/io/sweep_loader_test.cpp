// Sweep files' keep lists are checked against the metric registry, with located errors.
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/io/input_error.h"
#include "sim/run/sweep_scenarios.h"
#include "tests/common/command.h"
#include "tests/common/sweep_fixtures.h"

namespace {

namespace fs = std::filesystem;
using namespace salesim::sim;

const fs::path scenario = fs::path(SALESIM_SOURCE_DIR) / "tests/io/data/valid_minimal.yaml";

/// A one-parameter sweep over the minimal scenario whose last line is `keep`.
fs::path write_sweep(const fs::path& dir, const std::string& keep) {
  const fs::path file = dir / "sweep.yaml";
  std::ofstream(file) << "name: keep\nscenario: " << scenario.string()
                      << "\nreplications: 2\nseed: 1\n"
                         "parameters:\n  - {path: service.level, values: [0.4, 0.8]}\n"
                      << keep << "\n";
  return file;
}

std::vector<io::InputProblem> problems_of(const fs::path& file) {
  try {
    (void)io::load_sweep(file, salesim::tests::registry_metric_names(), salesim::tests::any_scenario);
  } catch (const io::InputError& error) {
    return error.problems();
  }
  return {};
}

}  // namespace

TEST_CASE("a sweep keeps any summary and time series the registry declares", "[io][sweep][registry]") {
  const auto dir = salesim::tests::fresh_directory("sweep-keep");
  const auto sweep = io::load_sweep(
      write_sweep(dir, "keep: {summaries: [profit, true_nps, scorecard_score], timeseries: [vacancies]}"),
      salesim::tests::registry_metric_names(), salesim::tests::any_scenario);
  CHECK(sweep.keep_summaries == std::vector<std::string>{"profit", "true_nps", "scorecard_score"});
  CHECK(sweep.keep_timeseries == std::vector<std::string>{"vacancies"});
  fs::remove_all(dir);
}

TEST_CASE("an unknown keep metric is reported at its line and column with the closest registered name",
          "[io][sweep][registry][bad-input]") {
  const auto dir = salesim::tests::fresh_directory("sweep-keep-typo");
  // Line 7: "keep: {summaries: [profit, proft], timeseries: [revenu]}"
  const auto problems =
      problems_of(write_sweep(dir, "keep: {summaries: [profit, proft], timeseries: [revenu]}"));
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].line == 7);
  CHECK(problems[0].column == 28);
  CHECK(problems[0].key_path == "keep.summaries[1]");
  CHECK(problems[0].message == "unknown metric 'proft' (did you mean 'profit'?)");
  CHECK(problems[0].allowed == "metrics listed by `salesim metrics`");
  CHECK(problems[1].line == 7);
  CHECK(problems[1].key_path == "keep.timeseries[0]");
  CHECK(problems[1].message == "unknown metric 'revenu' (did you mean 'revenue'?)");
  CHECK(problems[0].to_string().find("sweep.yaml:7:28: keep.summaries[1]: unknown metric 'proft'") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a summary-only metric is not a time series to keep", "[io][sweep][registry][bad-input]") {
  const auto dir = salesim::tests::fresh_directory("sweep-keep-kind");
  // customer_equity is declared as a summary only.
  const auto problems = problems_of(write_sweep(dir, "keep: {timeseries: [customer_equity]}"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "keep.timeseries[0]");
  CHECK(problems[0].message.starts_with("unknown metric 'customer_equity'"));
  fs::remove_all(dir);
}
