// Reading run files with the HDF5 C API, after checking their layout against DESIGN §5.
#include "sim/io/run_file_reader.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>

#include "sim/core/whole_number.h"
#include "sim/io/hdf5_types.h"
#include "sim/io/run_file_writer.h"
#include "sim/io/sweep_loader.h"

namespace salesim::sim::io {
namespace {

using detail::checked;
using detail::checked_status;
using detail::Hdf5Handle;

/// Far above any horizon a scenario allows (run.horizon_months), far below an overflow.
constexpr hsize_t max_months = 100'000;
/// The most values one read may hold (16 GiB of doubles): a hostile shape, which costs nothing
/// on disk when chunked and unwritten, cannot make a reader allocate and touch terabytes.
constexpr std::size_t max_read_values = std::size_t{1} << 31;

std::size_t element_count(hid_t space, const std::string& dataset) {
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  if (count < 0) throw std::runtime_error("HDF5: cannot count elements of " + dataset);
  if (static_cast<std::size_t>(count) > max_read_values) {
    throw std::runtime_error(dataset + ": " + std::to_string(count) +
                             " values, more than one read may hold (" + std::to_string(max_read_values) +
                             ")");
  }
  return static_cast<std::size_t>(count);
}

/// All values of a dataset converted to `memory_type`, as many as the dataset itself holds.
template <typename T>
std::vector<T> read_all(hid_t file, const std::string& dataset, hid_t memory_type) {
  const Hdf5Handle handle(checked(H5Dopen2(file, dataset.c_str(), H5P_DEFAULT), "open " + dataset), H5Dclose);
  const Hdf5Handle space(checked(H5Dget_space(handle), "get space of " + dataset), H5Sclose);
  std::vector<T> values(element_count(space, dataset));
  if (!values.empty()) {
    checked_status(H5Dread(handle, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                   "read " + dataset);
  }
  return values;
}

// ---- The layout check -------------------------------------------------------------------

/// Throws the one-line refusal "path: message".
class LayoutCheck {
 public:
  LayoutCheck(hid_t file, const std::filesystem::path& path) : file_(file), path_(path.string()) {}

  [[noreturn]] void refuse(const std::string& message) const {
    throw RunFileFormatError(path_ + ": " + message);
  }

  [[nodiscard]] std::string link_problem(const std::string& object) const {
    return detail::link_problem(file_, object);
  }

  void require_group(const std::string& group) const {
    if (const std::string problem = link_problem(group); !problem.empty()) refuse(group + ": " + problem);
    const Hdf5Handle handle(H5Gopen2(file_, group.c_str(), H5P_DEFAULT), H5Gclose);
    if (handle.get() < 0) refuse(group + ": not a group");
  }

  [[nodiscard]] std::string string_attribute(const std::string& object, const std::string& name) const {
    require_attribute(object, name);
    try {
      return detail::read_string_attribute(file_, object, name);
    } catch (const std::runtime_error&) {
      refuse(attribute_label(object, name) + ": expected one string");
    }
  }

  [[nodiscard]] std::uint64_t uint_attribute(const std::string& object, const std::string& name) const {
    require_attribute(object, name);
    try {
      return detail::read_uint_attribute(file_, object, name);
    } catch (const std::runtime_error&) {
      refuse(attribute_label(object, name) + ": expected one whole number");
    }
  }

  [[nodiscard]] std::vector<std::string> string_list_attribute(const std::string& object,
                                                               const std::string& name) const {
    require_attribute(object, name);
    try {
      return detail::read_string_array_attribute(file_, object, name);
    } catch (const std::runtime_error&) {
      refuse(attribute_label(object, name) + ": expected a list of strings");
    }
  }

  /// The dataset's dimensions, after checking its type class and rank; `expected` names the
  /// shape for the message, e.g. "[points x replications] float64".
  [[nodiscard]] std::vector<hsize_t> dataset_of_rank(const std::string& object, H5T_class_t type_class,
                                                     int rank, const std::string& expected) const {
    if (const std::string problem = link_problem(object); !problem.empty())
      refuse(object + ": " + problem + " (expected " + expected + ")");
    const Hdf5Handle handle(H5Dopen2(file_, object.c_str(), H5P_DEFAULT), H5Dclose);
    if (handle.get() < 0) refuse(object + ": not a dataset (expected " + expected + ")");
    const Hdf5Handle type(H5Dget_type(handle), H5Tclose);
    const Hdf5Handle space(H5Dget_space(handle), H5Sclose);
    if (type.get() < 0 || space.get() < 0) refuse(object + ": unreadable type or shape");
    if (H5Tget_class(type) != type_class) refuse(object + ": holds another type (expected " + expected + ")");
    const int found = H5Sget_simple_extent_ndims(space);
    std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(found, 0)));
    if (found >= 0 && !dims.empty()) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    if (found != rank) refuse(object + ": is " + shape_text(dims) + " (expected " + expected + ")");
    if (type_class == H5T_COMPOUND) {
      for (const char* member : {"mean", "sd", "ci_low", "ci_high", "n"}) {
        if (H5Tget_member_index(type, member) < 0)
          refuse(object + ": has no field '" + member + "' (expected " + expected + ")");
      }
    }
    return dims;
  }

  /// Checks the dataset's type class and that its dimensions are exactly `dims`.
  void dataset_of_shape(const std::string& object, H5T_class_t type_class, const std::vector<hsize_t>& dims,
                        const std::string& expected) const {
    const auto found = dataset_of_rank(object, type_class, static_cast<int>(dims.size()), expected);
    if (found != dims) {
      refuse(object + ": is " + shape_text(found) + ", expected " + shape_text(dims) + " (" + expected +
             ", as /design/done says)");
    }
  }

  [[nodiscard]] std::vector<std::string> links_in(const std::string& group) const {
    try {
      return detail::link_names(file_, group);
    } catch (const std::runtime_error&) {
      refuse(group + ": cannot list its members");
    }
  }

  static std::string shape_text(const std::vector<hsize_t>& dims) {
    std::string text = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) text += (i > 0 ? " x " : "") + std::to_string(dims[i]);
    return text + "]";
  }

 private:
  static std::string attribute_label(const std::string& object, const std::string& name) {
    return (object == "/" ? "attribute " : object + " attribute ") + name;
  }
  void require_attribute(const std::string& object, const std::string& name) const {
    if (!detail::has_attribute(file_, object, name)) refuse(attribute_label(object, name) + ": missing");
  }

  hid_t file_;
  std::string path_;
};

/// The metric names of a group: listed in its "names" attribute, each a dataset of the group
/// and nothing else there; `shape` is checked for each.
std::vector<std::string> metric_names(const LayoutCheck& check, const std::string& group) {
  check.require_group(group);
  const auto names = check.string_list_attribute(group, "names");
  std::set<std::string> unique;
  for (const auto& name : names) {
    if (name.empty() || name.find_first_of("/.") != std::string::npos)
      check.refuse(group + " attribute names: '" + name + "' cannot name a metric");
    if (!unique.insert(name).second) check.refuse(group + " attribute names: '" + name + "' twice");
  }
  const auto links = check.links_in(group);
  if (std::set<std::string>(links.begin(), links.end()) != unique) {
    check.refuse(group + ": holds " + std::to_string(links.size()) + " datasets, its attribute names lists " +
                 std::to_string(names.size()));
  }
  return names;
}

/// Each metric's `attribute`, or nothing when one metric lacks it (files before units).
std::vector<std::string> metric_labels(const LayoutCheck& check, hid_t file, const std::string& group,
                                       const std::vector<std::string>& names, const std::string& attribute) {
  std::vector<std::string> labels;
  for (const auto& name : names) {
    if (!detail::has_attribute(file, group + "/" + name, attribute)) return {};
    labels.push_back(check.string_attribute(group + "/" + name, attribute));
  }
  return labels;
}

}  // namespace

namespace detail {

RunFileLayout check_run_file_layout(hid_t file, const std::filesystem::path& path) {
  const LayoutCheck check(file, path);
  RunFileLayout layout;
  if (!has_attribute(file, "/", "schema_version"))
    check.refuse("no schema_version attribute: not a salesim run file");
  const std::uint64_t version = check.uint_attribute("/", "schema_version");
  if (version != schema_version) {
    check.refuse("schema_version " + std::to_string(version) + ", this salesim reads schema_version " +
                 std::to_string(schema_version));
  }
  for (const char* name : {"git_commit", "created_utc", "command"}) (void)check.string_attribute("/", name);
  (void)check.uint_attribute("/", "seed");
  layout.salesim_version = check.string_attribute("/", "salesim_version");
  layout.status = check.string_attribute("/", "status");
  if (layout.status != "complete" && layout.status != "partial")
    check.refuse("attribute status: '" + layout.status + "' (expected complete or partial)");
  layout.sweep_id = check.string_attribute("/", "sweep_id");
  if (layout.sweep_id.empty()) check.refuse("attribute sweep_id: empty");
  if (has_attribute(file, "/", "shard")) {
    const std::string shard = check.string_attribute("/", "shard");
    const auto parsed = core::parse_shard(shard);
    if (!parsed) check.refuse("attribute shard: '" + shard + "' (expected K/N with 1 <= K <= N)");
    layout.shard_index = parsed->index;
    layout.shard_count = parsed->count;
  }
  check.require_group("/scenario");
  (void)check.string_attribute("/scenario", "yaml");

  check.require_group("/design");
  const auto done = check.dataset_of_rank("/design/done", H5T_INTEGER, 2, "[points x replications] uint8");
  if (done[0] > max_design_points || done[1] > max_replications ||
      (done[1] > 0 && done[0] > max_sweep_runs / done[1])) {
    check.refuse("/design/done: " + LayoutCheck::shape_text(done) + " runs, more than salesim writes (" +
                 std::to_string(max_design_points) + " points, " + std::to_string(max_replications) +
                 " replications, " + std::to_string(max_sweep_runs) + " runs)");
  }
  layout.points = static_cast<std::uint32_t>(done[0]);
  layout.replications = static_cast<std::uint32_t>(done[1]);
  const hsize_t points = done[0], replications = done[1];
  check.dataset_of_shape("/design/run_id", H5T_INTEGER, {points, replications},
                         "[points x replications] uint64");
  const auto params = check.dataset_of_rank("/design/params", H5T_FLOAT, 2, "[points x parameters] float64");
  layout.parameter_names = check.string_list_attribute("/design/params", "names");
  if (params != std::vector<hsize_t>{points, layout.parameter_names.size()}) {
    check.refuse("/design/params: is " + LayoutCheck::shape_text(params) + ", expected " +
                 LayoutCheck::shape_text({points, layout.parameter_names.size()}) +
                 " (points of /design/done x parameters named in its names attribute)");
  }

  core::MetricCatalog& catalog = layout.catalog;
  catalog.summary_names = metric_names(check, "/summary");
  for (const auto& name : catalog.summary_names)
    check.dataset_of_shape("/summary/" + name, H5T_FLOAT, {points, replications},
                           "[points x replications] float64");
  catalog.timeseries_names = metric_names(check, "/timeseries");
  for (std::size_t m = 0; m < catalog.timeseries_names.size(); ++m) {
    const std::string object = "/timeseries/" + catalog.timeseries_names[m];
    if (m == 0) {
      const auto dims =
          check.dataset_of_rank(object, H5T_FLOAT, 3, "[points x replications x months] float64");
      catalog.steps = dims[2];
      if (catalog.steps > max_months)
        check.refuse(object + ": " + std::to_string(catalog.steps) + " months, more than salesim writes");
    }
    check.dataset_of_shape(object, H5T_FLOAT, {points, replications, catalog.steps},
                           "[points x replications x months] float64");
  }
  catalog.summary_units = metric_labels(check, file, "/summary", catalog.summary_names, "unit");
  catalog.summary_meanings = metric_labels(check, file, "/summary", catalog.summary_names, "meaning");
  catalog.timeseries_units = metric_labels(check, file, "/timeseries", catalog.timeseries_names, "unit");
  catalog.timeseries_meanings =
      metric_labels(check, file, "/timeseries", catalog.timeseries_names, "meaning");

  // Statistics are optional (a partial file has none), but what is there has its rows.
  const std::pair<const char*, hsize_t> statistics[] = {{"/stats", points},
                                                        {"/comparison", points > 0 ? points - 1 : 0}};
  for (const auto& [group, rows] : statistics) {
    if (H5Lexists(file, group, H5P_DEFAULT) <= 0) continue;
    check.require_group(group);
    for (const auto& name : check.links_in(group))
      check.dataset_of_shape(std::string(group) + "/" + name, H5T_COMPOUND, {rows},
                             "[rows] {mean, sd, ci_low, ci_high, n}");
  }
  return layout;
}

}  // namespace detail

RunFileReader::RunFileReader(const std::filesystem::path& path) : path_(path) {
  detail::silence_hdf5_errors();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw RunFileFormatError(path.string() + ": no such file");
  if (!detail::is_hdf5_file(path.string())) throw RunFileFormatError(path.string() + ": not an HDF5 file");
  file_ = Hdf5Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (file_.get() < 0) {
    const std::string cause = detail::last_hdf5_error();
    throw RunFileFormatError(path.string() + ": cannot open as HDF5" +
                             (cause.empty() ? "" : " (" + cause + ")"));
  }
  layout_ = detail::check_run_file_layout(file_, path_);
}

template <typename Read>
auto RunFileReader::reading(Read&& read) const {
  detail::silence_hdf5_errors();
  try {
    return read();
  } catch (const RunFileFormatError&) {
    throw;
  } catch (const std::runtime_error& error) {
    throw RunFileFormatError(path_.string() + ": " + error.what());
  }
}

std::string RunFileReader::string_attribute(const std::string& object_path, const std::string& name) const {
  return reading([&] { return detail::read_string_attribute(file_, object_path, name); });
}

std::vector<std::string> RunFileReader::string_array_attribute(const std::string& object_path,
                                                               const std::string& name) const {
  return reading([&] { return detail::read_string_array_attribute(file_, object_path, name); });
}

std::uint64_t RunFileReader::uint_attribute(const std::string& object_path, const std::string& name) const {
  return reading([&] { return detail::read_uint_attribute(file_, object_path, name); });
}

bool RunFileReader::has_attribute(const std::string& object_path, const std::string& name) const {
  return detail::has_attribute(file_, object_path, name);
}

std::vector<std::string> RunFileReader::names_in(const std::string& group) const {
  return reading([&] { return detail::link_names(file_, group); });
}

std::vector<hsize_t> RunFileReader::shape(const std::string& dataset) const {
  return reading([&] {
    const Hdf5Handle handle(checked(H5Dopen2(file_, dataset.c_str(), H5P_DEFAULT), "open " + dataset),
                            H5Dclose);
    const Hdf5Handle space(checked(H5Dget_space(handle), "get space of " + dataset), H5Sclose);
    const int rank = H5Sget_simple_extent_ndims(space);
    std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
    if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    return dims;
  });
}

std::vector<double> RunFileReader::read_doubles(const std::string& dataset) const {
  return reading([&] { return read_all<double>(file_, dataset, H5T_NATIVE_DOUBLE); });
}

std::vector<std::uint64_t> RunFileReader::read_run_ids() const {
  return reading([&] { return read_all<std::uint64_t>(file_, "/design/run_id", H5T_NATIVE_UINT64); });
}

std::vector<std::uint8_t> RunFileReader::read_done_mask() const {
  return reading([&] { return read_all<std::uint8_t>(file_, "/design/done", H5T_NATIVE_UINT8); });
}

std::vector<core::SummaryStatistics> RunFileReader::read_stats(const std::string& metric,
                                                               const std::string& group) const {
  return reading([&] {
    const Hdf5Handle type = detail::stats_compound_type();
    return read_all<core::SummaryStatistics>(file_, "/" + group + "/" + metric, type);
  });
}

}  // namespace salesim::sim::io
