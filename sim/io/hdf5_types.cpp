// HDF5 string, compound and attribute helpers.
#include "sim/io/hdf5_types.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "sim/core/summary_statistics.h"

namespace salesim::sim::io::detail {

Hdf5Handle utf8_string_type() {
  Hdf5Handle type(checked(H5Tcopy(H5T_C_S1), "copy string type"), H5Tclose);
  checked_status(H5Tset_size(type, H5T_VARIABLE), "size string type");
  checked_status(H5Tset_cset(type, H5T_CSET_UTF8), "set UTF-8");
  return type;
}

Hdf5Handle stats_compound_type() {
  using core::SummaryStatistics;
  Hdf5Handle type(checked(H5Tcreate(H5T_COMPOUND, sizeof(SummaryStatistics)), "create compound"), H5Tclose);
  checked_status(H5Tinsert(type, "mean", HOFFSET(SummaryStatistics, mean), H5T_NATIVE_DOUBLE), "mean");
  checked_status(H5Tinsert(type, "sd", HOFFSET(SummaryStatistics, sd), H5T_NATIVE_DOUBLE), "sd");
  checked_status(H5Tinsert(type, "ci_low", HOFFSET(SummaryStatistics, ci_low), H5T_NATIVE_DOUBLE), "ci_low");
  checked_status(H5Tinsert(type, "ci_high", HOFFSET(SummaryStatistics, ci_high), H5T_NATIVE_DOUBLE),
                 "ci_high");
  checked_status(H5Tinsert(type, "n", HOFFSET(SummaryStatistics, n), H5T_NATIVE_UINT64), "n");
  return type;
}

void write_string_attribute(hid_t object, const std::string& name, const std::string& value) {
  const Hdf5Handle type = utf8_string_type();
  const Hdf5Handle space(checked(H5Screate(H5S_SCALAR), "create scalar space"), H5Sclose);
  if (H5Aexists(object, name.c_str()) > 0) H5Adelete(object, name.c_str());
  const Hdf5Handle attribute(checked(H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                                     "create attribute " + name),
                             H5Aclose);
  const char* text = value.c_str();
  checked_status(H5Awrite(attribute, type, &text), "write attribute " + name);
}

void write_string_array_attribute(hid_t object, const std::string& name,
                                  const std::vector<std::string>& values) {
  const Hdf5Handle type = utf8_string_type();
  const hsize_t count = values.size();
  const Hdf5Handle space(checked(H5Screate_simple(1, &count, nullptr), "create space"), H5Sclose);
  const Hdf5Handle attribute(checked(H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                                     "create attribute " + name),
                             H5Aclose);
  std::vector<const char*> texts;
  for (const auto& value : values) texts.push_back(value.c_str());
  if (!texts.empty()) checked_status(H5Awrite(attribute, type, texts.data()), "write attribute " + name);
}

void write_uint_attribute(hid_t object, const std::string& name, std::uint64_t value, hid_t file_type) {
  const Hdf5Handle space(checked(H5Screate(H5S_SCALAR), "create scalar space"), H5Sclose);
  const Hdf5Handle attribute(
      checked(H5Acreate2(object, name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT),
              "create attribute " + name),
      H5Aclose);
  checked_status(H5Awrite(attribute, H5T_NATIVE_UINT64, &value), "write attribute " + name);
}

std::string read_string_attribute(hid_t file, const std::string& object_path, const std::string& name) {
  const std::string what = "read attribute " + object_path + "@" + name;
  const Hdf5Handle attribute(
      checked(H5Aopen_by_name(file, object_path.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), what),
      H5Aclose);
  const Hdf5Handle type = utf8_string_type();
  char* text = nullptr;
  checked_status(H5Aread(attribute, type, &text), what);
  std::string value = text != nullptr ? text : "";
  H5free_memory(text);
  return value;
}

std::vector<std::string> read_string_array_attribute(hid_t file, const std::string& object_path,
                                                     const std::string& name) {
  const std::string what = "read attribute " + object_path + "@" + name;
  const Hdf5Handle attribute(
      checked(H5Aopen_by_name(file, object_path.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), what),
      H5Aclose);
  const Hdf5Handle space(checked(H5Aget_space(attribute), what), H5Sclose);
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  std::vector<char*> texts(static_cast<std::size_t>(std::max<hssize_t>(count, 0)), nullptr);
  std::vector<std::string> values;
  if (texts.empty()) return values;
  const Hdf5Handle type = utf8_string_type();
  checked_status(H5Aread(attribute, type, texts.data()), what);
  for (char* text : texts) {
    values.emplace_back(text != nullptr ? text : "");
    H5free_memory(text);
  }
  return values;
}

namespace {
herr_t collect_name(hid_t, const char* name, const H5L_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}
}  // namespace

std::vector<std::string> link_names(hid_t file, const std::string& group) {
  const Hdf5Handle handle(checked(H5Gopen2(file, group.c_str(), H5P_DEFAULT), "open group " + group),
                          H5Gclose);
  std::vector<std::string> names;
  checked_status(H5Literate(handle, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_name, &names),
                 "list group " + group);
  return names;
}

bool has_attribute(hid_t file, const std::string& object_path, const std::string& name) {
  if (object_path != "/" && H5Lexists(file, object_path.c_str(), H5P_DEFAULT) <= 0) return false;
  return H5Aexists_by_name(file, object_path.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

namespace {

/// Each metric's `attribute` under `group`, or nothing when a metric lacks it.
std::vector<std::string> metric_attributes(hid_t file, const std::string& group,
                                           const std::vector<std::string>& names,
                                           const std::string& attribute) {
  std::vector<std::string> values;
  for (const auto& name : names) {
    const std::string path = group + "/" + name;
    if (!has_attribute(file, path, attribute)) return {};
    values.push_back(read_string_attribute(file, path, attribute));
  }
  return values;
}

}  // namespace

core::MetricCatalog read_metric_catalog(hid_t file) {
  core::MetricCatalog catalog;
  catalog.summary_names = read_string_array_attribute(file, "/summary", "names");
  catalog.timeseries_names = read_string_array_attribute(file, "/timeseries", "names");
  if (!catalog.timeseries_names.empty()) {
    const std::string path = "/timeseries/" + catalog.timeseries_names.front();
    const Hdf5Handle dataset(checked(H5Dopen2(file, path.c_str(), H5P_DEFAULT), "open " + path), H5Dclose);
    const Hdf5Handle space(checked(H5Dget_space(dataset), "get space of " + path), H5Sclose);
    std::array<hsize_t, 3> dims{};
    if (H5Sget_simple_extent_ndims(space) != 3)
      throw std::runtime_error(path + ": expected [points x replications x months]");
    H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    catalog.steps = dims[2];
  }
  catalog.summary_units = metric_attributes(file, "/summary", catalog.summary_names, "unit");
  catalog.summary_meanings = metric_attributes(file, "/summary", catalog.summary_names, "meaning");
  catalog.timeseries_units = metric_attributes(file, "/timeseries", catalog.timeseries_names, "unit");
  catalog.timeseries_meanings = metric_attributes(file, "/timeseries", catalog.timeseries_names, "meaning");
  return catalog;
}

}  // namespace salesim::sim::io::detail
