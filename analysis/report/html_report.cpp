// Building the report page: provenance, headline numbers, statistics tables, charts, the scenario text.
#include "analysis/report/html_report.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/readable_number.h"
#include "analysis/report/chart_library.h"
#include "analysis/report/page_script.h"

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
tr.group th{background:#fff;color:#333;font-weight:600;border-bottom:1px solid #ccc;padding-top:10px}
td.sig{font-weight:600}.banner{background:#fff4e5;border:1px solid #f0a030;padding:.6em 1em;font-weight:600}
.questions p{margin:.3em 0;font-size:15px}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:1em 0}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:170px}
.card .value{font-size:20px;font-variant-numeric:tabular-nums}.card .name,.card .ci{color:#555;font-size:12px}
div.vega-chart{min-height:60px}
)";

bool has_value(const SummaryStatistics& s) { return s.n > 0 && std::isfinite(s.mean); }

bool has_values(const StatisticsRow& row) {
  return std::any_of(row.by_column.begin(), row.by_column.end(), has_value);
}

/// 0 in every replication of every column: the mechanism is absent here (no spiffs, no referrals).
bool zero_everywhere(const StatisticsRow& row) {
  return std::all_of(row.by_column.begin(), row.by_column.end(),
                     [](const SummaryStatistics& s) { return s.n > 0 && s.mean == 0.0 && s.sd == 0.0; });
}

bool excludes_zero(const SummaryStatistics& s) { return s.ci_low > 0.0 || s.ci_high < 0.0; }

/// JSON inside <script>: '<' only occurs in JSON strings, where \u003c means the same character.
std::string script_safe_json(const std::string& json) {
  std::string safe;
  safe.reserve(json.size());
  for (const char c : json) {
    if (c == '<')
      safe += "\\u003c";
    else
      safe += c;
  }
  return safe;
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
  std::size_t zeros = 0;
  std::string group;
  const std::size_t columns = 2 + 2 * table.column_labels.size();
  for (const auto& row : table.rows) {
    if (row.by_column.size() != table.column_labels.size())
      throw std::invalid_argument("statistics row " + row.metric + ": wrong number of columns");
    if (!has_values(row)) {
      ++hidden;  // this part of the world is absent from the scenario (e.g. no contracts)
      continue;
    }
    if (zero_everywhere(row)) {
      ++zeros;
      continue;
    }
    if (!row.group.empty() && row.group != group) {
      group = row.group;
      html +=
          fmt::format("<tr class=\"group\"><th colspan=\"{}\">{}</th></tr>\n", columns, escape_markup(group));
    }
    if (row.meaning.empty())
      html += fmt::format("<tr><td>{}</td>", escape_markup(row.metric));
    else
      html +=
          fmt::format("<tr><td title=\"{}\">{}</td>", escape_markup(row.meaning), escape_markup(row.metric));
    html += fmt::format("<td class=\"unit\">{}</td>", escape_markup(row.unit));
    for (const auto& s : row.by_column) {
      if (!has_value(s)) {
        html += "<td class=\"num\">n/a</td><td class=\"ci\"></td>";
      } else if (table.mark_significant && excludes_zero(s)) {
        html += fmt::format("<td class=\"num sig\">{}</td><td class=\"ci sig\">[{}, {}] *</td>",
                            readable_number(s.mean), readable_number(s.ci_low), readable_number(s.ci_high));
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
  if (table.mark_significant) html += "<p class=\"note\">* and bold: the 95% interval excludes 0.</p>\n";
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

/// A headline number short enough for a card: "37.56M", "645.3k", else as the tables write it.
std::string card_number(double value) {
  if (std::abs(value) >= 1e6) return fmt::format("{:.2f}M", value / 1e6);
  if (std::abs(value) >= 1e4) return fmt::format("{:.1f}k", value / 1e3);
  return readable_number(value);
}

std::string headline_html(const std::vector<HeadlineNumber>& headline) {
  std::string html;
  for (const HeadlineNumber& number : headline) {
    if (!has_value(number.statistics)) continue;
    html += fmt::format(
        "<div class=\"card\" title=\"{}\"><div class=\"name\">{}</div><div class=\"value\">{} "
        "<small>{}</small></div><div class=\"ci\">95% CI [{}, {}]</div></div>\n",
        escape_markup(number.meaning), escape_markup(number.metric), card_number(number.statistics.mean),
        escape_markup(number.unit), card_number(number.statistics.ci_low),
        card_number(number.statistics.ci_high));
  }
  return html.empty() ? "" : "<div class=\"cards\">\n" + html + "</div>\n";
}

std::string chart_sections_html(const std::vector<ChartSection>& sections) {
  std::string html;
  std::size_t index = 0;
  std::size_t section_index = 0;
  for (const ChartSection& section : sections) {
    if (section.charts.empty()) continue;
    html += fmt::format("<h2 id=\"section-{}\">{}</h2>\n", section_index++, escape_markup(section.heading));
    if (!section.note.empty()) html += fmt::format("<p class=\"note\">{}</p>\n", escape_markup(section.note));
    for (const ChartFigure& chart : section.charts) {
      html += fmt::format(
          "<figure>\n<div class=\"vega-chart\" data-spec=\"spec-{0}\" data-series=\"{1}\"></div>\n"
          "<script type=\"application/json\" id=\"spec-{0}\">{2}</script>\n",
          index++, chart.series, script_safe_json(chart.spec));
      if (!chart.caption.empty())
        html += fmt::format("<figcaption>{}</figcaption>\n", escape_markup(chart.caption));
      html += "</figure>\n";
    }
  }
  return html;
}

}  // namespace

std::string escape_markup(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string report_html(const ReportPage& page) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0} - salesim report</title>\n<style>\n{1}</style>\n</head>\n<body>\n"
      "<h1>{0}</h1>\n<p class=\"note\">salesim {2}</p>\n",
      escape_markup(page.title), style, escape_markup(page.kind.empty() ? "report" : page.kind));
  if (!page.banner.empty()) html += fmt::format("<p class=\"banner\">{}</p>\n", escape_markup(page.banner));
  if (!page.questions.empty()) {
    html += "<div class=\"questions\">\n";
    for (const auto& question : page.questions) html += fmt::format("<p>{}</p>\n", escape_markup(question));
    html += "</div>\n";
  }

  html += "<h2>Provenance</h2>\n<table class=\"provenance\">\n";
  for (const auto& [key, value] : page.provenance)
    html += fmt::format("<tr><td>{}</td><td><code>{}</code></td></tr>\n", escape_markup(key),
                        escape_markup(value));
  html += "</table>\n";
  html += headline_html(page.headline);

  if (page.statistics) html += statistics_table_html(*page.statistics);
  if (page.comparison) html += statistics_table_html(*page.comparison);

  const std::string charts = chart_sections_html(page.sections);
  html += charts;
  for (const auto& table : page.tables) html += text_table_html(table);
  if (!page.scenario_yaml.empty()) {
    html += fmt::format(
        "<h2>{}</h2>\n<details><summary>resolved scenario YAML</summary>\n<pre>{}</pre>\n"
        "</details>\n",
        escape_markup(page.scenario_heading), escape_markup(page.scenario_yaml));
  }
  if (!charts.empty()) {
    // The library once, after the chart elements, so that the page script finds them all.
    html += "<script>\n" + chart_library_scripts() + "</script>\n<script>" + std::string(chart_page_script) +
            "</script>\n";
  }
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace salesim::analysis::report
