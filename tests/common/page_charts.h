// The charts of a report page read back: each Vega-Lite spec and the series count the page checks,
// so that tests can say what a chart shows without a browser.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace salesim::tests {

struct PageChart {
  nlohmann::json spec;
  std::size_t series = 0;
  [[nodiscard]] std::string title() const {
    return spec.contains("title") ? spec["title"].value("text", std::string()) : std::string();
  }
  /// The inline rows of the spec (top-level data).
  [[nodiscard]] const nlohmann::json& rows() const { return spec["data"]["values"]; }
};

/// Every chart of the page, in order: `<div class="vega-chart" ... data-series="N">` followed by
/// its `<script type="application/json">` spec.
inline std::vector<PageChart> page_charts(const std::string& html) {
  std::vector<PageChart> charts;
  const std::string chart_marker = "<div class=\"vega-chart\"";
  for (std::size_t at = html.find(chart_marker); at != std::string::npos;
       at = html.find(chart_marker, at + 1)) {
    const std::size_t series_at = html.find("data-series=\"", at) + 13;
    const std::size_t spec_start = html.find('>', html.find("<script type=\"application/json\"", at)) + 1;
    const std::size_t spec_end = html.find("</script>", spec_start);
    charts.push_back({nlohmann::json::parse(html.substr(spec_start, spec_end - spec_start)),
                      std::stoul(html.substr(series_at, html.find('"', series_at) - series_at))});
  }
  return charts;
}

/// The chart titled `title`, or nullptr.
inline const PageChart* chart_titled(const std::vector<PageChart>& charts, const std::string& title) {
  for (const PageChart& chart : charts)
    if (chart.title() == title) return &chart;
  return nullptr;
}

/// The rows of `chart` whose `field` is `value`.
inline std::size_t rows_with(const PageChart& chart, const std::string& field, const std::string& value) {
  std::size_t count = 0;
  for (const auto& row : chart.rows())
    if (row.contains(field) && row[field] == value) ++count;
  return count;
}

}  // namespace salesim::tests
