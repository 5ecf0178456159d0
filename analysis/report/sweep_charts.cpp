// Sweep charts: the design's points grouped into lines along each parameter, small multiples per
// metric (each with its own y scale: units differ), heat maps and the tornado.
#include "analysis/report/sweep_charts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

namespace salesim::analysis::report {
namespace {

using nlohmann::json;

/// More lines than this in one panel cannot be told apart: the points are drawn unjoined instead.
constexpr std::size_t max_lines = 8;

/// The design points along `parameter`, grouped by the other parameters' values, each group sorted
/// by the parameter's value; the key labels the group ("price_index=0.9").
std::map<std::string, std::vector<std::size_t>> lines_along(const SweepDesign& design,
                                                            std::size_t parameter) {
  std::map<std::string, std::vector<std::size_t>> lines;
  for (std::size_t p = 0; p < design.points(); ++p) {
    std::string key;
    for (std::size_t k = 0; k < design.parameters.size(); ++k) {
      if (k == parameter) continue;
      key += fmt::format("{}{}={:g}", key.empty() ? "" : ", ", design.parameters[k], design.value(p, k));
    }
    lines[key].push_back(p);
  }
  for (auto& [key, points] : lines)
    std::sort(points.begin(), points.end(), [&](std::size_t a, std::size_t b) {
      return design.value(a, parameter) < design.value(b, parameter);
    });
  return lines;
}

bool finite_mean(const SummaryStatistics& s) { return s.n > 0 && std::isfinite(s.mean); }

json metric_facet(const std::vector<std::string>& order) {
  return {{"field", "metric"},
          {"type", "nominal"},
          {"title", nullptr},
          {"sort", order},
          {"header", {{"labelFontSize", 12}, {"labelLimit", 260}, {"labelFontWeight", "bold"}}}};
}

}  // namespace

std::optional<ChartFigure> response_curves(const SweepDesign& design, std::size_t parameter,
                                           const std::vector<MetricAtPoints>& metrics) {
  const auto lines = lines_along(design, parameter);
  const bool joined = lines.size() <= max_lines && std::all_of(lines.begin(), lines.end(), [](const auto& l) {
                        return l.second.size() > 1;
                      });
  json rows = json::array();
  std::vector<std::string> order;
  std::set<std::string> line_names;
  std::size_t drawn = 0;
  for (const MetricAtPoints& metric : metrics) {
    std::size_t drawn_here = 0;
    for (const auto& [key, points] : lines) {
      bool line_drawn = false;
      for (const std::size_t p : points) {
        const SummaryStatistics& s = metric.by_point[p];
        if (!finite_mean(s)) continue;
        json row = {{"metric", metric.label},
                    {"line", joined && !key.empty() ? key : "mean"},
                    {"x", design.value(p, parameter)},
                    {"y", s.mean}};
        if (all_finite({s.ci_low, s.ci_high})) {
          row["low"] = s.ci_low;
          row["high"] = s.ci_high;
        }
        rows.push_back(std::move(row));
        line_drawn = true;
        drawn_here += joined ? 0 : 1;
      }
      if (line_drawn && joined) {
        ++drawn_here;
        line_names.insert(key.empty() ? "mean" : key);
      }
    }
    if (drawn_here > 0) order.push_back(metric.label);
    drawn += drawn_here;
  }
  if (drawn == 0) return std::nullopt;

  const std::string& name = design.parameters[parameter];
  const json x = {{"field", "x"}, {"type", "quantitative"}, {"title", name}, {"scale", {{"zero", false}}}};
  const json y = {{"field", "y"}, {"type", "quantitative"}, {"title", nullptr}, {"scale", {{"zero", false}}}};
  const bool coloured = joined && lines.size() > 1;
  const json color = coloured ? json{{"field", "line"}, {"type", "nominal"}, {"title", nullptr}}
                              : json{{"value", "#4e79a7"}};
  const json tooltip = json::array({{{"field", "metric"}},
                                    {{"field", "line"}},
                                    {{"field", "x"}, {"title", name}},
                                    {{"field", "y"}, {"title", "mean"}, {"format", ",.4~g"}},
                                    {{"field", "low"}, {"title", "95% CI low"}, {"format", ",.4~g"}},
                                    {{"field", "high"}, {"title", "95% CI high"}, {"format", ",.4~g"}}});
  // The 95% CI of each point: a band along a joined line, a bar through an unjoined point.
  const auto interval_layer = [&](json mark) {
    return json{{"transform", json::array({{{"filter", "isValid(datum.low)"}}})},
                {"mark", std::move(mark)},
                {"encoding",
                 {{"x", x},
                  {"y", {{"field", "low"}, {"type", "quantitative"}}},
                  {"y2", {{"field", "high"}}},
                  {"color", color}}}};
  };
  json layers = json::array();
  if (joined) {
    layers.push_back(interval_layer({{"type", "area"}, {"opacity", 0.2}}));
    layers.push_back({{"name", std::string(series_layer)},
                      {"mark", {{"type", "line"}, {"strokeWidth", 2}}},
                      {"encoding", {{"x", x}, {"y", y}, {"color", color}}}});
    layers.push_back({{"mark", {{"type", "point"}, {"filled", true}, {"size", 25}}},
                      {"encoding", {{"x", x}, {"y", y}, {"color", color}, {"tooltip", tooltip}}}});
  } else {
    layers.push_back(interval_layer({{"type", "rule"}, {"opacity", 0.5}}));
    layers.push_back({{"name", std::string(series_layer)},
                      {"mark", {{"type", "point"}, {"filled", true}, {"size", 20}}},
                      {"encoding", {{"x", x}, {"y", y}, {"color", color}, {"tooltip", tooltip}}}});
  }
  json spec = base_spec(fmt::format("Response to {}", name));
  spec.erase("width");
  spec["data"] = {{"values", rows}};
  spec["facet"] = metric_facet(order);
  spec["columns"] = 3;
  spec["spec"] = {{"width", 190}, {"height", 130}, {"layer", layers}};
  spec["resolve"] = {{"scale", {{"y", "independent"}}}};
  std::string caption = fmt::format(
      "Mean of each metric over the replications at each value of {}, with its 95% confidence interval{}.",
      name, joined ? " (shaded)" : " (vertical lines)");
  if (coloured) caption += " One line per combination of the other parameters' values.";
  if (!joined && design.parameters.size() > 1)
    caption += " Each dot is a design point; the other parameters vary between them.";
  return figure(spec, std::move(caption), drawn);
}

bool is_two_parameter_grid(const SweepDesign& design) {
  if (design.parameters.size() != 2) return false;
  std::set<std::pair<double, double>> pairs;
  std::set<double> first, second;
  for (std::size_t p = 0; p < design.points(); ++p) {
    pairs.emplace(design.value(p, 0), design.value(p, 1));
    first.insert(design.value(p, 0));
    second.insert(design.value(p, 1));
  }
  return pairs.size() == design.points() && pairs.size() == first.size() * second.size() &&
         first.size() > 1 && second.size() > 1;
}

std::optional<ChartFigure> grid_heat_maps(const SweepDesign& design,
                                          const std::vector<MetricAtPoints>& metrics) {
  json rows = json::array();
  std::vector<std::string> order;
  std::size_t drawn = 0;
  for (const MetricAtPoints& metric : metrics) {
    std::size_t cells = 0;
    for (std::size_t p = 0; p < design.points(); ++p) {
      if (!finite_mean(metric.by_point[p])) continue;
      rows.push_back({{"metric", metric.label},
                      {"a", design.value(p, 0)},
                      {"b", design.value(p, 1)},
                      {"mean", metric.by_point[p].mean}});
      ++cells;
    }
    if (cells > 0) order.push_back(metric.label);
    drawn += cells;
  }
  if (drawn == 0) return std::nullopt;
  json spec =
      base_spec(fmt::format("Mean over the grid of {} and {}", design.parameters[0], design.parameters[1]));
  spec.erase("width");
  spec["data"] = {{"values", rows}};
  spec["facet"] = metric_facet(order);
  spec["columns"] = 3;
  spec["spec"] = {
      {"width", 170},
      {"height", 130},
      {"name", std::string(series_layer)},
      {"mark", "rect"},
      {"encoding",
       {{"x", {{"field", "a"}, {"type", "ordinal"}, {"title", design.parameters[0]}}},
        {"y", {{"field", "b"}, {"type", "ordinal"}, {"title", design.parameters[1]}, {"sort", "descending"}}},
        {"color",
         {{"field", "mean"},
          {"type", "quantitative"},
          {"title", nullptr},
          {"scale", {{"scheme", "viridis"}}},
          {"legend", {{"orient", "right"}, {"format", ",.3~g"}, {"gradientLength", 110}}}}},
        {"tooltip", json::array({{{"field", "metric"}},
                                 {{"field", "a"}, {"title", design.parameters[0]}},
                                 {{"field", "b"}, {"title", design.parameters[1]}},
                                 {{"field", "mean"}, {"format", ",.4~g"}}})}}}};
  spec["resolve"] = {{"scale", {{"color", "independent"}}}};
  return figure(spec, "Mean over the replications at each design point; each panel has its own colour scale.",
                drawn);
}

std::optional<ChartFigure> tornado_chart(const std::vector<std::string>& parameters,
                                         std::vector<MetricSensitivity> sensitivities) {
  const auto largest = [](const MetricSensitivity& s) {
    double most = 0.0;
    for (const double c : s.coefficients)
      if (std::isfinite(c)) most = std::max(most, std::abs(c));
    return most;
  };
  std::stable_sort(
      sensitivities.begin(), sensitivities.end(),
      [&](const MetricSensitivity& a, const MetricSensitivity& b) { return largest(a) > largest(b); });
  json rows = json::array();
  std::vector<std::string> order;
  std::size_t drawn = 0;
  for (const MetricSensitivity& s : sensitivities) {
    if (largest(s) == 0.0) continue;  // a constant or undefined response: nothing to rank
    const std::string label = fmt::format("{} (R\xC2\xB2 {:.2f}){}", s.metric, s.r_squared,
                                          s.monotone ? "" : " \xE2\x9A\xA0 not monotone");
    order.push_back(label);
    for (std::size_t k = 0; k < parameters.size() && k < s.coefficients.size(); ++k) {
      if (!std::isfinite(s.coefficients[k])) continue;
      rows.push_back({{"metric", label}, {"parameter", parameters[k]}, {"src", s.coefficients[k]}});
      ++drawn;
    }
  }
  if (drawn == 0) return std::nullopt;
  json spec = base_spec("Sensitivity: standardized regression coefficients");
  spec["height"] = static_cast<int>(order.size() * std::max<std::size_t>(parameters.size(), 1) * 14 + 10);
  spec["data"] = {{"values", rows}};
  spec["layer"] = json::array(
      {{{"name", std::string(series_layer)},
        {"mark", {{"type", "bar"}, {"height", {{"band", 0.9}}}}},
        {"encoding",
         {{"y", {{"field", "metric"}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}}},
          {"yOffset", {{"field", "parameter"}, {"sort", parameters}}},
          {"x",
           {{"field", "src"},
            {"type", "quantitative"},
            {"scale", {{"domain", {-1, 1}}}},
            {"title", "standardized regression coefficient (sd of metric per sd of parameter)"}}},
          {"color", {{"field", "parameter"}, {"type", "nominal"}, {"title", nullptr}, {"sort", parameters}}},
          {"tooltip", json::array({{{"field", "metric"}},
                                   {{"field", "parameter"}},
                                   {{"field", "src"}, {"title", "coefficient"}, {"format", ".3f"}}})}}}},
       {{"data", {{"values", json::array({{{"v", 0}}})}}},
        {"mark", {{"type", "rule"}, {"color", "#555"}}},
        {"encoding", {{"x", {{"field", "v"}, {"type", "quantitative"}}}}}}});
  return figure(
      spec,
      "Metrics sorted by their largest coefficient. R\xC2\xB2 is the linear fit's share of the variance "
      "of design-point results; a low R\xC2\xB2 or a \"not monotone\" mark means the coefficients "
      "understate a response that turns (see the response curves).",
      drawn);
}

bool is_monotone(const SweepDesign& design, const std::vector<SummaryStatistics>& by_point) {
  for (std::size_t k = 0; k < design.parameters.size(); ++k) {
    for (const auto& [key, points] : lines_along(design, k)) {
      int direction = 0;
      for (std::size_t i = 1; i < points.size(); ++i) {
        const SummaryStatistics& a = by_point[points[i - 1]];
        const SummaryStatistics& b = by_point[points[i]];
        if (!finite_mean(a) || !finite_mean(b)) continue;
        const double change = b.mean - a.mean;
        const double noise = std::max(a.ci_high - a.mean, b.ci_high - b.mean);
        if (!(std::abs(change) > noise)) continue;  // within the noise: no direction
        const int sign = change > 0 ? 1 : -1;
        if (direction != 0 && sign != direction) return false;
        direction = sign;
      }
    }
  }
  return true;
}

}  // namespace salesim::analysis::report
