// The monthly round of the workforce: choose, book, pay, ratchet, quit and hire.
#include "models/workforce/workforce_world.h"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "models/random_streams.h"
#include "models/workforce/rep_traits.h"
#include "sim/core/random_stream.h"

namespace salesim::models::workforce {
namespace {

using sim::core::uniform_open01;

/// NPS as the plan reads it: a period without answers counts as 0 points.
double nps_of(const world::RecommendCounts& counts) {
  return counts.total() == 0 ? 0.0 : counts.net_promoter_score();
}

}  // namespace

WorkforceWorld::WorkforceWorld(const WorkforceParams& params, const sim::core::RunAddress& run)
    : params_(params),
      draws_(run, streams::workforce),
      trait_draws_(run, streams::rep_traits),
      rep_params_(params.reps, params),
      hires_(params.reps, 0),
      months_per_period_(months_in(params.plan.period)),
      delivered_(params.reps),
      choices_(params.reps),
      employed_(params.reps, 1),
      vacancy_months_left_(params.reps, 0),
      tenure_months_(params.reps, 0),
      quota_(params.reps, params.plan.quota_per_month * months_in(params.plan.period)),
      booked_revenue_(params.reps, 0.0),
      booked_margin_(params.reps, 0.0),
      churned_sales_(params.reps, 0.0),
      won_clv_(params.reps, 0.0),
      won_count_(params.reps, 0.0),
      period_survey_(params.reps),
      pulled_revenue_(params.reps, 0.0),
      pulled_margin_(params.reps, 0.0),
      pushed_revenue_(params.reps, 0.0),
      pushed_margin_(params.reps, 0.0),
      effort_cost_in_period_(params.reps, 0.0),
      pay_ema_(params.reps, 0.0),
      months_below_option_(params.reps, 0.0),
      policies_(params.reps),
      quota_value_(params.reps, 0.0),
      bookings_value_(params.reps, 0.0),
      expected_revenue_(params.reps, 0.0),
      margin_share_(params.reps, 0.0),
      period_attainment_(params.reps, 0.0) {
  for (std::uint32_t rep = 0; rep < params.reps; ++rep) {
    draw_traits(rep);
    tenure_months_[rep] =
        static_cast<std::uint32_t>(std::lround(params_of(rep).profile.starting_tenure_months));
    quota_[rep] = starting_quota(rep);
  }
}

void WorkforceWorld::draw_traits(std::uint32_t rep) {
  const std::uint32_t occupant = hires_[rep]++;
  const auto first = trait_draws_.block(rep, occupant, 0), second = trait_draws_.block(rep, occupant, 1);
  const TraitDraws draws{uniform_open01(first[0], first[1]), uniform_open01(first[2], first[3]),
                         uniform_open01(second[0], second[1]), uniform_open01(second[2], second[3]),
                         uniform_open01(trait_draws_.block(rep, occupant, 2)[0])};
  rep_params_[rep].profile = draw_rep_profile(params_.profile, params_.spread, draws);
}

double WorkforceWorld::starting_quota(std::uint32_t rep) const {
  const double quota = params_.plan.quota_per_month * months_per_period_;
  if (params_.plan.quota_setting == QuotaSetting::same || params_.profile.skill <= 0.0) return quota;
  // What the rep's own customers buy at its normal effort, against the typical rep's.
  return quota * rep_params_[rep].profile.skill / params_.profile.skill;
}

double WorkforceWorld::productivity(std::uint32_t rep) const {
  const RepProfile& profile = params_of(rep).profile;
  // Learning curve: the gap to full productivity shrinks by 1/e every months_to_learn.
  const double gap =
      (1.0 - profile.new_hire_productivity) *
      std::exp(-static_cast<double>(tenure_months_[rep]) / std::max(1e-9, profile.months_to_learn));
  return profile.skill * (1.0 - gap);
}

void WorkforceWorld::set_participation_salary(const TerritoryMonth& outlook) {
  RepOutlook typical;
  typical.months_left = months_per_period_;
  typical.quota = params_.plan.quota_per_month * months_per_period_;
  double revenue = 0.0, margin = 0.0;
  for (std::uint32_t rep = 0; rep < params_.reps; ++rep) {
    revenue += outlook.expected_revenue_next[rep];
    margin += outlook.expected_margin_next[rep];
  }
  typical.revenue_per_month = revenue / std::max(1u, params_.reps);
  typical.margin_share = revenue > 0.0 ? margin / revenue : 0.0;
  typical.productivity = params_.profile.skill;
  params_.plan.salary_per_month = participation_salary(params_, typical);
  for (WorkforceParams& own : rep_params_) own.plan.salary_per_month = params_.plan.salary_per_month;
}

const DeliveredService& WorkforceWorld::decide(std::uint32_t month, const TerritoryMonth& outlook) {
  if (month == period_start_) {
    period_share_ = static_cast<double>(months_left_in_period(month)) / months_per_period_;
    // The salary follows what the territories now promise, period by period.
    if (params_.plan.salary_meets_outside_option) set_participation_salary(outlook);
  }
  // Reps decide independently (each from its own draws and state), so they plan in parallel.
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, params_.reps, 1),
                    [&](const tbb::blocked_range<std::uint32_t>& range) {
                      for (std::uint32_t rep = range.begin(); rep != range.end(); ++rep) {
                        decide_rep(rep, month, outlook);
                      }
                    });
  return delivered_;
}

std::uint32_t WorkforceWorld::months_left_in_period(std::uint32_t month) const {
  return months_per_period_ - (month - 1) % months_per_period_;
}

void WorkforceWorld::change_terms(const WorkforceParams& terms) {
  const double old_quota_per_month = params_.plan.quota_per_month;
  const QuotaSetting old_setting = params_.plan.quota_setting;
  const std::uint32_t old_months = months_per_period_;
  const double salary = params_.plan.salary_per_month;
  const bool keeps_salary_rule =
      params_.plan.salary_meets_outside_option && terms.plan.salary_meets_outside_option;
  params_ = terms;
  // A salary the firm set to meet the outside option stays until the next period start sets it again.
  if (keeps_salary_rule) params_.plan.salary_per_month = salary;
  months_per_period_ = months_in(params_.plan.period);
  const bool new_quota =
      params_.plan.quota_per_month != old_quota_per_month || params_.plan.quota_setting != old_setting;
  for (std::uint32_t rep = 0; rep < params_.reps; ++rep) {
    const RepProfile own = rep_params_[rep].profile;
    rep_params_[rep] = params_;
    rep_params_[rep].profile = own;
    quota_[rep] = new_quota ? starting_quota(rep) : quota_[rep] / old_months * months_per_period_;
    // Each rep plans again under the terms now in force.
    policies_[rep] = PeriodPolicy();
  }
}

void WorkforceWorld::decide_rep(std::uint32_t rep, std::uint32_t month, const TerritoryMonth& outlook) {
  const bool period_starts = month == period_start_;
  const EffortResponse& response = params_.response;
  expected_revenue_[rep] = outlook.expected_revenue_next[rep];
  margin_share_[rep] =
      expected_revenue_[rep] > 0.0 ? outlook.expected_margin_next[rep] / expected_revenue_[rep] : 0.0;
  if (!employed_[rep]) {
    choices_[rep] = RepChoice{0.0, 0.0, 0.0, 0.0, 0.0, false};
  } else {
    const double skill = productivity(rep);
    const WorkforceParams& own = params_of(rep);
    // A period shorter than a full one (started by a plan change) has its quota in proportion.
    const double quota = quota_[rep] * period_share_;
    if (period_starts) {
      quota_value_[rep] = quota_value(own, quota, expected_revenue_[rep], margin_share_[rep], skill);
      bookings_value_[rep] = bookings_value(own, quota, expected_revenue_[rep], margin_share_[rep], skill);
    }
    RepOutlook view;
    view.months_left = months_left_in_period(month);
    view.booked_revenue = booked_revenue_[rep];
    view.booked_margin = booked_margin_[rep];
    view.quota = quota;
    view.revenue_per_month = expected_revenue_[rep];
    view.demand = demand_curve(outlook.revenue_at_factor[rep]);
    view.margin_share = margin_share_[rep];
    view.productivity = skill;
    // What NPS would be at normal service: today's, corrected for how far last month's service was off.
    view.nps_at_normal_effort =
        nps_of(outlook.truth[rep]) + nps_points_per_service * (1.0 - skill * choices_[rep].service);
    view.quota_value = quota_value_[rep];
    view.bookings_value_next = bookings_value_[rep];
    view.prospects = outlook.prospects[rep];
    view.prospect_clv =
        outlook.prospects[rep] > 0.0 ? outlook.prospect_clv[rep] / outlook.prospects[rep] : 0.0;
    // The period is planned at its start (or when a new hire arrives); months follow the plan.
    if (period_starts || policies_[rep].empty()) {
      policies_[rep] = PeriodPolicy(own, view, view.nps_at_normal_effort);
    }
    const auto draw = draws_.block(rep, month);
    choices_[rep] = choose_month(
        own, view, policies_[rep],
        {uniform_open01(draw[0]), uniform_open01(draw[1]), uniform_open01(draw[2]), uniform_open01(draw[3])});
  }
  const RepChoice& choice = choices_[rep];
  const double skill = employed_[rep] ? productivity(rep) : 0.0;
  const bool several_lines = params_.product_lines > 1;
  const bool customer_managers = params_.organization == Organization::customer_centric;
  // A product specialist sells its own line harder than a generalist would.
  const double focus = several_lines && !customer_managers ? 1.0 + params_.product_focus_gain : 1.0;
  const double selling =
      employed_[rep] ? focus * sell_factor(response, skill, choice.sell) : response.unattended_sales_share;
  delivered_.purchase_factor[rep] = static_cast<float>(selling * discount_factor(response, choice.discount));
  delivered_.price_factor[rep] = static_cast<float>(1.0 - choice.discount);
  delivered_.service[rep] = static_cast<float>(skill * choice.service);
  delivered_.answer_shift[rep] = static_cast<float>(response.coaching_lift * choice.coaching);
  delivered_.cherry_pick[rep] = choice.cherry_pick ? 1 : 0;
  delivered_.neglected_purchase_factor[rep] = static_cast<float>(response.unattended_sales_share);
  if (choice.cherry_pick) {
    delivered_.purchase_factor[rep] *= static_cast<float>(1.0 + response.cherry_pick_gain);
  }
  delivered_.hunt[rep] = static_cast<float>(std::min(1.0, response.hunt_rate * skill * choice.hunt));
  const bool cross_sells = customer_managers && several_lines;
  delivered_.cross_sell[rep] =
      cross_sells ? static_cast<float>(params_.cross_sell_share * (params_.product_lines - 1) *
                                       std::min(1.0, skill * choice.sell))
                  : 0.0f;
  // The relationship is built by serving: a manager who neglects service adds less of it.
  delivered_.relationship[rep] =
      cross_sells ? static_cast<float>(params_.relationship_lift * std::min(1.0, skill * choice.service))
                  : 0.0f;
}

void WorkforceWorld::hire(std::uint32_t rep) {
  draw_traits(rep);
  employed_[rep] = 1;
  tenure_months_[rep] = 0;
  quota_[rep] = starting_quota(rep);
  months_below_option_[rep] = 0.0;
  pay_ema_[rep] = 0.0;
  // The new hire starts the period's books afresh.
  booked_revenue_[rep] = booked_margin_[rep] = effort_cost_in_period_[rep] = churned_sales_[rep] =
      won_clv_[rep] = won_count_[rep] = 0.0;
  period_survey_[rep] = {};
  policies_[rep] = PeriodPolicy();
}

void WorkforceWorld::pay_period(std::uint32_t rep, double team_attainment, double share_of_period,
                                WorkforceMonth& observed) {
  const bool full_period = share_of_period >= 1.0;
  const IncentivePlan plan = full_period ? params_.plan : prorated(params_.plan, share_of_period);
  PeriodKpis kpis;
  kpis.booked_revenue = booked_revenue_[rep];
  kpis.booked_margin = booked_margin_[rep];
  kpis.quota = quota_[rep] * std::min(1.0, share_of_period);
  kpis.nps = nps_of(period_survey_[rep]);
  kpis.team_attainment = team_attainment;
  kpis.predicted_clv_new_customers = won_clv_[rep];
  kpis.customers_won = won_count_[rep];
  // Commission earned on sales to customers who churned within the window, at the period's average rate.
  if (plan.commission) {
    PeriodKpis sales_only = kpis;
    const double booked =
        plan.commission->base == CommissionBase::margin ? kpis.booked_margin : kpis.booked_revenue;
    const double commission =
        pay_for_period(IncentivePlan{.commission = plan.commission}, sales_only).commission;
    kpis.churned_sales_commission = booked > 0.0 ? churned_sales_[rep] * commission / booked : 0.0;
  }
  const double attained = attainment(plan, kpis);
  kpis.scorecard = scorecard_values(plan, kpis.nps, attained);
  const PayBreakdown pay = pay_for_period(plan, kpis);
  // Salary was paid month by month; the settlement pays the rest of the plan.
  const double variable = pay.total - pay.salary;
  observed.variable_pay += variable;
  observed.clawed_back -= pay.clawback;
  observed.paid_by_term += pay;
  observed.pay += variable;
  ++observed.period_ends;
  observed.attainment_sum += attained;
  attainments_.push_back(attained);
  period_attainment_[rep] = attained;
  observed.reached_quota += attained >= 1.0 ? 1 : 0;
  if (full_period) settle_career(rep, pay, attained, plan);
  booked_revenue_[rep] = booked_margin_[rep] = effort_cost_in_period_[rep] = churned_sales_[rep] =
      won_clv_[rep] = won_count_[rep] = 0.0;
  period_survey_[rep] = {};
  if (full_period && months_below_option_[rep] >= params_.quit_patience_months) {
    employed_[rep] = 0;
    vacancy_months_left_[rep] = params_.hiring_lag_months;
    ++observed.quits;
  }
}

void WorkforceWorld::settle_career(std::uint32_t rep, const PayBreakdown& pay, double attained,
                                   const IncentivePlan& plan) {
  // Would the rep rather work elsewhere? Certainty equivalent (CARA, normal pay) of its monthly pay
  // smoothed over periods, less the plan's risk premium r Var / 2 and the cost of its effort,
  // against the outside option.
  const RepProfile& profile = params_of(rep).profile;
  const double monthly = pay.total / months_per_period_;
  pay_ema_[rep] += (pay_ema_[rep] == 0.0 ? 1.0 : 0.5) * (monthly - pay_ema_[rep]);
  const double monthly_sd = period_pay_sd(params_of(rep), quota_[rep], expected_revenue_[rep],
                                          margin_share_[rep], productivity(rep)) /
                            months_per_period_;
  const double certainty_equivalent = pay_ema_[rep] - profile.risk_aversion * monthly_sd * monthly_sd / 2.0 -
                                      effort_cost_in_period_[rep] / months_per_period_;
  months_below_option_[rep] =
      certainty_equivalent < profile.outside_option ? months_below_option_[rep] + months_per_period_ : 0.0;

  quota_[rep] = next_quota(quota_[rep], attained, plan.quota_ratchet, plan.quota_floor);
}

void WorkforceWorld::tally_quintiles(const std::vector<std::uint8_t>& employed,
                                     WorkforceMonth& observed) const {
  std::vector<std::uint32_t> ranked;
  for (std::uint32_t rep = 0; rep < params_.reps; ++rep)
    if (employed[rep]) ranked.push_back(rep);
  if (ranked.empty()) return;
  // Ties (reps alike) keep slot order, so the tally is the same on every platform.
  std::ranges::stable_sort(ranked, [&](std::uint32_t a, std::uint32_t b) {
    return params_of(a).profile.skill > params_of(b).profile.skill;
  });
  const std::size_t fifth = std::max<std::size_t>(1, ranked.size() / 5);
  const auto add = [&](std::uint32_t rep, QuintileTally& tally) {
    ++tally.rep_months;
    tally.sell_effort += choices_[rep].sell;
    if (!std::isnan(period_attainment_[rep]))
      ++tally.period_ends, tally.attainment_sum += period_attainment_[rep];
  };
  for (std::size_t k = 0; k < fifth; ++k) {
    add(ranked[k], observed.top_quintile);
    add(ranked[ranked.size() - 1 - k], observed.bottom_quintile);
  }
}

WorkforceMonth WorkforceWorld::settle(std::uint32_t month, const TerritoryMonth& territories,
                                      bool closes_period) {
  WorkforceMonth observed;
  const bool period_ends = is_period_end(params_.plan.period, month);
  const bool closes_early = closes_period && !period_ends;
  const EffortResponse& response = params_.response;
  for (std::uint32_t rep = 0; rep < params_.reps; ++rep) {
    const RepChoice& choice = choices_[rep];
    // Deals pulled into the last period end were booked then: they leave this month's books.
    // Deals held back at the last period end that were not lost are booked now.
    double revenue = territories.revenue[rep] - pulled_revenue_[rep] + pushed_revenue_[rep];
    double margin = territories.margin[rep] - pulled_margin_[rep] + pushed_margin_[rep];
    pulled_revenue_[rep] = pulled_margin_[rep] = pushed_revenue_[rep] = pushed_margin_[rep] = 0.0;
    if (employed_[rep] && choice.push_out) {
      // Part of the month's deals slip into the next period; the share lost never comes back.
      const double held = std::min(response.push_out_share * expected_revenue_[rep], std::max(0.0, revenue));
      const double held_margin = held * margin_share_[rep];
      revenue -= held;
      margin -= held_margin;
      pushed_revenue_[rep] = held * (1.0 - response.push_out_loss);
      pushed_margin_[rep] = held_margin * (1.0 - response.push_out_loss);
      observed.pushed_revenue_lost += held * response.push_out_loss;
      observed.pushed_margin_lost += held_margin * response.push_out_loss;
      ++observed.push_outs;
    }
    if (employed_[rep] && choice.pull_forward) {
      const double pulled = response.pull_forward_share * expected_revenue_[rep];
      pulled_revenue_[rep] = pulled * (1.0 - response.pull_forward_cost);
      pulled_margin_[rep] = pulled * (margin_share_[rep] - response.pull_forward_cost);
      revenue += pulled_revenue_[rep];
      margin += pulled_margin_[rep];
      observed.discount_revenue += pulled * response.pull_forward_cost;
      observed.timing_discount += pulled * response.pull_forward_cost;
      ++observed.pull_forwards;
    }
    booked_revenue_[rep] += revenue;
    booked_margin_[rep] += margin;
    churned_sales_[rep] += territories.churned_sales[rep];
    won_clv_[rep] += territories.won_clv[rep];
    won_count_[rep] += territories.won_by_rep[rep];
    observed.won_by_reps += territories.won_by_rep[rep];
    observed.attributed += territories.attributed[rep];
    observed.booked_revenue += revenue;
    period_survey_[rep] += territories.survey[rep];
    const double list = territories.revenue[rep] / std::max(1e-9, 1.0 - choice.discount);
    observed.list_revenue += list;
    observed.discount_revenue += list - territories.revenue[rep];
    if (!employed_[rep]) {
      ++observed.vacant;
      if (vacancy_months_left_[rep] > 0) --vacancy_months_left_[rep];
      if (vacancy_months_left_[rep] == 0) {
        hire(rep);
        ++observed.hires;
      }
      continue;
    }
    ++observed.reps_employed;
    ++tenure_months_[rep];
    observed.salary += params_.plan.salary_per_month;
    observed.pay += params_.plan.salary_per_month;
    observed.sell_effort += choice.sell;
    observed.service_effort += choice.service;
    observed.coaching_effort += choice.coaching;
    observed.hunt_effort += choice.hunt;
    observed.cherry_picking_reps += choice.cherry_pick ? 1 : 0;
    observed.coaching_reps += choice.coaching > 0.0 ? 1 : 0;
    const RepProfile& profile = params_of(rep).profile;
    const double cost = profile.effort_cost / 2.0;
    // Net of what serving is worth to the rep for its own sake, as in its choice.
    effort_cost_in_period_[rep] +=
        selling_cost(profile, choice.sell) - profile.service_norm * choice.service +
        cost *
            (choice.service * choice.service + choice.coaching * choice.coaching + choice.hunt * choice.hunt);
  }
  std::ranges::fill(period_attainment_, std::nan(""));
  if (!period_ends && !closes_early) {
    tally_quintiles(employed_, observed);
    return observed;
  }
  double booked = 0.0, quota = 0.0;
  for (std::uint32_t rep = 0; rep < params_.reps; ++rep) {
    if (!employed_[rep]) continue;
    booked += params_.plan.commission && params_.plan.commission->base == CommissionBase::margin
                  ? booked_margin_[rep]
                  : booked_revenue_[rep];
    quota += quota_[rep];
  }
  const std::uint32_t months_open = month + 1 - period_start_;
  const double share_of_period = static_cast<double>(months_open) / months_per_period_;
  period_start_ = month + 1;
  const double team_attainment = quota > 0.0 ? booked / (quota * share_of_period) : 0.0;
  // Ranked among those who worked the month, so a rep who quits now still counts in its fifth.
  const std::vector<std::uint8_t> worked = employed_;
  for (std::uint32_t rep = 0; rep < params_.reps; ++rep) {
    if (employed_[rep]) pay_period(rep, team_attainment, share_of_period, observed);
  }
  tally_quintiles(worked, observed);
  return observed;
}

}  // namespace salesim::models::workforce
