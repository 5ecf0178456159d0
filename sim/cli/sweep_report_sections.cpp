// Sweep sections from design-point statistics: curves and heat maps per metric, sensitivities, extremes.
#include "sim/cli/sweep_report_sections.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/readable_number.h"
#include "analysis/report/sweep_charts.h"

namespace salesim::sim::cli {
namespace {

namespace report = analysis::report;
using analysis::SummaryStatistics;

bool has_mean(const SummaryStatistics& s) { return s.n > 0 && std::isfinite(s.mean); }

struct KeptMetric {
  MetricFacts facts;
  std::vector<SummaryStatistics> by_point;
};

std::string interval_text(const SummaryStatistics& s) {
  return fmt::format("{} [{}, {}]", analysis::readable_number(s.mean), analysis::readable_number(s.ci_low),
                     analysis::readable_number(s.ci_high));
}

report::TextTable best_point_table(const std::vector<KeptMetric>& metrics, const RunFileDesign& design) {
  report::TextTable table;
  table.heading = "Best design point per metric";
  table.note =
      "The design points with the highest and the lowest mean of each metric (which is best depends on the "
      "metric: profit up, churn down), with the 95% confidence interval of the mean.";
  table.column_labels = {"metric",        "unit",           "highest mean at",
                         "mean [95% CI]", "lowest mean at", "mean [95% CI]"};
  table.numeric = {false, false, false, true, false, true};
  for (const KeptMetric& metric : metrics) {
    std::size_t high = design.points, low = design.points;
    for (std::size_t p = 0; p < design.points; ++p) {
      if (!has_mean(metric.by_point[p])) continue;
      if (high == design.points || metric.by_point[p].mean > metric.by_point[high].mean) high = p;
      if (low == design.points || metric.by_point[p].mean < metric.by_point[low].mean) low = p;
    }
    table.rows.push_back({metric.facts.name, metric.facts.unit, design.point_labels[high],
                          interval_text(metric.by_point[high]), design.point_labels[low],
                          interval_text(metric.by_point[low])});
  }
  return table;
}

/// /sensitivity's coefficients by metric, with whether each response is monotone; empty when the
/// file has none (a partial sweep, or too few design points for a fit).
std::vector<report::MetricSensitivity> recorded_sensitivities(const io::RunFileReader& reader,
                                                              const std::vector<KeptMetric>& metrics,
                                                              const report::SweepDesign& design,
                                                              std::vector<std::string>& parameters) {
  const auto root = reader.names_in("/");
  if (std::find(root.begin(), root.end(), "sensitivity") == root.end()) return {};
  const auto names = reader.string_array_attribute("/sensitivity", "metrics");
  parameters = reader.string_array_attribute("/sensitivity", "parameters");
  const std::vector<double> src = reader.read_doubles("/sensitivity/src");
  const std::vector<double> r_squared = reader.read_doubles("/sensitivity/r_squared");
  std::vector<report::MetricSensitivity> sensitivities;
  for (const KeptMetric& metric : metrics) {
    const auto found = std::find(names.begin(), names.end(), metric.facts.name);
    if (found == names.end()) continue;
    const auto m = static_cast<std::size_t>(found - names.begin());
    report::MetricSensitivity s{
        metric.facts.name, {}, m < r_squared.size() ? r_squared[m] : std::nan(""), true};
    for (std::size_t k = 0; k < parameters.size(); ++k)
      s.coefficients.push_back(m * parameters.size() + k < src.size() ? src[m * parameters.size() + k]
                                                                      : std::nan(""));
    s.monotone = report::is_monotone(design, metric.by_point);
    sensitivities.push_back(std::move(s));
  }
  return sensitivities;
}

}  // namespace

SweepSections sweep_sections(const io::RunFileReader& reader, const RunFileDesign& design) {
  std::vector<KeptMetric> metrics;
  for (const std::string& name : summary_metrics(reader)) {
    KeptMetric metric{metric_facts(reader, name), summary_statistics(reader, design, name)};
    if (std::any_of(metric.by_point.begin(), metric.by_point.end(), has_mean))
      metrics.push_back(std::move(metric));
  }
  std::vector<report::MetricAtPoints> labelled;
  for (const KeptMetric& metric : metrics)
    labelled.push_back({report::with_unit(metric.facts.name, metric.facts.unit), metric.by_point});
  const report::SweepDesign sweep{design.parameter_names, design.parameter_values};

  SweepSections sections;
  report::ChartSection curves{"Response curves", "", {}};
  for (std::size_t k = 0; k < sweep.parameters.size(); ++k)
    if (auto chart = report::response_curves(sweep, k, labelled)) curves.charts.push_back(std::move(*chart));
  sections.charts.push_back(std::move(curves));
  if (report::is_two_parameter_grid(sweep)) {
    report::ChartSection maps{"Heat maps", "", {}};
    if (auto chart = report::grid_heat_maps(sweep, labelled)) maps.charts.push_back(std::move(*chart));
    sections.charts.push_back(std::move(maps));
  }
  std::vector<std::string> parameters;
  auto sensitivities = recorded_sensitivities(reader, metrics, sweep, parameters);
  report::ChartSection tornado{"Sensitivity", "", {}};
  if (auto chart = report::tornado_chart(parameters, std::move(sensitivities)))
    tornado.charts.push_back(std::move(*chart));
  sections.charts.push_back(std::move(tornado));
  sections.best_points = best_point_table(metrics, design);
  return sections;
}

}  // namespace salesim::sim::cli
