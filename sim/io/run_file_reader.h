// Reads a salesim run file back: attributes, dataset names and shapes, values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <hdf5.h>

#include "sim/core/run_record.h"
#include "sim/core/summary_statistics.h"
#include "sim/io/hdf5_handle.h"

namespace salesim::sim::io {

/// Read-only view of a run file. Every method throws std::runtime_error naming the object
/// when it is missing or of another type.
class RunFileReader {
 public:
  explicit RunFileReader(const std::filesystem::path& path);

  [[nodiscard]] std::string string_attribute(const std::string& object_path, const std::string& name) const;
  [[nodiscard]] std::vector<std::string> string_array_attribute(const std::string& object_path,
                                                                const std::string& name) const;
  [[nodiscard]] std::uint64_t uint_attribute(const std::string& object_path, const std::string& name) const;
  /// Whether the object exists and has the attribute (older files lack some, e.g. "unit").
  [[nodiscard]] bool has_attribute(const std::string& object_path, const std::string& name) const;
  /// Metric names in record order, months per time series, and each metric's unit and meaning
  /// (empty vectors when the file does not record them).
  [[nodiscard]] core::MetricCatalog metric_catalog() const;
  /// Names of the links in a group, in HDF5's name order.
  [[nodiscard]] std::vector<std::string> names_in(const std::string& group) const;
  [[nodiscard]] std::vector<hsize_t> shape(const std::string& dataset) const;
  /// All values of a numeric dataset, row-major.
  [[nodiscard]] std::vector<double> read_doubles(const std::string& dataset) const;
  [[nodiscard]] std::vector<std::uint8_t> read_done_mask() const;
  [[nodiscard]] std::vector<std::uint64_t> read_run_ids() const;
  [[nodiscard]] std::vector<core::SummaryStatistics> read_stats(const std::string& metric,
                                                                const std::string& group = "stats") const;

 private:
  std::filesystem::path path_;
  detail::Hdf5Handle file_;
};

}  // namespace salesim::sim::io
