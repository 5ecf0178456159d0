// A rep's plan for an evaluation period: the value of what it has booked with L months to go,
// found by backward induction, so nonlinear plans shape effort within the period.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/workforce/rep_decision.h"

namespace salesim::models::workforce {

/**
 * @brief Bellman's backward induction over the months left in the period (Bellman 1957). The state
 * is the amount booked so far in the commission base; each month the rep picks selling effort and
 * discount, bookings arrive with normal noise proportional to their mean, the rep values the risk by
 * its certainty equivalent (CARA), and at the period end the plan pays (with the
 * ratchet's shadow cost, and the option to pull next month's deals in). A threshold such as a
 * quota bonus makes the value convex near the quota, so reps near it push at the end and reps far
 * from it give up (Oyer 1998); a cap makes it flat above the cap (Misra & Nair 2011).
 */
class PeriodPolicy {
 public:
  static constexpr std::size_t noise_nodes_size = 7;  ///< points of a month's bookings noise

  PeriodPolicy() = default;
  /// Plans the period from `start` (its months_left is the horizon), NPS fixed at `measured_nps`.
  PeriodPolicy(const WorkforceParams& params, const RepOutlook& start, double measured_nps);

  [[nodiscard]] bool empty() const noexcept { return values_.empty(); }
  [[nodiscard]] const std::vector<double>& sells() const noexcept { return sells_; }
  [[nodiscard]] const std::vector<double>& discounts() const noexcept { return discounts_; }

  /// Expected utility of each (sell, discount) option, sell-major, with `months_left` to go
  /// (this month included) and `booked` so far in the commission base.
  [[nodiscard]] std::vector<double> option_values(double booked, std::uint32_t months_left) const;

  /// At the period's last month: expected gain of pulling next month's deals in, net of what they
  /// would have earned next period.
  [[nodiscard]] double pull_forward_gain(double booked, double sell, double discount) const;

  /// At the period's last month: expected gain of holding part of this month's deals back into the
  /// next period, where what is not lost counts for the next period's pay.
  [[nodiscard]] double push_out_gain(double booked, double sell, double discount) const;

  /// Bookings in the commission base that a rep's `booked_revenue` and `booked_margin` amount to.
  [[nodiscard]] double base_of(double booked_revenue, double booked_margin) const;

 private:
  [[nodiscard]] double value(std::uint32_t months_left, double booked) const;
  [[nodiscard]] double expected_next(std::uint32_t months_left, double booked, double bookings) const;
  [[nodiscard]] double terminal(double booked) const;
  [[nodiscard]] double month_bookings(double sell, double discount) const;
  /// Value at the period end of `booked`, with the best of keeping, pulling deals in or pushing out.
  [[nodiscard]] double period_end_value(double booked) const;
  /// CE gain of moving deals (`shift` base units, worth `later` next period) at the period end.
  [[nodiscard]] double timing_gain(double booked, double sell, double discount, double shift,
                                   double later) const;
  /// Standard deviation of a month's bookings (base units) when they are expected to be `bookings`.
  [[nodiscard]] double noise_sd_of(double bookings) const;
  /// How many sd below the mean a CARA rep's certainty equivalent is decided, from the local slope
  /// of the value with `months_left` to go: the nodes are moved there (importance sampling).
  [[nodiscard]] double tilt_of(std::uint32_t months_left, double centre, double noise_sd) const;
  /// Certainty equivalent of values at the noise nodes shifted down by `tilt` for a CARA rep (the
  /// mean when risk neutral, where the tilt is 0).
  [[nodiscard]] static double certainty_equivalent_of(const std::array<double, noise_nodes_size>& values,
                                                      double tilt, double risk_aversion);

  WorkforceParams params_;
  RepOutlook start_;
  double measured_nps_ = 0.0;
  bool on_margin_ = false;
  double pulled_ = 0.0;           ///< base units a pull-forward books now
  double pull_loss_ = 0.0;        ///< what those deals would have earned next period
  double pushed_ = 0.0;           ///< base units a push-out takes off this period's books
  double push_value_ = 0.0;       ///< what the deals that survive earn next period
  double normal_bookings_ = 0.0;  ///< a month's bookings at normal effort, base units
  std::vector<double> sells_, discounts_;
  std::vector<double> option_bookings_;  ///< month_bookings of each option, sell-major
  std::vector<double> selling_costs_;    ///< selling_cost of each sell effort
  double grid_low_ = 0.0, grid_step_ = 1.0;
  std::vector<std::vector<double>> values_;  ///< [months left][grid point]; index 0 = period end
};

}  // namespace salesim::models::workforce
