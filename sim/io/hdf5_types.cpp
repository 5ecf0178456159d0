// HDF5 string, compound and attribute helpers.
#include "sim/io/hdf5_types.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

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

namespace {

/// Reads `count` strings of a string attribute as stored: variable or fixed length, in its
/// own character set (HDF5 converts neither between the two kinds nor between ASCII and UTF-8).
std::vector<std::string> read_strings(hid_t attribute, std::size_t count, const std::string& what) {
  const Hdf5Handle stored(checked(H5Aget_type(attribute), what), H5Tclose);
  if (H5Tget_class(stored) != H5T_STRING) throw std::runtime_error(what + ": not text");
  const H5T_cset_t cset = H5Tget_cset(stored);
  Hdf5Handle memory(checked(H5Tcopy(H5T_C_S1), "copy string type"), H5Tclose);
  checked_status(H5Tset_cset(memory, cset), "set character set");
  std::vector<std::string> values;
  if (H5Tis_variable_str(stored) > 0) {
    checked_status(H5Tset_size(memory, H5T_VARIABLE), "size string type");
    std::vector<char*> texts(count, nullptr);
    checked_status(H5Aread(attribute, memory, texts.data()), what);
    for (char* text : texts) {
      values.emplace_back(text != nullptr ? text : "");
      H5free_memory(text);
    }
    return values;
  }
  // One more byte per string for the terminating NUL the conversion adds.
  const std::size_t size = H5Tget_size(stored) + 1;
  constexpr std::size_t max_bytes = std::size_t{1} << 28;
  if (size > max_bytes / std::max<std::size_t>(count, 1)) throw std::runtime_error(what + ": text too long");
  checked_status(H5Tset_size(memory, size), "size string type");
  checked_status(H5Tset_strpad(memory, H5T_STR_NULLTERM), "set string padding");
  std::vector<char> buffer(size * count, '\0');
  checked_status(H5Aread(attribute, memory, buffer.data()), what);
  for (std::size_t i = 0; i < count; ++i) {
    const char* text = buffer.data() + i * size;
    values.emplace_back(text, std::find(text, text + size, '\0'));
  }
  return values;
}

Hdf5Handle open_attribute(hid_t file, const std::string& object_path, const std::string& name,
                          const std::string& what) {
  return Hdf5Handle(
      checked(H5Aopen_by_name(file, object_path.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), what),
      H5Aclose);
}

/// Number of values of an attribute, and its rank.
std::pair<std::size_t, int> attribute_extent(hid_t attribute, const std::string& what) {
  const Hdf5Handle space(checked(H5Aget_space(attribute), what), H5Sclose);
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  const int rank = H5Sget_simple_extent_ndims(space);
  if (count < 0 || rank < 0) throw std::runtime_error(what + ": unreadable extent");
  return {static_cast<std::size_t>(count), rank};
}

}  // namespace

std::string read_string_attribute(hid_t file, const std::string& object_path, const std::string& name) {
  const std::string what = "read attribute " + object_path + "@" + name;
  const Hdf5Handle attribute = open_attribute(file, object_path, name, what);
  const auto [count, rank] = attribute_extent(attribute, what);
  if (count != 1)
    throw std::runtime_error(what + ": holds " + std::to_string(count) + " values, expected one");
  return read_strings(attribute, 1, what).front();
}

std::vector<std::string> read_string_array_attribute(hid_t file, const std::string& object_path,
                                                     const std::string& name) {
  const std::string what = "read attribute " + object_path + "@" + name;
  const Hdf5Handle attribute = open_attribute(file, object_path, name, what);
  const auto [count, rank] = attribute_extent(attribute, what);
  if (rank != 1) throw std::runtime_error(what + ": expected a list (one dimension)");
  if (count == 0) return {};
  return read_strings(attribute, count, what);
}

std::uint64_t read_uint_attribute(hid_t file, const std::string& object_path, const std::string& name) {
  const std::string what = "read attribute " + object_path + "@" + name;
  const Hdf5Handle attribute = open_attribute(file, object_path, name, what);
  const auto [count, rank] = attribute_extent(attribute, what);
  if (count != 1)
    throw std::runtime_error(what + ": holds " + std::to_string(count) + " values, expected one");
  const Hdf5Handle stored(checked(H5Aget_type(attribute), what), H5Tclose);
  if (H5Tget_class(stored) != H5T_INTEGER) throw std::runtime_error(what + ": not a whole number");
  std::uint64_t value = 0;
  checked_status(H5Aread(attribute, H5T_NATIVE_UINT64, &value), what);
  return value;
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

std::string link_problem(hid_t file, const std::string& object) {
  for (std::size_t end = object.find('/', 1);; end = object.find('/', end + 1)) {
    const std::string prefix = object.substr(0, end);
    if (H5Lexists(file, prefix.c_str(), H5P_DEFAULT) <= 0) return "missing";
    H5L_info_t link{};
    if (H5Lget_info(file, prefix.c_str(), &link, H5P_DEFAULT) < 0 || link.type != H5L_TYPE_HARD)
      return prefix == object ? "a soft or external link" : prefix + " is a soft or external link";
    if (end == std::string::npos) return "";
  }
}

}  // namespace salesim::sim::io::detail
