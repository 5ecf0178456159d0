// How a fitted model tracks a cohort's repeat transactions, in calibration and in the holdout.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "analysis/customer_base/transaction_summary.h"

namespace salesim::analysis::customer_base {

/// Per time unit k after the cohort's first day: actual and expected repeats, one unit and cumulative.
struct TrackingPoint {
  std::uint32_t unit = 0;  ///< 1-based: the unit covering days [first + (k-1) u, first + k u)
  bool holdout = false;    ///< the unit ends after the calibration end
  double actual = 0.0;
  double expected = 0.0;
  double actual_cumulative = 0.0;
  double expected_cumulative = 0.0;
};

struct HoldoutTracking {
  std::vector<TrackingPoint> points;
  /// Cumulative holdout repeats at the last unit: actual, expected, and (expected - actual) / actual.
  double holdout_actual = 0.0;
  double holdout_expected = 0.0;
  double holdout_error = 0.0;
  /// Mean absolute percentage error of the cumulative repeats over the holdout units (Fader, Hardie
  /// & Lee 2005 report this tracking error); 0 without holdout units.
  double holdout_cumulative_mape = 0.0;
};

/**
 * @brief The holdout summary of tracking points in unit order, calibration units first: the repeats
 * after the last calibration unit, actual and expected, their relative error, and the tracking error
 * of the cumulative repeats over the holdout units (those whose actual cumulative is positive).
 * All four are 0 when no unit is a holdout unit.
 */
[[nodiscard]] HoldoutTracking summarize_tracking(std::vector<TrackingPoint> points);

/**
 * @brief Sums the model's unconditional expectation over the cohort: the expected cumulative repeats
 * by the end of unit k are sum_d n_d E[X(k - d / u)] over the customers n_d whose first purchase is on
 * day d of the cohort (Fader, Hardie & Lee 2005, figure 2). Only complete units are tracked.
 * @param expected_transactions E[X(t)] of a new customer, t in time units.
 */
[[nodiscard]] HoldoutTracking track_cohort(const CohortSummary& cohort,
                                           const std::function<double(double)>& expected_transactions);

}  // namespace salesim::analysis::customer_base
