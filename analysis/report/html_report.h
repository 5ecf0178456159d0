// The HTML report page: one self-contained file from plain structs, its charts drawn by the inline
// Vega-Lite library (no link out: it opens offline).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "analysis/report/vega_spec.h"

namespace salesim::analysis::report {

/// One metric: its statistics per column (design point, or paired difference).
struct StatisticsRow {
  std::string metric;
  std::vector<SummaryStatistics> by_column;
  std::string unit{};     ///< shown next to the name ("$", "share"); may be empty
  std::string meaning{};  ///< shown when the pointer rests on the name; may be empty
  std::string group{};    ///< the part of the world; a heading row opens each new group
};

/// Metric rows x columns of "mean" and "95% CI"; rows without a finite mean in any column are left
/// out. With mark_significant, an interval that excludes 0 is bold and starred (paired differences).
struct StatisticsTable {
  std::string heading;
  std::string note;  ///< a sentence under the heading, may be empty
  std::vector<std::string> column_labels;
  std::vector<StatisticsRow> rows;
  bool mark_significant = false;
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

/// A headline number: a metric's mean and 95% CI, with its unit.
struct HeadlineNumber {
  std::string metric;
  std::string unit;
  std::string meaning;
  SummaryStatistics statistics;
};

/// Charts under one heading.
struct ChartSection {
  std::string heading;
  std::string note;  ///< may be empty
  std::vector<ChartFigure> charts;
};

struct ReportPage {
  std::string title;
  std::string kind;    ///< "run report", "comparison report", ...: under the title
  std::string banner;  ///< a warning shown first in a box (e.g. "partial: 40 of 100 runs"); may be empty
  std::vector<std::string> questions;  ///< the scenarios' descriptions, shown under the title
  std::vector<std::pair<std::string, std::string>> provenance;  ///< key, value; shown in order
  std::vector<HeadlineNumber> headline;  ///< shown as cards; those without a finite mean are left out
  std::optional<StatisticsTable> statistics;
  std::optional<StatisticsTable> comparison;
  std::vector<ChartSection> sections;  ///< after the tables above; empty sections are left out
  std::vector<TextTable> tables;       ///< shown after the charts, in order
  std::string scenario_yaml;           ///< shown folded; may be empty
  std::string scenario_heading = "Scenario";
};

/**
 * @brief The complete HTML document. Every text from the page struct is escaped.
 * Sections come in this order: banner, questions, provenance, headline, statistics, comparison,
 * chart sections, tables, scenario. The page draws every chart when it loads and then writes what
 * it drew into `<pre id="salesim-chart-status">` as JSON: charts, drawn, per chart the items of its
 * series layer and the expected count, every error and warning, and the milliseconds from
 * navigation start to the last chart drawn (the end-to-end tests read it).
 * @throws std::invalid_argument when a row has another number of columns than the labels, or a
 * table has bars but not one per row.
 */
[[nodiscard]] std::string report_html(const ReportPage& page);

/// Escapes &, <, >, " and ' so that text is safe inside HTML elements and attribute values.
[[nodiscard]] std::string escape_markup(std::string_view text);

}  // namespace salesim::analysis::report
