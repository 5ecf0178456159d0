// What one replication hands to the writer: named scalars and named time series.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace salesim::sim::core {

/// The names and shape of what every run of a sweep records, with each metric's unit and meaning
/// (filled by the metric registry; empty when unknown, e.g. files written before units existed).
struct MetricCatalog {
  std::vector<std::string> summary_names;     ///< one value per run
  std::vector<std::string> timeseries_names;  ///< one value per run and step
  std::size_t steps = 0;
  std::vector<std::string> summary_units{};        ///< empty, or one short label per summary ("$")
  std::vector<std::string> summary_meanings{};     ///< empty, or one line per summary
  std::vector<std::string> timeseries_units{};     ///< empty, or one per time series
  std::vector<std::string> timeseries_meanings{};  ///< empty, or one per time series
};

/// The outputs of replication `replication` of design point `design_point`.
struct RunRecord {
  std::uint32_t design_point = 0;
  std::uint32_t replication = 0;
  std::uint64_t run_id = 0;        ///< content hash of (scenario, design point, replication)
  std::vector<double> summary;     ///< summary_names.size() values
  std::vector<double> timeseries;  ///< timeseries_names.size() * steps values, metric-major
};

}  // namespace salesim::sim::core
