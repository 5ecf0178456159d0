// The holdout summary of a tracking table, against a hand-computed one.
#include "analysis/customer_base/holdout_tracking.h"

#include <vector>

#include <catch2/catch.hpp>

namespace cb = salesim::analysis::customer_base;

TEST_CASE("summarize_tracking sums the holdout repeats after the last calibration unit",
          "[customer_base][holdout]") {
  // unit, holdout, actual, expected, actual cumulative, expected cumulative
  const std::vector<cb::TrackingPoint> points = {{1, false, 10, 12, 10, 12},
                                                 {2, false, 10, 9, 20, 21},
                                                 {3, true, 20, 15, 40, 36},
                                                 {4, true, 10, 12, 50, 48}};
  const cb::HoldoutTracking tracking = cb::summarize_tracking(points);
  CHECK(tracking.points.size() == 4);
  CHECK(tracking.holdout_actual == Approx(30.0));
  CHECK(tracking.holdout_expected == Approx(27.0));
  CHECK(tracking.holdout_error == Approx(-0.1));
  CHECK(tracking.holdout_cumulative_mape == Approx((4.0 / 40.0 + 2.0 / 50.0) / 2.0));

  const cb::HoldoutTracking calibration_only = cb::summarize_tracking({points[0], points[1]});
  CHECK(calibration_only.holdout_actual == 0.0);
  CHECK(calibration_only.holdout_cumulative_mape == 0.0);
}
