// Formatting of the summary table.
#include "sim/cli/summary_table.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "analysis/readable_number.h"

namespace salesim::sim::cli {
namespace {

using analysis::readable_number;

}  // namespace

void print_summary_table(std::ostream& out, const std::string& title,
                         const std::vector<std::string>& metric_names, const std::vector<std::string>& units,
                         const std::vector<analysis::SummaryStatistics>& statistics) {
  std::size_t name_width = 6;
  for (const auto& name : metric_names) name_width = std::max(name_width, name.size());
  std::size_t unit_width = 4;
  for (const auto& unit : units) unit_width = std::max(unit_width, unit.size());
  const auto unit_of = [&](std::size_t m) { return m < units.size() ? units[m] : std::string(); };
  const std::string rule(name_width + unit_width + 54, '-');
  fmt::print(out, "{}\n{}\n{:<{}}  {:<{}}  {:>14}  {:>31}  {:>3}\n{}\n", title, rule, "metric", name_width,
             "unit", unit_width, "mean", "95% CI", "n", rule);
  std::size_t hidden = 0;
  for (std::size_t m = 0; m < metric_names.size(); ++m) {
    const auto& s = statistics[m];
    if (s.n == 0) {  // the scenario has no such part (e.g. no customers, no scorecard)
      ++hidden;
      continue;
    }
    const std::string interval =
        s.n >= 2 ? fmt::format("[{}, {}]", readable_number(s.ci_low), readable_number(s.ci_high)) : "";
    fmt::print(out, "{:<{}}  {:<{}}  {:>14}  {:>31}  {:>3}\n", metric_names[m], name_width, unit_of(m),
               unit_width, readable_number(s.mean), interval, s.n);
  }
  fmt::print(out, "{}\n", rule);
  if (hidden > 0) fmt::print(out, "({} metrics without values in this scenario not shown)\n", hidden);
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
