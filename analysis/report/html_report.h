// The HTML report page: one self-contained file (inline CSS and SVG, no scripts) from plain structs.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "analysis/report/svg_chart.h"

namespace salesim::analysis::report {

/// One metric: its statistics per column (design point, or paired difference).
struct StatisticsRow {
  std::string metric;
  std::vector<SummaryStatistics> by_column;
  std::string unit{};     ///< shown next to the name ("$", "share"); may be empty
  std::string meaning{};  ///< shown when the pointer rests on the name; may be empty
};

/// Metric rows x columns of "mean" and "95% CI"; rows whose n is 0 in every column are left out.
struct StatisticsTable {
  std::string heading;
  std::string note;  ///< a sentence under the heading, may be empty
  std::vector<std::string> column_labels;
  std::vector<StatisticsRow> rows;
};

/// A table of text cells (fitted parameters, a holdout check, customer deciles); the cells of
/// numeric columns are right-aligned.
struct TextTable {
  std::string heading;
  std::string note;  ///< a sentence under the heading, may be empty
  std::vector<std::string> column_labels;
  std::vector<bool> numeric;  ///< per column; a column without an entry is text
  std::vector<std::vector<std::string>> rows;
  /// Empty, or one share in [0, 1] per row, drawn as a bar in a last column headed bar_label.
  std::vector<double> bars;
  std::string bar_label;
};

struct ChartFigure {
  ChartData chart;
  std::string caption;  ///< may be empty
};

struct ReportPage {
  std::string title;
  std::vector<std::pair<std::string, std::string>> provenance;  ///< key, value; shown in order
  std::optional<StatisticsTable> statistics;
  std::optional<StatisticsTable> comparison;
  std::string charts_heading = "Time series";
  std::vector<ChartFigure> charts;
  std::vector<TextTable> tables;  ///< shown after the charts, in order
  std::string scenario_yaml;      ///< shown folded; may be empty
  std::string scenario_heading = "Scenario";
};

/**
 * @brief The complete HTML document. Every text from the page struct is escaped.
 * Sections come in this order: provenance, statistics, comparison, charts, tables, scenario.
 * @throws std::invalid_argument when a row has another number of columns than the labels, a
 * table has bars but not one per row, or a chart is malformed (see line_chart_svg).
 */
[[nodiscard]] std::string report_html(const ReportPage& page);

}  // namespace salesim::analysis::report
