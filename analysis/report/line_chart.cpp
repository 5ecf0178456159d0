// Line charts: long-format data (one row per series and x), a band layer, the line layer, rules.
#include "analysis/report/line_chart.h"

#include <cmath>
#include <stdexcept>

namespace salesim::analysis::report {
namespace {

using nlohmann::json;

json x_encoding(const LineChart& chart) {
  json axis = {{"title", chart.x_label}};
  if (chart.integer_x) {
    axis["format"] = "d";
    axis["tickMinStep"] = 1;
  }
  return {{"field", "x"}, {"type", "quantitative"}, {"axis", axis}, {"scale", {{"nice", false}}}};
}

json rule_layers(const std::vector<ReferenceRule>& rules) {
  json layers = json::array();
  for (const ReferenceRule& rule : rules) {
    if (!std::isfinite(rule.value)) continue;
    const char* channel = rule.vertical ? "x" : "y";
    json rule_layer = {{"data", {{"values", json::array({{{"v", rule.value}, {"label", rule.label}}})}}},
                       {"mark", {{"type", "rule"}, {"strokeDash", {5, 3}}, {"color", "#555"}}},
                       {"encoding", {{channel, {{"field", "v"}, {"type", "quantitative"}}}}}};
    json text_layer = rule_layer;
    text_layer["mark"] = rule.vertical ? json{{"type", "text"}, {"align", "left"}, {"dx", 4},
                                              {"y", 8},         {"color", "#444"}, {"fontSize", 11}}
                                       : json{{"type", "text"}, {"align", "right"}, {"dy", -6},
                                              {"x", "width"},   {"color", "#444"},  {"fontSize", 11}};
    text_layer["encoding"]["text"] = {{"field", "label"}};
    layers.push_back(rule_layer);
    if (!rule.label.empty()) layers.push_back(text_layer);
  }
  return layers;
}

}  // namespace

std::optional<ChartFigure> line_chart(const LineChart& chart, std::string caption) {
  json rows = json::array();
  json labels = json::array();
  json dashes = json::array();
  bool any_band = false;
  double x_high = -INFINITY;
  for (const LineSeries& series : chart.series) {
    if (series.y.size() != series.x.size() || (!series.low.empty() && series.low.size() != series.x.size()) ||
        series.high.size() != series.low.size())
      throw std::invalid_argument("line chart series " + series.label + ": wrong length");
    bool drawn = false;
    for (std::size_t i = 0; i < series.x.size(); ++i) {
      if (!all_finite({series.x[i], series.y[i]})) continue;
      json row = {{"series", series.label}, {"x", series.x[i]}, {"y", series.y[i]}};
      if (!series.low.empty() && all_finite({series.low[i], series.high[i]})) {
        row["low"] = series.low[i];
        row["high"] = series.high[i];
        any_band = true;
      }
      rows.push_back(std::move(row));
      x_high = std::max(x_high, series.x[i]);
      drawn = true;
    }
    if (drawn) {
      labels.push_back(series.label);
      dashes.push_back(series.dashed ? json{6, 3} : json{1, 0});
    }
  }
  if (labels.empty()) return std::nullopt;

  const json color = {
      {"field", "series"}, {"type", "nominal"}, {"title", nullptr}, {"scale", {{"domain", labels}}}};
  json spec = base_spec(chart.title);
  spec["height"] = 240;
  spec["data"] = {{"values", rows}};
  spec["layer"] = json::array();
  if (chart.shaded && std::isfinite(chart.shaded->from) && chart.shaded->from < x_high) {
    spec["layer"].push_back(
        {{"data",
          {{"values",
            json::array({{{"from", chart.shaded->from}, {"to", x_high}, {"label", chart.shaded->label}}})}}},
         {"layer",
          json::array(
              {{{"mark", {{"type", "rect"}, {"color", "#777"}, {"opacity", 0.1}}},
                {"encoding",
                 {{"x", {{"field", "from"}, {"type", "quantitative"}}}, {"x2", {{"field", "to"}}}}}},
               {{"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}, {"y", 8}, {"color", "#444"}}},
                {"encoding",
                 {{"x", {{"field", "from"}, {"type", "quantitative"}}},
                  {"text", {{"field", "label"}}}}}}})}});
  }
  if (any_band) {
    spec["layer"].push_back({{"transform", json::array({{{"filter", "isValid(datum.low)"}}})},
                             {"mark", {{"type", "area"}, {"opacity", 0.2}}},
                             {"encoding",
                              {{"x", x_encoding(chart)},
                               {"y", {{"field", "low"}, {"type", "quantitative"}}},
                               {"y2", {{"field", "high"}}},
                               {"color", color}}}});
  }
  const json line_mark = {{"type", "line"}, {"strokeWidth", 2}};
  spec["layer"].push_back(
      {{"name", std::string(series_layer)},
       {"mark", line_mark},
       {"encoding",
        {{"x", x_encoding(chart)},
         {"y",
          {{"field", "y"}, {"type", "quantitative"}, {"title", chart.y_label}, {"scale", {{"zero", false}}}}},
         {"color", color},
         {"strokeDash",
          {{"field", "series"},
           {"type", "nominal"},
           {"title", nullptr},  // merged with the colour legend: one entry per line, dashed or not
           {"scale", {{"domain", labels}, {"range", dashes}}}}},
         {"tooltip", json::array({{{"field", "series"}, {"title", "series"}},
                                  {{"field", "x"}, {"title", chart.x_label}},
                                  {{"field", "y"}, {"title", chart.y_label}, {"format", ",.4~g"}},
                                  {{"field", "low"}, {"title", "95% CI low"}, {"format", ",.4~g"}},
                                  {{"field", "high"}, {"title", "95% CI high"}, {"format", ",.4~g"}}})}}}});
  if (chart.show_points) {
    spec["layer"].push_back(
        {{"mark", {{"type", "point"}, {"filled", true}, {"size", 40}}},
         {"encoding",
          {{"x", x_encoding(chart)}, {"y", {{"field", "y"}, {"type", "quantitative"}}}, {"color", color}}}});
  }
  for (json& layer : rule_layers(chart.rules)) spec["layer"].push_back(std::move(layer));
  const std::size_t drawn = labels.size();
  return figure(spec, std::move(caption), drawn);
}

}  // namespace salesim::analysis::report
