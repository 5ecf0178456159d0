// Named tables of columns written to one HDF5 file: /<table>/<column>, for pandas and h5py.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace salesim::sim::io {

struct NumericColumn {
  std::string name;
  std::string unit;  ///< the dataset's "unit" attribute
  std::vector<double> values;
};

/// One table: an optional text key column (written first) and numeric columns of the same length.
struct ColumnTable {
  std::string name;
  std::string key_name;  ///< empty: no key column
  std::vector<std::string> keys;
  std::vector<NumericColumn> columns;
};

/**
 * @brief Writes the tables to `output` (as `<output>.tmp`, renamed when complete), each column a
 * float64 dataset (deflate) with a unit attribute, and `attributes` as text attributes of the root.
 * @throws std::invalid_argument when a table's columns differ in length;
 * std::runtime_error when HDF5 cannot write (the old file stays).
 */
void write_table_file(const std::filesystem::path& output,
                      const std::map<std::string, std::string>& attributes,
                      const std::vector<ColumnTable>& tables);

}  // namespace salesim::sim::io
