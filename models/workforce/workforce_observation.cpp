// Adding up months of the workforce.
#include "models/workforce/workforce_observation.h"

namespace salesim::models::workforce {

WorkforceMonth& WorkforceMonth::operator+=(const WorkforceMonth& other) noexcept {
  reps_employed += other.reps_employed;
  vacant += other.vacant;
  quits += other.quits;
  hires += other.hires;
  pay += other.pay;
  salary += other.salary;
  variable_pay += other.variable_pay;
  clawed_back += other.clawed_back;
  booked_revenue += other.booked_revenue;
  sell_effort += other.sell_effort;
  service_effort += other.service_effort;
  coaching_effort += other.coaching_effort;
  hunt_effort += other.hunt_effort;
  won_by_reps += other.won_by_reps;
  paid_by_term += other.paid_by_term;
  attributed += other.attributed;
  discount_revenue += other.discount_revenue;
  list_revenue += other.list_revenue;
  pull_forwards += other.pull_forwards;
  coaching_reps += other.coaching_reps;
  cherry_picking_reps += other.cherry_picking_reps;
  period_ends += other.period_ends;
  attainment_sum += other.attainment_sum;
  reached_quota += other.reached_quota;
  coordination_cost += other.coordination_cost;
  timing_discount += other.timing_discount;
  push_outs += other.push_outs;
  pushed_revenue_lost += other.pushed_revenue_lost;
  pushed_margin_lost += other.pushed_margin_lost;
  top_quintile += other.top_quintile;
  bottom_quintile += other.bottom_quintile;
  return *this;
}

QuintileTally& QuintileTally::operator+=(const QuintileTally& other) noexcept {
  rep_months += other.rep_months;
  sell_effort += other.sell_effort;
  period_ends += other.period_ends;
  attainment_sum += other.attainment_sum;
  return *this;
}

}  // namespace salesim::models::workforce
