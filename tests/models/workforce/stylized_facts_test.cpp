// Stylized facts of sales compensation: each plan change moves reps, customers and the books the
// way the literature found. Plans are compared under common random numbers, effect and CI printed.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/paired_difference.h"
#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "tests/common/effect_report.h"

using namespace salesim;
using models::workforce::CommissionBase;
using models::workforce::CommissionTier;
using models::workforce::EvaluationPeriod;
using models::workforce::IncentivePlan;

namespace {

/// A territory of 3,000 business customers served by 20 reps. A rep's customers buy about 15,000 a
/// month at normal effort; a 5% revenue commission makes normal selling effort the rep's best reply.
models::Scenario staffed_market() {
  models::Scenario scenario;
  scenario.name = "staffed";
  scenario.run.horizon_months = 24;
  scenario.run.seed = 20261125;
  models::SegmentParams accounts;
  accounts.name = "accounts";
  accounts.size = 3600;
  accounts.initial_customers = 3000;
  accounts.spend_per_purchase = {200.0, 0.5};
  accounts.base_churn_hazard_per_month = 0.015;
  accounts.referral_propensity = 0.0;
  scenario.segments = {accounts};
  scenario.survey.sample_rate = 0.3;
  scenario.survey.response_rate = 0.6;
  scenario.survey.nonresponse_bias = 0.0;
  scenario.survey.answer_noise_sd = 0.5;
  auto& workforce = scenario.workforce;
  workforce.reps = 20;
  workforce.profile.effort_cost = 400.0;
  workforce.profile.service_norm = 400.0;  // reps serve at the normal level for its own sake
  workforce.profile.outside_option = 2000.0;
  workforce.plan.quota_per_month = 15000.0;
  workforce.plan.salary_per_month = 2500.0;
  workforce.plan.commission = models::workforce::Commission{CommissionBase::revenue, {{0.0, 0.05}}};
  return scenario;
}

/// One summary metric of `replications` runs of a scenario, replication r on the draws of address r.
std::vector<double> values_of(const models::Scenario& scenario, const std::string& metric,
                              std::uint32_t replications = 12) {
  const auto names = analysis::customer_metric_catalog(scenario.run.horizon_months).summary_names;
  const auto index = static_cast<std::size_t>(std::find(names.begin(), names.end(), metric) - names.begin());
  REQUIRE(index < names.size());
  std::vector<double> values;
  for (std::uint32_t r = 0; r < replications; ++r) {
    values.push_back(
        analysis::customer_run_record(models::world::simulate_run(scenario, {scenario.run.seed, 0, r}))
            .summary[index]);
  }
  return values;
}

/// One metric of two scenarios, replication r of both on the same draws: alternative - baseline.
analysis::PairedComparison compare(const models::Scenario& baseline, const models::Scenario& alternative,
                                   const std::string& metric) {
  return analysis::compare_paired(values_of(baseline, metric), values_of(alternative, metric));
}

analysis::PairedComparison compare_and_report(const models::Scenario& baseline,
                                              const models::Scenario& alternative, const std::string& metric,
                                              const std::string& effect) {
  const auto comparison = compare(baseline, alternative, metric);
  tests::report_effect(effect + ": " + metric, comparison.paired);
  return comparison;
}

}  // namespace

TEST_CASE("an annual quota bonus bends yearly bookings into a last-quarter hockey stick",
          "[workforce][stylized]") {
  // Oyer (1998): with a bonus for making the annual quota, reps near it push (and pull deals
  // forward) at year end; under a linear commission the year is flat.
  auto linear = staffed_market();
  linear.workforce.plan.period = EvaluationPeriod::year;
  auto bonus = linear;
  bonus.workforce.plan.commission->tiers = {{0.0, 0.02}};
  bonus.workforce.plan.quota_bonus = 9000.0;
  const auto share = compare_and_report(linear, bonus, "last_quarter_share", "annual quota bonus - linear");
  CHECK(share.paired.ci_low > 0.0);
}

TEST_CASE("a cap on pay makes reps stop selling once they reach it", "[workforce][stylized]") {
  // Misra & Nair (2011): above a cap effort earns nothing, so reps who reach it early ease off.
  auto uncapped = staffed_market();
  uncapped.workforce.plan.period = EvaluationPeriod::year;
  auto capped = uncapped;
  capped.workforce.plan.variable_pay_cap = 6000.0;  // about half a year's commission
  const auto effort = compare_and_report(uncapped, capped, "sell_effort", "cap - no cap");
  const auto bookings = compare_and_report(uncapped, capped, "booked_revenue", "cap - no cap");
  CHECK(effort.paired.ci_high < 0.0);
  CHECK(bookings.paired.ci_high < 0.0);
}

TEST_CASE("ratcheting quotas make reps who are ahead hold back", "[workforce][stylized]") {
  // Weitzman (1980), Misra & Nair (2011): when beating the quota raises the next one, reps ahead
  // of it sandbag. The quota is easy here, so most reps are ahead.
  auto fixed = staffed_market();
  fixed.workforce.plan.period = EvaluationPeriod::quarter;
  fixed.workforce.plan.quota_per_month = 11000.0;
  fixed.workforce.plan.commission->tiers = {{0.0, 0.03}, {1.0, 0.08}};
  auto ratcheting = fixed;
  ratcheting.workforce.plan.quota_ratchet = 1.0;
  const auto effort = compare_and_report(fixed, ratcheting, "sell_effort", "ratchet - fixed quota");
  CHECK(effort.paired.ci_high < 0.0);
}

TEST_CASE("revenue commission with discount authority deepens discounts and lowers margin",
          "[workforce][stylized]") {
  auto on_margin = staffed_market();
  on_margin.workforce.discount_authority = 0.3;
  on_margin.workforce.plan.commission = models::workforce::Commission{CommissionBase::margin, {{0.0, 0.15}}};
  on_margin.workforce.plan.quota_per_month = 4500.0;
  auto on_revenue = on_margin;
  on_revenue.workforce.plan.commission =
      models::workforce::Commission{CommissionBase::revenue, {{0.0, 0.05}}};
  on_revenue.workforce.plan.quota_per_month = 15000.0;
  const auto depth =
      compare_and_report(on_margin, on_revenue, "discount_depth", "revenue - margin commission");
  const auto margin = compare_and_report(on_margin, on_revenue, "margin", "revenue - margin commission");
  CHECK(depth.paired.ci_low > 0.0);
  CHECK(margin.paired.ci_high < 0.0);
}

TEST_CASE("an NPS bonus with coaching raises measured NPS far more than true NPS", "[workforce][stylized]") {
  // Coaching a customer's answer is easy (3 answer points per unit of effort); serving it better
  // moves true satisfaction, slowly.
  auto plain = staffed_market();
  plain.workforce.coaching_possible = true;
  plain.workforce.response.coaching_lift = 3.0;
  auto nps_paid = plain;
  nps_paid.workforce.plan.nps_bonus = models::workforce::NpsBonus{-50.0, 40.0, {}};
  const auto surveyed = compare_and_report(plain, nps_paid, "surveyed_nps", "NPS bonus - none");
  const auto truth = compare_and_report(plain, nps_paid, "true_nps", "NPS bonus - none");
  const auto gap = compare_and_report(plain, nps_paid, "nps_survey_bias", "NPS bonus - none");
  CHECK(surveyed.paired.ci_low > 0.0);
  CHECK(gap.paired.ci_low > 0.0);
  CHECK(surveyed.paired.mean > 2.0 * truth.paired.mean);
}

TEST_CASE("a plan that pays on sales alone starves service and raises churn", "[workforce][stylized]") {
  // Holmstrom & Milgrom (1991), multitask: what is not measured and paid gets no effort.
  auto sales_only = staffed_market();
  sales_only.workforce.profile.service_norm = 0.0;
  auto with_service_kpi = sales_only;
  with_service_kpi.workforce.plan.nps_bonus = models::workforce::NpsBonus{-50.0, 40.0, {}};
  const auto service =
      compare_and_report(sales_only, with_service_kpi, "service_effort", "service KPI paid - sales only");
  const auto churn =
      compare_and_report(sales_only, with_service_kpi, "churn_rate", "service KPI paid - sales only");
  CHECK(service.paired.ci_low > 0.0);
  CHECK(churn.paired.ci_high < 0.0);
}

TEST_CASE("salary only takes the selling effort out where customers respond to it", "[workforce][stylized]") {
  auto commission = staffed_market();
  auto salary_only = commission;
  salary_only.workforce.plan.commission.reset();
  salary_only.workforce.plan.salary_per_month = 4000.0;
  const auto effort = compare_and_report(commission, salary_only, "sell_effort", "salary only - commission");
  const auto revenue = compare_and_report(commission, salary_only, "revenue", "salary only - commission");
  CHECK(effort.paired.ci_high < 0.0);
  CHECK(revenue.paired.ci_high < 0.0);
}

TEST_CASE("risk-averse reps leave a commission-heavy plan more often", "[workforce][stylized]") {
  // A quarterly quota bonus makes pay lumpy; CARA reps price that risk against their outside option.
  auto salary_heavy = staffed_market();
  salary_heavy.workforce.plan.period = EvaluationPeriod::quarter;
  salary_heavy.workforce.profile.risk_aversion = 0.003;
  salary_heavy.workforce.profile.outside_option = 3000.0;
  salary_heavy.workforce.plan.salary_per_month = 3600.0;
  salary_heavy.workforce.plan.commission->tiers = {{0.0, 0.01}};
  auto commission_heavy = salary_heavy;
  commission_heavy.workforce.plan.salary_per_month = 2000.0;
  commission_heavy.workforce.plan.commission->tiers = {{0.0, 0.05}};
  commission_heavy.workforce.plan.quota_bonus = 6000.0;
  auto risk_neutral = commission_heavy;
  risk_neutral.workforce.profile.risk_aversion = 0.0;
  const auto by_plan =
      compare_and_report(salary_heavy, commission_heavy, "quits", "commission-heavy - salary-heavy");
  const auto by_risk =
      compare_and_report(risk_neutral, commission_heavy, "quits", "risk-averse - risk-neutral");
  CHECK(by_plan.paired.ci_low > 0.0);
  CHECK(by_risk.paired.ci_low > 0.0);
}

TEST_CASE("CLV scores shift service to valuable customers and raise customer equity",
          "[workforce][stylized]") {
  // Two kinds of account, one spending eight times as much; reps who see (noisy) CLV scores serve
  // in proportion to them.
  auto blind = staffed_market();
  blind.segments[0].size = 2800;
  blind.segments[0].initial_customers = 2400;
  auto key_accounts = blind.segments[0];
  key_accounts.name = "key_accounts";
  key_accounts.size = 800;
  key_accounts.initial_customers = 600;
  key_accounts.spend_per_purchase = {800.0, 0.5};
  blind.segments.push_back(key_accounts);
  auto informed = blind;
  informed.workforce.clv_scores_visible = true;
  informed.workforce.clv_score_noise = 0.3;
  const auto equity = compare_and_report(blind, informed, "customer_equity", "CLV scores - none");
  CHECK(equity.paired.ci_low > 0.0);
}

TEST_CASE("customer-centric managers cross-sell and raise CLV net of their coordination cost",
          "[workforce][stylized]") {
  auto product_centric = staffed_market();
  product_centric.workforce.product_lines = 3;
  product_centric.workforce.coordination_cost_per_customer = 8.0;
  auto customer_centric = product_centric;
  customer_centric.workforce.organization = models::workforce::Organization::customer_centric;
  const auto revenue =
      compare_and_report(product_centric, customer_centric, "revenue", "customer - product centric");
  const auto clv =
      compare_and_report(product_centric, customer_centric, "mean_clv", "customer - product centric");
  CHECK(revenue.paired.ci_low > 0.0);
  CHECK(clv.paired.ci_low > 0.0);
}

TEST_CASE("a clawback repays the commission on customers lost soon after they bought", "[workforce][plan]") {
  // Reps here do not anticipate clawbacks, so both plans play out alike and pay differs by exactly
  // what was clawed back.
  auto kept = staffed_market();
  kept.workforce.plan.period = EvaluationPeriod::quarter;
  auto clawing = kept;
  clawing.workforce.plan.clawback = models::workforce::Clawback{6, 1.0};
  const auto clawed = compare(kept, clawing, "clawed_back");
  const auto cost = compare(kept, clawing, "comp_cost");
  tests::report_effect("clawed back per run", clawed.paired);
  tests::report_effect("comp cost, clawback - none", cost.paired);
  CHECK(clawed.paired.ci_low > 0.0);
  CHECK(cost.paired.mean == Approx(-clawed.paired.mean).epsilon(1e-9));
}

TEST_CASE("key-account managers paid on sales alone let their strategic accounts down",
          "[workforce][partnership][stylized]") {
  // The reps also manage 20 key accounts under an SLA; what the supplier delivers when it
  // cooperates follows its manager's service effort.
  auto serving = staffed_market();
  auto& partners = serving.partnerships;
  partners.buyers = 20;
  partners.suppliers = 5;
  partners.key_account_managers = true;
  partners.contract.kpis = {{models::partnership::KpiKind::on_time_delivery, 0.95, 0.0, 1.0}};
  partners.contract.kpi_noise_sd = 0.01;
  partners.contract.price_per_month = 112.0;
  auto sales_only = serving;
  sales_only.workforce.profile.service_norm = 0.0;
  const auto surplus =
      compare_and_report(serving, sales_only, "joint_surplus", "sales-only managers - serving");
  const auto trust = compare_and_report(serving, sales_only, "buyer_trust", "sales-only managers - serving");
  CHECK(surplus.paired.ci_high < 0.0);
  CHECK(trust.paired.ci_high < 0.0);
}

TEST_CASE("commission on predicted CLV sends reps hunting, and the books credit them with more than they won",
          "[workforce][stylized]") {
  // A territory with 3,000 prospects, also worked by marketing: the measurement system credits
  // each territory's rep with every customer won there, the reps' hunting wins only some.
  auto farming = staffed_market();
  farming.segments[0].size = 6000;
  farming.segments[0].marketing_share = 1.0;
  farming.marketing.budget_per_month = 2000.0;
  auto hunting = farming;
  hunting.workforce.plan.clv_commission_rate = 0.3;
  const auto effort = compare_and_report(farming, hunting, "hunt_effort", "CLV commission - none");
  const auto won = compare_and_report(farming, hunting, "acquisitions_sales", "CLV commission - none");
  CHECK(effort.paired.ci_low > 0.0);
  CHECK(won.paired.ci_low > 0.0);
  // Measured vs true in the same runs: credited - won.
  const auto bias = analysis::compare_paired(values_of(hunting, "won_by_reps"),
                                             values_of(hunting, "attributed_acquisitions"));
  tests::report_effect("acquisitions credited to reps - won by them", bias.paired);
  CHECK(bias.paired.ci_low > 0.0);
}

TEST_CASE("reps paid on bookings cherry-pick satisfied customers, and the neglected ones churn",
          "[workforce][stylized]") {
  // Working only the easy accounts books more this month for the same effort; the unhappy ones get
  // no attention, sink further and leave, so the base and customer equity erode. An NPS bonus makes
  // the neglect cost the rep, and cherry-picking stops.
  auto honest = staffed_market();
  auto picking = honest;
  picking.workforce.cherry_picking_possible = true;
  const auto churn = compare_and_report(honest, picking, "churn_rate", "cherry-picking possible - not");
  const auto equity = compare_and_report(honest, picking, "customer_equity", "cherry-picking possible - not");
  CHECK(churn.paired.ci_low > 0.0);
  CHECK(equity.paired.ci_high < 0.0);
  auto nps_paid = picking;
  nps_paid.workforce.plan.nps_bonus = models::workforce::NpsBonus{-50.0, 40.0, {}};
  const auto share = compare_and_report(picking, nps_paid, "cherry_picking_share", "NPS bonus - none");
  CHECK(share.paired.ci_high < 0.0);
}

TEST_CASE("a SPIFF per new customer sends reps hunting and pays exactly for the customers they win",
          "[workforce][stylized][spiff]") {
  // The classroom pair pay-no-spiff / pay-spiff: 3,000 accounts in 6,000 firms, 150 prospects a rep.
  auto farming = staffed_market();
  farming.segments[0].size = 6000;
  auto spiff = farming;
  spiff.workforce.plan.spiff = models::workforce::Spiff{500.0};
  const auto effort = compare_and_report(farming, spiff, "hunt_effort", "SPIFF 500 - none");
  const auto won = compare_and_report(farming, spiff, "won_by_reps", "SPIFF 500 - none");
  CHECK(effort.paired.ci_low > 0.0);
  CHECK(won.paired.ci_low > 0.0);
  // The books: every customer won is paid 500, no more, no less.
  const auto paid = values_of(spiff, "spiff_paid");
  const auto counted = values_of(spiff, "won_by_reps");
  for (std::size_t r = 0; r < paid.size(); ++r) CHECK(paid[r] == Approx(500.0 * counted[r]));
  // What a won customer is worth against what it cost: printed for the classroom note, not bounded,
  // since no field study gives a band for it.
  compare_and_report(farming, spiff, "churn_rate", "SPIFF 500 - none");
  compare_and_report(farming, spiff, "profit_after_pay", "SPIFF 500 - none");
}

TEST_CASE("a plan period the run ends early still pays its commission, pro rata", "[workforce][plan]") {
  // An annual plan over a 6-month run: the half year booked earns its commission at the run's end.
  auto half_year = staffed_market();
  half_year.run.horizon_months = 6;
  half_year.workforce.plan.period = EvaluationPeriod::year;
  const auto pay = values_of(half_year, "comp_cost", 2);
  const auto booked = values_of(half_year, "booked_revenue", 2);
  const double salaries = half_year.workforce.plan.salary_per_month * half_year.workforce.reps * 6.0;
  for (std::size_t r = 0; r < pay.size(); ++r)
    CHECK(pay[r] - salaries == Approx(0.05 * booked[r]).epsilon(0.02));
}

TEST_CASE("reps on a linear margin commission do not pull deals forward, which would only cost them",
          "[workforce][plan]") {
  // Pulling a deal in books its margin less the pull-forward discount now, instead of its full margin
  // next month: under a flat rate that never pays.
  auto on_margin = staffed_market();
  on_margin.workforce.plan.commission = models::workforce::Commission{CommissionBase::margin, {{0.0, 0.15}}};
  on_margin.workforce.plan.quota_per_month = 4500.0;
  for (double pulls : values_of(on_margin, "pull_forwards", 3)) CHECK(pulls == 0.0);
}

TEST_CASE("a max_effort below a quarter still lets reps sell, up to it", "[workforce][plan]") {
  auto tired = staffed_market();
  tired.workforce.max_effort = 0.2;
  for (double effort : values_of(tired, "sell_effort", 2)) {
    CHECK(effort > 0.1);
    CHECK(effort <= 0.2 + 1e-12);
  }
}

TEST_CASE("a team bonus makes reps of a small team sell harder", "[workforce][plan]") {
  // With two reps a rep's own sales decide half of the team's attainment, so the pool moves its effort.
  auto pair = staffed_market();
  pair.segments.front().size = 360;
  pair.segments.front().initial_customers = 300;
  pair.workforce.reps = 2;
  pair.workforce.plan.commission.reset();
  auto pooled = pair;
  pooled.workforce.plan.team_bonus = models::workforce::TeamBonus{.pool = 8000.0, .share = 0.5};
  const auto effort = compare_and_report(pair, pooled, "sell_effort", "team bonus - salary only, 2 reps");
  CHECK(effort.paired.ci_low > 0.0);
}

TEST_CASE("reps who differ in skill differ in attainment and effort, top fifth above bottom fifth",
          "[workforce][traits]") {
  auto mixed = staffed_market();
  mixed.workforce.spread.skill = models::workforce::TraitSpread{.sd = 0.3};
  for (double gap : values_of(mixed, "attainment_quintile_gap", 3)) CHECK(gap > 0.2);
  for (double gap : values_of(mixed, "sell_effort_quintile_gap", 3)) CHECK(gap > 0.0);
  // Alike reps: the fifths differ only by noise.
  for (double gap : values_of(staffed_market(), "attainment_quintile_gap", 3)) CHECK(std::abs(gap) < 0.1);
}

TEST_CASE("quotas set by rep put reps of every skill near quota", "[workforce][traits]") {
  // Each rep's quota in proportion to its skill: what its own customers buy at its normal effort.
  auto same = staffed_market();
  same.workforce.spread.skill = models::workforce::TraitSpread{.sd = 0.3};
  auto by_rep = same;
  by_rep.workforce.plan.quota_setting = models::workforce::QuotaSetting::by_rep;
  const auto same_gaps = values_of(same, "attainment_quintile_gap", 3);
  const auto by_rep_gaps = values_of(by_rep, "attainment_quintile_gap", 3);
  for (std::size_t r = 0; r < same_gaps.size(); ++r) {
    INFO("replication " << r << ": top - bottom fifth attainment, same quota " << same_gaps[r] << ", by rep "
                        << by_rep_gaps[r]);
    CHECK(std::abs(by_rep_gaps[r]) < 0.25 * same_gaps[r]);
  }
}

TEST_CASE("reps do not discount into demand that is already saturated", "[workforce][plan]") {
  // Accounts that buy every month cannot buy more at a discount: a revenue-paid rep who knows it
  // keeps list price, while where purchases can still grow it discounts as deep as allowed.
  auto open_demand = staffed_market();
  open_demand.workforce.discount_authority = 0.2;
  auto saturated = open_demand;
  saturated.segments.front().purchase_rate_per_month = 0.97;
  saturated.workforce.plan.quota_per_month = 15000.0 * 0.97 / 0.5;
  for (double depth : values_of(open_demand, "discount_depth", 2)) CHECK(depth > 0.1);
  for (double depth : values_of(saturated, "discount_depth", 2)) CHECK(depth < 0.02);
}

TEST_CASE("reps at a pay cap push deals into the next period, and the firm loses some of them",
          "[workforce][plan]") {
  // Misra & Nair (2011): a rep who has reached the cap gains nothing from this period's deals and
  // holds them for the next, where some slip away. Under a linear commission holding back never pays.
  auto linear = staffed_market();
  linear.workforce.plan.period = EvaluationPeriod::quarter;
  auto capped = linear;
  capped.workforce.plan.variable_pay_cap = 1500.0;  // about two thirds of a quarter's commission
  for (double pushes : values_of(linear, "push_outs", 2)) CHECK(pushes == 0.0);
  const auto pushes = values_of(capped, "push_outs", 2);
  const auto lost = values_of(capped, "pushed_revenue_lost", 2);
  for (std::size_t r = 0; r < pushes.size(); ++r) {
    CHECK(pushes[r] > 0.0);
    CHECK(lost[r] > 0.0);
  }
}
