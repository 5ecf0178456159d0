// Expected against actual repeat transactions of a cohort, unit by unit.
#include "analysis/customer_base/holdout_tracking.h"

#include <cmath>
#include <utility>

namespace salesim::analysis::customer_base {

HoldoutTracking summarize_tracking(std::vector<TrackingPoint> points) {
  HoldoutTracking tracking;
  tracking.points = std::move(points);
  double holdout_start_actual = 0.0, holdout_start_expected = 0.0;
  double absolute_percentage_errors = 0.0;
  std::uint32_t holdout_units = 0;
  for (const TrackingPoint& point : tracking.points) {
    if (!point.holdout) {
      holdout_start_actual = point.actual_cumulative;
      holdout_start_expected = point.expected_cumulative;
    } else if (point.actual_cumulative > 0.0) {
      absolute_percentage_errors +=
          std::abs(point.expected_cumulative - point.actual_cumulative) / point.actual_cumulative;
      ++holdout_units;
    }
  }
  if (holdout_units > 0) {
    const TrackingPoint& last = tracking.points.back();
    tracking.holdout_actual = last.actual_cumulative - holdout_start_actual;
    tracking.holdout_expected = last.expected_cumulative - holdout_start_expected;
    tracking.holdout_error =
        tracking.holdout_actual > 0.0
            ? (tracking.holdout_expected - tracking.holdout_actual) / tracking.holdout_actual
            : 0.0;
    tracking.holdout_cumulative_mape = absolute_percentage_errors / holdout_units;
  }
  return tracking;
}

HoldoutTracking track_cohort(const CohortSummary& cohort,
                             const std::function<double(double)>& expected_transactions) {
  std::vector<TrackingPoint> points;
  const double unit_days = cohort.days_per_unit;
  const auto complete_units =
      static_cast<std::uint32_t>(std::floor((cohort.last_day - cohort.first_purchase_day + 1) / unit_days));
  double actual_cumulative = 0.0;
  double previous_expected = 0.0;
  for (std::uint32_t k = 1; k <= complete_units && k <= cohort.repeats_per_unit.size(); ++k) {
    const double end_day = k * unit_days;  // days after the cohort's first day
    double expected = 0.0;
    for (std::size_t d = 0; d < cohort.first_purchases_per_day.size(); ++d) {
      const auto customers = static_cast<double>(cohort.first_purchases_per_day[d]);
      if (customers == 0.0 || static_cast<double>(d) >= end_day) continue;
      expected += customers * expected_transactions((end_day - static_cast<double>(d)) / unit_days);
    }
    TrackingPoint point;
    point.unit = k;
    point.holdout = cohort.first_purchase_day + end_day - 1.0 > cohort.calibration_end_day;
    point.actual = static_cast<double>(cohort.repeats_per_unit[k - 1]);
    actual_cumulative += point.actual;
    point.actual_cumulative = actual_cumulative;
    point.expected_cumulative = expected;
    point.expected = expected - previous_expected;
    previous_expected = expected;
    points.push_back(point);
  }
  return summarize_tracking(std::move(points));
}

}  // namespace salesim::analysis::customer_base
