// What one replication hands to the writer: named scalars and named time series.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace salesim::sim::core {

/// The names and shape of what every run of a sweep records.
struct MetricCatalog {
  std::vector<std::string> summary_names;     ///< one value per run
  std::vector<std::string> timeseries_names;  ///< one value per run and step
  std::size_t steps = 0;
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
