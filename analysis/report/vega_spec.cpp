// The report's shared chart look: the Tableau 10 palette, readable axes, legends below long titles.
#include "analysis/report/vega_spec.h"

#include <algorithm>
#include <cmath>

namespace salesim::analysis::report {

nlohmann::json base_spec(std::string_view title) {
  return {
      {"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
      {"title", {{"text", std::string(title)}, {"anchor", "start"}, {"fontSize", 14}}},
      {"width", chart_width},
      {"config",
       {{"font", "system-ui, -apple-system, Segoe UI, sans-serif"},
        // Tableau 10: distinguishable for most colour-blind readers and in greyscale print.
        {"range",
         {{"category",
           {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
            "#bab0ac"}}}},
        {"axis", {{"labelFontSize", 11}, {"titleFontSize", 12}, {"labelLimit", 260}}},
        {"legend", {{"labelLimit", 320}, {"orient", "bottom"}, {"columns", 2}, {"symbolStrokeWidth", 2}}},
        {"view", {{"stroke", nullptr}}}}},
  };
}

std::string with_unit(std::string_view name, std::string_view unit) {
  std::string text(name);
  if (!unit.empty()) text += " (" + std::string(unit) + ")";
  return text;
}

bool all_finite(std::initializer_list<double> values) {
  return std::all_of(values.begin(), values.end(), [](double value) { return std::isfinite(value); });
}

ChartFigure figure(const nlohmann::json& spec, std::string caption, std::size_t series) {
  return {spec.dump(), std::move(caption), series};
}

}  // namespace salesim::analysis::report
