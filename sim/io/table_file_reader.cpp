// Reading HDF5 column tables with the C API, each column's link, type, rank and length checked first.
#include "sim/io/table_file_reader.h"

#include <algorithm>
#include <utility>

#include "sim/io/hdf5_types.h"
#include "sim/io/input_limits.h"

namespace salesim::sim::io {
namespace {

using detail::Hdf5Handle;

/// More rows than customers in any market salesim simulates: a hostile shape, which costs nothing
/// on disk when chunked and unwritten, cannot make a reader allocate gigabytes.
const hsize_t max_table_rows = InputLimits{}.max_market_size;

/// An open column and its number of rows.
struct OpenColumn {
  Hdf5Handle dataset;
  Hdf5Handle type;
  std::size_t rows = 0;
};

}  // namespace

TableFileReader::TableFileReader(const std::filesystem::path& path) : path_(path) {
  detail::silence_hdf5_errors();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) refuse("no such file");
  if (!detail::is_hdf5_file(path.string())) refuse("not an HDF5 file");
  file_ = Hdf5Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (file_.get() < 0) {
    const std::string cause = detail::last_hdf5_error();
    refuse("cannot open as HDF5" + (cause.empty() ? "" : " (" + cause + ")"));
  }
}

void TableFileReader::refuse(const std::string& message) const {
  throw TableFileFormatError(path_.string() + ": " + message);
}

bool TableFileReader::has_attribute(const std::string& name) const {
  return detail::has_attribute(file_, "/", name);
}

std::string TableFileReader::string_attribute(const std::string& name) const {
  if (!has_attribute(name)) refuse("attribute " + name + ": missing");
  try {
    return detail::read_string_attribute(file_, "/", name);
  } catch (const std::runtime_error&) {
    refuse("attribute " + name + ": expected one text");
  }
}

bool TableFileReader::has_table(const std::string& name) const {
  return H5Lexists(file_, ("/" + name).c_str(), H5P_DEFAULT) > 0;
}

namespace {

/// Opens `dataset` after checking its links, that it is one-dimensional, of `type_class`, and not
/// longer than a reader accepts; `refuse` throws with the file's name.
template <typename Refuse>
OpenColumn open_column(hid_t file, const std::string& dataset, H5T_class_t type_class,
                       const std::string& expected, const Refuse& refuse) {
  if (const std::string problem = detail::link_problem(file, dataset); !problem.empty())
    refuse(dataset + ": " + problem + " (expected " + expected + ")");
  OpenColumn column{Hdf5Handle(H5Dopen2(file, dataset.c_str(), H5P_DEFAULT), H5Dclose), {}, 0};
  if (column.dataset.get() < 0) refuse(dataset + ": not a dataset (expected " + expected + ")");
  column.type = Hdf5Handle(H5Dget_type(column.dataset), H5Tclose);
  const Hdf5Handle space(H5Dget_space(column.dataset), H5Sclose);
  if (column.type.get() < 0 || space.get() < 0) refuse(dataset + ": unreadable type or shape");
  const H5T_class_t found = H5Tget_class(column.type);
  const bool numbers = type_class == H5T_FLOAT && (found == H5T_FLOAT || found == H5T_INTEGER);
  if (found != type_class && !numbers) refuse(dataset + ": holds another type (expected " + expected + ")");
  if (H5Sget_simple_extent_ndims(space) != 1)
    refuse(dataset + ": not one-dimensional (expected " + expected + ")");
  hsize_t rows = 0;
  H5Sget_simple_extent_dims(space, &rows, nullptr);
  if (rows > max_table_rows)
    refuse(dataset + ": " + std::to_string(rows) + " rows, more than a table may hold (" +
           std::to_string(max_table_rows) + ")");
  column.rows = static_cast<std::size_t>(rows);
  return column;
}

}  // namespace

NumericColumn TableFileReader::read_numeric_column(const std::string& dataset,
                                                   const std::string& name) const {
  const auto refuse_here = [this](const std::string& message) { refuse(message); };
  const OpenColumn column = open_column(file_, dataset, H5T_FLOAT, "a column of numbers", refuse_here);
  NumericColumn result{name, "", std::vector<double>(column.rows)};
  if (column.rows > 0 &&
      H5Dread(column.dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, result.values.data()) < 0)
    refuse(dataset + ": cannot read (" + detail::last_hdf5_error() + ")");
  if (detail::has_attribute(file_, dataset, "unit")) {
    try {
      result.unit = detail::read_string_attribute(file_, dataset, "unit");
    } catch (const std::runtime_error&) {
      refuse(dataset + " attribute unit: expected one text");
    }
  }
  return result;
}

std::vector<std::string> TableFileReader::read_key_column(const std::string& dataset) const {
  const auto refuse_here = [this](const std::string& message) { refuse(message); };
  const OpenColumn column = open_column(file_, dataset, H5T_STRING, "a column of texts", refuse_here);
  if (H5Tis_variable_str(column.type) <= 0)
    refuse(dataset + ": fixed-length text (expected variable-length)");
  std::vector<std::string> keys;
  if (column.rows == 0) return keys;
  Hdf5Handle memory(detail::checked(H5Tcopy(H5T_C_S1), "copy string type"), H5Tclose);
  detail::checked_status(H5Tset_size(memory, H5T_VARIABLE), "size string type");
  detail::checked_status(H5Tset_cset(memory, H5Tget_cset(column.type)), "set character set");
  std::vector<char*> texts(column.rows, nullptr);
  if (H5Dread(column.dataset, memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, texts.data()) < 0)
    refuse(dataset + ": cannot read (" + detail::last_hdf5_error() + ")");
  keys.reserve(texts.size());
  for (char* text : texts) {
    keys.emplace_back(text != nullptr ? text : "");
    H5free_memory(text);
  }
  return keys;
}

ColumnTable TableFileReader::read_table(const ExpectedTable& expected) const {
  detail::silence_hdf5_errors();
  const std::string group = "/" + expected.name;
  if (const std::string problem = detail::link_problem(file_, group); !problem.empty())
    refuse(group + ": " + problem + " (expected a table)");
  if (const Hdf5Handle handle(H5Gopen2(file_, group.c_str(), H5P_DEFAULT), H5Gclose); handle.get() < 0)
    refuse(group + ": not a group (expected a table)");

  ColumnTable table{expected.name, expected.key_name, {}, {}};
  std::string first;  // the column whose length the others must have
  std::size_t rows = 0;
  const auto require_length = [&](const std::string& dataset, std::size_t length) {
    if (first.empty()) {
      first = dataset;
      rows = length;
    } else if (length != rows) {
      refuse(dataset + ": " + std::to_string(length) + " rows, but " + first + " has " +
             std::to_string(rows));
    }
  };
  if (!expected.key_name.empty()) {
    const std::string dataset = group + "/" + expected.key_name;
    table.keys = read_key_column(dataset);
    require_length(dataset, table.keys.size());
  }
  for (const std::string& name : expected.columns) {
    table.columns.push_back(read_numeric_column(group + "/" + name, name));
    require_length(group + "/" + name, table.columns.back().values.size());
  }
  for (const std::string& name : expected.optional_columns) {
    const std::string dataset = group + "/" + name;
    if (H5Lexists(file_, dataset.c_str(), H5P_DEFAULT) <= 0) continue;
    table.columns.push_back(read_numeric_column(dataset, name));
    require_length(dataset, table.columns.back().values.size());
  }
  return table;
}

const NumericColumn* find_column(const ColumnTable& table, std::string_view name) {
  const auto found = std::find_if(table.columns.begin(), table.columns.end(),
                                  [&](const NumericColumn& column) { return column.name == name; });
  return found == table.columns.end() ? nullptr : &*found;
}

}  // namespace salesim::sim::io
