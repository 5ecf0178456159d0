// What `salesim report` reads from a run file, aggregated for the page: design-point labels,
// per-metric statistics over finished replications, monthly means with their CIs, timeline changes.
// Raw runs never leave this file's functions; only statistics do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "sim/io/run_file_reader.h"

namespace salesim::sim::cli {

/// What kind of file a report is about: one scenario, scenarios compared, or a sweep's design.
enum class RunFileKind : std::uint8_t { run, comparison, sweep };

/// The file's design and which of its runs finished.
struct RunFileDesign {
  RunFileKind kind = RunFileKind::run;
  std::size_t points = 0;
  std::size_t replications = 0;
  std::size_t finished = 0;
  std::vector<std::uint8_t> done;            ///< points x replications; 1 = finished
  std::vector<std::string> parameter_names;  ///< empty for a run or a comparison
  std::vector<double> parameter_values;      ///< points x parameters
  std::vector<std::string> point_labels;     ///< scenario names, "a=1, b=2", or "all replications"
  [[nodiscard]] bool finished_run(std::size_t point, std::size_t replication) const {
    const std::size_t index = point * replications + replication;
    return index >= done.size() || done[index] != 0;
  }
};

/// A metric's unit, meaning and part of the world: from the registry, else as the file recorded them.
struct MetricFacts {
  std::string name;
  std::string unit;
  std::string meaning;
  std::string part;  ///< "customers", "workforce", ...; "other" for a name the registry lacks
};

/// Reads /design and the scenario names of the stored YAML.
[[nodiscard]] RunFileDesign read_design(const io::RunFileReader& reader,
                                        const std::vector<std::string>& scenarios);

[[nodiscard]] MetricFacts metric_facts(const io::RunFileReader& reader, const std::string& metric);

/// The summary metrics in the file (registry order), and one metric's statistics per design point
/// over its finished replications (95% Student-t CI of the mean).
[[nodiscard]] std::vector<std::string> summary_metrics(const io::RunFileReader& reader);
[[nodiscard]] std::vector<analysis::SummaryStatistics> summary_statistics(const io::RunFileReader& reader,
                                                                          const RunFileDesign& design,
                                                                          const std::string& metric);

/// A metric's finished replication values of one design point (NaN where a run did not finish).
[[nodiscard]] std::vector<double> summary_values(const io::RunFileReader& reader, const RunFileDesign& design,
                                                 const std::string& metric, std::size_t point);

/// The metrics with a time series in the file, and one's statistics per design point and month.
[[nodiscard]] std::vector<std::string> timeseries_metrics(const io::RunFileReader& reader);
[[nodiscard]] std::vector<std::vector<analysis::SummaryStatistics>> monthly_statistics(
    const io::RunFileReader& reader, const RunFileDesign& design, const std::string& metric);

/// The file's timeline changes ("point 2 from month 13: ...") and the first change's month.
struct RecordedTimeline {
  std::vector<std::string> changes;
  std::optional<double> first_month;
};
[[nodiscard]] RecordedTimeline recorded_timeline(const io::RunFileReader& reader);

/// The top-level `name:` and `description:` of each scenario in the stored YAML (`salesim compare`
/// stores one document per scenario); a line scan, because only sim/io may parse YAML and the stored
/// text is the writer's own resolved output.
struct StoredScenario {
  std::string name;
  std::string description;  ///< empty when the scenario has none
};
[[nodiscard]] std::vector<StoredScenario> stored_scenarios(const std::string& yaml);

}  // namespace salesim::sim::cli
