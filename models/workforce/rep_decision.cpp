// A rep's monthly choice of effort, discount and deal timing under the plan.
#include "models/workforce/rep_decision.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/quadrature/gauss.hpp>

#include "models/workforce/effort_choice.h"
#include "models/workforce/period_policy.h"

namespace salesim::models::workforce {

double sell_factor(const EffortResponse& response, double productivity, double effort) {
  // Skill scales what a rep sells; effort moves it with the meta-analysis' elasticity.
  return std::max(response.unattended_sales_share,
                  productivity * std::pow(std::max(0.0, effort), response.sell_elasticity));
}

DemandCurve demand_curve(const DemandAtFactors& revenue_at_factor) {
  DemandCurve demand;
  const double normal = revenue_at_factor[2];  // demand_factors[2] == 1
  if (!(normal > 0.0)) return demand;
  demand.known = true;
  for (std::size_t f = 0; f < demand.share.size(); ++f) demand.share[f] = revenue_at_factor[f] / normal;
  return demand;
}

double purchases_at(const DemandCurve& demand, double factor) {
  if (!demand.known) return factor;
  for (std::size_t f = 1; f < demand_factors.size(); ++f) {
    if (factor <= demand_factors[f]) {
      const double along = (factor - demand_factors[f - 1]) / (demand_factors[f] - demand_factors[f - 1]);
      return demand.share[f - 1] + along * (demand.share[f] - demand.share[f - 1]);
    }
  }
  return demand.share.back();
}

double discount_factor(const EffortResponse& response, double discount) {
  return std::pow(1.0 - discount, -response.price_elasticity);
}

double selling_cost(const RepProfile& rep, double effort) {
  return rep.effort_cost * (effort * effort / 2.0 - rep.baseline_sell_effort * effort);
}

double team_attainment_believed(const WorkforceParams& params, double own_attainment) {
  // The rep expects the others to make quota: its own result moves the team by 1 / reps.
  const double reps = std::max(1.0, static_cast<double>(params.reps));
  return (own_attainment + (reps - 1.0)) / reps;
}

std::vector<double> scorecard_values(const IncentivePlan& plan, double measured_nps, double attainment) {
  std::vector<double> values;
  if (!plan.scorecard_bonus) return values;
  for (const ScorecardTarget& kpi : plan.scorecard_bonus->kpis) {
    values.push_back(kpi.name == "surveyed_nps" ? measured_nps : kpi.name == "attainment" ? attainment : 0.0);
  }
  return values;
}

std::vector<double> effort_grid(double max_effort) {
  std::vector<double> grid(effort_grid_points);
  for (std::size_t k = 0; k < grid.size(); ++k)
    grid[k] = max_effort * static_cast<double>(k) / static_cast<double>(effort_grid_points - 1);
  return grid;
}

namespace {

/// The index a rep picks among options with these utilities: best response, or logit with noise.
std::size_t pick(const std::vector<double>& utilities, double noise, double uniform01) {
  if (noise <= 0.0) return static_cast<std::size_t>(std::ranges::max_element(utilities) - utilities.begin());
  return sample_index(logit_probabilities(utilities, noise), uniform01);
}

/// The best effort between grid points: the vertex of the parabola through the best option and its
/// neighbours of the same discount (options are sell-major, `stride` discounts per effort), so the
/// chosen effort moves smoothly with the plan instead of in grid steps.
double refined_best(const std::vector<double>& sells, const std::vector<double>& options, std::size_t best,
                    std::size_t stride) {
  const std::size_t k = best / stride;
  if (k == 0 || k + 1 >= sells.size()) return sells[k];
  const double below = options[best - stride], at = options[best], above = options[best + stride];
  const double curvature = below - 2.0 * at + above;
  if (!(curvature < 0.0)) return sells[k];
  const double shift = std::clamp(0.5 * (below - above) / curvature, -0.5, 0.5);
  return sells[k] + shift * (sells[k + 1] - sells[k]);
}

double effort_cost(const WorkforceParams& params, double effort) {
  return params.profile.effort_cost * effort * effort / 2.0;
}

/// Believed measured NPS after this month's service and coaching effort.
double believed_nps(const WorkforceParams& params, const RepOutlook& outlook, double service,
                    double coaching) {
  const double coaching_points =
      10.0 * params.response.coaching_lift;  // a 1-point nudge moves ~10% of answers
  return std::clamp(outlook.nps_at_normal_effort +
                        nps_points_per_service * (outlook.productivity * service - 1.0) +
                        coaching_points * coaching,
                    -100.0, 100.0);
}

/// Outlook of a fresh period at normal effort, for the value of quota and of bookings next period.
RepOutlook fresh_period(const WorkforceParams& params, double quota, double revenue_per_month,
                        double margin_share, double productivity) {
  RepOutlook fresh;
  fresh.months_left = months_in(params.plan.period);
  fresh.quota = quota;
  fresh.revenue_per_month = revenue_per_month;
  fresh.margin_share = margin_share;
  fresh.productivity = productivity;
  return fresh;
}

/// E[pay^power] of the period (power 1: the mean, with the ratchet's shadow cost; 2: the raw
/// second moment of pay alone).
double pay_moment(const WorkforceParams& params, const RepOutlook& outlook, double sell, double discount,
                  double measured_nps, double extra_bookings, int power) {
  const EffortResponse& response = params.response;
  const IncentivePlan& plan = params.plan;
  const double list_revenue = outlook.revenue_per_month *
                              purchases_at(outlook.demand, sell_factor(response, outlook.productivity, sell) *
                                                               discount_factor(response, discount));
  const double later = (outlook.months_left - 1.0) * outlook.revenue_per_month *
                       purchases_at(outlook.demand, sell_factor(response, outlook.productivity, 1.0));
  const double pulled_revenue = extra_bookings * (1.0 - response.pull_forward_cost);
  const double pulled_margin = extra_bookings * (outlook.margin_share - response.pull_forward_cost);
  const double mean_revenue =
      outlook.booked_revenue + list_revenue * (1.0 - discount) + later + pulled_revenue;
  const double mean_margin = outlook.booked_margin + list_revenue * (outlook.margin_share - discount) +
                             later * outlook.margin_share + pulled_margin;
  // Each month's bookings vary by bookings_cv of their mean (or of normal bookings), independently.
  const double ahead = response.bookings_noise == BookingsNoise::additive
                           ? outlook.revenue_per_month * outlook.months_left
                           : list_revenue * (1.0 - discount) + later;
  const double sd = response.bookings_cv * ahead / std::sqrt(double(outlook.months_left));
  const boost::math::normal standard;
  const auto pay_at = [&](double z) {
    PeriodKpis kpis;
    kpis.booked_revenue = mean_revenue + sd * z;
    kpis.booked_margin = mean_margin + sd * outlook.margin_share * z;
    kpis.quota = outlook.quota;
    kpis.nps = measured_nps;
    const double attained = attainment(plan, kpis);
    kpis.scorecard = scorecard_values(plan, measured_nps, attained);
    kpis.team_attainment = team_attainment_believed(params, attained);
    double value = pay_for_period(plan, kpis).total;
    if (power == 2) return value * value * boost::math::pdf(standard, z);
    if (plan.quota_ratchet > 0.0) {
      value += outlook.quota_value *
               (next_quota(outlook.quota, attained, plan.quota_ratchet, plan.quota_floor) - outlook.quota);
    }
    return value * boost::math::pdf(standard, z);
  };
  if (sd <= 0.0) return pay_at(0.0) / boost::math::pdf(standard, 0.0);
  return boost::math::quadrature::gauss<double, 10>::integrate(pay_at, -5.0, 5.0);
}

}  // namespace

double expected_period_pay(const WorkforceParams& params, const RepOutlook& outlook, double sell,
                           double discount, double measured_nps, double extra_bookings) {
  return pay_moment(params, outlook, sell, discount, measured_nps, extra_bookings, 1);
}

double period_pay_sd(const WorkforceParams& params, double quota, double revenue_per_month,
                     double margin_share, double productivity) {
  WorkforceParams pay_alone = params;  // the ratchet's shadow cost is no pay
  pay_alone.plan.quota_ratchet = 0.0;
  const RepOutlook fresh = fresh_period(pay_alone, quota, revenue_per_month, margin_share, productivity);
  const double mean = pay_moment(pay_alone, fresh, 1.0, 0.0, 0.0, 0.0, 1);
  const double second = pay_moment(pay_alone, fresh, 1.0, 0.0, 0.0, 0.0, 2);
  return std::sqrt(std::max(0.0, second - mean * mean));
}

double quota_value(const WorkforceParams& params, double quota, double revenue_per_month, double margin_share,
                   double productivity) {
  const double step = std::max(1.0, 0.05 * quota);
  RepOutlook fresh = fresh_period(params, quota + step, revenue_per_month, margin_share, productivity);
  const double higher = expected_period_pay(params, fresh, 1.0, 0.0, 0.0);
  fresh.quota = std::max(0.0, quota - step);
  const double lower = expected_period_pay(params, fresh, 1.0, 0.0, 0.0);
  // A ratcheted quota never comes back down, so it taxes every period after (Weitzman 1980); the rep
  // counts the periods within its ratchet horizon.
  const double periods_ahead =
      std::max(1.0, params.profile.ratchet_horizon_months / months_in(params.plan.period));
  return periods_ahead * (higher - lower) / (quota + step - fresh.quota);
}

double bookings_value(const WorkforceParams& params, double quota, double revenue_per_month,
                      double margin_share, double productivity) {
  const double step = std::max(1.0, 0.05 * revenue_per_month);
  const RepOutlook fresh = fresh_period(params, quota, revenue_per_month, margin_share, productivity);
  // Pulled deals carry their full price into the period they leave: no pull-forward cost here.
  WorkforceParams frictionless = params;
  frictionless.response.pull_forward_cost = 0.0;
  return (expected_period_pay(frictionless, fresh, 1.0, 0.0, 0.0, step) -
          expected_period_pay(frictionless, fresh, 1.0, 0.0, 0.0, -step)) /
         (2.0 * step);
}

double participation_salary(const WorkforceParams& params, const RepOutlook& typical) {
  WorkforceParams unsalaried = params;
  unsalaried.plan.salary_per_month = 0.0;
  const PeriodPolicy policy(unsalaried, typical, typical.nps_at_normal_effort);
  const std::vector<double> options = policy.option_values(0.0, typical.months_left);
  const double period_value = *std::ranges::max_element(options);
  double serving = 0.0;
  for (double service : effort_grid(params.max_effort))
    serving = std::max(serving, params.profile.service_norm * service - effort_cost(params, service));
  return std::max(0.0, params.profile.outside_option - period_value / typical.months_left - serving);
}

RepChoice choose_month(const WorkforceParams& params, const RepOutlook& outlook, const PeriodPolicy& policy,
                       const ChoiceDraws& draws) {
  RepChoice choice;
  const std::vector<double> grid = effort_grid(params.max_effort);
  const IncentivePlan& plan = params.plan;

  // Service and coaching pay only through measured NPS (or nothing): a plan that pays on sales
  // alone gets no service (Holmstrom & Milgrom 1991, multitask).
  const bool nps_pays =
      plan.nps_bonus || (plan.scorecard_bonus &&
                         std::ranges::any_of(plan.scorecard_bonus->kpis, [](const ScorecardTarget& kpi) {
                           return kpi.name == "surveyed_nps";
                         }));
  const std::vector<double> coaching_grid = params.coaching_possible ? grid : std::vector<double>{0.0};
  const double norm = params.profile.service_norm;
  const std::vector<double> coaching_options = nps_pays ? coaching_grid : std::vector<double>{0.0};
  std::vector<double> utilities;
  for (double service : grid) {
    for (double coaching : coaching_options) {
      const double pay = nps_pays ? expected_period_pay(params, outlook, 1.0, 0.0,
                                                        believed_nps(params, outlook, service, coaching))
                                  : 0.0;
      utilities.push_back(pay + norm * service - effort_cost(params, service) -
                          effort_cost(params, coaching));
    }
  }
  const std::size_t chosen = pick(utilities, params.decision_noise, draws.serving);
  choice.service = grid[chosen / coaching_options.size()];
  choice.coaching = coaching_options[chosen % coaching_options.size()];
  const double nps = believed_nps(params, outlook, choice.service, choice.coaching);

  // Hunting pays through the commission on the predicted CLV of the customers it wins, and through a
  // SPIFF on their number.
  const double clv_rate = plan.clv_commission_rate.value_or(0.0);
  const double spiff = plan.spiff ? plan.spiff->per_customer_won : 0.0;
  const double per_hunt = (clv_rate * outlook.prospect_clv + spiff) * outlook.prospects *
                          params.response.hunt_rate * outlook.productivity;
  std::vector<double> hunting;
  for (double hunt : grid) hunting.push_back(per_hunt * hunt - effort_cost(params, hunt));
  choice.hunt = grid[pick(hunting, params.decision_noise, draws.hunting)];

  // Selling effort and discount together, looking ahead to the period end; a discount sells more
  // at a lower price.
  const PeriodPolicy& plan_ahead = policy.empty() ? PeriodPolicy(params, outlook, nps) : policy;
  const double booked = plan_ahead.base_of(outlook.booked_revenue, outlook.booked_margin);
  const std::vector<double> options = plan_ahead.option_values(booked, outlook.months_left);
  const std::size_t best = pick(options, params.decision_noise, draws.selling);
  const std::size_t discounts = plan_ahead.discounts().size();
  choice.sell = plan_ahead.sells()[best / discounts];
  choice.discount = plan_ahead.discounts()[best % discounts];
  if (params.decision_noise <= 0.0) choice.sell = refined_best(plan_ahead.sells(), options, best, discounts);

  // Cherry-picking: selling only to satisfied customers books more for the same effort, while the
  // unhappy ones get neither selling nor service and measured NPS suffers.
  if (params.cherry_picking_possible) {
    WorkforceParams frictionless = params;
    frictionless.response.pull_forward_cost = 0.0;
    const double extra = params.response.cherry_pick_gain * outlook.revenue_per_month *
                         sell_factor(params.response, outlook.productivity, choice.sell);
    const double neglect = nps_points_per_service;  // the unhappy customers lose their service
    const std::vector<double> picking = {
        0.0, expected_period_pay(frictionless, outlook, choice.sell, choice.discount, nps - neglect, extra) -
                 expected_period_pay(frictionless, outlook, choice.sell, choice.discount, nps)};
    choice.cherry_pick = pick(picking, params.decision_noise, draws.picking) == 1;
  }

  // At a period end a rep can book part of next month's deals now, at a discount, or hold part of
  // this month's back into the next period, where some are lost (Oyer 1998).
  if (outlook.months_left == 1) {
    const double never = -HUGE_VAL;
    const std::vector<double> timing = {
        0.0,
        params.response.pull_forward_share > 0.0
            ? plan_ahead.pull_forward_gain(booked, choice.sell, choice.discount)
            : never,
        params.response.push_out_share > 0.0 ? plan_ahead.push_out_gain(booked, choice.sell, choice.discount)
                                             : never};
    const std::size_t move = pick(timing, params.decision_noise, draws.pulling);
    choice.pull_forward = move == 1;
    choice.push_out = move == 2;
  }
  return choice;
}

}  // namespace salesim::models::workforce
