// Creation and streaming of the HDF5 run file.
#include "sim/io/run_file_writer.h"
#include <system_error>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/io/hdf5_types.h"
#include "sim/io/run_file_reader.h"

namespace salesim::sim::io {
namespace {

using detail::checked;
using detail::checked_status;
using detail::Hdf5Handle;

constexpr double missing_value = std::numeric_limits<double>::quiet_NaN();

void require_dataset_name(const std::string& name) {
  if (name.empty() || name.find_first_of("/.") != std::string::npos) {
    throw std::invalid_argument("metric name '" + name +
                                "' cannot name a dataset (no '/' or '.', not empty)");
  }
}

/// Creation properties shared by every object: no timestamps, so files differ only where
/// their contents do.
Hdf5Handle creation_properties(hid_t property_class) {
  Hdf5Handle properties(checked(H5Pcreate(property_class), "create property list"), H5Pclose);
  checked_status(H5Pset_obj_track_times(properties, false), "turn off time tracking");
  return properties;
}

Hdf5Handle create_group(hid_t parent, const std::string& name) {
  const Hdf5Handle properties = creation_properties(H5P_GROUP_CREATE);
  return Hdf5Handle(
      checked(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, properties, H5P_DEFAULT), "create group " + name),
      H5Gclose);
}

/// A one-dimensional uint32 dataset, written whole.
void write_uint32_dataset(hid_t parent, const std::string& name, const std::vector<std::uint32_t>& values) {
  const hsize_t count = values.size();
  const Hdf5Handle space(checked(H5Screate_simple(1, &count, nullptr), "create space for " + name), H5Sclose);
  const Hdf5Handle properties = creation_properties(H5P_DATASET_CREATE);
  const Hdf5Handle dataset(
      checked(H5Dcreate2(parent, name.c_str(), H5T_STD_U32LE, space, H5P_DEFAULT, properties, H5P_DEFAULT),
              "create " + name),
      H5Dclose);
  checked_status(H5Dwrite(dataset, H5T_NATIVE_UINT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                 "write " + name);
}

/// Units and meanings are optional, but when given there is one per metric.
void require_labels(const std::vector<std::string>& labels, const std::vector<std::string>& names,
                    const char* what) {
  if (!labels.empty() && labels.size() != names.size()) {
    throw std::invalid_argument(std::string("metric catalog has ") + std::to_string(labels.size()) + " " +
                                what + " for " + std::to_string(names.size()) + " metrics");
  }
}

/// A float64 dataset filled with NaN until written; chunked and compressed when chunk given.
Hdf5Handle create_double_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                                 const std::vector<hsize_t>& chunk) {
  const Hdf5Handle space(checked(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                                 "create space for " + name),
                         H5Sclose);
  const Hdf5Handle properties = creation_properties(H5P_DATASET_CREATE);
  checked_status(H5Pset_fill_value(properties, H5T_NATIVE_DOUBLE, &missing_value), "set fill value");
  checked_status(H5Pset_fill_time(properties, H5D_FILL_TIME_ALLOC), "set fill time");
  if (!chunk.empty()) {
    checked_status(H5Pset_chunk(properties, static_cast<int>(chunk.size()), chunk.data()), "set chunk");
    checked_status(H5Pset_shuffle(properties), "set shuffle");
    checked_status(H5Pset_deflate(properties, 4), "set deflate");
  } else {
    checked_status(H5Pset_alloc_time(properties, H5D_ALLOC_TIME_EARLY), "set allocation time");
  }
  return Hdf5Handle(
      checked(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, properties, H5P_DEFAULT),
              "create dataset " + name),
      H5Dclose);
}

/// The metric's "unit" and "meaning" attributes, from the catalog's registry labels when it has them.
void write_metric_labels(hid_t dataset, const std::vector<std::string>& units,
                         const std::vector<std::string>& meanings, std::size_t metric) {
  if (!units.empty()) detail::write_string_attribute(dataset, "unit", units[metric]);
  if (!meanings.empty()) detail::write_string_attribute(dataset, "meaning", meanings[metric]);
}

/// Writes `count` values to the points of a dataset listed in `coordinates` (rank values each).
void write_points(hid_t file, const std::string& dataset_path, const std::vector<hsize_t>& coordinates,
                  std::size_t count, hid_t memory_type, const void* values) {
  const Hdf5Handle dataset(checked(H5Dopen2(file, dataset_path.c_str(), H5P_DEFAULT), "open " + dataset_path),
                           H5Dclose);
  const Hdf5Handle file_space(checked(H5Dget_space(dataset), "get space of " + dataset_path), H5Sclose);
  checked_status(H5Sselect_elements(file_space, H5S_SELECT_SET, count, coordinates.data()),
                 "select in " + dataset_path);
  const hsize_t length = count;
  const Hdf5Handle memory_space(checked(H5Screate_simple(1, &length, nullptr), "create memory space"),
                                H5Sclose);
  checked_status(H5Dwrite(dataset, memory_type, memory_space, file_space, H5P_DEFAULT, values),
                 "write " + dataset_path);
}

}  // namespace

RunFileWriter::RunFileWriter(std::filesystem::path final_path, const Provenance& provenance,
                             const core::MetricCatalog& catalog, const DesignTable& design,
                             std::uint32_t replications)
    : final_path_(std::move(final_path)),
      temporary_path_(final_path_.string() + ".tmp"),
      catalog_(catalog),
      points_(design.points),
      replications_(replications) {
  for (const auto& name : catalog.summary_names) require_dataset_name(name);
  for (const auto& name : catalog.timeseries_names) require_dataset_name(name);
  require_labels(catalog.summary_units, catalog.summary_names, "summary units");
  require_labels(catalog.summary_meanings, catalog.summary_names, "summary meanings");
  require_labels(catalog.timeseries_units, catalog.timeseries_names, "time-series units");
  require_labels(catalog.timeseries_meanings, catalog.timeseries_names, "time-series meanings");
  if (design.values.size() != std::size_t{design.points} * design.parameter_names.size()) {
    throw std::invalid_argument("design table holds " + std::to_string(design.values.size()) +
                                " values, expected points x parameters");
  }
  detail::silence_hdf5_errors();
  const Hdf5Handle file_creation = creation_properties(H5P_FILE_CREATE);
  file_ = Hdf5Handle(H5Fcreate(temporary_path_.c_str(), H5F_ACC_TRUNC, file_creation, H5P_DEFAULT), H5Fclose);
  if (file_.get() < 0) {
    // Nothing of ours to remove: what is at the temporary path (another writer's file) stays.
    const std::string cause = detail::last_hdf5_error();
    throw RunFileWriteError("cannot write " + final_path_.string() + ": cannot create " +
                            temporary_path_.string() + (cause.empty() ? "" : " (" + cause + ")") +
                            " (does the directory exist and is it writable?)");
  }
  guarded([&] { create_layout(provenance, design); });
}

void RunFileWriter::create_layout(const Provenance& provenance, const DesignTable& design) const {
  const Hdf5Handle root(checked(H5Gopen2(file_, "/", H5P_DEFAULT), "open root group"), H5Gclose);
  detail::write_string_attribute(root, "salesim_version", provenance.salesim_version);
  detail::write_string_attribute(root, "git_commit", provenance.git_commit);
  detail::write_string_attribute(root, "created_utc", provenance.created_utc);
  detail::write_string_attribute(root, "command", provenance.command);
  detail::write_uint_attribute(root, "seed", provenance.seed, H5T_STD_U64LE);
  detail::write_uint_attribute(root, "schema_version", schema_version, H5T_STD_U32LE);
  detail::write_string_attribute(root, "status", "partial");
  detail::write_string_attribute(root, "sweep_id", provenance.sweep_id);
  // The report's title; files without it (runs, comparisons, older sweeps) are titled otherwise.
  if (!provenance.sweep_name.empty())
    detail::write_string_attribute(root, "sweep_name", provenance.sweep_name);

  const Hdf5Handle scenario = create_group(file_, "scenario");
  detail::write_string_attribute(scenario, "yaml", provenance.scenario_yaml);

  if (!provenance.timeline.empty()) {
    // Which design point changes its terms in which month: readers mark the change in their charts.
    const Hdf5Handle timeline = create_group(file_, "timeline");
    std::vector<std::uint32_t> points, months;
    std::vector<std::string> changes;
    for (const TimelineMark& mark : provenance.timeline) {
      points.push_back(mark.point);
      months.push_back(mark.month);
      changes.push_back(mark.change);
    }
    write_uint32_dataset(timeline, "point", points);
    write_uint32_dataset(timeline, "month", months);
    detail::write_string_array_attribute(timeline, "changes", changes);
  }

  const Hdf5Handle design_group = create_group(file_, "design");
  const hsize_t points = design.points;
  const hsize_t parameters = design.parameter_names.size();
  {
    const std::array<hsize_t, 2> dims{points, parameters};
    const Hdf5Handle space(checked(H5Screate_simple(2, dims.data(), nullptr), "create design space"),
                           H5Sclose);
    const Hdf5Handle properties = creation_properties(H5P_DATASET_CREATE);
    const Hdf5Handle params(checked(H5Dcreate2(design_group, "params", H5T_IEEE_F64LE, space, H5P_DEFAULT,
                                               properties, H5P_DEFAULT),
                                    "create /design/params"),
                            H5Dclose);
    if (!design.values.empty()) {
      checked_status(H5Dwrite(params, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, design.values.data()),
                     "write /design/params");
    }
    detail::write_string_array_attribute(params, "names", design.parameter_names);
  }
  {
    const std::array<hsize_t, 2> dims{points, replications_};
    const Hdf5Handle space(checked(H5Screate_simple(2, dims.data(), nullptr), "create done space"), H5Sclose);
    const Hdf5Handle properties = creation_properties(H5P_DATASET_CREATE);
    const std::uint8_t not_done = 0;
    checked_status(H5Pset_fill_value(properties, H5T_NATIVE_UINT8, &not_done), "set done fill");
    checked_status(H5Pset_alloc_time(properties, H5D_ALLOC_TIME_EARLY), "set allocation time");
    const Hdf5Handle done(
        checked(H5Dcreate2(design_group, "done", H5T_STD_U8LE, space, H5P_DEFAULT, properties, H5P_DEFAULT),
                "create /design/done"),
        H5Dclose);
    const Hdf5Handle id_properties = creation_properties(H5P_DATASET_CREATE);
    checked_status(H5Pset_alloc_time(id_properties, H5D_ALLOC_TIME_EARLY), "set allocation time");
    const Hdf5Handle run_ids(checked(H5Dcreate2(design_group, "run_id", H5T_STD_U64LE, space, H5P_DEFAULT,
                                                id_properties, H5P_DEFAULT),
                                     "create /design/run_id"),
                             H5Dclose);
  }

  // The "names" attributes keep the catalog's order, which HDF5's name-sorted links lose.
  const Hdf5Handle summary = create_group(file_, "summary");
  detail::write_string_array_attribute(summary, "names", catalog_.summary_names);
  for (std::size_t m = 0; m < catalog_.summary_names.size(); ++m) {
    const Hdf5Handle dataset =
        create_double_dataset(summary, catalog_.summary_names[m], {points, replications_}, {});
    write_metric_labels(dataset, catalog_.summary_units, catalog_.summary_meanings, m);
  }
  const Hdf5Handle timeseries = create_group(file_, "timeseries");
  detail::write_string_array_attribute(timeseries, "names", catalog_.timeseries_names);
  const hsize_t steps = std::max<hsize_t>(catalog_.steps, 1);
  for (std::size_t m = 0; m < catalog_.timeseries_names.size(); ++m) {
    const Hdf5Handle dataset = create_double_dataset(timeseries, catalog_.timeseries_names[m],
                                                     {points, replications_, catalog_.steps}, {1, 1, steps});
    write_metric_labels(dataset, catalog_.timeseries_units, catalog_.timeseries_meanings, m);
  }
}

RunFileWriter::~RunFileWriter() {
  // An uncommitted file stays "partial" at the temporary path, with every run it was given.
  try {
    if (file_.get() >= 0) write_queued();
  } catch (const std::exception&) {
    // A destructor must not throw; the runs not written are redone by a resume.
  }
}

template <typename Write>
void RunFileWriter::guarded(Write&& write) const {
  detail::silence_hdf5_errors();
  try {
    write();
  } catch (const RunFileWriteError&) {
    discard();
    throw;
  } catch (const std::runtime_error& error) {
    discard();
    throw RunFileWriteError("cannot write " + final_path_.string() + ": " + error.what());
  }
}

void RunFileWriter::discard() const noexcept {
  file_.reset();
  queued_.clear();
  std::error_code ignored;
  std::filesystem::remove(temporary_path_, ignored);
}

void RunFileWriter::write_run(const core::RunRecord& record) {
  if (record.design_point >= points_ || record.replication >= replications_) {
    throw std::invalid_argument("run (" + std::to_string(record.design_point) + ", " +
                                std::to_string(record.replication) + ") is outside the file's design");
  }
  if (record.summary.size() != catalog_.summary_names.size() ||
      record.timeseries.size() != catalog_.timeseries_names.size() * catalog_.steps) {
    throw std::invalid_argument("run record does not match the metric catalog");
  }
  queued_.push_back(record);
  const auto now = std::chrono::steady_clock::now();
  if (queued_.size() >= 64 || now - last_flush_ >= std::chrono::seconds(1)) flush_runs();
}

void RunFileWriter::flush_runs() const {
  guarded([&] { write_queued(); });
}

void RunFileWriter::write_queued() const {
  last_flush_ = std::chrono::steady_clock::now();
  if (queued_.empty()) return;
  if (file_.get() < 0) throw std::runtime_error("the file was closed after an earlier failure");
  const std::size_t runs = queued_.size();
  const hsize_t steps = catalog_.steps;
  // Points (p, r) of the queued runs, and (p, r, t) of their months, in queue order.
  std::vector<hsize_t> cells, months;
  for (const core::RunRecord& record : queued_) {
    cells.insert(cells.end(), {record.design_point, record.replication});
    for (hsize_t t = 0; t < steps; ++t)
      months.insert(months.end(), {record.design_point, record.replication, t});
  }
  std::vector<double> values(runs * std::max<hsize_t>(steps, 1));
  for (std::size_t m = 0; m < catalog_.summary_names.size(); ++m) {
    for (std::size_t k = 0; k < runs; ++k) values[k] = queued_[k].summary[m];
    write_points(file_, "/summary/" + catalog_.summary_names[m], cells, runs, H5T_NATIVE_DOUBLE,
                 values.data());
  }
  for (std::size_t m = 0; m < catalog_.timeseries_names.size() && steps > 0; ++m) {
    for (std::size_t k = 0; k < runs; ++k) {
      std::copy_n(queued_[k].timeseries.begin() + static_cast<std::ptrdiff_t>(m * steps), steps,
                  values.begin() + static_cast<std::ptrdiff_t>(k * steps));
    }
    write_points(file_, "/timeseries/" + catalog_.timeseries_names[m], months, runs * steps,
                 H5T_NATIVE_DOUBLE, values.data());
  }
  std::vector<std::uint64_t> ids;
  for (const core::RunRecord& record : queued_) ids.push_back(record.run_id);
  write_points(file_, "/design/run_id", cells, runs, H5T_NATIVE_UINT64, ids.data());
  // Done last: a run counts as done only once everything it wrote is there.
  const std::vector<std::uint8_t> done(runs, 1);
  write_points(file_, "/design/done", cells, runs, H5T_NATIVE_UINT8, done.data());
  queued_.clear();
  checked_status(H5Fflush(file_, H5F_SCOPE_GLOBAL), "flush " + temporary_path_.string());
}

RunFileWriter RunFileWriter::reopen(std::filesystem::path final_path) {
  RunFileWriter writer;
  writer.final_path_ = std::move(final_path);
  writer.temporary_path_ = writer.final_path_.string() + ".tmp";
  detail::silence_hdf5_errors();
  const std::string label = writer.temporary_path_.string();
  std::error_code error;
  if (!std::filesystem::exists(writer.temporary_path_, error)) {
    throw std::runtime_error("nothing to resume: " + label + " does not exist");
  }
  if (!std::filesystem::is_regular_file(writer.temporary_path_, error) || !detail::is_hdf5_file(label)) {
    throw RunFileFormatError(label + ": not an HDF5 file");
  }
  writer.file_ = Hdf5Handle(H5Fopen(writer.temporary_path_.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
  if (writer.file_.get() < 0) {
    const std::string cause = detail::last_hdf5_error();
    throw RunFileFormatError(label + ": cannot reopen (damaged by a crash?" +
                             (cause.empty() ? "" : " " + cause) + ")");
  }
  const RunFileLayout layout = detail::check_run_file_layout(writer.file_, writer.temporary_path_);
  writer.points_ = layout.points;
  writer.replications_ = layout.replications;
  writer.catalog_ = layout.catalog;
  return writer;
}

void RunFileWriter::require_shape(const core::MetricCatalog& catalog, const DesignTable& design,
                                  std::uint32_t replications) const {
  const auto refuse = [&](const std::string& what) {
    throw RunFileFormatError(temporary_path_.string() + ": " + what);
  };
  if (points_ != design.points || replications_ != replications) {
    refuse("holds " + std::to_string(points_) + " design points x " + std::to_string(replications_) +
           " replications, expected " + std::to_string(design.points) + " x " + std::to_string(replications));
  }
  if (catalog_.summary_names != catalog.summary_names ||
      catalog_.timeseries_names != catalog.timeseries_names)
    refuse("keeps other metrics than this sweep");
  if (catalog_.steps != catalog.steps) {
    refuse("holds " + std::to_string(catalog_.steps) + " months, expected " + std::to_string(catalog.steps));
  }
  std::vector<std::string> names;
  try {
    names = detail::read_string_array_attribute(file_, "/design/params", "names");
  } catch (const std::runtime_error&) {
    refuse("/design/params attribute names: unreadable");
  }
  if (names != design.parameter_names) refuse("varies other parameters than this sweep");
}

std::string RunFileWriter::string_attribute(const std::string& name) const {
  return detail::read_string_attribute(file_, "/", name);
}

std::vector<std::uint8_t> RunFileWriter::done_mask() const {
  flush_runs();
  std::vector<std::uint8_t> done(std::size_t{points_} * replications_);
  guarded([&] {
    const Hdf5Handle dataset(checked(H5Dopen2(file_, "/design/done", H5P_DEFAULT), "open /design/done"),
                             H5Dclose);
    checked_status(H5Dread(dataset, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, done.data()),
                   "read /design/done");
  });
  return done;
}

std::vector<double> RunFileWriter::read_summary(const std::string& metric) const {
  flush_runs();
  if (std::find(catalog_.summary_names.begin(), catalog_.summary_names.end(), metric) ==
      catalog_.summary_names.end()) {
    throw std::invalid_argument("no summary '" + metric + "' in " + temporary_path_.string());
  }
  std::vector<double> values(std::size_t{points_} * replications_);
  guarded([&] {
    const std::string path = "/summary/" + metric;
    const Hdf5Handle dataset(checked(H5Dopen2(file_, path.c_str(), H5P_DEFAULT), "open " + path), H5Dclose);
    checked_status(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                   "read " + path);
  });
  return values;
}

void RunFileWriter::set_shard(std::uint32_t index, std::uint32_t count) {
  guarded([&] {
    const Hdf5Handle root(checked(H5Gopen2(file_, "/", H5P_DEFAULT), "open root group"), H5Gclose);
    detail::write_string_attribute(root, "shard", std::to_string(index) + "/" + std::to_string(count));
  });
}

void RunFileWriter::write_stats(const std::vector<std::vector<core::SummaryStatistics>>& stats_by_metric) {
  guarded([&] { write_statistics_group("stats", stats_by_metric, points_); });
}

void RunFileWriter::write_comparison(
    const std::vector<std::vector<core::SummaryStatistics>>& differences_by_metric) {
  guarded([&] { write_statistics_group("comparison", differences_by_metric, points_ - 1); });
}

void RunFileWriter::write_statistics_group(const std::string& group,
                                           const std::vector<std::vector<core::SummaryStatistics>>& by_metric,
                                           std::uint32_t rows) const {
  if (by_metric.size() != catalog_.summary_names.size()) {
    throw std::invalid_argument("statistics do not match the metric catalog");
  }
  if (H5Lexists(file_, ("/" + group).c_str(), H5P_DEFAULT) <= 0) (void)create_group(file_, group);
  const Hdf5Handle type = detail::stats_compound_type();
  const hsize_t length = rows;
  for (std::size_t m = 0; m < by_metric.size(); ++m) {
    if (by_metric[m].size() != rows)
      throw std::invalid_argument("statistics of " + group + " have the wrong length");
    const std::string path = "/" + group + "/" + catalog_.summary_names[m];
    if (H5Lexists(file_, path.c_str(), H5P_DEFAULT) > 0) H5Ldelete(file_, path.c_str(), H5P_DEFAULT);
    const Hdf5Handle space(checked(H5Screate_simple(1, &length, nullptr), "create statistics space"),
                           H5Sclose);
    const Hdf5Handle properties = creation_properties(H5P_DATASET_CREATE);
    const Hdf5Handle dataset(
        checked(H5Dcreate2(file_, path.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT),
                "create " + path),
        H5Dclose);
    if (rows > 0) {
      checked_status(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, by_metric[m].data()),
                     "write " + path);
    }
  }
}

void RunFileWriter::write_sensitivity(const std::vector<std::string>& metric_names,
                                      const std::vector<std::string>& parameter_names,
                                      const std::vector<std::vector<double>>& coefficients,
                                      const std::vector<double>& r_squared) {
  guarded([&] { write_sensitivity_group(metric_names, parameter_names, coefficients, r_squared); });
}

void RunFileWriter::write_sensitivity_group(const std::vector<std::string>& metric_names,
                                            const std::vector<std::string>& parameter_names,
                                            const std::vector<std::vector<double>>& coefficients,
                                            const std::vector<double>& r_squared) const {
  if (H5Lexists(file_, "/sensitivity", H5P_DEFAULT) > 0) H5Ldelete(file_, "/sensitivity", H5P_DEFAULT);
  const Hdf5Handle group = create_group(file_, "sensitivity");
  detail::write_string_array_attribute(group, "metrics", metric_names);
  detail::write_string_array_attribute(group, "parameters", parameter_names);
  const hsize_t metrics = metric_names.size();
  const hsize_t parameters = parameter_names.size();
  std::vector<double> flat;
  for (const auto& row : coefficients) flat.insert(flat.end(), row.begin(), row.end());
  const auto write = [&](const char* name, std::vector<hsize_t> dims, const std::vector<double>& values) {
    const Hdf5Handle space(
        checked(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "create space"),
        H5Sclose);
    const Hdf5Handle properties = creation_properties(H5P_DATASET_CREATE);
    const Hdf5Handle dataset(
        checked(H5Dcreate2(group, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, properties, H5P_DEFAULT), name),
        H5Dclose);
    if (!values.empty()) {
      checked_status(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                     name);
    }
  };
  write("src", {metrics, parameters}, flat);
  write("r_squared", {metrics}, r_squared);
}

void RunFileWriter::write_rank_table(const RankTable& table) {
  guarded([&] {
    if (H5Lexists(file_, "/mpi", H5P_DEFAULT) > 0) H5Ldelete(file_, "/mpi", H5P_DEFAULT);
    const Hdf5Handle group = create_group(file_, "mpi");
    const auto write = [&](const char* name, hid_t file_type, hid_t memory_type, const auto& values,
                           const char* meaning) {
      const hsize_t ranks = values.size();
      const Hdf5Handle space(checked(H5Screate_simple(1, &ranks, nullptr), "create space"), H5Sclose);
      const Hdf5Handle properties = creation_properties(H5P_DATASET_CREATE);
      const Hdf5Handle dataset(
          checked(H5Dcreate2(group, name, file_type, space, H5P_DEFAULT, properties, H5P_DEFAULT), name),
          H5Dclose);
      if (ranks > 0)
        checked_status(H5Dwrite(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), name);
      detail::write_string_attribute(dataset, "meaning", meaning);
    };
    write("slots", H5T_STD_U64LE, H5T_NATIVE_UINT64, table.slots, "threads of the rank running runs");
    write("runs", H5T_STD_U64LE, H5T_NATIVE_UINT64, table.runs, "runs the rank finished in this sweep");
    write("most_held", H5T_STD_U64LE, H5T_NATIVE_UINT64, table.most_held, "most runs the rank held at once");
    write("idle_seconds", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, table.idle_seconds,
          "slot-seconds the rank had no run, as rank 0 saw it");
    write("starved_seconds", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, table.starved_seconds,
          "slot-seconds the rank had no run while runs were still unassigned");
  });
}

void RunFileWriter::commit() {
  flush_runs();
  guarded([&] {
    {
      const Hdf5Handle root(checked(H5Gopen2(file_, "/", H5P_DEFAULT), "open root group"), H5Gclose);
      detail::write_string_attribute(root, "status", "complete");
    }
    checked_status(H5Fflush(file_, H5F_SCOPE_GLOBAL), "flush " + temporary_path_.string());
    // Closing writes the last metadata: a full disk can show only here.
    checked_status(file_.close_checked(), "close " + temporary_path_.string());
    std::error_code error;
    std::filesystem::rename(temporary_path_, final_path_, error);
    if (error) {
      throw std::runtime_error("cannot rename " + temporary_path_.string() + " to " + final_path_.string() +
                               ": " + error.message());
    }
  });
}

}  // namespace salesim::sim::io
