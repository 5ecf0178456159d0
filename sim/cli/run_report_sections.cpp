// Charts of runs and comparisons, from statistics over finished replications (never raw runs).
#include "sim/cli/run_report_sections.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analysis/paired_difference.h"
#include "analysis/report/interval_chart.h"
#include "analysis/report/line_chart.h"

namespace salesim::sim::cli {
namespace {

namespace report = analysis::report;
using analysis::SummaryStatistics;

bool has_mean(const SummaryStatistics& s) { return s.n > 0 && std::isfinite(s.mean); }

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// More lines than this on one chart cannot be told apart.
constexpr std::size_t max_lines = 8;

/// A measured metric and the true one it stands for (DESIGN §6: the measurement system).
struct MeasuredTruePair {
  const char* measured;
  const char* truth;
  const char* what;
};
constexpr MeasuredTruePair measured_true_pairs[] = {
    {"surveyed_nps", "true_nps", "NPS: survey against every customer's true answer"},
    {"booked_revenue", "revenue", "Revenue: booked by reps against paid by customers"},
    {"predicted_clv_initial", "realized_clv_initial",
     "CLV of the initial customers: predicted against realized"},
    {"attributed_acquisitions", "won_by_reps", "Customers won by reps: attributed against true"},
    {"measured_effort_rate", "supplier_effort_rate", "Supplier effort: measured KPI against true effort"},
};

/// The statistics of `metric` per point, or nothing when the file lacks it or it has no finite mean.
std::optional<std::vector<SummaryStatistics>> statistics_if_any(const io::RunFileReader& reader,
                                                                const RunFileDesign& design,
                                                                const std::vector<std::string>& present,
                                                                const std::string& metric) {
  if (!contains(present, metric)) return std::nullopt;
  auto statistics = summary_statistics(reader, design, metric);
  if (std::none_of(statistics.begin(), statistics.end(), has_mean)) return std::nullopt;
  return statistics;
}

report::IntervalRow interval_row(std::string label, std::string group, const SummaryStatistics& s) {
  return {std::move(label), std::move(group), s.mean, s.ci_low, s.ci_high};
}

}  // namespace

std::vector<report::HeadlineNumber> headline_numbers(const io::RunFileReader& reader,
                                                     const RunFileDesign& design) {
  const std::vector<std::string> present = summary_metrics(reader);
  std::vector<report::HeadlineNumber> headline;
  for (const char* metric : {"profit_after_pay", "revenue", "customer_equity", "active_customers", "true_nps",
                             "mean_attainment", "joint_surplus", "scorecard_score"}) {
    const auto statistics = statistics_if_any(reader, design, present, metric);
    if (!statistics || !has_mean(statistics->front())) continue;
    const MetricFacts facts = metric_facts(reader, metric);
    headline.push_back({metric, facts.unit, facts.meaning, statistics->front()});
  }
  return headline;
}

std::vector<report::ChartSection> timeseries_sections(const io::RunFileReader& reader,
                                                      const RunFileDesign& design,
                                                      const RecordedTimeline& timeline) {
  std::vector<report::ChartSection> sections;
  std::map<std::string, std::size_t> section_of_part;
  const std::size_t drawn_points = std::min(design.points, max_lines);
  for (const std::string& metric : timeseries_metrics(reader)) {
    const MetricFacts facts = metric_facts(reader, metric);
    const auto monthly = monthly_statistics(reader, design, metric);
    // 0 in every run and month: the mechanism is absent here (no acquisitions channel, no spiffs).
    const bool all_zero = std::all_of(monthly.begin(), monthly.end(), [](const auto& months) {
      return std::all_of(months.begin(), months.end(),
                         [](const SummaryStatistics& s) { return s.n > 0 && s.mean == 0.0 && s.sd == 0.0; });
    });
    if (all_zero) continue;
    report::LineChart chart;
    chart.title = metric;
    chart.y_label = report::with_unit(metric, facts.unit);
    for (std::size_t p = 0; p < drawn_points; ++p) {
      report::LineSeries line{design.points == 1 ? "mean" : design.point_labels[p], {}, {}, {}, {}};
      for (std::size_t t = 0; t < monthly[p].size(); ++t) {
        line.x.push_back(static_cast<double>(t + 1));
        line.y.push_back(monthly[p][t].mean);
        line.low.push_back(monthly[p][t].ci_low);
        line.high.push_back(monthly[p][t].ci_high);
      }
      chart.series.push_back(std::move(line));
    }
    // The change month splits the chart: before it the scenarios share their past.
    if (timeline.first_month)
      chart.rules.push_back(
          {true, *timeline.first_month - 0.5, fmt::format("change from month {}", *timeline.first_month)});
    std::string caption = facts.meaning.empty() ? "" : facts.meaning + " ";
    caption += "Mean over the finished replications per month; shaded: its 95% confidence interval.";
    if (design.points > drawn_points)
      caption += fmt::format(" The first {} of {} design points are drawn.", drawn_points, design.points);
    auto figure = report::line_chart(chart, std::move(caption));
    if (!figure) continue;  // no finite month: this part of the world is absent
    const auto [at, added] = section_of_part.emplace(facts.part, sections.size());
    if (added) sections.push_back({"Time series: " + facts.part, "", {}});
    sections[at->second].charts.push_back(std::move(*figure));
  }
  return sections;
}

std::optional<report::ChartFigure> measured_vs_true_chart(const io::RunFileReader& reader,
                                                          const RunFileDesign& design) {
  const std::vector<std::string> present = summary_metrics(reader);
  report::IntervalChart chart;
  chart.title = "Measured against true";
  chart.group_order = {"measured", "true"};
  for (const MeasuredTruePair& pair : measured_true_pairs) {
    const auto measured = statistics_if_any(reader, design, present, pair.measured);
    const auto truth = statistics_if_any(reader, design, present, pair.truth);
    if (!measured || !truth) continue;
    report::IntervalPanel panel;
    panel.title = pair.what;
    panel.x_label = report::with_unit(fmt::format("{} / {}", pair.measured, pair.truth),
                                      metric_facts(reader, pair.truth).unit);
    for (std::size_t p = 0; p < std::min(design.points, max_lines); ++p) {
      panel.rows.push_back(interval_row(design.point_labels[p], "measured", (*measured)[p]));
      panel.rows.push_back(interval_row(design.point_labels[p], "true", (*truth)[p]));
    }
    chart.panels.push_back(std::move(panel));
  }
  return report::interval_chart(
      chart,
      "What management sees (measured) next to what is true, mean and 95% confidence interval over the "
      "replications; each panel has its own scale.");
}

std::optional<report::ChartFigure> whale_curve_chart(const io::RunFileReader& reader,
                                                     const RunFileDesign& design) {
  const std::vector<std::string> present = summary_metrics(reader);
  const auto top = statistics_if_any(reader, design, present, "top20_profit_share");
  if (!top) return std::nullopt;
  const auto peak = statistics_if_any(reader, design, present, "whale_peak");
  report::LineChart chart;
  chart.title = "Whale curve (Kaplan & Narayanan 2001)";
  chart.x_label = "customers, most profitable first (% of customers)";
  chart.y_label = "cumulative share of profit (%)";
  chart.integer_x = false;
  chart.show_points = true;
  const std::size_t drawn = std::min(design.points, max_lines);
  for (std::size_t p = 0; p < drawn; ++p) {
    const SummaryStatistics& s = (*top)[p];
    chart.series.push_back({design.points == 1 ? "mean" : design.point_labels[p],
                            {0.0, 20.0, 100.0},
                            {0.0, 100.0 * s.mean, 100.0},
                            {0.0, 100.0 * s.ci_low, 100.0},
                            {0.0, 100.0 * s.ci_high, 100.0}});
    if (peak && has_mean((*peak)[p]) && drawn <= 3)
      chart.rules.push_back(
          {false, 100.0 * (*peak)[p].mean,
           fmt::format("peak{} {:.0f}%", design.points == 1 ? "" : ", " + design.point_labels[p],
                       100.0 * (*peak)[p].mean)});
  }
  chart.rules.push_back({false, 100.0, ""});
  return report::line_chart(
      chart,
      "The file records two points of each run's whale curve: the most profitable fifth's share of total "
      "customer profit (at 20%, with its 95% CI) and the curve's peak (dashed; above 100% when the least "
      "profitable customers lose money). Straight segments join the known points.");
}

std::optional<report::ChartFigure> attainment_chart(const io::RunFileReader& reader,
                                                    const RunFileDesign& design) {
  const std::vector<std::string> present = summary_metrics(reader);
  const auto p10 = statistics_if_any(reader, design, present, "attainment_p10");
  const auto p50 = statistics_if_any(reader, design, present, "attainment_p50");
  const auto p90 = statistics_if_any(reader, design, present, "attainment_p90");
  const auto mean = statistics_if_any(reader, design, present, "mean_attainment");
  const auto bottom = statistics_if_any(reader, design, present, "attainment_bottom_quintile");
  const auto top = statistics_if_any(reader, design, present, "attainment_top_quintile");
  report::IntervalChart chart;
  chart.title = "Quota attainment";
  const std::string spread = "10th to 90th percentile (dot: median)";
  const std::string skill = "least to most skilled fifth of reps (dot: mean of all)";
  chart.group_order = {spread, skill};
  report::IntervalPanel panel;
  panel.x_label = "quota attainment (x quota)";
  panel.reference = 1.0;
  for (std::size_t p = 0; p < std::min(design.points, max_lines); ++p) {
    const std::string& label = design.points == 1 ? std::string("reps and periods") : design.point_labels[p];
    if (p10 && p50 && p90)
      panel.rows.push_back({label, spread, (*p50)[p].mean, (*p10)[p].mean, (*p90)[p].mean});
    if (mean && bottom && top)
      panel.rows.push_back({label, skill, (*mean)[p].mean, (*bottom)[p].mean, (*top)[p].mean});
  }
  chart.panels.push_back(std::move(panel));
  return report::interval_chart(
      chart,
      "Attainment over the reps' period ends, averaged over replications; dashed: quota (1 x quota). "
      "There are no reps when this chart is absent.");
}

report::ChartSection paired_difference_section(const io::RunFileReader& reader, const RunFileDesign& design) {
  report::ChartSection section{"Paired differences", "", {}};
  const std::vector<std::string> metrics = summary_metrics(reader);
  std::size_t near_zero = 0;
  for (std::size_t p = 1; p < std::min(design.points, max_lines); ++p) {
    report::IntervalChart chart;
    chart.title = fmt::format("{} minus {}", design.point_labels[p], design.point_labels[0]);
    chart.group_order = {"95% CI excludes 0", "95% CI includes 0"};
    chart.offset_groups = false;
    report::IntervalPanel panel;
    panel.x_label = fmt::format("difference in % of the mean of {}", design.point_labels[0]);
    panel.reference = 0.0;
    for (const std::string& metric : metrics) {
      const std::vector<double> baseline = summary_values(reader, design, metric, 0);
      const std::vector<double> alternative = summary_values(reader, design, metric, p);
      const analysis::PairedComparison difference = analysis::compare_paired(baseline, alternative);
      const SummaryStatistics base = analysis::summarize_replications(baseline);
      if (!has_mean(difference.paired) || !has_mean(base)) continue;
      // A percentage of a mean near 0 is not readable; such metrics are in the table only.
      if (std::abs(base.mean) <= std::max(1e-12, 0.1 * base.sd)) {
        ++near_zero;
        continue;
      }
      const double scale = 100.0 / std::abs(base.mean);
      panel.rows.push_back({metric, difference.significant ? chart.group_order[0] : chart.group_order[1],
                            difference.paired.mean * scale, difference.paired.ci_low * scale,
                            difference.paired.ci_high * scale});
    }
    chart.panels.push_back(std::move(panel));
    if (auto figure = report::interval_chart(
            chart,
            "Per metric, the mean of the replication-by-replication differences (common random numbers) "
            "and its 95% confidence interval, in % of the first scenario's mean."))
      section.charts.push_back(std::move(*figure));
  }
  if (near_zero > 0)
    section.note = fmt::format(
        "{} metric differences whose first-scenario mean is near 0 are in the table above only.", near_zero);
  return section;
}

}  // namespace salesim::sim::cli
