// The report's chart specs, read back as JSON: what each builder draws, what it leaves out (non-finite
// values, empty panels and cells), the series count the browser test holds the page to, and the
// legend's colours.
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "analysis/report/interval_chart.h"
#include "analysis/report/line_chart.h"
#include "analysis/report/sweep_charts.h"

using namespace salesim::analysis::report;
using nlohmann::json;
using salesim::analysis::SummaryStatistics;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

json spec_of(const ChartFigure& figure) { return json::parse(figure.spec); }

/// Every number anywhere in the spec is finite (Vega-Lite would draw NaN at 0).
bool only_finite_numbers(const json& value) {
  if (value.is_number()) return std::isfinite(value.get<double>());
  if (value.is_structured())
    for (const json& item : value)
      if (!only_finite_numbers(item)) return false;
  return true;
}

const json& layer_named(const json& layers, const std::string& name) {
  for (const json& layer : layers)
    if (layer.value("name", "") == name) return layer;
  FAIL("no layer named " << name);
  return layers;
}

LineChart titled(std::string title) {
  LineChart chart;
  chart.title = std::move(title);
  return chart;
}

LineSeries line(std::string label, std::vector<double> x, std::vector<double> y, std::vector<double> low = {},
                std::vector<double> high = {}, bool dashed = false) {
  return {std::move(label), std::move(x), std::move(y), std::move(low), std::move(high), dashed};
}

SummaryStatistics mean_of(double mean, double half_width = 1.0) {
  SummaryStatistics s;
  s.mean = mean;
  s.ci_low = mean - half_width;
  s.ci_high = mean + half_width;
  s.n = std::isfinite(mean) ? 10 : 0;
  return s;
}

/// A 2 x 3 grid: parameter a in {1, 2}, b in {10, 20, 30}.
SweepDesign grid() {
  SweepDesign design{{"a", "b"}, {}};
  for (double a : {1.0, 2.0})
    for (double b : {10.0, 20.0, 30.0}) design.values.insert(design.values.end(), {a, b});
  return design;
}

}  // namespace

TEST_CASE("a line chart leaves non-finite points out and counts the lines it draws", "[report]") {
  LineChart chart = titled("revenue");
  chart.series.push_back(line("actual", {1, 2, 3}, {5, missing, 7}, {4, 4, 6}, {6, 6, 8}));
  chart.series.push_back(line("model", {1, 2, 3}, {5, 6, 7}, {}, {}, true));
  chart.series.push_back(line("empty", {1, 2}, {missing, missing}));
  const auto figure = line_chart(chart, "caption");
  REQUIRE(figure);
  CHECK(figure->series == 2);  // the all-NaN series draws nothing and gets no legend entry
  const json spec = spec_of(*figure);
  CHECK(only_finite_numbers(spec));
  CHECK(spec["data"]["values"].size() == 5);
  const json& lines = layer_named(spec["layer"], std::string(series_layer));
  CHECK(lines["encoding"]["color"]["scale"]["domain"] == json({"actual", "model"}));
  // The model's line is dashed, the actual one solid, in the one merged legend.
  CHECK(lines["encoding"]["strokeDash"]["scale"]["range"] == json({{1, 0}, {6, 3}}));
  // The band is drawn from rows with an interval only.
  bool band = false;
  for (const json& layer : spec["layer"])
    if (layer.contains("mark") && layer["mark"].is_object() && layer["mark"].value("type", "") == "area")
      band = layer["transform"][0]["filter"] == "isValid(datum.low)";
  CHECK(band);
}

TEST_CASE("a line chart with nothing finite is no chart, and a ragged series is refused", "[report]") {
  LineChart empty = titled("nothing");
  empty.series.push_back(line("only", {1, 2}, {missing, INFINITY}));
  CHECK_FALSE(line_chart(empty, ""));
  LineChart ragged = titled("ragged");
  ragged.series.push_back(line("short", {1, 2, 3}, {1, 2}));
  CHECK_THROWS_AS(line_chart(ragged, ""), std::invalid_argument);
}

TEST_CASE("a shaded holdout starts where it is asked and ends at the last point", "[report]") {
  LineChart chart = titled("tracking");
  chart.series.push_back(line("actual", {1, 2, 3, 4}, {1, 2, 3, 4}));
  chart.shaded = ShadedPeriod{2.5, "holdout"};
  chart.rules.push_back({true, 2.5, "calibration end"});
  chart.rules.push_back({false, missing, "left out"});
  const json spec = spec_of(*line_chart(chart, ""));
  const json& shade = spec["layer"][0]["data"]["values"][0];
  CHECK(shade["from"] == 2.5);
  CHECK(shade["to"] == 4.0);
  std::size_t rules = 0;
  for (const json& layer : spec["layer"])
    if (layer.contains("mark") && layer["mark"].is_object() && layer["mark"].value("type", "") == "rule")
      ++rules;
  CHECK(rules == 1);  // the rule at NaN is not drawn
}

TEST_CASE("an interval chart drops non-finite rows and empty panels, and keeps the legend's order",
          "[report]") {
  IntervalChart chart;
  chart.title = "measured vs true";
  chart.group_order = {"true", "measured"};
  chart.panels.push_back(
      {"NPS", "NPS points", {{"nps", "measured", 10, 8, 12}, {"nps", "true", 5, 4, 6}}, 0.0, "no bias"});
  chart.panels.push_back({"revenue", "$", {{"revenue", "measured", missing, 1, 2}}, {}, ""});
  chart.panels.push_back(
      {"effort", "effort units", {{"effort", "true", 1, 0.5, INFINITY}, {"x", "extra", 1, 0, 2}}, {}, ""});
  const auto figure = interval_chart(chart, "");
  REQUIRE(figure);
  CHECK(figure->series == 3);
  const json spec = spec_of(*figure);
  CHECK(only_finite_numbers(spec));
  REQUIRE(spec["vconcat"].size() == 2);  // the revenue panel has no finite row
  // Colours follow the given order, then groups in order of first use: one swatch each.
  const json& dots = layer_named(spec["vconcat"][0]["layer"], std::string(series_layer));
  CHECK(dots["encoding"]["color"]["scale"]["domain"] == json({"true", "measured", "extra"}));
  CHECK(spec["vconcat"][1]["layer"][0]["encoding"]["color"] == dots["encoding"]["color"]);
  CHECK(spec["config"]["range"]["category"][0] == "#4e79a7");
  // The reference rule sits at 0 in the first panel only.
  CHECK(spec["vconcat"][0]["layer"].size() == 3);
  CHECK(spec["vconcat"][1]["layer"].size() == 2);
  IntervalChart none;
  none.panels.push_back({"", "", {{"a", "", missing, missing, missing}}, {}, ""});
  CHECK_FALSE(interval_chart(none, ""));
}

TEST_CASE("response curves: one line per value of the other parameter, a metric with no mean left out",
          "[report]") {
  const SweepDesign design = grid();
  MetricAtPoints profit{"profit ($)", {}};
  for (std::size_t p = 0; p < design.points(); ++p)
    profit.by_point.push_back(mean_of(100.0 + static_cast<double>(p)));
  profit.by_point[4] = mean_of(missing);  // one point without a mean: a gap in its line
  MetricAtPoints nps{"true_nps (NPS points)",
                     std::vector<SummaryStatistics>(design.points(), mean_of(missing))};
  const auto figure = response_curves(design, 1, {profit, nps});
  REQUIRE(figure);
  CHECK(figure->series == 2);  // lines a=1 and a=2 in the one panel drawn
  const json spec = spec_of(*figure);
  CHECK(only_finite_numbers(spec));
  CHECK(spec["facet"]["sort"] == json({"profit ($)"}));  // no empty facet cell for the NPS
  CHECK(spec["data"]["values"].size() == 5);
  std::set<std::string> lines;
  for (const json& row : spec["data"]["values"]) lines.insert(row["line"].get<std::string>());
  CHECK(lines == std::set<std::string>{"a=1", "a=2"});
  CHECK(layer_named(spec["spec"]["layer"], std::string(series_layer))["encoding"]["color"]["field"] ==
        "line");
  CHECK_FALSE(response_curves(design, 1, {nps}));
}

TEST_CASE("response curves of scattered points are dots with interval bars, not lines", "[report]") {
  // A Latin hypercube: no two points share the other parameter's value, so no line has two points.
  SweepDesign design{{"a", "b"}, {1, 10, 2, 25, 3, 17, 4, 31}};
  MetricAtPoints profit{"profit ($)", {mean_of(1), mean_of(2), mean_of(3), mean_of(4)}};
  const json spec = spec_of(*response_curves(design, 0, {profit}));
  const json& dots = layer_named(spec["spec"]["layer"], std::string(series_layer));
  CHECK(dots["mark"]["type"] == "point");
  CHECK(dots["encoding"]["color"] == json{{"value", "#4e79a7"}});
  CHECK(spec["spec"]["layer"][0]["mark"]["type"] == "rule");
  CHECK(response_curves(design, 0, {profit})->series == 4);
}

TEST_CASE("a heat map draws the grid's cells with a mean and leaves the others empty", "[report]") {
  const SweepDesign design = grid();
  CHECK(is_two_parameter_grid(design));
  CHECK_FALSE(is_two_parameter_grid(SweepDesign{{"a", "b"}, {1, 10, 2, 25, 3, 17}}));
  CHECK_FALSE(is_two_parameter_grid(SweepDesign{{"a"}, {1, 2, 3}}));
  MetricAtPoints profit{"profit ($)", {}};
  for (std::size_t p = 0; p < design.points(); ++p)
    profit.by_point.push_back(mean_of(p == 2 ? missing : static_cast<double>(p)));
  MetricAtPoints empty{"churn_rate (share)",
                       std::vector<SummaryStatistics>(design.points(), mean_of(missing))};
  const auto figure = grid_heat_maps(design, {empty, profit});
  REQUIRE(figure);
  CHECK(figure->series == 5);
  const json spec = spec_of(*figure);
  CHECK(only_finite_numbers(spec));
  CHECK(spec["facet"]["sort"] == json({"profit ($)"}));
  for (const json& row : spec["data"]["values"]) CHECK_FALSE((row["a"] == 1.0 && row["b"] == 30.0));
  CHECK(spec["spec"]["encoding"]["color"]["scale"]["scheme"] == "viridis");
}

TEST_CASE("the tornado ranks metrics by their largest coefficient and skips flat ones", "[report]") {
  const std::vector<std::string> parameters = {"a", "b"};
  const auto figure = tornado_chart(parameters, {{"flat", {0.0, 0.0}, 0.0, true},
                                                 {"small", {0.1, -0.2}, 0.3, true},
                                                 {"large", {0.9, missing}, 0.8, false}});
  REQUIRE(figure);
  CHECK(figure->series == 3);
  const json spec = spec_of(*figure);
  const json order = layer_named(spec["layer"], std::string(series_layer))["encoding"]["y"]["sort"];
  REQUIRE(order.size() == 2);
  CHECK(order[0].get<std::string>().starts_with("large"));
  CHECK(order[0].get<std::string>().find("not monotone") != std::string::npos);
  CHECK_FALSE(tornado_chart(parameters, {{"flat", {0.0, missing}, 0.0, true}}));
}

TEST_CASE("a response is monotone unless it turns by more than the noise", "[report]") {
  const SweepDesign line{{"a"}, {1, 2, 3, 4}};
  CHECK(is_monotone(line, {mean_of(1, 0.1), mean_of(2, 0.1), mean_of(3, 0.1), mean_of(4, 0.1)}));
  CHECK_FALSE(is_monotone(line, {mean_of(1, 0.1), mean_of(3, 0.1), mean_of(2, 0.1), mean_of(4, 0.1)}));
  // A dip inside the intervals is noise, not a turn.
  CHECK(is_monotone(line, {mean_of(1, 1.0), mean_of(3, 1.0), mean_of(2.5, 1.0), mean_of(4, 1.0)}));
}
