// Building the report page: provenance, statistics tables, charts, the scenario text.
#include "analysis/report/html_report.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/readable_number.h"

namespace salesim::analysis::report {
namespace {

/// Pixels of a bar whose share is 1 (the style gives td.bar this width).
constexpr double bar_width = 160.0;

constexpr std::string_view style =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;
max-width:1100px;padding:0 1em;color:#222}
h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;font-size:13px}th,td{padding:3px 10px;border-bottom:1px solid #eee}
th{background:#f5f5f5;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.ci{color:#555;font-variant-numeric:tabular-nums;white-space:nowrap}td.unit{color:#555;white-space:nowrap}
td[title]{text-decoration:underline dotted #999;cursor:help}
.scroll{overflow-x:auto}.note{color:#555;font-size:13px}
figure{margin:1.2em 0}figcaption{color:#555;font-size:13px}
pre{background:#f7f7f7;padding:.8em;overflow-x:auto;font-size:12px}
table.provenance td:first-child{color:#555;white-space:nowrap}code{font-size:12px}
td.bar{min-width:160px}td.bar span{display:inline-block;height:10px;background:#4e79a7}
)";

bool has_values(const StatisticsRow& row) {
  return std::any_of(row.by_column.begin(), row.by_column.end(),
                     [](const SummaryStatistics& s) { return s.n > 0; });
}

std::string statistics_table_html(const StatisticsTable& table) {
  std::string html = fmt::format("<h2>{}</h2>\n", escape_markup(table.heading));
  if (!table.note.empty()) html += fmt::format("<p class=\"note\">{}</p>\n", escape_markup(table.note));
  html +=
      "<div class=\"scroll\"><table class=\"statistics\">\n<thead><tr><th rowspan=\"2\">metric</th>"
      "<th rowspan=\"2\">unit</th>";
  for (const auto& label : table.column_labels)
    html += fmt::format("<th colspan=\"2\">{}</th>", escape_markup(label));
  html += "</tr>\n<tr>";
  for (std::size_t c = 0; c < table.column_labels.size(); ++c) html += "<th>mean</th><th>95% CI</th>";
  html += "</tr></thead>\n<tbody>\n";
  std::size_t hidden = 0;
  for (const auto& row : table.rows) {
    if (row.by_column.size() != table.column_labels.size())
      throw std::invalid_argument("statistics row " + row.metric + ": wrong number of columns");
    if (!has_values(row)) {
      ++hidden;  // this part of the world is absent from the scenario (e.g. no contracts)
      continue;
    }
    if (row.meaning.empty())
      html += fmt::format("<tr><td>{}</td>", escape_markup(row.metric));
    else
      html +=
          fmt::format("<tr><td title=\"{}\">{}</td>", escape_markup(row.meaning), escape_markup(row.metric));
    html += fmt::format("<td class=\"unit\">{}</td>", escape_markup(row.unit));
    for (const auto& s : row.by_column) {
      if (s.n == 0) {
        html += "<td class=\"num\">n/a</td><td class=\"ci\"></td>";
      } else {
        html += fmt::format("<td class=\"num\">{}</td><td class=\"ci\">[{}, {}]</td>",
                            readable_number(s.mean), readable_number(s.ci_low), readable_number(s.ci_high));
      }
    }
    html += "</tr>\n";
  }
  html += "</tbody></table></div>\n";
  if (hidden > 0)
    html +=
        fmt::format("<p class=\"note\">{} metrics without values in this file are not shown.</p>\n", hidden);
  return html;
}

std::string text_table_html(const TextTable& table) {
  if (!table.bars.empty() && table.bars.size() != table.rows.size())
    throw std::invalid_argument("table " + table.heading + ": bars for some rows only");
  const auto numeric = [&](std::size_t column) {
    return column < table.numeric.size() && table.numeric[column];
  };
  std::string html = fmt::format("<h2>{}</h2>\n", escape_markup(table.heading));
  if (!table.note.empty()) html += fmt::format("<p class=\"note\">{}</p>\n", escape_markup(table.note));
  if (table.rows.empty()) return html;  // the note says why
  html += "<div class=\"scroll\"><table class=\"text\">\n<thead><tr>";
  for (const auto& label : table.column_labels) html += fmt::format("<th>{}</th>", escape_markup(label));
  if (!table.bars.empty()) html += fmt::format("<th>{}</th>", escape_markup(table.bar_label));
  html += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.size() != table.column_labels.size())
      throw std::invalid_argument("table " + table.heading + ": a row with another number of columns");
    html += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c)
      html += fmt::format("<td{}>{}</td>", numeric(c) ? " class=\"num\"" : "", escape_markup(row[c]));
    if (!table.bars.empty()) {
      const double share = std::isfinite(table.bars[r]) ? std::clamp(table.bars[r], 0.0, 1.0) : 0.0;
      html += fmt::format("<td class=\"bar\"><span style=\"width:{:.0f}px\"></span></td>", share * bar_width);
    }
    html += "</tr>\n";
  }
  html += "</tbody></table></div>\n";
  return html;
}

}  // namespace

std::string report_html(const ReportPage& page) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0} - salesim report</title>\n<style>\n{1}</style>\n</head>\n<body>\n"
      "<h1>{0}</h1>\n<p class=\"note\">salesim report</p>\n",
      escape_markup(page.title), style);

  html += "<h2>Provenance</h2>\n<table class=\"provenance\">\n";
  for (const auto& [key, value] : page.provenance)
    html += fmt::format("<tr><td>{}</td><td><code>{}</code></td></tr>\n", escape_markup(key),
                        escape_markup(value));
  html += "</table>\n";

  if (page.statistics) html += statistics_table_html(*page.statistics);
  if (page.comparison) html += statistics_table_html(*page.comparison);

  if (!page.charts.empty()) {
    html += fmt::format("<h2>{}</h2>\n", escape_markup(page.charts_heading));
    for (const auto& figure : page.charts) {
      html += "<figure>\n" + line_chart_svg(figure.chart);
      if (!figure.caption.empty())
        html += fmt::format("<figcaption>{}</figcaption>\n", escape_markup(figure.caption));
      html += "</figure>\n";
    }
  }
  for (const auto& table : page.tables) html += text_table_html(table);
  if (!page.scenario_yaml.empty()) {
    html += fmt::format(
        "<h2>{}</h2>\n<details><summary>resolved scenario YAML</summary>\n<pre>{}</pre>\n"
        "</details>\n",
        escape_markup(page.scenario_heading), escape_markup(page.scenario_yaml));
  }
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace salesim::analysis::report
