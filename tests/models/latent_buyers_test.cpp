// Heterogeneous buyers (BG/NBD, Pareto/NBD, Gamma-Gamma) in the simulated world: the fitted process is
// what the world simulates, satisfaction acts on top of it, and a fit recovers what was simulated.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "analysis/customer_base/bg_nbd.h"
#include "analysis/customer_base/gamma_gamma.h"
#include "analysis/customer_base/pareto_nbd.h"
#include "analysis/customer_base/transaction_summary.h"
#include "analysis/monte_carlo_stats.h"
#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "sim/core/parallel.h"

namespace {

using namespace salesim;
namespace cb = analysis::customer_base;

/// A cohort of `customers` all active at month 0, at reference satisfaction with no shocks, so the
/// satisfaction multipliers are exactly 1 and the world simulates the fitted process itself.
models::Scenario cohort_world(models::LatentBuyers buyers, std::uint32_t customers, std::uint32_t months) {
  models::Scenario scenario;
  scenario.name = "latent-cohort";
  scenario.run.horizon_months = months;
  scenario.run.seed = 99;
  scenario.satisfaction.shock_sd = 0.0;
  models::SegmentParams segment;
  segment.name = "cohort";
  segment.size = customers;
  segment.initial_customers = customers;
  segment.buyers = buyers;
  scenario.segments.push_back(segment);
  return scenario;
}

/// The simulated purchases as a transaction log summarized for the fits, in weeks, with day 0 the first
/// purchase of every customer (as salesim calibrate reads a log written by salesim run --transactions).
cb::CohortSummary summarize(std::vector<models::customer::Transaction> purchases, std::int32_t last_day) {
  std::stable_sort(purchases.begin(), purchases.end(), [](const auto& left, const auto& right) {
    return left.member != right.member ? left.member < right.member : left.day < right.day;
  });
  cb::TransactionSummary summary({last_day, std::nullopt, 7.0}, cb::DuplicateRows::keep);
  std::uint64_t line = 0;
  for (const auto& purchase : purchases) {
    summary.add(std::to_string(purchase.member), static_cast<std::int32_t>(std::floor(purchase.day)),
                std::round(purchase.amount * 100.0) / 100.0, std::nullopt, ++line);
  }
  return summary.summarize();
}

/// The histories of the exact simulated purchase times, in weeks, observed to `end_day`.
std::vector<cb::CustomerHistory> exact_histories(const std::vector<models::customer::Transaction>& purchases,
                                                 std::size_t customers, double end_day) {
  std::vector<cb::CustomerHistory> histories(customers, {0.0, 0.0, end_day / 7.0, 0.0});
  for (const auto& purchase : purchases) {
    if (purchase.day == 0.0 || purchase.day > end_day) continue;  // day 0: the first purchase
    cb::CustomerHistory& history = histories[purchase.member];
    history.mean_spend =
        (history.mean_spend * history.frequency + purchase.amount) / (history.frequency + 1.0);
    history.frequency += 1.0;
    history.recency = std::max(history.recency, purchase.day / 7.0);
  }
  return histories;
}

/// How often, over replications, each parameter's 95% interval covered the truth.
struct Coverage {
  std::map<std::string, int> covered;
  std::map<std::string, double> estimate_sum;
  int fits = 0;

  void add(const cb::FitResult& fit, const std::map<std::string, double>& truth) {
    REQUIRE(fit.converged);
    ++fits;
    for (const auto& [name, value] : truth) {
      const cb::ParameterEstimate& estimate = fit.parameter(name);
      covered[name] += std::abs(estimate.value - value) <= 1.96 * estimate.standard_error ? 1 : 0;
      estimate_sum[name] += estimate.value;
    }
  }
  /// At 95% coverage, 10 fits cover the truth 8 times or more with probability 0.99.
  void require_nominal(const std::string& label, const std::map<std::string, double>& truth) const {
    for (const auto& [name, value] : truth) {
      const std::string line =
          fmt::format("{} {}: truth {}, mean estimate {:.4f}, covered in {} of {} fits", label, name, value,
                      estimate_sum.at(name) / fits, covered.at(name), fits);
      WARN(line);
      CHECK(covered.at(name) >= fits - 2);
    }
  }
  /// Each parameter's mean estimate within `share` of the truth.
  void require_within(const std::string& label, const std::map<std::string, double>& truth,
                      double share) const {
    for (const auto& [name, value] : truth) {
      const double mean = estimate_sum.at(name) / fits;
      WARN(fmt::format("{} {}: truth {}, mean estimate {:.4f} ({:+.1f}%), covered in {} of {} fits", label,
                       name, value, mean, 100.0 * (mean / value - 1.0), covered.at(name), fits));
      CHECK(std::abs(mean / value - 1.0) <= share);
    }
  }
};

constexpr std::uint32_t round_trip_customers = 20000;
constexpr std::uint32_t round_trip_months = 18;
constexpr std::uint32_t round_trip_fits = 10;

}  // namespace

TEST_CASE("a simulated BG/NBD cohort refitted covers its parameters in 95% of fits", "[models][latent]") {
  models::LatentBuyers truth;  // the CDNOW fit of Fader, Hardie & Lee 2005, in weeks
  truth.spend = models::GammaGammaSpend{};
  const std::map<std::string, double> transaction_truth{
      {"r", truth.r}, {"alpha", truth.alpha}, {"a", truth.a}, {"b", truth.b}};
  const std::map<std::string, double> spend_truth{
      {"p", truth.spend->p}, {"q", truth.spend->q}, {"gamma", truth.spend->gamma}};
  const models::Scenario scenario = cohort_world(truth, round_trip_customers, round_trip_months);
  const double end_day = round_trip_months * models::world::days_per_month;
  const auto last_day = static_cast<std::int32_t>(std::floor(end_day)) - 1;
  Coverage exact, logged, spend;
  for (std::uint32_t r = 0; r < round_trip_fits; ++r) {
    std::vector<models::customer::Transaction> purchases;
    static_cast<void>(models::world::simulate_run(scenario, {scenario.run.seed, 0, r}, &purchases));
    const auto histories = exact_histories(purchases, round_trip_customers, end_day);
    exact.add(cb::fit_bg_nbd(histories).result, transaction_truth);
    std::vector<cb::CustomerHistory> spenders;
    for (const auto& history : histories)
      if (history.frequency > 0) spenders.push_back(history);
    spend.add(cb::fit_gamma_gamma(spenders).result, spend_truth);
    const cb::CohortSummary cohort = summarize(purchases, last_day);
    REQUIRE(cohort.histories.size() == round_trip_customers);
    logged.add(cb::fit_bg_nbd(cohort.histories).result, transaction_truth);
  }
  exact.require_nominal("exact purchase times: BG/NBD", transaction_truth);
  spend.require_nominal("exact purchase times: Gamma-Gamma", spend_truth);
  // A log holds days: same-day purchases are one transaction (Fader, Hardie & Lee 2005), which thins the
  // heaviest buyers and moves alpha up by about 5% (2 standard errors at 20,000 customers; README).
  logged.require_within("day-resolution log: BG/NBD", transaction_truth, 0.10);
}

TEST_CASE("a simulated Pareto/NBD cohort refitted covers its parameters in 95% of fits", "[models][latent]") {
  models::LatentBuyers truth;
  truth.model = models::BuyerModel::pareto_nbd;
  truth.r = 0.55;  // the CDNOW fit of Fader, Hardie & Lee's note 008, in weeks
  truth.alpha = 10.58;
  truth.s = 0.61;
  truth.beta = 11.67;
  const std::map<std::string, double> transaction_truth{
      {"r", truth.r}, {"alpha", truth.alpha}, {"s", truth.s}, {"beta", truth.beta}};
  const models::Scenario scenario = cohort_world(truth, round_trip_customers, round_trip_months);
  const double end_day = round_trip_months * models::world::days_per_month;
  Coverage exact;
  for (std::uint32_t r = 0; r < round_trip_fits; ++r) {
    std::vector<models::customer::Transaction> purchases;
    static_cast<void>(models::world::simulate_run(scenario, {scenario.run.seed, 0, r}, &purchases));
    exact.add(cb::fit_pareto_nbd(exact_histories(purchases, round_trip_customers, end_day)).result,
              transaction_truth);
  }
  exact.require_nominal("exact purchase times: Pareto/NBD", transaction_truth);
}

TEST_CASE("latent buyers make several purchases in a month and their expected count matches E[X(t)]",
          "[models][latent]") {
  models::LatentBuyers frequent;
  frequent.r = 8.0;  // mean rate 2 purchases a week, little spread, rare dropout
  frequent.alpha = 4.0;
  frequent.a = 0.5;
  frequent.b = 50.0;
  const models::Scenario scenario = cohort_world(frequent, 5000, 1);
  std::vector<models::customer::Transaction> purchases;
  const auto run = models::world::simulate_run(scenario, {scenario.run.seed, 0, 0}, &purchases);
  const double per_customer = static_cast<double>(run.months.front().purchases) / 5000.0;
  const double expected = cb::expected_transactions(cb::BgNbdParameters{8.0, 4.0, 0.5, 50.0},
                                                    models::world::days_per_month / 7.0);
  INFO("purchases per customer in month 1: " << per_customer << ", BG/NBD E[X(t)] " << expected);
  CHECK(per_customer > 5.0);
  CHECK(std::abs(per_customer - expected) < 0.03 * expected);
  // The log holds the month's purchases plus each customer's first purchase at day 0.
  CHECK(purchases.size() == run.months.front().purchases + 5000);
}

TEST_CASE("better service raises revenue and lowers dropout of fitted customers", "[models][latent]") {
  models::Scenario poor = cohort_world(models::LatentBuyers{}, 10000, 24);
  poor.satisfaction.shock_sd = 0.3;
  poor.service.level = 0.3;
  models::Scenario good = poor;
  good.service.level = 0.8;
  std::vector<double> purchases_gain, churn_gain;
  for (std::uint32_t r = 0; r < 10; ++r) {
    const auto p = analysis::customer_run_record(models::world::simulate_run(poor, {poor.run.seed, 0, r}));
    const auto g = analysis::customer_run_record(models::world::simulate_run(good, {good.run.seed, 0, r}));
    const auto& names = analysis::customer_metric_catalog(24).summary_names;
    const auto at = [&](const char* name) {
      return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
    };
    purchases_gain.push_back(g.summary[at("revenue")] / p.summary[at("revenue")] - 1.0);
    churn_gain.push_back(g.summary[at("churned")] / p.summary[at("churned")] - 1.0);
  }
  const auto purchases = analysis::summarize_replications(purchases_gain);
  const auto churn = analysis::summarize_replications(churn_gain);
  INFO("revenue " << purchases.mean << " [" << purchases.ci_low << ", " << purchases.ci_high << "], churned "
                  << churn.mean << " [" << churn.ci_low << ", " << churn.ci_high << "]");
  CHECK(purchases.ci_low > 0.0);
  CHECK(churn.ci_high < 0.0);
}

TEST_CASE("latent buyers give the same purchases on one thread and on several", "[models][latent]") {
  models::LatentBuyers buyers;
  buyers.spend = models::GammaGammaSpend{};
  models::Scenario scenario = cohort_world(buyers, 30000, 6);
  scenario.satisfaction.shock_sd = 0.3;
  const auto simulate = [&](std::size_t threads) {
    const sim::core::ThreadLimit limit(threads);
    std::vector<models::customer::Transaction> purchases;
    static_cast<void>(models::world::simulate_run(scenario, {scenario.run.seed, 0, 2}, &purchases));
    return purchases;
  };
  const auto one = simulate(1);
  const auto four = simulate(4);
  REQUIRE(one.size() == four.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    REQUIRE(one[i].member == four[i].member);
    REQUIRE(one[i].day == four[i].day);
    REQUIRE(one[i].amount == four[i].amount);
  }
}
