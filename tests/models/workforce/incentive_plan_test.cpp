// Incentive plan economics against hand-computed pay, quota ratchets, period ends and validation.
#include "models/workforce/incentive_plan.h"

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace salesim::models::workforce;

namespace {

/// 5% of bookings up to quota, 8% above.
Commission five_then_eight() { return {CommissionBase::revenue, {{0.0, 0.05}, {1.0, 0.08}}}; }

/// Decelerated 4% below half of quota, 6% up to quota, accelerated 12% above.
Commission decelerated_and_accelerated() {
  return {CommissionBase::revenue, {{0.0, 0.04}, {0.5, 0.06}, {1.0, 0.12}}};
}

/// Profit (higher is better), NPS (higher is better) and churn rate (lower is better).
ScorecardBonus three_kpi_scorecard() {
  return {10'000.0,
          {{"profit", 50'000.0, 0.5, true}, {"nps", 40.0, 0.3, true}, {"churn", 0.02, 0.2, false}},
          1.5};
}

struct PayCase {
  std::string behaviour;
  IncentivePlan plan;
  PeriodKpis kpis;
  PayBreakdown expected;
};

double sum_of_parts(const PayBreakdown& pay) {
  return pay.salary + pay.commission + pay.quota_bonus + pay.nps_bonus + pay.scorecard_bonus +
         pay.team_bonus + pay.clv_commission + pay.spiff + pay.cap_reduction + pay.clawback;
}

const std::vector<PayCase>& pay_cases() {
  static const std::vector<PayCase> cases = {
      // SPIFF 300 x 8 customers won = 2,400, variable pay capped at 2,000 (-400); + salary 1,000 = 3,000
      {"a SPIFF pays per customer won and counts toward the cap",
       {.salary_per_month = 1'000.0, .variable_pay_cap = 2'000.0, .spiff = Spiff{300.0}},
       {.customers_won = 8.0},
       {.salary = 1'000.0, .spiff = 2'400.0, .cap_reduction = -400.0, .total = 3'000.0}},
      // No customer won, no SPIFF: 0 x 500
      {"a SPIFF pays nothing without new customers",
       {.spiff = Spiff{500.0}},
       {.booked_revenue = 50'000.0, .quota = 40'000.0},
       {.total = 0.0}},
      // 5% x 100,000 + 8% x 20,000 = 5,000 + 1,600 = 6,600; + salary 3,000 = 9,600
      {"tiers apply marginally above quota",
       {.salary_per_month = 3'000.0, .commission = five_then_eight()},
       {.booked_revenue = 120'000.0, .quota = 100'000.0},
       {.salary = 3'000.0, .commission = 6'600.0, .total = 9'600.0}},
      // 5% x 80,000 = 4,000; + 3,000 = 7,000
      {"below quota only the first tier pays",
       {.salary_per_month = 3'000.0, .commission = five_then_eight()},
       {.booked_revenue = 80'000.0, .quota = 100'000.0},
       {.salary = 3'000.0, .commission = 4'000.0, .total = 7'000.0}},
      // 4% x 50,000 + 6% x 50,000 + 12% x 30,000 = 2,000 + 3,000 + 3,600 = 8,600
      {"accelerator tier pays more above quota",
       {.commission = decelerated_and_accelerated()},
       {.booked_revenue = 130'000.0, .quota = 100'000.0},
       {.commission = 8'600.0, .total = 8'600.0}},
      // 4% x 40,000 = 1,600
      {"decelerator tier pays less far below quota",
       {.commission = decelerated_and_accelerated()},
       {.booked_revenue = 40'000.0, .quota = 100'000.0},
       {.commission = 1'600.0, .total = 1'600.0}},
      // no quota: attainment 0, all at the first tier's 5%: 5% x 10,000 = 500
      {"without a quota bookings earn the first tier's rate",
       {.commission = five_then_eight()},
       {.booked_revenue = 10'000.0, .quota = 0.0},
       {.commission = 500.0, .total = 500.0}},
      // variable 6,600 + 2,000 = 8,600 > cap 7,000: reduction -1,600; total 3,000 + 7,000 = 10,000
      {"binding cap cuts variable pay to the cap",
       {.salary_per_month = 3'000.0,
        .commission = five_then_eight(),
        .quota_bonus = 2'000.0,
        .variable_pay_cap = 7'000.0},
       {.booked_revenue = 120'000.0, .quota = 100'000.0},
       {.salary = 3'000.0,
        .commission = 6'600.0,
        .quota_bonus = 2'000.0,
        .cap_reduction = -1'600.0,
        .total = 10'000.0}},
      // variable 8,600 <= cap 10,000: no reduction; total 3,000 + 8,600 = 11,600
      {"cap above variable pay changes nothing",
       {.salary_per_month = 3'000.0,
        .commission = five_then_eight(),
        .quota_bonus = 2'000.0,
        .variable_pay_cap = 10'000.0},
       {.booked_revenue = 120'000.0, .quota = 100'000.0},
       {.salary = 3'000.0, .commission = 6'600.0, .quota_bonus = 2'000.0, .total = 11'600.0}},
      // attainment 0.99999 < 1: no bonus; total = salary 3,000
      {"quota bonus is not paid just below quota",
       {.salary_per_month = 3'000.0, .quota_bonus = 5'000.0},
       {.booked_revenue = 99'999.0, .quota = 100'000.0},
       {.salary = 3'000.0, .total = 3'000.0}},
      // attainment exactly 1: bonus 5,000; total 8,000
      {"quota bonus is paid at quota",
       {.salary_per_month = 3'000.0, .quota_bonus = 5'000.0},
       {.booked_revenue = 100'000.0, .quota = 100'000.0},
       {.salary = 3'000.0, .quota_bonus = 5'000.0, .total = 8'000.0}},
      // 5% x 100,000 = 5,000; clawback 1 x 1,200; total 3,000 + 5,000 - 1,200 = 6,800
      {"clawback repays commission on churned customers",
       {.salary_per_month = 3'000.0, .commission = five_then_eight(), .clawback = Clawback{6, 1.0}},
       {.booked_revenue = 100'000.0, .quota = 100'000.0, .churned_sales_commission = 1'200.0},
       {.salary = 3'000.0, .commission = 5'000.0, .clawback = -1'200.0, .total = 6'800.0}},
      // 0.5 x 1,200 = 600 repaid; total 5,000 - 600 = 4,400
      {"partial clawback repays its share",
       {.commission = five_then_eight(), .clawback = Clawback{6, 0.5}},
       {.booked_revenue = 100'000.0, .quota = 100'000.0, .churned_sales_commission = 1'200.0},
       {.commission = 5'000.0, .clawback = -600.0, .total = 4'400.0}},
      // 5,000 capped at 4,000 (-1,000), then -1,200 clawback: 4,000 - 1,200 = 2,800
      {"clawback is deducted after the cap",
       {.commission = five_then_eight(), .variable_pay_cap = 4'000.0, .clawback = Clawback{6, 1.0}},
       {.booked_revenue = 100'000.0, .quota = 100'000.0, .churned_sales_commission = 1'200.0},
       {.commission = 5'000.0, .cap_reduction = -1'000.0, .clawback = -1'200.0, .total = 2'800.0}},
      // revenue base, quota 100,000: 10% x 100,000 + 15% x 10,000 = 10,000 + 1,500 = 11,500
      {"revenue base pays on booked revenue",
       {.commission = Commission{CommissionBase::revenue, {{0.0, 0.10}, {1.0, 0.15}}}},
       {.booked_revenue = 110'000.0, .booked_margin = 30'000.0, .quota = 100'000.0},
       {.commission = 11'500.0, .total = 11'500.0}},
      // margin base, margin quota 25,000: 10% x 25,000 + 15% x 5,000 = 2,500 + 750 = 3,250
      {"margin base pays on booked margin",
       {.commission = Commission{CommissionBase::margin, {{0.0, 0.10}, {1.0, 0.15}}}},
       {.booked_revenue = 110'000.0, .booked_margin = 30'000.0, .quota = 25'000.0},
       {.commission = 3'250.0, .total = 3'250.0}},
      // 100 x (45 - 30) = 1,500
      {"NPS bonus pays per point above target",
       {.nps_bonus = NpsBonus{30.0, 100.0, std::nullopt}},
       {.nps = 45.0},
       {.nps_bonus = 1'500.0, .total = 1'500.0}},
      // 1,500 capped at 1,000
      {"NPS bonus stops at its cap",
       {.nps_bonus = NpsBonus{30.0, 100.0, 1'000.0}},
       {.nps = 45.0},
       {.nps_bonus = 1'000.0, .total = 1'000.0}},
      // 20 < target 30: nothing
      {"NPS below target pays nothing",
       {.nps_bonus = NpsBonus{30.0, 100.0, std::nullopt}},
       {.nps = 20.0},
       {}},
      // profit 60,000/50,000 = 1.2; NPS 80/40 = 2.0 -> capped 1.5; churn 0.02/0.04 = 0.5
      // 10,000 x (0.5 x 1.2 + 0.3 x 1.5 + 0.2 x 0.5) = 10,000 x (0.6 + 0.45 + 0.1) = 11,500
      {"scorecard bonus weighs capped achievements",
       {.scorecard_bonus = three_kpi_scorecard()},
       {.scorecard = {60'000.0, 80.0, 0.04}},
       {.scorecard_bonus = 11'500.0, .total = 11'500.0}},
      // 0.1 x 20,000 x 1.1 = 2,200
      {"team bonus pays the rep's share by team attainment",
       {.team_bonus = TeamBonus{20'000.0, 0.1, 0.9, 1.2}},
       {.team_attainment = 1.1},
       {.team_bonus = 2'200.0, .total = 2'200.0}},
      // 0.1 x 20,000 x min(1.5, 1.2) = 2,400
      {"team bonus stops at its maximum ratio",
       {.team_bonus = TeamBonus{20'000.0, 0.1, 0.9, 1.2}},
       {.team_attainment = 1.5},
       {.team_bonus = 2'400.0, .total = 2'400.0}},
      // 0.8 < threshold 0.9: nothing
      {"team below threshold pays no team bonus",
       {.team_bonus = TeamBonus{20'000.0, 0.1, 0.9, 1.2}},
       {.team_attainment = 0.8},
       {}},
      // 2% x 250,000 = 5,000
      {"CLV commission pays a rate on predicted CLV",
       {.clv_commission_rate = 0.02},
       {.predicted_clv_new_customers = 250'000.0},
       {.clv_commission = 5'000.0, .total = 5'000.0}},
      // 3 months x 3,000 = 9,000
      {"quarterly plan pays three months of salary",
       {.period = EvaluationPeriod::quarter, .salary_per_month = 3'000.0},
       {},
       {.salary = 9'000.0, .total = 9'000.0}},
      // commission 6,600 + quota bonus 2,000 + NPS 100 x 10 = 1,000 + scorecard 1,000 x 1 = 1,000
      // + team 0.1 x 10,000 x 1.0 = 1,000 + CLV 1% x 100,000 = 1,000 = 12,600 -> cap 12,000 (-600)
      // total 3,000 + 12,000 - 500 = 14,500
      {"all terms together",
       {.salary_per_month = 3'000.0,
        .commission = five_then_eight(),
        .quota_bonus = 2'000.0,
        .variable_pay_cap = 12'000.0,
        .clawback = Clawback{12, 1.0},
        .nps_bonus = NpsBonus{30.0, 100.0, std::nullopt},
        .scorecard_bonus = ScorecardBonus{1'000.0, {{"deals", 10.0, 1.0, true}}, 1.5},
        .team_bonus = TeamBonus{10'000.0, 0.1, 1.0, 1.0},
        .clv_commission_rate = 0.01},
       {.booked_revenue = 120'000.0,
        .quota = 100'000.0,
        .nps = 40.0,
        .scorecard = {10.0},
        .team_attainment = 1.05,
        .predicted_clv_new_customers = 100'000.0,
        .churned_sales_commission = 500.0},
       {.salary = 3'000.0,
        .commission = 6'600.0,
        .quota_bonus = 2'000.0,
        .nps_bonus = 1'000.0,
        .scorecard_bonus = 1'000.0,
        .team_bonus = 1'000.0,
        .clv_commission = 1'000.0,
        .cap_reduction = -600.0,
        .clawback = -500.0,
        .total = 14'500.0}},
  };
  return cases;
}

}  // namespace

TEST_CASE("pay for a period matches hand-computed pay term by term", "[workforce][plan]") {
  for (const PayCase& c : pay_cases()) {
    DYNAMIC_SECTION(c.behaviour) {
      const PayBreakdown pay = pay_for_period(c.plan, c.kpis);
      CHECK(pay.salary == Approx(c.expected.salary));
      CHECK(pay.commission == Approx(c.expected.commission));
      CHECK(pay.quota_bonus == Approx(c.expected.quota_bonus));
      CHECK(pay.nps_bonus == Approx(c.expected.nps_bonus));
      CHECK(pay.scorecard_bonus == Approx(c.expected.scorecard_bonus));
      CHECK(pay.team_bonus == Approx(c.expected.team_bonus));
      CHECK(pay.clv_commission == Approx(c.expected.clv_commission));
      CHECK(pay.spiff == Approx(c.expected.spiff));
      CHECK(pay.cap_reduction == Approx(c.expected.cap_reduction));
      CHECK(pay.clawback == Approx(c.expected.clawback));
      CHECK(pay.total == Approx(c.expected.total));
    }
  }
}

TEST_CASE("total pay equals the sum of its parts", "[workforce][plan]") {
  for (const PayCase& c : pay_cases()) {
    const PayBreakdown pay = pay_for_period(c.plan, c.kpis);
    INFO(c.behaviour);
    CHECK(pay.total == Approx(sum_of_parts(pay)));
  }
}

TEST_CASE("pay summed term by term still adds up, so the books miss no term", "[workforce][plan]") {
  PayBreakdown books;
  for (const PayCase& c : pay_cases()) books += pay_for_period(c.plan, c.kpis);
  CHECK(books.total == Approx(sum_of_parts(books)));
  CHECK(books.spiff == Approx(2'400.0));
}

TEST_CASE("scorecard values that do not match the plan's KPIs are rejected", "[workforce][plan]") {
  const IncentivePlan plan{.scorecard_bonus = three_kpi_scorecard()};
  CHECK_THROWS_AS(pay_for_period(plan, {.scorecard = {1.0, 2.0}}), std::invalid_argument);
}

TEST_CASE("marginal commission rate is the rate of the tier the next booking falls in", "[workforce][plan]") {
  const IncentivePlan plan{.commission = decelerated_and_accelerated()};
  CHECK(marginal_commission_rate(plan, 0.3) == Approx(0.04));
  CHECK(marginal_commission_rate(plan, 0.5) == Approx(0.06));  // a boundary belongs to the higher tier
  CHECK(marginal_commission_rate(plan, 0.99) == Approx(0.06));
  CHECK(marginal_commission_rate(plan, 1.0) == Approx(0.12));
  CHECK(marginal_commission_rate(plan, 2.0) == Approx(0.12));
  CHECK(marginal_commission_rate({}, 1.0) == 0.0);
  const IncentivePlan hurdle{.commission = Commission{CommissionBase::revenue, {{0.5, 0.1}}}};
  CHECK(marginal_commission_rate(hurdle, 0.2) == 0.0);
}

TEST_CASE("ratchet raises quota after overachievement and a zero ratchet keeps it fixed",
          "[workforce][plan]") {
  CHECK(next_quota(100'000.0, 1.2, 0.5) == Approx(110'000.0));  // 100,000 x (1 + 0.5 x 0.2)
  CHECK(next_quota(100'000.0, 1.2, 1.0) == Approx(120'000.0));  // 100,000 x (1 + 1.0 x 0.2)
  CHECK(next_quota(100'000.0, 1.2, 0.0) == Approx(100'000.0));
  CHECK(next_quota(100'000.0, 0.8, 0.5) == Approx(100'000.0));  // never ratchets down
  CHECK(next_quota(50'000.0, 0.8, 0.5, 60'000.0) == Approx(60'000.0));
}

TEST_CASE("periods end at months 1, 2, ...; 3, 6, 9, 12, ...; 12, 24, ...", "[workforce][plan]") {
  for (std::uint32_t month : {1u, 2u, 7u, 12u}) CHECK(is_period_end(EvaluationPeriod::month, month));
  for (std::uint32_t month : {3u, 6u, 9u, 12u, 15u}) CHECK(is_period_end(EvaluationPeriod::quarter, month));
  for (std::uint32_t month : {1u, 2u, 4u, 11u, 13u})
    CHECK_FALSE(is_period_end(EvaluationPeriod::quarter, month));
  for (std::uint32_t month : {12u, 24u, 36u}) CHECK(is_period_end(EvaluationPeriod::year, month));
  for (std::uint32_t month : {3u, 6u, 13u, 23u}) CHECK_FALSE(is_period_end(EvaluationPeriod::year, month));
  for (EvaluationPeriod period : {EvaluationPeriod::month, EvaluationPeriod::quarter, EvaluationPeriod::year})
    CHECK_FALSE(is_period_end(period, 0));
}

TEST_CASE("validate accepts a complete plan and weights that sum to 1 up to rounding", "[workforce][plan]") {
  CHECK(validate(pay_cases().back().plan).empty());
  ScorecardBonus tenths{1'000.0, {}, 1.5};
  for (int i = 0; i < 10; ++i) tenths.kpis.push_back({"kpi", 1.0, 0.1, true});  // sums to 0.9999999999999999
  CHECK(validate({.scorecard_bonus = tenths}).empty());
}

TEST_CASE("validate reports each bad plan at its key path", "[workforce][plan]") {
  struct BadPlan {
    std::string problem;
    std::function<void(IncentivePlan&)> spoil;
    std::string key_path;
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<BadPlan> bad_plans = {
      {"negative salary", [](IncentivePlan& p) { p.salary_per_month = -1.0; }, "salary_per_month"},
      {"no tiers", [](IncentivePlan& p) { p.commission->tiers.clear(); }, "commission.tiers"},
      {"tiers out of order", [](IncentivePlan& p) { p.commission->tiers[1].from_attainment = 0.0; },
       "commission.tiers[1].from_attainment"},
      {"negative rate", [](IncentivePlan& p) { p.commission->tiers[0].rate = -0.05; },
       "commission.tiers[0].rate"},
      {"negative quota bonus", [](IncentivePlan& p) { p.quota_bonus = -1.0; }, "quota_bonus"},
      {"cap below zero", [](IncentivePlan& p) { p.variable_pay_cap = -1.0; }, "variable_pay_cap"},
      {"empty clawback window", [](IncentivePlan& p) { p.clawback->window_months = 0; },
       "clawback.window_months"},
      {"clawback above 100%", [](IncentivePlan& p) { p.clawback->share = 1.5; }, "clawback.share"},
      {"NPS target off the scale", [](IncentivePlan& p) { p.nps_bonus->target = 150.0; }, "nps_bonus.target"},
      {"negative NPS cap", [](IncentivePlan& p) { p.nps_bonus->max_amount = -1.0; }, "nps_bonus.max_amount"},
      {"scorecard weights summing to 0.9", [](IncentivePlan& p) { p.scorecard_bonus->kpis[0].weight = 0.9; },
       "scorecard_bonus.kpis"},
      {"zero scorecard target", [](IncentivePlan& p) { p.scorecard_bonus->kpis[0].target = 0.0; },
       "scorecard_bonus.kpis[0].target"},
      {"zero achievement cap", [](IncentivePlan& p) { p.scorecard_bonus->max_achievement = 0.0; },
       "scorecard_bonus.max_achievement"},
      {"negative team share", [](IncentivePlan& p) { p.team_bonus->share = -0.1; }, "team_bonus.share"},
      {"NaN CLV rate", [nan](IncentivePlan& p) { p.clv_commission_rate = nan; }, "clv_commission_rate"},
      {"negative ratchet", [](IncentivePlan& p) { p.quota_ratchet = -0.1; }, "quota_ratchet"},
  };
  for (const BadPlan& bad : bad_plans) {
    IncentivePlan plan = pay_cases().back().plan;
    bad.spoil(plan);
    const std::vector<PlanProblem> problems = validate(plan);
    INFO(bad.problem);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key_path == bad.key_path);
    CHECK_FALSE(problems[0].message.empty());
    CHECK_FALSE(problems[0].allowed.empty());
  }
}
