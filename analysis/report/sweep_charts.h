// The sweep's charts as Vega-Lite specs: response curves per kept metric, heat maps of 2-parameter
// grids and the tornado of standardized regression coefficients, from design-point statistics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "analysis/report/vega_spec.h"

namespace salesim::analysis::report {

/// A kept metric's statistics per design point, with the label its panels carry ("profit ($)").
struct MetricAtPoints {
  std::string label;
  std::vector<SummaryStatistics> by_point;
};

/// The sweep's design: parameter names and values, points x parameters row-major.
struct SweepDesign {
  std::vector<std::string> parameters;
  std::vector<double> values;
  [[nodiscard]] std::size_t points() const {
    return parameters.empty() ? 0 : values.size() / parameters.size();
  }
  [[nodiscard]] double value(std::size_t point, std::size_t parameter) const {
    return values[point * parameters.size() + parameter];
  }
};

/**
 * @brief Mean and 95% CI of every metric against parameter `parameter`, one small panel per metric.
 * Points that share the other parameters' values form one line (coloured by them); with one
 * parameter there is one line. Series count: the lines drawn over all panels. Nothing when no
 * metric has a finite mean.
 */
[[nodiscard]] std::optional<ChartFigure> response_curves(const SweepDesign& design, std::size_t parameter,
                                                         const std::vector<MetricAtPoints>& metrics);

/// Whether the design is a full grid of exactly two parameters (every pair of values once).
[[nodiscard]] bool is_two_parameter_grid(const SweepDesign& design);

/// The mean of every metric over a two-parameter grid, one heat map panel per metric; series
/// count: the cells drawn.
[[nodiscard]] std::optional<ChartFigure> grid_heat_maps(const SweepDesign& design,
                                                        const std::vector<MetricAtPoints>& metrics);

/// One metric's standardized regression coefficients, one per parameter, and the fit's R².
struct MetricSensitivity {
  std::string metric;
  std::vector<double> coefficients;
  double r_squared = 0.0;
  bool monotone = true;  ///< false: the mean turns along some parameter, which a linear fit misreads
};

/// A tornado chart: per metric one bar per parameter, metrics sorted by their largest |coefficient|;
/// series count: the bars drawn.
[[nodiscard]] std::optional<ChartFigure> tornado_chart(const std::vector<std::string>& parameters,
                                                       std::vector<MetricSensitivity> sensitivities);

/**
 * @brief Whether the means move one way only along each parameter: for every line of points that
 * share the other parameters' values, sorted by this parameter, successive differences larger than
 * their CIs' half widths never change sign.
 */
[[nodiscard]] bool is_monotone(const SweepDesign& design, const std::vector<SummaryStatistics>& by_point);

}  // namespace salesim::analysis::report
