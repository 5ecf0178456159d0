// Writes a salesim run file: the HDF5 layout of DESIGN §5, schema version 1.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/core/run_record.h"
#include "sim/core/summary_statistics.h"
#include "sim/io/hdf5_handle.h"

namespace salesim::sim::io {

/// A timeline change of one design point's scenario -> /timeline (point, month, and the "changes" text).
struct TimelineMark {
  std::uint32_t point = 0;
  std::uint32_t month = 0;
  std::string change;  ///< the note and the keys set, for people
};

/// Where a file comes from; recorded as attributes so a run can be reproduced.
struct Provenance {
  std::string salesim_version;
  std::string git_commit;
  std::string command;      ///< the full command line
  std::string created_utc;  ///< ISO 8601; an attribute, never part of a dataset
  std::uint64_t seed = 0;
  std::string scenario_yaml;           ///< the resolved scenario -> /scenario attribute "yaml"
  std::string sweep_id;                ///< content hash of the whole sweep; shards and resumes must match
  std::vector<TimelineMark> timeline;  ///< empty: no scenario changes its terms during the run
  std::string sweep_name;  ///< the sweep definition's name -> root "sweep_name"; empty: not written
};

/// The varied parameters: P design points x K parameters, row-major.
struct DesignTable {
  std::vector<std::string> parameter_names;
  std::vector<double> values;
  std::uint32_t points = 1;
};

/// What each MPI rank of a sweep did -> /mpi/<column> [ranks]; replaced by each (resumed) sweep.
struct RankTable {
  std::vector<std::uint64_t> slots;      ///< threads running runs
  std::vector<std::uint64_t> runs;       ///< runs finished by this sweep (not a resumed file's earlier ones)
  std::vector<std::uint64_t> most_held;  ///< most runs held at once
  std::vector<double> idle_seconds;      ///< slot-seconds without a run
  std::vector<double> starved_seconds;   ///< slot-seconds without a run while runs were unassigned
};

inline constexpr std::uint32_t schema_version = 1;

/// Writing the file failed (a full disk, a vanished directory, a rename refused). what() reads
/// "cannot write <final path>: <cause>"; the temporary file is removed and whatever was at the
/// final path before is left as it was.
class RunFileWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/**
 * @brief Creates the file under a temporary name (final path + ".tmp"), streams runs into it
 * and renames it onto the final path on commit(), so a reader never sees a half-written file
 * at the final path. Datasets depend only on the records written, not on their order.
 * Any failure to write throws RunFileWriteError, after closing and removing the temporary file:
 * a file that failed half-way is never left to be resumed or read.
 */
class RunFileWriter {
 public:
  /// Each /summary/<metric> and /timeseries/<metric> dataset gets the catalog's "unit" and
  /// "meaning" as string attributes, when the catalog has them.
  /// @throws std::invalid_argument for a metric name with '/' or '.', or empty, or units or
  /// meanings that are neither empty nor one per metric;
  /// @throws RunFileWriteError (with the path) when the file cannot be created.
  RunFileWriter(std::filesystem::path final_path, const Provenance& provenance,
                const core::MetricCatalog& catalog, const DesignTable& design, std::uint32_t replications);
  ~RunFileWriter();
  RunFileWriter(const RunFileWriter&) = delete;
  RunFileWriter& operator=(const RunFileWriter&) = delete;

  /// Reopens the partial file an interrupted writer left at final_path + ".tmp", after checking
  /// its layout as RunFileReader does (shapes, ranks, types, schema_version, sweep_id).
  /// @throws std::runtime_error when there is none; RunFileFormatError (naming the temporary
  /// file) when it is not HDF5 or not a consistent run file.
  static RunFileWriter reopen(std::filesystem::path final_path);
  RunFileWriter(RunFileWriter&&) noexcept = default;

  [[nodiscard]] const core::MetricCatalog& catalog() const noexcept { return catalog_; }
  [[nodiscard]] std::uint32_t points() const noexcept { return points_; }
  [[nodiscard]] std::uint32_t replications() const noexcept { return replications_; }
  [[nodiscard]] std::string string_attribute(const std::string& name) const;
  /// /design/done, P x R row-major.
  [[nodiscard]] std::vector<std::uint8_t> done_mask() const;
  /// /summary/<metric>, P x R row-major (NaN where not yet written).
  [[nodiscard]] std::vector<double> read_summary(const std::string& metric) const;
  /// Checks that a reopened file has the shape a resumed sweep will write into: the catalog's
  /// metric names and months, the design's points and parameter names, `replications`.
  /// @throws RunFileFormatError naming the temporary file and the first difference.
  void require_shape(const core::MetricCatalog& catalog, const DesignTable& design,
                     std::uint32_t replications) const;
  /// Marks the file as one shard of a sweep: its done mask covers only its slice.
  void set_shard(std::uint32_t index, std::uint32_t count);

  /// Queues one run's summaries, time series and id; every 64 runs or second (and before any read,
  /// statistics or commit) the queue is written in one selection per dataset, marked done and
  /// flushed, so a crash loses at most the runs of the last second, which a resume redoes.
  /// Not thread safe.
  /// @throws std::invalid_argument when the record does not fit the catalog or design.
  void write_run(const core::RunRecord& record);

  /// Writes the queued runs now.
  void flush_runs() const;

  /// Writes /stats/<metric>: stats_by_metric[m][p], metrics in catalog summary order.
  void write_stats(const std::vector<std::vector<core::SummaryStatistics>>& stats_by_metric);

  /// Writes /comparison/<metric>: paired differences of design points 1..P-1 against point 0.
  void write_comparison(const std::vector<std::vector<core::SummaryStatistics>>& differences_by_metric);

  /// Writes /sensitivity/src [metrics x parameters] and /sensitivity/r_squared [metrics],
  /// with attributes naming the metrics and the parameters.
  void write_sensitivity(const std::vector<std::string>& metric_names,
                         const std::vector<std::string>& parameter_names,
                         const std::vector<std::vector<double>>& coefficients,
                         const std::vector<double>& r_squared);

  /// Writes /mpi: one dataset per RankTable column, each with a "meaning" attribute.
  void write_rank_table(const RankTable& table);

  /// Marks the file complete, closes it and renames it onto the final path.
  void commit();

  /// Closes and removes the temporary file, leaving the final path as it was; for a caller
  /// that found its input bad half-way. Later writes fail.
  void discard() const noexcept;

  [[nodiscard]] const std::filesystem::path& temporary_path() const noexcept { return temporary_path_; }

 private:
  std::filesystem::path final_path_;
  std::filesystem::path temporary_path_;
  RunFileWriter() = default;
  /// Runs `write`; when it fails, discards the file and throws RunFileWriteError.
  template <typename Write>
  void guarded(Write&& write) const;
  /// Root attributes, groups and datasets of a new file.
  void create_layout(const Provenance& provenance, const DesignTable& design) const;
  /// Writes the queued runs; unguarded, for the destructor.
  void write_queued() const;
  void write_statistics_group(const std::string& group,
                              const std::vector<std::vector<core::SummaryStatistics>>& by_metric,
                              std::uint32_t rows) const;
  void write_sensitivity_group(const std::vector<std::string>& metric_names,
                               const std::vector<std::string>& parameter_names,
                               const std::vector<std::vector<double>>& coefficients,
                               const std::vector<double>& r_squared) const;

  core::MetricCatalog catalog_;
  std::uint32_t points_ = 0;
  std::uint32_t replications_ = 0;
  mutable detail::Hdf5Handle file_;  // mutable: a failed write closes it, even in a read
  // Writing runs one at a time costs a dataset write per metric and run; batches amortise it.
  mutable std::vector<core::RunRecord> queued_;
  mutable std::chrono::steady_clock::time_point last_flush_ = std::chrono::steady_clock::now();
};

}  // namespace salesim::sim::io
