// Reading run files with the HDF5 C API.
#include "sim/io/run_file_reader.h"

#include <stdexcept>

#include "sim/io/hdf5_types.h"

namespace salesim::sim::io {
namespace {

using detail::checked;
using detail::checked_status;
using detail::Hdf5Handle;

std::size_t element_count(hid_t space) {
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  if (count < 0) throw std::runtime_error("HDF5: cannot count elements");
  return static_cast<std::size_t>(count);
}

}  // namespace

RunFileReader::RunFileReader(const std::filesystem::path& path) : path_(path) {
  detail::silence_hdf5_errors();
  file_ = Hdf5Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (file_.get() < 0) throw std::runtime_error("cannot open salesim file " + path.string());
}

std::string RunFileReader::string_attribute(const std::string& object_path, const std::string& name) const {
  return detail::read_string_attribute(file_, object_path, name);
}

std::vector<std::string> RunFileReader::string_array_attribute(const std::string& object_path,
                                                               const std::string& name) const {
  return detail::read_string_array_attribute(file_, object_path, name);
}

std::uint64_t RunFileReader::uint_attribute(const std::string& object_path, const std::string& name) const {
  const std::string what = "read attribute " + object_path + "@" + name + " in " + path_.string();
  const Hdf5Handle attribute(
      checked(H5Aopen_by_name(file_, object_path.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), what),
      H5Aclose);
  std::uint64_t value = 0;
  checked_status(H5Aread(attribute, H5T_NATIVE_UINT64, &value), what);
  return value;
}

bool RunFileReader::has_attribute(const std::string& object_path, const std::string& name) const {
  return detail::has_attribute(file_, object_path, name);
}

core::MetricCatalog RunFileReader::metric_catalog() const { return detail::read_metric_catalog(file_); }

std::vector<std::string> RunFileReader::names_in(const std::string& group) const {
  return detail::link_names(file_, group);
}

std::vector<hsize_t> RunFileReader::shape(const std::string& dataset) const {
  const Hdf5Handle handle(checked(H5Dopen2(file_, dataset.c_str(), H5P_DEFAULT), "open " + dataset),
                          H5Dclose);
  const Hdf5Handle space(checked(H5Dget_space(handle), "get space of " + dataset), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(rank, 0)));
  if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  return dims;
}

std::vector<double> RunFileReader::read_doubles(const std::string& dataset) const {
  const Hdf5Handle handle(checked(H5Dopen2(file_, dataset.c_str(), H5P_DEFAULT), "open " + dataset),
                          H5Dclose);
  const Hdf5Handle space(checked(H5Dget_space(handle), "get space of " + dataset), H5Sclose);
  std::vector<double> values(element_count(space));
  if (!values.empty()) {
    checked_status(H5Dread(handle, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                   "read " + dataset);
  }
  return values;
}

std::vector<std::uint64_t> RunFileReader::read_run_ids() const {
  const Hdf5Handle handle(checked(H5Dopen2(file_, "/design/run_id", H5P_DEFAULT), "open /design/run_id"),
                          H5Dclose);
  const Hdf5Handle space(checked(H5Dget_space(handle), "get space of /design/run_id"), H5Sclose);
  std::vector<std::uint64_t> values(element_count(space));
  if (!values.empty()) {
    checked_status(H5Dread(handle, H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                   "read /design/run_id");
  }
  return values;
}

std::vector<std::uint8_t> RunFileReader::read_done_mask() const {
  const Hdf5Handle handle(checked(H5Dopen2(file_, "/design/done", H5P_DEFAULT), "open /design/done"),
                          H5Dclose);
  const Hdf5Handle space(checked(H5Dget_space(handle), "get space of /design/done"), H5Sclose);
  std::vector<std::uint8_t> values(element_count(space));
  if (!values.empty()) {
    checked_status(H5Dread(handle, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                   "read /design/done");
  }
  return values;
}

std::vector<core::SummaryStatistics> RunFileReader::read_stats(const std::string& metric,
                                                               const std::string& group) const {
  const std::string path = "/" + group + "/" + metric;
  const Hdf5Handle handle(checked(H5Dopen2(file_, path.c_str(), H5P_DEFAULT), "open " + path), H5Dclose);
  const Hdf5Handle space(checked(H5Dget_space(handle), "get space of " + path), H5Sclose);
  std::vector<core::SummaryStatistics> values(element_count(space));
  const Hdf5Handle type = detail::stats_compound_type();
  if (!values.empty()) {
    checked_status(H5Dread(handle, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "read " + path);
  }
  return values;
}

}  // namespace salesim::sim::io
