// What the observer records of the workforce each month: pay, effort, gaming, attrition.
#pragma once

#include <cstdint>

#include "models/workforce/incentive_plan.h"

namespace salesim::models::workforce {

/// Sums over the reps of one skill quintile: their selling effort this month and attainment at period ends.
struct QuintileTally {
  std::uint64_t rep_months = 0;
  double sell_effort = 0.0;
  std::uint64_t period_ends = 0;
  double attainment_sum = 0.0;

  QuintileTally& operator+=(const QuintileTally& other) noexcept;
};

struct WorkforceMonth {
  std::uint64_t reps_employed = 0;  ///< filled territories this month
  std::uint64_t vacant = 0;         ///< territories without a rep this month
  std::uint64_t quits = 0;
  std::uint64_t hires = 0;
  double pay = 0.0;  ///< salary paid this month plus variable pay of periods ending now
  double salary = 0.0;
  double variable_pay = 0.0;
  double clawed_back = 0.0;  ///< commission repaid for customers who churned soon after buying
  /// Each pay term of the periods ending this month, summed over reps: a new term's metric reads it.
  PayBreakdown paid_by_term{};
  double booked_revenue = 0.0;  ///< what the measurement system books (pulled deals included)
  double sell_effort = 0.0;     ///< summed over employed reps
  double service_effort = 0.0;
  double coaching_effort = 0.0;
  double hunt_effort = 0.0;
  double won_by_reps = 0.0;         ///< customers the reps' hunting won
  double attributed = 0.0;          ///< customers the measurement system credits to reps
  double discount_revenue = 0.0;    ///< revenue given away in discounts (list - paid)
  double list_revenue = 0.0;        ///< revenue at list price of discounted territories' purchases
  std::uint64_t pull_forwards = 0;  ///< reps who pulled deals into a period end
  /// Discount given to pull deals forward: the firm's revenue and margin lose it.
  double timing_discount = 0.0;
  std::uint64_t push_outs = 0;       ///< reps who held deals back past a period end
  double pushed_revenue_lost = 0.0;  ///< revenue of held-back deals that were lost: the firm loses it
  double pushed_margin_lost = 0.0;
  std::uint64_t coaching_reps = 0;        ///< reps who coached survey answers
  std::uint64_t cherry_picking_reps = 0;  ///< reps who worked only their satisfied customers
  std::uint64_t period_ends = 0;          ///< reps whose evaluation period ended this month
  double attainment_sum = 0.0;            ///< over those reps
  std::uint64_t reached_quota = 0;
  double coordination_cost = 0.0;
  /// Reps ranked by skill this month: the top and bottom fifth (one rep each when fewer than ten).
  QuintileTally top_quintile{}, bottom_quintile{};

  WorkforceMonth& operator+=(const WorkforceMonth& other) noexcept;
};

}  // namespace salesim::models::workforce
