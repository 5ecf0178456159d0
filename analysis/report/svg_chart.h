// Line charts as inline SVG for the HTML report: pure functions of plain vectors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::analysis::report {

/// One line of a chart: y[i] belongs to ChartData::x[i]; NaN and infinite values are skipped.
struct ChartSeries {
  std::string label;
  std::vector<double> y;
  bool dashed = false;  ///< drawn dashed, e.g. a model's line against the solid actual one
};

/// A shaded band between low[i] and high[i] (e.g. 10th and 90th percentile); months where
/// either bound is not finite are left out of the band.
struct ChartBand {
  std::string label;
  std::vector<double> low;
  std::vector<double> high;
};

/// A vertical dashed line at x splitting the x axis into two labelled periods; the later one is
/// shaded (e.g. the calibration period and the holdout after it).
struct ChartPeriodSplit {
  double x = 0.0;
  std::string before_label;  ///< written left of the line, at the foot of the plot
  std::string after_label;   ///< written right of the line, in the shaded period
};

struct ChartData {
  std::string title;
  std::string x_label = "month";
  std::string y_label;
  std::vector<double> x;
  std::vector<ChartSeries> series;        ///< at most max_chart_series are drawn
  std::optional<ChartBand> band;          ///< drawn under the lines, in the first series' colour
  std::optional<ChartPeriodSplit> split;  ///< drawn under the lines when x lies inside the x range
};

inline constexpr std::size_t max_chart_series = 8;

/**
 * @brief Escapes &, <, >, " and ' so that text is safe inside HTML or SVG elements and
 * attribute values.
 */
[[nodiscard]] std::string escape_markup(std::string_view text);

/**
 * @brief Round tick positions ("nice" steps of 1, 2 or 5 times a power of ten) covering
 * [low, high] with about `target` intervals. Returns {low} when low == high; empty when a
 * bound is not finite or low > high.
 */
[[nodiscard]] std::vector<double> nice_ticks(double low, double high, int target = 5);

/**
 * @brief One standalone `<svg>` element: axes with ticks and labels, one `<polyline
 * class="series">` per series with at least one finite value (its points are exactly the
 * finite (x, y) pairs), the optional band as a `<polygon class="band">`, the optional period split
 * as a `<g class="split">` (a shaded `<rect>`, a dashed `<line>` and the two labels), and a legend.
 * @throws std::invalid_argument when a series or band bound has another length than x.
 */
[[nodiscard]] std::string line_chart_svg(const ChartData& chart);

}  // namespace salesim::analysis::report
