// HDF5 column tables.
#include "sim/io/table_file_writer.h"
#include <system_error>

#include <stdexcept>

#include "sim/io/hdf5_handle.h"
#include "sim/io/hdf5_types.h"

namespace salesim::sim::io {
namespace {

using detail::checked;
using detail::checked_status;
using detail::Hdf5Handle;

void require_equal_lengths(const ColumnTable& table) {
  std::size_t length = table.key_name.empty() ? std::string::npos : table.keys.size();
  for (const NumericColumn& column : table.columns) {
    if (length == std::string::npos) length = column.values.size();
    if (column.values.size() != length) {
      throw std::invalid_argument("table " + table.name + ": column " + column.name + " has " +
                                  std::to_string(column.values.size()) + " rows, not " +
                                  std::to_string(length));
    }
  }
}

Hdf5Handle one_dimensional_space(std::size_t length) {
  const hsize_t dims[] = {static_cast<hsize_t>(length)};
  return {checked(H5Screate_simple(1, dims, nullptr), "create a table space"), H5Sclose};
}

/// Chunked and deflated when there is anything to chunk.
Hdf5Handle column_properties(std::size_t length) {
  Hdf5Handle properties(checked(H5Pcreate(H5P_DATASET_CREATE), "create dataset properties"), H5Pclose);
  if (length > 0) {
    const hsize_t chunk[] = {static_cast<hsize_t>(std::min<std::size_t>(length, 65536))};
    checked_status(H5Pset_chunk(properties, 1, chunk), "set chunk");
    checked_status(H5Pset_deflate(properties, 4), "set deflate");
  }
  return properties;
}

void write_numeric_column(hid_t group, const NumericColumn& column) {
  const Hdf5Handle space = one_dimensional_space(column.values.size());
  const Hdf5Handle properties = column_properties(column.values.size());
  const Hdf5Handle dataset(checked(H5Dcreate2(group, column.name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT,
                                              properties, H5P_DEFAULT),
                                   "create " + column.name),
                           H5Dclose);
  if (!column.values.empty()) {
    checked_status(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, column.values.data()),
                   "write " + column.name);
  }
  detail::write_string_attribute(dataset, "unit", column.unit);
}

void write_key_column(hid_t group, const ColumnTable& table) {
  const Hdf5Handle type = detail::utf8_string_type();
  const Hdf5Handle space = one_dimensional_space(table.keys.size());
  const Hdf5Handle properties = column_properties(table.keys.size());
  const Hdf5Handle dataset(
      checked(H5Dcreate2(group, table.key_name.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT),
              "create " + table.key_name),
      H5Dclose);
  std::vector<const char*> texts;
  texts.reserve(table.keys.size());
  for (const std::string& key : table.keys) texts.push_back(key.c_str());
  if (!texts.empty()) {
    checked_status(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()),
                   "write " + table.key_name);
  }
}

}  // namespace

void write_table_file(const std::filesystem::path& output,
                      const std::map<std::string, std::string>& attributes,
                      const std::vector<ColumnTable>& tables) {
  for (const ColumnTable& table : tables) require_equal_lengths(table);
  detail::silence_hdf5_errors();
  if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
  const std::filesystem::path temporary = output.string() + ".tmp";
  try {
    Hdf5Handle file(checked(H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                            "create " + temporary.string()),
                    H5Fclose);
    for (const auto& [name, value] : attributes) detail::write_string_attribute(file, name, value);
    for (const ColumnTable& table : tables) {
      const Hdf5Handle group(
          checked(H5Gcreate2(file, table.name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                  "create " + table.name),
          H5Gclose);
      if (!table.key_name.empty()) write_key_column(group, table);
      for (const NumericColumn& column : table.columns) write_numeric_column(group, column);
    }
    if (file.close_checked() < 0) {
      throw std::runtime_error("HDF5: cannot close " + temporary.string() + " (" + detail::last_hdf5_error() +
                               ")");
    }
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
  std::error_code error;
  std::filesystem::rename(temporary, output, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw std::runtime_error("cannot rename " + temporary.string() + " to " + output.string());
  }
}

}  // namespace salesim::sim::io
