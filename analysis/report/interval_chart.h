// Dot-and-interval charts as Vega-Lite specs: an estimate with its interval per row (paired
// differences, measured against true values, quota attainment ranges).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/report/vega_spec.h"

namespace salesim::analysis::report {

/// One dot at `estimate` on a line from `low` to `high`; rows with a non-finite value are left out.
struct IntervalRow {
  std::string label;  ///< the row's name on the y axis
  std::string group;  ///< the colour (e.g. "measured" / "true", "significant"); may be empty
  double estimate = 0.0;
  double low = 0.0;
  double high = 0.0;
};

struct IntervalPanel {
  std::string title;    ///< empty for a chart of one panel (the chart's title says it)
  std::string x_label;  ///< with its unit
  std::vector<IntervalRow> rows;
  std::optional<double> reference;  ///< a vertical rule, e.g. at 0 for differences, 1 for quota
  std::string reference_label;
};

struct IntervalChart {
  std::string title;
  std::vector<std::string> group_order;  ///< the colours' order in the legend; empty: order of first use
  std::vector<IntervalPanel> panels;     ///< stacked, each with its own x axis (units differ)
  bool offset_groups = true;             ///< rows of one label but other groups side by side; false: overlaid
};

/**
 * @brief The chart's figure; its series count is the number of rows drawn (one dot each). Panels
 * without a finite row are left out; returns nothing when none is left.
 */
[[nodiscard]] std::optional<ChartFigure> interval_chart(const IntervalChart& chart, std::string caption);

}  // namespace salesim::analysis::report
