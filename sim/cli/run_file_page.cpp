// Assembling a run file's page: what every kind shows, then the sections of its kind.
#include "sim/cli/run_file_page.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/paired_difference.h"
#include "sim/cli/report_reading.h"
#include "sim/cli/run_report_sections.h"
#include "sim/cli/sweep_report_sections.h"

namespace salesim::sim::cli {
namespace {

namespace report = analysis::report;

std::string root_text(const io::RunFileReader& reader, const char* key) {
  return reader.has_attribute("/", key) ? reader.string_attribute("/", key) : "(not recorded)";
}

std::vector<std::pair<std::string, std::string>> provenance(const io::RunFileReader& reader,
                                                            const std::filesystem::path& input,
                                                            const RunFileDesign& design,
                                                            const RecordedTimeline& timeline) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const char* key : {"salesim_version", "git_commit", "created_utc", "command"})
    rows.emplace_back(key, root_text(reader, key));
  rows.emplace_back("seed", reader.has_attribute("/", "seed")
                                ? std::to_string(reader.uint_attribute("/", "seed"))
                                : "(not recorded)");
  rows.emplace_back("status", root_text(reader, "status"));
  rows.emplace_back("file", input.string());
  rows.emplace_back("runs", fmt::format("{} design point{} x {} replications, {} finished", design.points,
                                        design.points == 1 ? "" : "s", design.replications, design.finished));
  for (const std::string& change : timeline.changes) rows.emplace_back("timeline", change);
  return rows;
}

/// The statistics table: one column per design point (a sweep's points are charted instead), rows
/// grouped by part of the world.
report::StatisticsTable statistics_table(const io::RunFileReader& reader, const RunFileDesign& design) {
  report::StatisticsTable table;
  table.heading = "Statistics";
  table.note = "Mean over the finished replications and its 95% confidence interval.";
  table.column_labels = design.point_labels;
  std::vector<report::StatisticsRow> rows;
  for (const std::string& metric : summary_metrics(reader)) {
    const MetricFacts facts = metric_facts(reader, metric);
    rows.push_back(
        {metric, summary_statistics(reader, design, metric), facts.unit, facts.meaning, facts.part});
  }
  // Registry order already groups the parts; a stable sort keeps it for names the registry lacks.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const report::StatisticsRow& a, const report::StatisticsRow& b) {
                     return (a.group == "other") < (b.group == "other");
                   });
  table.rows = std::move(rows);
  return table;
}

report::StatisticsTable difference_table(const io::RunFileReader& reader, const RunFileDesign& design) {
  report::StatisticsTable table;
  table.heading = "Paired differences";
  table.note =
      "Difference to the first scenario, replication by replication (common random numbers), with its 95% "
      "confidence interval.";
  table.mark_significant = true;
  for (std::size_t p = 1; p < design.points; ++p)
    table.column_labels.push_back(design.point_labels[p] + " minus " + design.point_labels[0]);
  for (const std::string& metric : summary_metrics(reader)) {
    const MetricFacts facts = metric_facts(reader, metric);
    report::StatisticsRow row{metric, {}, facts.unit, facts.meaning, facts.part};
    const std::vector<double> baseline = summary_values(reader, design, metric, 0);
    for (std::size_t p = 1; p < design.points; ++p)
      row.by_column.push_back(
          analysis::compare_paired(baseline, summary_values(reader, design, metric, p)).paired);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

report::ReportPage run_file_page(const io::RunFileReader& reader, const std::filesystem::path& input) {
  report::ReportPage page;
  const auto root = reader.names_in("/");
  if (std::find(root.begin(), root.end(), "scenario") != root.end())
    page.scenario_yaml = reader.string_attribute("/scenario", "yaml");
  const std::vector<StoredScenario> scenarios = stored_scenarios(page.scenario_yaml);
  std::vector<std::string> names;
  for (const StoredScenario& scenario : scenarios) names.push_back(scenario.name);
  const RunFileDesign design = read_design(reader, names);
  const RecordedTimeline timeline = recorded_timeline(reader);

  page.provenance = provenance(reader, input, design, timeline);
  const std::size_t total = design.points * design.replications;
  if (design.finished < total || reader.layout().status == "partial")
    page.banner = fmt::format("partial: {} of {} runs", design.finished, total);

  switch (design.kind) {
    case RunFileKind::sweep: {
      page.kind = "sweep report";
      page.title = reader.has_attribute("/", "sweep_name") ? reader.string_attribute("/", "sweep_name")
                                                           : input.stem().string();
      if (!scenarios.empty() && !scenarios.front().description.empty())
        page.questions.push_back("Scenario " + scenarios.front().name + ": " + scenarios.front().description);
      SweepSections sweep = sweep_sections(reader, design);
      page.sections = std::move(sweep.charts);
      page.tables.push_back(std::move(sweep.best_points));
      break;
    }
    case RunFileKind::comparison:
    case RunFileKind::run: {
      const bool comparison = design.kind == RunFileKind::comparison;
      page.kind = comparison ? "comparison report" : "run report";
      for (const auto& name : names) page.title += (page.title.empty() ? "" : " vs ") + name;
      for (const StoredScenario& scenario : scenarios)
        if (!scenario.description.empty())
          page.questions.push_back(comparison ? scenario.name + ": " + scenario.description
                                              : scenario.description);
      if (!comparison) page.headline = headline_numbers(reader, design);
      page.statistics = statistics_table(reader, design);
      if (comparison) page.comparison = difference_table(reader, design);
      if (comparison) page.sections.push_back(paired_difference_section(reader, design));
      for (auto& section : timeseries_sections(reader, design, timeline))
        page.sections.push_back(std::move(section));
      report::ChartSection measurement{"Measurement, profitability and quota", "", {}};
      for (auto chart : {measured_vs_true_chart(reader, design), whale_curve_chart(reader, design),
                         attainment_chart(reader, design)})
        if (chart) measurement.charts.push_back(std::move(*chart));
      page.sections.push_back(std::move(measurement));
      break;
    }
  }
  if (page.title.empty()) page.title = input.stem().string();
  return page;
}

}  // namespace salesim::sim::cli
