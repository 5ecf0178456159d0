// Line charts as Vega-Lite specs: mean lines with their confidence bands, reference rules and a
// shaded later period (time series, tracking plots, whale curves).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/report/vega_spec.h"

namespace salesim::analysis::report {

/// One line: y[i] at x[i]; pairs with a non-finite value are left out.
struct LineSeries {
  std::string label;
  std::vector<double> x;
  std::vector<double> y;
  std::vector<double> low;  ///< empty, or a band from low[i] to high[i] (e.g. 95% CI of the mean)
  std::vector<double> high;
  bool dashed = false;  ///< e.g. a model's line against the solid actual one
};

/// A reference line across the plot: vertical at x = value, or horizontal at y = value.
struct ReferenceRule {
  bool vertical = true;
  double value = 0.0;
  std::string label;  ///< written beside the line
};

/// The part of the x axis from `from` on, shaded (e.g. the holdout after a calibration).
struct ShadedPeriod {
  double from = 0.0;
  std::string label;
};

struct LineChart {
  std::string title;
  std::string x_label = "month";
  std::string y_label;
  bool integer_x = true;  ///< x ticks are whole numbers (months, weeks)
  bool show_points = false;
  std::vector<LineSeries> series;
  std::vector<ReferenceRule> rules;
  std::optional<ShadedPeriod> shaded;
};

/**
 * @brief The chart's Vega-Lite figure; its series count is the number of lines with a finite point.
 * Returns nothing when no series has one: the report shows no empty charts.
 * @throws std::invalid_argument when a series' y, low or high has another length than its x.
 */
[[nodiscard]] std::optional<ChartFigure> line_chart(const LineChart& chart, std::string caption);

}  // namespace salesim::analysis::report
