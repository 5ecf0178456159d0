// The customer world: CLV oracle, conservation, survey NPS, determinism.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/clv.h"
#include "analysis/markov_clv.h"
#include "analysis/monte_carlo_stats.h"
#include "analysis/nps.h"
#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "sim/core/parallel.h"
#include "tests/common/effect_report.h"
#include "tests/common/scenario_builders.h"

using namespace salesim;
using models::world::RunObservation;
using models::world::simulate_run;

namespace {

double mean_of(const std::vector<double>& values) {
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

/// Pooled true and surveyed NPS of each replication.
struct NpsPair {
  std::vector<double> true_nps, surveyed_nps, difference;
};

NpsPair nps_over_replications(const models::Scenario& scenario, std::uint32_t replications) {
  NpsPair result;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const RunObservation run = simulate_run(scenario, {scenario.run.seed, 0, r});
    models::world::RecommendCounts truth, survey;
    for (const auto& month : run.months) {
      truth += month.true_answers;
      survey += month.survey_answers;
    }
    result.true_nps.push_back(analysis::net_promoter_score(truth));
    result.surveyed_nps.push_back(analysis::net_promoter_score(survey));
    result.difference.push_back(result.surveyed_nps.back() - result.true_nps.back());
  }
  return result;
}

}  // namespace

TEST_CASE("mean realized CLV matches the constant-retention closed form", "[models][customer][oracle]") {
  const double margin = 50.0, retention = 0.9, discount_per_year = 0.12;
  const double d = models::monthly_discount_rate(discount_per_year);

  SECTION("finite horizon: m * sum_{k=1..T} (r / (1 + d))^k") {
    const auto scenario = tests::constant_retention_cohort(margin, retention, discount_per_year, 36, 4000);
    std::vector<double> mean_clv;
    for (std::uint32_t r = 0; r < 30; ++r) {
      mean_clv.push_back(mean_of(simulate_run(scenario, {scenario.run.seed, 0, r}).realized_clv));
    }
    const auto stats = analysis::summarize_replications(mean_clv);
    const double oracle = analysis::clv_constant_retention_finite(margin, retention, d, 36);
    tests::report_effect("mean CLV, 36 months (oracle " + std::to_string(oracle) + ")", stats);
    CHECK(stats.ci_low <= oracle);
    CHECK(oracle <= stats.ci_high);
    CHECK(stats.ci_high - stats.ci_low < 0.02 * oracle);  // the interval is tight enough to mean something
    // The world's own prediction from segment averages is that closed form, to rounding.
    const auto run = simulate_run(scenario, {scenario.run.seed, 0, 0});
    CHECK(run.predicted_clv_initial / static_cast<double>(run.initial_customers) ==
          Approx(oracle).epsilon(1e-6));
  }
  SECTION("long horizon: m r / (1 + d - r)") {
    const auto scenario = tests::constant_retention_cohort(margin, retention, discount_per_year, 400, 4000);
    std::vector<double> mean_clv;
    for (std::uint32_t r = 0; r < 20; ++r) {
      mean_clv.push_back(mean_of(simulate_run(scenario, {scenario.run.seed, 0, r}).realized_clv));
    }
    const auto stats = analysis::summarize_replications(mean_clv);
    const double oracle = analysis::clv_constant_retention(margin, retention, d);
    tests::report_effect("mean CLV, 400 months (oracle " + std::to_string(oracle) + ")", stats);
    CHECK(stats.ci_low <= oracle);
    CHECK(oracle <= stats.ci_high);
  }
}

TEST_CASE("customers are conserved every month", "[models][customer][conservation]") {
  const auto scenario = tests::lively_market();
  models::world::World world(scenario, {scenario.run.seed, 0, 0});
  std::uint64_t active = 900 + 300;
  std::uint64_t acquired_total = 0, churned_total = 0;
  for (std::uint32_t month = 1; month <= scenario.run.horizon_months; ++month) {
    const auto observed = world.advance(month);
    const std::uint64_t acquired = observed.acquired();
    CHECK(observed.active_at_start == active);
    CHECK(observed.active_at_start + acquired - observed.churned == observed.active_at_end);
    active = observed.active_at_end;
    acquired_total += acquired;
    churned_total += observed.churned;
  }
  // Both flows happen, so the identity is not vacuous.
  CHECK(acquired_total > 100);
  CHECK(churned_total > 100);
  std::uint64_t active_in_table = 0, churned_in_table = 0;
  for (auto status : world.customers().status) {
    active_in_table += status == models::customer::CustomerStatus::active;
    churned_in_table += status == models::customer::CustomerStatus::churned;
  }
  CHECK(active_in_table == active);
  CHECK(churned_in_table == churned_total);
}

TEST_CASE("a complete unbiased survey reports exactly the true NPS", "[models][survey][nps]") {
  auto scenario = tests::lively_market();
  scenario.survey = {1.0, 1.0, 0.0, 0.0};
  const RunObservation run = simulate_run(scenario, {scenario.run.seed, 0, 0});
  std::uint64_t acquired = 0;
  for (const auto& month : run.months) {
    acquired += month.acquired();
    CHECK(month.surveys_sent == month.active_at_start - month.churned);
    CHECK(month.survey_answers.promoters == month.true_answers.promoters);
    CHECK(month.survey_answers.passives == month.true_answers.passives);
    CHECK(month.survey_answers.detractors == month.true_answers.detractors);
  }
  CHECK(acquired > 0);  // customers won during a month do not break the equality
}

TEST_CASE("a sampled unbiased survey converges to true NPS; a biased one departs in the bias's direction",
          "[models][survey][nps][stylized]") {
  auto scenario = tests::lively_market();
  scenario.survey = {0.2, 0.5, 0.0, 0.0};
  const auto unbiased = analysis::summarize_replications(nps_over_replications(scenario, 20).difference);
  tests::report_effect("surveyed - true NPS, unbiased survey", unbiased);
  CHECK(unbiased.ci_low <= 0.0);
  CHECK(0.0 <= unbiased.ci_high);
  CHECK(unbiased.ci_high - unbiased.ci_low < 2.0);

  scenario.survey.nonresponse_bias = 0.8;
  const auto happy_answer = analysis::summarize_replications(nps_over_replications(scenario, 20).difference);
  tests::report_effect("surveyed - true NPS, satisfied customers answer more", happy_answer);
  CHECK(happy_answer.ci_low > 0.0);

  scenario.survey.nonresponse_bias = -0.8;
  const auto angry_answer = analysis::summarize_replications(nps_over_replications(scenario, 20).difference);
  tests::report_effect("surveyed - true NPS, dissatisfied customers answer more", angry_answer);
  CHECK(angry_answer.ci_high < 0.0);
}

TEST_CASE("better service lowers churn and raises customer equity", "[models][customer][stylized]") {
  auto poor = tests::lively_market();
  poor.service.level = 0.2;
  auto good = poor;
  good.service.level = 0.9;
  const auto names = analysis::customer_metric_catalog(poor.run.horizon_months).summary_names;
  const auto index_of = [&](const char* name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  const std::size_t churn_rate = index_of("churn_rate"), customer_equity = index_of("customer_equity");
  REQUIRE(customer_equity < names.size());
  std::vector<double> churn_difference, equity_difference;
  for (std::uint32_t r = 0; r < 10; ++r) {
    const auto p = analysis::customer_run_record(simulate_run(poor, {poor.run.seed, 0, r}));
    const auto g = analysis::customer_run_record(simulate_run(good, {good.run.seed, 0, r}));
    churn_difference.push_back(g.summary[churn_rate] - p.summary[churn_rate]);
    equity_difference.push_back(g.summary[customer_equity] - p.summary[customer_equity]);
  }
  const auto churn = analysis::summarize_replications(churn_difference);
  const auto equity = analysis::summarize_replications(equity_difference);
  tests::report_effect("monthly churn rate, service 0.9 - 0.2", churn);
  tests::report_effect("customer equity, service 0.9 - 0.2", equity);
  CHECK(churn.ci_high < 0.0);
  CHECK(equity.ci_low > 0.0);
}

TEST_CASE("a run is bit-identical with 1, 2 and 8 threads", "[models][determinism]") {
  auto scenario = tests::lively_market();
  scenario.segments[0].size = 40000;  // several blocks per month
  auto run_with = [&](std::size_t threads) {
    const sim::core::ThreadLimit limit(threads);
    return analysis::customer_run_record(simulate_run(scenario, {scenario.run.seed, 0, 3}));
  };
  const auto one = run_with(1);
  for (std::size_t threads : {2u, 8u}) {
    const auto other = run_with(threads);
    REQUIRE(one.summary.size() == other.summary.size());
    REQUIRE(one.timeseries.size() == other.timeseries.size());
    CHECK(std::memcmp(one.summary.data(), other.summary.data(), one.summary.size() * sizeof(double)) == 0);
    CHECK(std::memcmp(one.timeseries.data(), other.timeseries.data(),
                      one.timeseries.size() * sizeof(double)) == 0);
  }
}

TEST_CASE("simulated CLV of random purchases matches the Markov-chain CLV",
          "[models][customer][oracle][markov]") {
  // Customers buy with probability 0.6 a month, spend varies (cv 0.5): the chain
  // {active, lost} with expected reward 0.6 x margin reproduces their mean CLV.
  auto scenario = tests::constant_retention_cohort(40.0, 0.93, 0.10, 300, 4000);
  scenario.segments[0].purchase_rate_per_month = 0.6;
  scenario.segments[0].spend_per_purchase.cv = 0.5;
  const double d = models::monthly_discount_rate(0.10);
  const double expected_margin = 0.6 * 40.0;
  const Eigen::Vector2d rewards(expected_margin, 0.0);
  const double oracle = analysis::markov_clv(analysis::retention_chain(0.93), rewards, d,
                                             analysis::RewardTiming::after_first_period)(0);
  std::vector<double> mean_clv;
  for (std::uint32_t r = 0; r < 20; ++r) {
    mean_clv.push_back(mean_of(simulate_run(scenario, {scenario.run.seed, 0, r}).realized_clv));
  }
  const auto stats = analysis::summarize_replications(mean_clv);
  tests::report_effect("mean CLV, random purchases (Markov oracle " + std::to_string(oracle) + ")", stats);
  CHECK(stats.ci_low <= oracle);
  CHECK(oracle <= stats.ci_high);
}

TEST_CASE("a staffed run is bit-identical with 1, 2 and 8 threads", "[models][determinism][workforce]") {
  // Territories are summed per block and blocks in a fixed order, so reps see the same books.
  auto scenario = tests::lively_market();
  scenario.segments[0].size = 40000;
  scenario.workforce.reps = 37;
  scenario.workforce.profile.service_norm = 200.0;
  scenario.workforce.plan.quota_per_month = 20000.0;
  scenario.workforce.coaching_possible = true;
  scenario.workforce.discount_authority = 0.2;
  scenario.workforce.clv_scores_visible = true;
  scenario.workforce.clv_score_noise = 0.4;
  scenario.workforce.decision_noise = 50.0;
  scenario.workforce.plan.period = models::workforce::EvaluationPeriod::quarter;
  scenario.workforce.plan.commission =
      models::workforce::Commission{models::workforce::CommissionBase::revenue, {{0.0, 0.03}, {1.0, 0.06}}};
  scenario.workforce.plan.nps_bonus = models::workforce::NpsBonus{-50.0, 10.0, {}};
  // Reps who differ, some of whom quit and are replaced by hires who draw afresh.
  scenario.workforce.profile.risk_aversion = 0.001;
  scenario.workforce.spread.skill = models::workforce::TraitSpread{.sd = 0.3};
  scenario.workforce.spread.risk_aversion = models::workforce::TraitSpread{.sd = 0.001};
  scenario.workforce.spread.outside_option = models::workforce::TraitSpread{
      .distribution = models::workforce::TraitDistribution::normal, .sd = 1500.0};
  auto run_with = [&](std::size_t threads) {
    const sim::core::ThreadLimit limit(threads);
    return analysis::customer_run_record(simulate_run(scenario, {scenario.run.seed, 0, 5}));
  };
  const auto one = run_with(1);
  const auto names = analysis::customer_metric_catalog(scenario.run.horizon_months).summary_names;
  const auto quits = static_cast<std::size_t>(std::find(names.begin(), names.end(), "quits") - names.begin());
  REQUIRE(quits < names.size());
  CHECK(one.summary[quits] > 0.0);  // hires happened, and drew their traits
  for (std::size_t threads : {2u, 8u}) {
    const auto other = run_with(threads);
    REQUIRE(one.timeseries.size() == other.timeseries.size());
    CHECK(std::memcmp(one.summary.data(), other.summary.data(), one.summary.size() * sizeof(double)) == 0);
    CHECK(std::memcmp(one.timeseries.data(), other.timeseries.data(),
                      one.timeseries.size() * sizeof(double)) == 0);
  }
}
