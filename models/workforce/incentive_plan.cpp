// Pay of an incentive plan for measured KPIs, quota ratcheting and plan validation.
#include "models/workforce/incentive_plan.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "models/workforce/workforce_description.h"
#include "sim/core/section_check.h"

namespace salesim::models::workforce {
namespace {

double rate_at(const Commission& commission, double attainment) {
  double rate = 0.0;
  for (const CommissionTier& tier : commission.tiers)
    if (tier.from_attainment <= attainment) rate = tier.rate;
  return rate;
}

double bookings(const IncentivePlan& plan, const PeriodKpis& kpis) {
  const bool on_margin = plan.commission && plan.commission->base == CommissionBase::margin;
  return on_margin ? kpis.booked_margin : kpis.booked_revenue;
}

/// Sum over tiers of rate x the slice of bookings between the tier's and the next tier's attainment.
double tiered_commission(const Commission& commission, double booked, double quota) {
  if (booked <= 0.0) return 0.0;  // a period of net returns or negative margin pays no negative commission
  if (quota <= 0.0) return booked * rate_at(commission, 0.0);
  double paid = 0.0;
  for (std::size_t i = 0; i < commission.tiers.size(); ++i) {
    const double from = commission.tiers[i].from_attainment * quota;
    const double to =
        i + 1 < commission.tiers.size() ? commission.tiers[i + 1].from_attainment * quota : booked;
    paid += commission.tiers[i].rate * std::max(0.0, std::min(booked, to) - from);
  }
  return paid;
}

double scorecard_bonus(const ScorecardBonus& bonus, const std::vector<double>& values) {
  if (values.size() != bonus.kpis.size())
    throw std::invalid_argument("pay_for_period: one scorecard value per plan KPI expected");
  double achievement = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const ScorecardTarget& kpi = bonus.kpis[i];
    // Lower is better and nothing measured (a churn rate of 0) is the best achievement possible.
    const double ratio = kpi.higher_is_better ? values[i] / kpi.target
                         : values[i] > 0.0    ? kpi.target / values[i]
                                              : bonus.max_achievement;
    achievement += kpi.weight * std::clamp(ratio, 0.0, bonus.max_achievement);
  }
  return bonus.amount * achievement;
}

}  // namespace

std::uint32_t months_in(EvaluationPeriod period) {
  return period == EvaluationPeriod::year ? 12 : period == EvaluationPeriod::quarter ? 3 : 1;
}

double attainment(const IncentivePlan& plan, const PeriodKpis& kpis) {
  return kpis.quota > 0.0 ? bookings(plan, kpis) / kpis.quota : 0.0;
}

PayBreakdown pay_for_period(const IncentivePlan& plan, const PeriodKpis& kpis) {
  PayBreakdown pay;
  const double attained = attainment(plan, kpis);
  pay.salary = plan.salary_per_month * months_in(plan.period);
  if (plan.commission) pay.commission = tiered_commission(*plan.commission, bookings(plan, kpis), kpis.quota);
  if (plan.quota_bonus && attained >= 1.0) pay.quota_bonus = *plan.quota_bonus;
  if (const auto& nps = plan.nps_bonus) {
    pay.nps_bonus = nps->per_point * std::max(0.0, kpis.nps - nps->target);
    if (nps->max_amount) pay.nps_bonus = std::min(pay.nps_bonus, *nps->max_amount);
  }
  if (plan.scorecard_bonus) pay.scorecard_bonus = scorecard_bonus(*plan.scorecard_bonus, kpis.scorecard);
  if (const auto& team = plan.team_bonus; team && kpis.team_attainment >= team->min_attainment)
    pay.team_bonus = team->share * team->pool * std::min(kpis.team_attainment, team->max_ratio);
  if (plan.clv_commission_rate)
    pay.clv_commission = *plan.clv_commission_rate * kpis.predicted_clv_new_customers;
  if (plan.spiff) pay.spiff = plan.spiff->per_customer_won * kpis.customers_won;
  const double variable = pay.commission + pay.quota_bonus + pay.nps_bonus + pay.scorecard_bonus +
                          pay.team_bonus + pay.clv_commission + pay.spiff;
  // A cap flattens pay above it, so reps at the cap stop selling or defer sales (Misra & Nair 2011).
  if (plan.variable_pay_cap) pay.cap_reduction = -std::max(0.0, variable - *plan.variable_pay_cap);
  if (plan.clawback) pay.clawback = -plan.clawback->share * kpis.churned_sales_commission;
  pay.total = pay.salary + variable + pay.cap_reduction + pay.clawback;
  return pay;
}

PayBreakdown& PayBreakdown::operator+=(const PayBreakdown& other) noexcept {
  salary += other.salary;
  commission += other.commission;
  quota_bonus += other.quota_bonus;
  nps_bonus += other.nps_bonus;
  scorecard_bonus += other.scorecard_bonus;
  team_bonus += other.team_bonus;
  clv_commission += other.clv_commission;
  spiff += other.spiff;
  cap_reduction += other.cap_reduction;
  clawback += other.clawback;
  total += other.total;
  return *this;
}

double marginal_commission_rate(const IncentivePlan& plan, double attainment) {
  return plan.commission ? rate_at(*plan.commission, attainment) : 0.0;
}

double next_quota(double current_quota, double attainment, double ratchet, double floor) {
  const double next = attainment > 1.0 ? current_quota * (1.0 + ratchet * (attainment - 1.0)) : current_quota;
  return std::max(next, floor);
}

IncentivePlan prorated(const IncentivePlan& plan, double share) {
  IncentivePlan part = plan;
  part.salary_per_month *= share;  // pay_for_period pays a whole period's salary
  if (part.quota_bonus) *part.quota_bonus *= share;
  if (part.variable_pay_cap) *part.variable_pay_cap *= share;
  if (part.nps_bonus) {
    part.nps_bonus->per_point *= share;
    if (part.nps_bonus->max_amount) *part.nps_bonus->max_amount *= share;
  }
  if (part.scorecard_bonus) part.scorecard_bonus->amount *= share;
  if (part.team_bonus) part.team_bonus->pool *= share;
  return part;
}

bool is_period_end(EvaluationPeriod period, std::uint32_t month) {
  return month > 0 && month % months_in(period) == 0;
}

std::vector<PlanProblem> validate(const IncentivePlan& plan) {
  // Each value's range is its description's; what is left are the rules between values.
  std::vector<PlanProblem> problems = sim::core::range_problems(plan_description(), &plan);
  const auto require = [&problems](bool ok, std::string key, std::string message, std::string allowed) {
    if (!ok) problems.push_back({std::move(key), std::move(message), std::move(allowed)});
  };
  if (plan.commission) {
    const auto& tiers = plan.commission->tiers;
    require(!tiers.empty(), "commission.tiers", "needs at least one tier",
            "a list of {from_attainment, rate}");
    for (std::size_t i = 1; i < tiers.size(); ++i) {
      require(tiers[i].from_attainment > tiers[i - 1].from_attainment,
              "commission.tiers[" + std::to_string(i) + "].from_attainment", "tiers out of order",
              "greater than the previous tier's from_attainment");
    }
  }
  if (const auto& card = plan.scorecard_bonus) {
    require(!card->kpis.empty(), "scorecard_bonus.kpis", "needs at least one KPI", "a list of KPIs");
    double weights = 0.0;
    for (const ScorecardTarget& kpi : card->kpis) weights += kpi.weight;
    require(card->kpis.empty() || std::abs(weights - 1.0) <= 1e-9, "scorecard_bonus.kpis",
            "weights do not sum to 1", "weights summing to 1 within 1e-9");
  }
  return problems;
}

}  // namespace salesim::models::workforce
