// Formatting of compare results.
#include "sim/cli/compare_table.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "analysis/readable_number.h"
#include "sim/cli/metric_table.h"
#include "sim/cli/statistics_rows.h"

namespace salesim::sim::cli {
namespace {

using analysis::readable_number;

/// Wide enough for "-12,345,678" and a short name; longer labels are cut and listed in the legend.
constexpr std::size_t scenario_column_width = 18;

void write_tidy(std::ostream& out, TidyFormat format, const CompareTableInput& input) {
  std::vector<std::string> columns = statistics_columns({"scenario"});
  for (const char* column : {"difference", "difference_ci_low", "difference_ci_high", "significant"})
    columns.emplace_back(column);
  TidyTableWriter writer(out, format, columns);
  const double none = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t p = 0; p < input.scenario_labels.size(); ++p) {
    for (std::size_t m : input.rows) {
      std::vector<TidyCell> cells{input.scenario_labels[p]};
      append_statistics_cells(cells, input.metric_names[m], input.statistics[m][p]);
      if (p == 0) {
        cells.insert(cells.end(), {none, none, none, std::string()});
      } else {
        const auto& c = input.comparisons[m][p - 1];
        const bool any = c.paired.n > 0;
        cells.insert(cells.end(),
                     {any ? c.paired.mean : none, any ? c.paired.ci_low : none, any ? c.paired.ci_high : none,
                      std::string(any ? (c.significant ? "yes" : "no") : "")});
      }
      writer.row(cells);
    }
  }
  writer.finish();
}

}  // namespace

void print_compare_table(std::ostream& out, TableFormat format, const CompareTableInput& input) {
  if (is_machine_format(format)) {
    write_tidy(out, tidy_format(format), input);
    return;
  }
  const bool markdown = format == TableFormat::markdown;
  const std::size_t count = input.scenario_labels.size();
  MetricTable table{input.title, {}, {}, {}};
  for (std::size_t p = 0; p < count; ++p) {
    const std::string header = fmt::format("[{}] {}", p + 1, input.scenario_labels[p]);
    table.column_headers.push_back(markdown ? header : abbreviated(header, scenario_column_width));
  }
  for (std::size_t k = 1; k < count; ++k)
    table.column_headers.push_back(fmt::format("[{}] - [1] (95% CI)", k + 1));
  std::size_t hidden = 0;
  for (std::size_t m : input.rows) {
    const auto has_value = [](const analysis::SummaryStatistics& s) { return s.n > 0; };
    if (std::none_of(input.statistics[m].begin(), input.statistics[m].end(), has_value)) {
      ++hidden;  // no scenario has this part of the world (e.g. no customers, no scorecard)
      continue;
    }
    MetricTableRow row{input.metric_names[m], {}};
    for (std::size_t p = 0; p < count; ++p) row.cells.push_back(readable_number(input.statistics[m][p].mean));
    for (const auto& c : input.comparisons[m]) {
      row.cells.push_back(fmt::format("{} [{}, {}]{}", readable_number(c.paired.mean),
                                      readable_number(c.paired.ci_low), readable_number(c.paired.ci_high),
                                      c.significant ? " *" : "  "));
    }
    table.rows.push_back(std::move(row));
  }
  table.notes.emplace_back("scenarios (* marks a 95% CI of the paired difference without 0):");
  for (std::size_t p = 0; p < count; ++p) {
    table.notes.push_back(fmt::format("  [{}] {}{} ({})", p + 1, input.scenario_labels[p],
                                      p == 0 ? ", the baseline" : "", input.scenario_paths[p]));
  }
  if (hidden > 0)
    table.notes.push_back(fmt::format("({} metrics without values in these scenarios not shown)", hidden));
  if (markdown)
    print_metric_table_markdown(out, table);
  else
    print_metric_table(out, table);
}

}  // namespace salesim::sim::cli
