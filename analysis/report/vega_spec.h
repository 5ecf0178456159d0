// What every Vega-Lite chart of the report shares: the figure struct, the page-wide look, and how
// numbers enter a spec (non-finite values never do: Vega-Lite would draw them at 0).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace salesim::analysis::report {

/// One chart of the page: a Vega-Lite spec with its aggregated data inline, drawn by vega-embed.
struct ChartFigure {
  std::string spec;        ///< Vega-Lite JSON
  std::string caption;     ///< shown under the chart; may be empty
  std::size_t series = 0;  ///< items the layer named "series" must draw (lines, dots, bars, cells)
};

/// The name of the layer whose drawn items the page counts against ChartFigure::series.
inline constexpr std::string_view series_layer = "series";

/// Charts are this wide (pixels of the plot area) unless a builder says otherwise.
inline constexpr int chart_width = 640;

/// A spec with the schema, the title, the width and the report's axis and legend style.
[[nodiscard]] nlohmann::json base_spec(std::string_view title);

/// "name (unit)", or the name alone when the unit is empty.
[[nodiscard]] std::string with_unit(std::string_view name, std::string_view unit);

/// True when every value is finite.
[[nodiscard]] bool all_finite(std::initializer_list<double> values);

/// The figure of a finished spec.
[[nodiscard]] ChartFigure figure(const nlohmann::json& spec, std::string caption, std::size_t series);

}  // namespace salesim::analysis::report
