// A timeline changes terms from a month on: runs fork from a common past, state carries over, and
// the new terms show their effect only after the change.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/paired_difference.h"
#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "sim/run/scenario_loader.h"
#include "tests/common/effect_report.h"

using namespace salesim;

namespace {

/// 600 accounts, 6 reps on a 2% monthly commission, two years.
const std::string sales_force = R"(
name: commission-switch
run: {horizon_months: 24, replications: 12, seed: 77}
segments:
  - name: accounts
    size: 700
    initial_customers: 600
    spend_per_purchase: {mean: 200, cv: 0.5}
    base_churn_hazard_per_month: 0.015
    referral_propensity: 0.0
workforce:
  reps: 6
  profile: {effort_cost: 400, service_norm: 400, outside_option: 1000}
  plan:
    period: month
    salary_per_month: 2000
    quota_per_month: 15000
    commission:
      base: revenue
      tiers:
        - {from_attainment: 0, rate: 0.02}
)";

const std::string raise_at_13 = R"(
timeline:
  - month: 13
    note: the commission rises to 8%
    set:
      workforce.plan.commission.tiers[0].rate: 0.08
)";

models::Scenario load(const std::string& text) {
  return sim::run::load_scenario_text(text, "timeline.yaml").scenario;
}

struct Series {
  std::vector<std::string> names;
  std::vector<std::vector<double>> runs;  ///< per replication: metric-major, month-minor
};

Series series_of(const models::Scenario& scenario) {
  Series series{analysis::customer_metric_catalog(scenario.run.horizon_months).timeseries_names, {}};
  for (std::uint32_t r = 0; r < scenario.run.replications; ++r) {
    const auto record =
        analysis::customer_run_record(models::world::simulate_run(scenario, {scenario.run.seed, 0, r}));
    series.runs.push_back(record.timeseries);
  }
  return series;
}

/// Per replication, the mean of `metric` over months [from, to] (1-based, inclusive).
std::vector<double> mean_over(const Series& series, const std::string& metric, std::uint32_t from,
                              std::uint32_t to) {
  const std::size_t horizon = series.runs.front().size() / series.names.size();
  const auto index = static_cast<std::size_t>(std::find(series.names.begin(), series.names.end(), metric) -
                                              series.names.begin());
  REQUIRE(index < series.names.size());
  std::vector<double> means;
  for (const auto& run : series.runs) {
    double sum = 0.0;
    for (std::uint32_t m = from; m <= to; ++m) sum += run[index * horizon + m - 1];
    means.push_back(sum / (to - from + 1));
  }
  return means;
}

/// Whether every time series of both is bit-identical in months [1, through].
bool identical_through(const Series& a, const Series& b, std::uint32_t through) {
  const std::size_t horizon = a.runs.front().size() / a.names.size();
  for (std::size_t r = 0; r < a.runs.size(); ++r) {
    for (std::size_t metric = 0; metric < a.names.size(); ++metric) {
      const double* x = a.runs[r].data() + metric * horizon;
      const double* y = b.runs[r].data() + metric * horizon;
      if (std::memcmp(x, y, through * sizeof(double)) != 0) {
        UNSCOPED_INFO("differs: " << a.names[metric] << " in replication " << r);
        return false;
      }
    }
  }
  return true;
}

/// The paired change in `metric`'s monthly mean over months [from, to], printed as `label`.
analysis::PairedComparison paired_change(const Series& before, const Series& after, const std::string& metric,
                                         std::uint32_t from, std::uint32_t to, const std::string& label) {
  const auto comparison =
      analysis::compare_paired(mean_over(before, metric, from, to), mean_over(after, metric, from, to));
  tests::report_effect(label, comparison.paired);
  return comparison;
}

}  // namespace

TEST_CASE("a commission raised at month 13 leaves months 1-12 bit-identical and raises selling after",
          "[timeline][workforce]") {
  const models::Scenario unchanged = load(sales_force);
  const models::Scenario changed = load(sales_force + raise_at_13);
  REQUIRE(changed.phases.size() == 1);
  CHECK(changed.phases[0].from_month == 13);
  CHECK(changed.phases[0].terms->workforce.plan.commission->tiers[0].rate == 0.08);
  CHECK(unchanged.phases.empty());

  const Series before = series_of(unchanged), after = series_of(changed);
  CHECK(identical_through(before, after, 12));
  CHECK_FALSE(identical_through(before, after, 13));

  const auto effort = paired_change(before, after, "sell_effort", 13, 24,
                                    "sell effort, months 13-24, commission 2% -> 8% at month 13");
  const auto revenue = paired_change(before, after, "revenue", 13, 24,
                                     "revenue per month, months 13-24, commission 2% -> 8% at month 13");
  CHECK(effort.paired.ci_low > 0.0);
  CHECK(revenue.paired.ci_low > 0.0);
}

TEST_CASE("a plan change settles the open period pro rata, so the months before it are paid",
          "[timeline][workforce]") {
  // An annual quota bonus replaced in month 7 by a monthly commission: months 1-6 are a period of
  // their own, paid at month 6 with half the bonus and half the quota.
  const std::string annual = R"(
name: bonus-then-commission
run: {horizon_months: 12, replications: 4, seed: 5}
segments:
  - {name: accounts, size: 700, initial_customers: 600, spend_per_purchase: {mean: 200, cv: 0.5}}
workforce:
  reps: 6
  profile: {effort_cost: 400, service_norm: 400, outside_option: 1000}
  plan: {period: year, salary_per_month: 2000, quota_per_month: 5000, quota_bonus: 6000}
timeline:
  - month: 7
    set:
      workforce.plan.period: month
      workforce.plan.quota_bonus: 0
)";
  const models::Scenario scenario = load(annual);
  for (std::uint32_t r = 0; r < scenario.run.replications; ++r) {
    const auto run = models::world::simulate_run(scenario, {scenario.run.seed, 0, r});
    REQUIRE(run.workforce_months.size() == 12);
    CAPTURE(r);
    // Month 6 closes the annual period early; from month 7 every month ends a monthly period.
    CHECK(run.workforce_months[5].period_ends == 6);
    CHECK(run.workforce_months[5].variable_pay > 0.0);
    CHECK(run.workforce_months[5].variable_pay <= 6 * 3000.0);
    for (std::uint32_t m = 0; m < 5; ++m) CHECK(run.workforce_months[m].period_ends == 0);
    for (std::uint32_t m = 6; m < 12; ++m) CHECK(run.workforce_months[m].period_ends == 6);
  }
}

TEST_CASE(
    "trust and relationships carry over a contract change; removing a penalty clause lets cooperation fall",
    "[timeline][partnership]") {
  // A penalty on a clean KPI is what makes effort pay for the supplier: without it, effort costs 10 a
  // month and earns nothing (buyers here never renegotiate: no hold-up gain). Removing the clause at
  // month 24 leaves effort to the relationship alone; buyers' trust follows the effort they see.
  const std::string sla = R"(
name: penalty-removed
run: {horizon_months: 48, replications: 40, seed: 9}
partnerships:
  buyers: 20
  suppliers: 30
  game: {buyer_value_cooperative: 130, buyer_value_defecting: 100, supplier_cost: 70, effort_cost: 10,
         holdup_gain: 0, kpi_cooperative: 0.97, kpi_defecting: 0.85}
  contract:
    price_per_month: 112
    duration_months: 12
    kpis:
      - {kind: on_time_delivery, target: 0.95, penalty_per_point: 2.0}
  behaviour: {continuation_probability: 0.85, initial_trust: 0.8}
)";
  const std::string removal = R"(
timeline:
  - month: 24
    note: the penalty clause is dropped
    set:
      partnerships.contract.kpis[0].penalty_per_point: 0
)";
  const models::Scenario kept = load(sla), dropped = load(sla + removal);
  const Series with_clause = series_of(kept), without = series_of(dropped);
  CHECK(identical_through(with_clause, without, 23));
  const auto cooperation = paired_change(with_clause, without, "cooperation_rate", 25, 48,
                                         "cooperation, months 25-48, penalty removed at 24");
  const auto trust = paired_change(with_clause, without, "buyer_trust", 25, 48,
                                   "buyer trust, months 25-48, penalty removed at 24");
  CHECK(cooperation.paired.ci_high < 0.0);
  CHECK(trust.paired.ci_high < 0.0);
}

TEST_CASE("contract changes at renewal reach each relationship only when its term ends",
          "[timeline][partnership]") {
  // Two-year contracts signed at month 0; the penalty that makes effort pay is dropped from month 13.
  // Immediately: suppliers stop at once. At renewal: the running terms hold until month 24.
  const auto scenario = [](const char* when) {
    return load(std::string(R"(
name: renegotiated
run: {horizon_months: 48, replications: 10, seed: 21}
partnerships:
  buyers: 20
  suppliers: 30
  contract_changes: )") +
                when + R"(
  game: {holdup_gain: 0}
  contract:
    price_per_month: 112
    duration_months: 24
    kpis:
      - {kind: on_time_delivery, target: 0.95, penalty_per_point: 2.0}
  behaviour: {continuation_probability: 0.999}
timeline:
  - month: 13
    set:
      partnerships.contract.kpis[0].penalty_per_point: 0
)");
  };
  const Series immediately = series_of(scenario("immediately")),
               at_renewal = series_of(scenario("at_renewal"));
  const auto mean = [](const std::vector<double>& values) {
    double sum = 0.0;
    for (const double v : values) sum += v;
    return sum / static_cast<double>(values.size());
  };
  CHECK(mean(mean_over(immediately, "cooperation_rate", 13, 24)) < 0.05);
  CHECK(mean(mean_over(at_renewal, "cooperation_rate", 13, 24)) > 0.95);
  // Renewed without the clause, relationships stop cooperating too.
  CHECK(mean(mean_over(at_renewal, "cooperation_rate", 26, 48)) < 0.05);
  CHECK(identical_through(immediately, at_renewal, 12));
}
