// Reads back the column tables write_table_file() writes, each dataset checked before it is read.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/hdf5_handle.h"
#include "sim/io/table_file_writer.h"

namespace salesim::sim::io {

/// A table file that is not what its reader expects: not HDF5, or an attribute, table or column
/// missing or of another type, rank or length. what() reads "path: what is wrong", on one line.
class TableFileFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What a reader expects of one table (an HDF5 group of one-dimensional columns).
struct ExpectedTable {
  std::string name;                           ///< the group under the root, e.g. "tracking"
  std::string key_name;                       ///< a text key column to read; empty: none is read
  std::vector<std::string> columns;           ///< numeric columns that must be there
  std::vector<std::string> optional_columns;  ///< numeric columns read when they are there
};

/// Read-only view of a table file. Every method throws TableFileFormatError naming the file.
class TableFileReader {
 public:
  /// @throws TableFileFormatError when the file is missing, not HDF5 or cannot be opened.
  explicit TableFileReader(const std::filesystem::path& path);

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

  /// Whether the root carries the attribute.
  [[nodiscard]] bool has_attribute(const std::string& name) const;
  /// A text attribute of the root. @throws TableFileFormatError when it is missing or not one text.
  [[nodiscard]] std::string string_attribute(const std::string& name) const;
  /// Whether the root holds a link called `name` (a table, if it is a group).
  [[nodiscard]] bool has_table(const std::string& name) const;

  /**
   * @brief The table's key column (when `expected.key_name` is set), its required columns in the
   * order given, then the optional ones it has, each with its "unit" attribute ("" when absent).
   * @throws TableFileFormatError naming the file and the dataset when the table or a required
   * column is missing or a soft or external link, a column is not one-dimensional numbers (the key:
   * variable-length text), holds more rows than a reader accepts, or has another length than the
   * table's first column.
   */
  [[nodiscard]] ColumnTable read_table(const ExpectedTable& expected) const;

  /// Throws TableFileFormatError("path: message"), for the callers' own checks of what they read.
  [[noreturn]] void refuse(const std::string& message) const;

 private:
  [[nodiscard]] NumericColumn read_numeric_column(const std::string& dataset, const std::string& name) const;
  [[nodiscard]] std::vector<std::string> read_key_column(const std::string& dataset) const;

  std::filesystem::path path_;
  detail::Hdf5Handle file_;
};

/// The column called `name`, or nullptr when the table has none.
[[nodiscard]] const NumericColumn* find_column(const ColumnTable& table, std::string_view name);

}  // namespace salesim::sim::io
