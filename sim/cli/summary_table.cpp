// Formatting of the summary table.
#include "sim/cli/summary_table.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "analysis/readable_number.h"
#include "sim/cli/metric_table.h"
#include "sim/cli/statistics_rows.h"

namespace salesim::sim::cli {
namespace {

using analysis::readable_number;

}  // namespace

void print_summary_table(std::ostream& out, bool markdown, const std::string& title,
                         const std::vector<std::string>& metric_names, const std::vector<std::size_t>& rows,
                         const std::vector<analysis::SummaryStatistics>& statistics) {
  MetricTable table{title, {"mean", "95% CI", "n"}, {}, {}};
  std::size_t hidden = 0;
  for (std::size_t m : rows) {
    const auto& s = statistics[m];
    if (s.n == 0) {  // the scenario has no such part (e.g. no customers, no scorecard)
      ++hidden;
      continue;
    }
    const std::string interval =
        s.n >= 2 ? fmt::format("[{}, {}]", readable_number(s.ci_low), readable_number(s.ci_high)) : "";
    table.rows.push_back({metric_names[m], {readable_number(s.mean), interval, fmt::format("{}", s.n)}});
  }
  if (hidden > 0)
    table.notes.push_back(fmt::format("({} metrics without values in this scenario not shown)", hidden));
  if (markdown)
    print_metric_table_markdown(out, table);
  else
    print_metric_table(out, table);
}

void write_summary_rows(std::ostream& out, TidyFormat format, const std::string& scenario,
                        const std::vector<std::string>& metric_names, const std::vector<std::size_t>& rows,
                        const std::vector<analysis::SummaryStatistics>& statistics) {
  TidyTableWriter writer(out, format, statistics_columns({"scenario"}));
  for (std::size_t m : rows) {
    std::vector<TidyCell> cells{scenario};
    append_statistics_cells(cells, metric_names[m], statistics[m]);
    writer.row(cells);
  }
  writer.finish();
}

void print_bias_table(std::ostream& out, const std::vector<analysis::MeasurementBias>& rows) {
  if (rows.empty()) return;
  std::size_t kpi_width = 3;
  for (const auto& row : rows) kpi_width = std::max(kpi_width, row.pair.kpi.size());
  const std::string rule(kpi_width + 66, '-');
  fmt::print(out, "measured vs true (bias = measured - true, paired by replication; * CI without 0)\n{}\n",
             rule);
  fmt::print(out, "{:<{}}  {:>12}  {:>12}  {:>36}\n{}\n", "KPI", kpi_width, "measured", "true",
             "bias [95% CI]", rule);
  for (const auto& row : rows) {
    const auto& bias = row.bias.paired;
    const std::string interval =
        fmt::format("{} [{}, {}]{}", readable_number(bias.mean), readable_number(bias.ci_low),
                    readable_number(bias.ci_high), row.bias.significant ? " *" : "  ");
    fmt::print(out, "{:<{}}  {:>12}  {:>12}  {:>36}\n", row.pair.kpi, kpi_width,
               readable_number(row.measured.mean), readable_number(row.truth.mean), interval);
  }
  fmt::print(out, "{}\n", rule);
}

}  // namespace salesim::sim::cli
