// Reads a salesim run file back: its layout checked first, then attributes, names, shapes, values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <hdf5.h>

#include "sim/core/run_record.h"
#include "sim/core/summary_statistics.h"
#include "sim/io/hdf5_handle.h"

namespace salesim::sim::io {

/// A file that is not the salesim run file it claims to be: not HDF5, another schema version,
/// or an attribute or dataset missing or of the wrong type, rank or shape. what() reads
/// "path: what is wrong", on one line.
class RunFileFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The sizes a run file was checked against (DESIGN §5): every dataset read later agrees.
struct RunFileLayout {
  std::uint32_t points = 0;                  ///< P: rows of /design/params, /design/done, /summary/*
  std::uint32_t replications = 0;            ///< R
  std::vector<std::string> parameter_names;  ///< K columns of /design/params
  core::MetricCatalog catalog;               ///< names, months (T), units and meanings
  std::string sweep_id;
  std::string salesim_version;
  std::string status;             ///< "complete" or "partial"
  std::uint32_t shard_index = 0;  ///< 1-based K of "shard" = "K/N"; 0 when not a shard
  std::uint32_t shard_count = 0;  ///< N; 0 when not a shard
};

/// Read-only view of a run file whose layout was checked on opening. Every method throws
/// RunFileFormatError naming the file and the object when it is missing or of another type.
class RunFileReader {
 public:
  /// @throws RunFileFormatError when the file is missing, not HDF5 or not a salesim run file
  /// of this schema version (see layout()).
  explicit RunFileReader(const std::filesystem::path& path);

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  /// Sizes, names and identity, as checked when the file was opened.
  [[nodiscard]] const RunFileLayout& layout() const noexcept { return layout_; }

  [[nodiscard]] std::string string_attribute(const std::string& object_path, const std::string& name) const;
  [[nodiscard]] std::vector<std::string> string_array_attribute(const std::string& object_path,
                                                                const std::string& name) const;
  [[nodiscard]] std::uint64_t uint_attribute(const std::string& object_path, const std::string& name) const;
  /// Whether the object exists and has the attribute (older files lack some, e.g. "unit").
  [[nodiscard]] bool has_attribute(const std::string& object_path, const std::string& name) const;
  /// Metric names in record order, months per time series, and each metric's unit and meaning
  /// (empty vectors when the file does not record them).
  [[nodiscard]] core::MetricCatalog metric_catalog() const { return layout_.catalog; }
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
  /// Runs `read`, turning its failure into RunFileFormatError("path: ...").
  template <typename Read>
  auto reading(Read&& read) const;

  std::filesystem::path path_;
  detail::Hdf5Handle file_;
  RunFileLayout layout_;
};

namespace detail {
/**
 * @brief Checks, before any value is read, everything DESIGN §5 promises of an open file: the
 * root attributes and their types, schema_version, a non-empty sweep_id, /scenario, and that
 * /design/params [P x K], /design/done and /design/run_id [P x R], /summary/<m> [P x R] and
 * /timeseries/<m> [P x R x T] exist as the "names" attributes list them, with numeric types,
 * and /stats [P] and /comparison [P - 1] when present.
 * @throws RunFileFormatError("path: what is wrong") for the first problem found.
 */
RunFileLayout check_run_file_layout(hid_t file, const std::filesystem::path& path);
}  // namespace detail

}  // namespace salesim::sim::io
