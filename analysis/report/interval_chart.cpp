// Dot-and-interval charts: one layered panel (rule, dot, reference) per unit, stacked with vconcat.
#include "analysis/report/interval_chart.h"

#include <algorithm>
#include <cmath>

namespace salesim::analysis::report {
namespace {

using nlohmann::json;

constexpr int row_height = 22;

json panel_spec(const IntervalPanel& panel, const json& rows, const json& color, std::size_t labels,
                bool offset) {
  const json y = {{"field", "label"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}};
  const json x = {{"type", "quantitative"}, {"title", panel.x_label}, {"scale", {{"zero", false}}}};
  json x_estimate = x;
  x_estimate["field"] = "estimate";
  json x_low = x;
  x_low["field"] = "low";
  json layers = json::array();
  layers.push_back({{"mark", {{"type", "rule"}, {"strokeWidth", 2}}},
                    {"encoding", {{"y", y}, {"x", x_low}, {"x2", {{"field", "high"}}}, {"color", color}}}});
  layers.push_back(
      {{"name", std::string(series_layer)},
       {"mark", {{"type", "point"}, {"filled", true}, {"size", 60}}},
       {"encoding",
        {{"y", y},
         {"x", x_estimate},
         {"color", color},
         {"tooltip", json::array({{{"field", "label"}},
                                  {{"field", "group"}},
                                  {{"field", "estimate"}, {"format", ",.4~g"}},
                                  {{"field", "low"}, {"title", "low"}, {"format", ",.4~g"}},
                                  {{"field", "high"}, {"title", "high"}, {"format", ",.4~g"}}})}}}});
  if (panel.reference && std::isfinite(*panel.reference)) {
    layers.push_back(
        {{"data", {{"values", json::array({{{"v", *panel.reference}, {"label", panel.reference_label}}})}}},
         {"mark", {{"type", "rule"}, {"strokeDash", {4, 3}}, {"color", "#555"}}},
         {"encoding", {{"x", {{"field", "v"}, {"type", "quantitative"}}}}}});
  }
  if (offset) {
    for (json& layer : layers)
      if (layer["encoding"].contains("y")) layer["encoding"]["yOffset"] = {{"field", "group"}};
  }
  const int height = static_cast<int>(std::max<std::size_t>(labels, 1)) * row_height * (offset ? 2 : 1);
  json spec = {{"width", chart_width}, {"height", height}, {"data", {{"values", rows}}}, {"layer", layers}};
  if (!panel.title.empty()) spec["title"] = {{"text", panel.title}, {"fontSize", 12}, {"anchor", "start"}};
  return spec;
}

}  // namespace

std::optional<ChartFigure> interval_chart(const IntervalChart& chart, std::string caption) {
  json groups = json::array();
  for (const auto& group : chart.group_order) groups.push_back(group);
  struct DrawnPanel {
    const IntervalPanel* panel;
    json rows;
    std::size_t labels;
  };
  std::vector<DrawnPanel> panels;
  std::size_t drawn = 0;
  for (const IntervalPanel& panel : chart.panels) {
    json rows = json::array();
    std::vector<std::string> labels;
    for (const IntervalRow& row : panel.rows) {
      if (!all_finite({row.estimate, row.low, row.high})) continue;
      rows.push_back({{"label", row.label},
                      {"group", row.group},
                      {"estimate", row.estimate},
                      {"low", row.low},
                      {"high", row.high}});
      if (std::find(labels.begin(), labels.end(), row.label) == labels.end()) labels.push_back(row.label);
      if (std::find(groups.begin(), groups.end(), row.group) == groups.end()) groups.push_back(row.group);
    }
    if (rows.empty()) continue;
    drawn += rows.size();
    panels.push_back({&panel, std::move(rows), labels.size()});
  }
  if (drawn == 0) return std::nullopt;
  const json color = {
      {"field", "group"}, {"type", "nominal"}, {"title", nullptr}, {"scale", {{"domain", groups}}}};
  json spec = base_spec(chart.title);
  spec.erase("width");
  spec["vconcat"] = json::array();
  for (const DrawnPanel& drawn_panel : panels)
    spec["vconcat"].push_back(
        panel_spec(*drawn_panel.panel, drawn_panel.rows, color, drawn_panel.labels, chart.offset_groups));
  spec["resolve"] = {{"scale", {{"x", "independent"}}}};
  return figure(spec, std::move(caption), drawn);
}

}  // namespace salesim::analysis::report
