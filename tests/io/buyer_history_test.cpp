// Initial customers started from their purchase histories (segments[].buyers.history): alive with
// their P(alive), then buying as the fitted model's conditional expectation says, on the CDNOW summary.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "analysis/customer_base/bg_nbd.h"
#include "analysis/customer_base/pareto_nbd.h"
#include "analysis/monte_carlo_stats.h"
#include "models/world/segment_constants.h"
#include "models/world/world.h"
#include "sim/io/customer_summary_reader.h"
#include "sim/run/scenario_loader.h"

namespace {

using namespace salesim;
namespace cb = analysis::customer_base;

const std::filesystem::path cdnow_summary = std::filesystem::path(SALESIM_SOURCE_DIR) /
                                            "tests/data/cdnow/cdnow_customers_summary_with_transactions.csv";
constexpr std::uint32_t cdnow_customers = 2357;
constexpr std::uint32_t months = 9;  // 39.1 weeks: the CDNOW holdout
constexpr std::uint32_t replications = 40;

/// The CDNOW customers at the end of their 39 calibration weeks, under `buyers` (a YAML mapping's
/// keys), at reference satisfaction without shocks: the world simulates the fitted process itself.
std::string cdnow_scenario(const std::string& buyers, std::uint32_t initial = cdnow_customers,
                           const std::string& history = cdnow_summary.string()) {
  return fmt::format(
      "name: cdnow-base\nrun: {{horizon_months: {}, seed: 5}}\nsatisfaction: {{shock_sd: 0}}\n"
      "segments:\n  - name: cdnow\n    size: {}\n    initial_customers: {}\n"
      "    buyers: {{{}, history: \"{}\"}}\n",
      months, cdnow_customers, initial, buyers, history);
}

std::vector<cb::CustomerHistory> cdnow_histories() {
  const auto table = sim::io::read_customer_summary(cdnow_summary);
  std::vector<cb::CustomerHistory> histories;
  for (std::size_t i = 0; i < table.frequency.size(); ++i)
    histories.push_back({table.frequency[i], table.recency[i], table.age[i], table.mean_spend[i]});
  return histories;
}

struct Simulated {
  analysis::SummaryStatistics alive_at_start;
  analysis::SummaryStatistics purchases;
};

Simulated simulate(const models::Scenario& scenario) {
  std::vector<double> alive, purchases;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const auto run = models::world::simulate_run(scenario, {scenario.run.seed, 0, r});
    alive.push_back(static_cast<double>(run.months.front().active_at_start));
    double bought = 0.0;
    for (const auto& month : run.months) bought += static_cast<double>(month.purchases);
    purchases.push_back(bought);
  }
  return {analysis::summarize_replications(alive), analysis::summarize_replications(purchases)};
}

/// |simulated mean - expected| within 3.5 standard errors of the mean (the 95% CI is 2 of them).
void check_matches(const analysis::SummaryStatistics& simulated, double expected, const std::string& what) {
  const double standard_error = simulated.sd / std::sqrt(static_cast<double>(simulated.n));
  WARN(fmt::format("{}: simulated {:.1f} (95% CI {:.1f} to {:.1f}), model {:.1f}", what, simulated.mean,
                   simulated.ci_low, simulated.ci_high, expected));
  CHECK(std::abs(simulated.mean - expected) < 3.5 * standard_error);
}

/// Simulates the CDNOW customers under `fit` (published, written as `buyers` keys) and checks those
/// alive at the start and their purchases over the next 9 months against the model's P(alive) and
/// conditional expectation, summed over the customers.
template <typename Parameters>
sim::run::LoadedScenario check_against_the_model(const Parameters& fit, const std::string& buyers) {
  auto loaded = sim::run::load_scenario_text(cdnow_scenario(buyers), "cdnow.yaml");
  const double weeks = months * models::world::days_per_month / 7.0;
  double alive = 0.0, expected = 0.0;
  for (const cb::CustomerHistory& history : cdnow_histories()) {
    alive += cb::probability_alive(fit, history);
    expected += cb::conditional_expected_transactions(fit, history, weeks);
  }
  const Simulated simulated = simulate(loaded.scenario);
  check_matches(simulated.alive_at_start, alive, "customers alive at the start");
  check_matches(simulated.purchases, expected,
                fmt::format("repeat purchases in the next {:.1f} weeks", weeks));
  return loaded;
}

}  // namespace

TEST_CASE("CDNOW customers started from their histories buy what BG/NBD's conditional expectation says",
          "[io][latent]") {
  const auto loaded = check_against_the_model(cb::BgNbdParameters{0.243, 4.414, 0.793, 2.426},
                                              "model: bg_nbd, r: 0.243, alpha: 4.414, a: 0.793, b: 2.426");
  // The history is read where the scenario is, and only its path goes into the resolved scenario.
  CHECK(loaded.resolved_yaml.find("history: \"" + cdnow_summary.string() + "\"") != std::string::npos);
  CHECK(loaded.resolved_yaml.find("probability_alive") == std::string::npos);
}

TEST_CASE("CDNOW customers started from their histories buy what Pareto/NBD's conditional expectation says",
          "[io][latent]") {
  (void)check_against_the_model(cb::ParetoNbdParameters{0.553, 10.578, 0.606, 11.669},
                                "model: pareto_nbd, r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669");
}

TEST_CASE("scenarios that start from the same history under the same model share its customers",
          "[io][latent]") {
  // A sweep loads its scenario once per design point: the file is read and P(alive) computed once.
  const auto histories_of = [](const std::string& buyers) {
    return sim::run::load_scenario_text(cdnow_scenario(buyers), "cdnow.yaml")
        .scenario.segments[0]
        .buyers->histories;
  };
  const auto first = histories_of("model: bg_nbd, r: 0.243");
  REQUIRE(first);
  CHECK(first->size() == cdnow_customers);
  CHECK(histories_of("model: bg_nbd, r: 0.243") == first);
  const auto other = histories_of("model: bg_nbd, r: 0.3");
  CHECK(other != first);
  CHECK(other->front().probability_alive != first->front().probability_alive);
}

TEST_CASE("a history that is missing, of another size or damaged is refused where it is named",
          "[io][latent]") {
  const std::string buyers = "model: bg_nbd";
  const auto message_of = [](const std::string& yaml) {
    try {
      (void)sim::run::load_scenario_text(yaml, "cdnow.yaml");
    } catch (const sim::io::InputError& error) {
      return std::string(error.what());
    }
    return std::string("loaded");
  };
  CHECK_THAT(message_of(cdnow_scenario(buyers, cdnow_customers, "/no/such/summary.csv")),
             Catch::Contains("segments[0].buyers.history") && Catch::Contains("no such file"));
  CHECK_THAT(message_of(cdnow_scenario(buyers, 100)),
             Catch::Contains("segments[0].initial_customers") && Catch::Contains("holds 2357"));
  const auto damaged = std::filesystem::temp_directory_path() / "salesim-damaged-history.csv";
  std::ofstream(damaged) << "ID,x,t_x,T\n1,2,30,20\n";
  CHECK_THAT(message_of(cdnow_scenario(buyers, 1, damaged.string())),
             Catch::Contains(damaged.string() + ":2") && Catch::Contains("later than"));
  std::filesystem::remove(damaged);
}

TEST_CASE("the resolved scenario records the history's digest, and a changed history is refused",
          "[io][latent]") {
  const auto folder = std::filesystem::temp_directory_path() / "salesim-history-digest";
  std::filesystem::create_directories(folder);
  const auto history = folder / "customers.csv";
  std::ofstream(history) << "ID,x,t_x,T\n1,2,30,38\n2,0,0,38\n";
  const std::string scenario = cdnow_scenario("model: bg_nbd", 2, "customers.csv");
  const auto loaded = sim::run::load_scenario_text(scenario, (folder / "base.yaml").string());
  CHECK(loaded.resolved_yaml.find("history: \"customers.csv\"") != std::string::npos);
  CHECK(loaded.resolved_yaml.find("history_digest: ") != std::string::npos);
  // The same file loads again from its resolved scenario; a changed one does not.
  CHECK_NOTHROW(sim::run::load_scenario_text(loaded.resolved_yaml, (folder / "base.yaml").string()));
  std::ofstream(history) << "ID,x,t_x,T\n1,3,30,38\n2,0,0,38\n";
  CHECK_THROWS_WITH(sim::run::load_scenario_text(loaded.resolved_yaml, (folder / "base.yaml").string()),
                    Catch::Contains("segments[0].buyers.history_digest") && Catch::Contains("has changed"));
  std::filesystem::remove_all(folder);
}
