// Formatting of sweep results.
#include "sim/cli/sweep_report.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "analysis/metric_registry.h"
#include "sim/cli/statistics_rows.h"

namespace salesim::sim::cli {
namespace {

/// A level that reads as a number is written as one, so that pandas gets a numeric column.
TidyCell level_cell(const std::string& text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size()) return value;
  return text;
}

std::string point_label(const io::SweepDefinition& sweep, const run::DesignPoint& point) {
  std::string label;
  for (std::size_t k = 0; k < sweep.parameters.size() && k < point.values.size(); ++k)
    label += fmt::format("{}{}={}", k > 0 ? ", " : "", sweep.parameters[k].key_path, point.values[k]);
  return label;
}

void write_tidy(std::ostream& out, TidyFormat format, const io::SweepDefinition& sweep,
                const std::vector<run::DesignPoint>& design, const std::vector<std::string>& summary_names,
                const std::vector<std::size_t>& rows,
                const std::vector<std::vector<analysis::SummaryStatistics>>& statistics) {
  std::vector<std::string> leading{"point"};
  for (const auto& parameter : sweep.parameters) leading.push_back(parameter.key_path);
  TidyTableWriter writer(out, format, statistics_columns(leading));
  for (std::size_t p = 0; p < design.size(); ++p) {
    for (std::size_t m : rows) {
      std::vector<TidyCell> cells{point_label(sweep, design[p])};
      for (const auto& value : design[p].values) cells.push_back(level_cell(value));
      append_statistics_cells(cells, summary_names[m], statistics[m][p]);
      writer.row(cells);
    }
  }
  writer.finish();
}

}  // namespace

std::vector<std::size_t> headline_metrics(const std::vector<std::string>& names) {
  std::vector<std::size_t> chosen;
  for (const char* preferred :
       {"profit_after_pay", "profit", "joint_surplus", "customer_equity", "true_nps"}) {
    const auto found = std::find(names.begin(), names.end(), preferred);
    if (found != names.end() && chosen.size() < 3)
      chosen.push_back(static_cast<std::size_t>(found - names.begin()));
  }
  for (std::size_t i = 0; chosen.size() < 3 && i < names.size(); ++i) {
    if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);
  }
  return chosen;
}

void print_sweep_table(std::ostream& out, TableFormat format, const io::SweepDefinition& sweep,
                       const std::vector<run::DesignPoint>& design,
                       const std::vector<std::string>& summary_names, const std::vector<std::size_t>& rows,
                       const std::vector<std::vector<analysis::SummaryStatistics>>& statistics) {
  if (is_machine_format(format)) {
    write_tidy(out, tidy_format(format), sweep, design, summary_names, rows, statistics);
    return;
  }
  std::vector<std::string> headers{"point"};
  for (const auto& parameter : sweep.parameters) headers.push_back(parameter.key_path);
  for (std::size_t m : rows) {
    const auto* definition = analysis::find_metric(summary_names[m]);
    const std::string unit = definition == nullptr ? "" : std::string(analysis::unit_label(definition->unit));
    headers.push_back(unit.empty() ? summary_names[m] : fmt::format("{} ({})", summary_names[m], unit));
  }
  std::vector<std::vector<std::string>> lines;
  for (std::size_t p = 0; p < design.size(); ++p) {
    std::vector<std::string> line{fmt::format("{}", p + 1)};
    line.insert(line.end(), design[p].values.begin(), design[p].values.end());
    for (std::size_t m : rows) line.push_back(readable_mean_and_interval(statistics[m][p]));
    lines.push_back(std::move(line));
  }
  const std::string title = fmt::format("{}: {} design points x {} replications, mean [95% CI]", sweep.name,
                                        design.size(), sweep.replications);
  if (format == TableFormat::markdown) {
    fmt::print(out, "**{}**\n\n|", title);
    for (const auto& header : headers) fmt::print(out, " {} |", header);
    fmt::print(out, "\n|");
    for (std::size_t c = 0; c < headers.size(); ++c) fmt::print(out, "---:|");
    fmt::print(out, "\n");
    for (const auto& line : lines) {
      fmt::print(out, "|");
      for (const auto& cell : line) fmt::print(out, " {} |", cell);
      fmt::print(out, "\n");
    }
    return;
  }
  std::vector<std::size_t> widths;
  for (const auto& header : headers) widths.push_back(header.size());
  for (const auto& line : lines)
    for (std::size_t c = 0; c < line.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], line[c].size());
  const auto print_line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t c = 0; c < widths.size(); ++c)
      text += fmt::format("{}{:>{}}", c > 0 ? "  " : "", c < cells.size() ? cells[c] : "", widths[c]);
    return text;
  };
  const std::string header = print_line(headers);
  fmt::print(out, "{}\n{}\n{}\n", title, header, std::string(header.size(), '-'));
  for (const auto& line : lines) fmt::print(out, "{}\n", print_line(line));
}

void print_sensitivity_table(std::ostream& out, const std::vector<std::string>& parameter_names,
                             const std::vector<std::string>& metric_names,
                             const std::vector<analysis::Sensitivity>& sensitivities) {
  std::string header = fmt::format("{:<24}  {:>6}", "sensitivity (SRC)", "R2");
  for (const auto& name : parameter_names) header += fmt::format("  {:>16}", name);
  fmt::print(out, "{}\n{}\n", header, std::string(header.size(), '-'));
  for (std::size_t m = 0; m < metric_names.size(); ++m) {
    std::string row = fmt::format("{:<24}  {:>6.3f}", metric_names[m], sensitivities[m].r_squared);
    for (double c : sensitivities[m].standardized_coefficients) row += fmt::format("  {:>16.3f}", c);
    fmt::print(out, "{}\n", row);
  }
}

}  // namespace salesim::sim::cli
