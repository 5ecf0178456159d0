// Printing metric tables grouped by part of the world.
#include "sim/cli/metric_table.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "analysis/metric_registry.h"

namespace salesim::sim::cli {
namespace {

using analysis::WorldPart;

constexpr WorldPart part_order[] = {WorldPart::customers, WorldPart::workforce, WorldPart::partnerships,
                                    WorldPart::scorecard};

std::string unit_of(const std::string& metric) {
  const auto* definition = analysis::find_metric(metric);
  return definition == nullptr ? std::string() : std::string(analysis::unit_label(definition->unit));
}

/// The rows of each part in registry order; metrics the registry does not know come last.
std::vector<std::pair<std::string, std::vector<const MetricTableRow*>>> rows_by_part(
    const MetricTable& table) {
  std::vector<std::pair<std::string, std::vector<const MetricTableRow*>>> groups;
  const auto rank = [](const MetricTableRow* row) {
    const auto registry = analysis::metric_registry();
    for (std::size_t i = 0; i < registry.size(); ++i)
      if (registry[i].name == row->metric) return i;
    return registry.size();
  };
  for (WorldPart part : part_order) {
    std::vector<const MetricTableRow*> rows;
    for (const auto& row : table.rows) {
      const auto* definition = analysis::find_metric(row.metric);
      if (definition != nullptr && definition->part == part) rows.push_back(&row);
    }
    std::stable_sort(rows.begin(), rows.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
    if (!rows.empty()) groups.emplace_back(std::string(analysis::part_name(part)), std::move(rows));
  }
  std::vector<const MetricTableRow*> unknown;
  for (const auto& row : table.rows)
    if (analysis::find_metric(row.metric) == nullptr) unknown.push_back(&row);
  if (!unknown.empty()) groups.emplace_back("other", std::move(unknown));
  return groups;
}

}  // namespace

std::string abbreviated(const std::string& label, std::size_t width) {
  if (label.size() <= width) return label;
  return label.substr(0, width == 0 ? 0 : width - 1) + "~";
}

void print_metric_table(std::ostream& out, const MetricTable& table) {
  std::size_t metric_width = 6;
  std::size_t unit_width = 4;
  std::vector<std::size_t> widths;
  for (const auto& header : table.column_headers) widths.push_back(std::max<std::size_t>(header.size(), 8));
  for (const auto& row : table.rows) {
    metric_width = std::max(metric_width, row.metric.size() + 2);
    unit_width = std::max(unit_width, unit_of(row.metric).size());
    for (std::size_t c = 0; c < row.cells.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], row.cells[c].size());
  }
  std::string header = fmt::format("{:<{}}  {:<{}}", "metric", metric_width, "unit", unit_width);
  for (std::size_t c = 0; c < widths.size(); ++c)
    header += fmt::format("  {:>{}}", table.column_headers[c], widths[c]);
  const std::string rule(header.size(), '-');
  fmt::print(out, "{}\n{}\n{}\n{}\n", table.title, rule, header, rule);
  for (const auto& [part, rows] : rows_by_part(table)) {
    fmt::print(out, "{}\n", part);
    for (const MetricTableRow* row : rows) {
      std::string line =
          fmt::format("  {:<{}}  {:<{}}", row->metric, metric_width - 2, unit_of(row->metric), unit_width);
      for (std::size_t c = 0; c < widths.size(); ++c)
        line += fmt::format("  {:>{}}", c < row->cells.size() ? row->cells[c] : "", widths[c]);
      fmt::print(out, "{}\n", line);
    }
  }
  fmt::print(out, "{}\n", rule);
  for (const auto& note : table.notes) fmt::print(out, "{}\n", note);
}

void print_metric_table_markdown(std::ostream& out, const MetricTable& table) {
  const auto escaped = [](const std::string& text) {
    std::string cell;
    for (char c : text) cell += c == '|' ? std::string("\\|") : std::string(1, c);
    return cell;
  };
  fmt::print(out, "**{}**\n", escaped(table.title));
  for (const auto& [part, rows] : rows_by_part(table)) {
    fmt::print(out, "\n### {}\n\n| metric | unit |", part);
    for (const auto& header : table.column_headers) fmt::print(out, " {} |", escaped(header));
    fmt::print(out, "\n|---|---|");
    for (std::size_t c = 0; c < table.column_headers.size(); ++c) fmt::print(out, "---:|");
    fmt::print(out, "\n");
    for (const MetricTableRow* row : rows) {
      fmt::print(out, "| {} | {} |", row->metric, escaped(unit_of(row->metric)));
      for (std::size_t c = 0; c < table.column_headers.size(); ++c)
        fmt::print(out, " {} |", c < row->cells.size() ? escaped(row->cells[c]) : "");
      fmt::print(out, "\n");
    }
  }
  if (!table.notes.empty()) fmt::print(out, "\n");
  for (const auto& note : table.notes) fmt::print(out, "{}  \n", escaped(note));
}

}  // namespace salesim::sim::cli
