// The readable table of run and compare: one row per metric with its unit, grouped by the part of
// the world it describes (customers, workforce, partnerships, scorecard), for a terminal or Markdown.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace salesim::sim::cli {

struct MetricTableRow {
  std::string metric;
  std::vector<std::string> cells;  ///< one per column, already readable
};

struct MetricTable {
  std::string title;
  std::vector<std::string> column_headers;  ///< one per cell column
  std::vector<MetricTableRow> rows;         ///< any order; printed grouped by part, registry order within
  std::vector<std::string> notes;           ///< lines after the table (legend, what was left out)
};

/// Aligned columns under a rule, a heading line per part; units from the metric registry.
void print_metric_table(std::ostream& out, const MetricTable& table);

/// The same as GitHub Markdown: the title in bold, one pipe table per part under a heading.
void print_metric_table_markdown(std::ostream& out, const MetricTable& table);

/// `label` cut to `width` characters, with '~' at the end when it was cut.
[[nodiscard]] std::string abbreviated(const std::string& label, std::size_t width);

}  // namespace salesim::sim::cli
