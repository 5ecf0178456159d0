// Crafting damaged run files from valid ones with the HDF5 C API: a short dataset, a wrong rank,
// a missing attribute, another schema version; shared by the io and cli tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <hdf5.h>

namespace salesim::tests {

/// One way to damage a file, and the words the refusal must contain.
struct Crafting {
  std::string label;
  std::function<void(hid_t file)> damage;
  std::string fragment;
};

namespace crafting {

inline void require(bool ok, const std::string& what) {
  if (!ok) throw std::runtime_error("crafting failed: " + what);
}

/// Dimensions of an existing dataset.
inline std::vector<hsize_t> dims_of(hid_t file, const std::string& path) {
  const hid_t dataset = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
  require(dataset >= 0, "open " + path);
  const hid_t space = H5Dget_space(dataset);
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  H5Sclose(space);
  H5Dclose(dataset);
  return dims;
}

/// Replaces the dataset at `path` with one of `type` and `dims`, filled with the fill value.
/// Chunked, so a huge shape costs no disk: nothing is written.
inline void replace_dataset(hid_t file, const std::string& path, hid_t type, std::vector<hsize_t> dims) {
  if (H5Lexists(file, path.c_str(), H5P_DEFAULT) > 0) H5Ldelete(file, path.c_str(), H5P_DEFAULT);
  const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
  const hid_t properties = H5Pcreate(H5P_DATASET_CREATE);
  std::vector<hsize_t> chunk(dims.size(), 1);
  if (!dims.empty()) H5Pset_chunk(properties, static_cast<int>(chunk.size()), chunk.data());
  const hid_t dataset = H5Dcreate2(file, path.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT);
  require(dataset >= 0, "create " + path);
  H5Dclose(dataset);
  H5Pclose(properties);
  H5Sclose(space);
}

inline void delete_attribute(hid_t file, const std::string& object, const std::string& name) {
  require(H5Adelete_by_name(file, object.c_str(), name.c_str(), H5P_DEFAULT) >= 0, "delete " + name);
}

inline void set_uint_attribute(hid_t file, const std::string& object, const std::string& name,
                               std::uint64_t value) {
  if (H5Aexists_by_name(file, object.c_str(), name.c_str(), H5P_DEFAULT) > 0)
    delete_attribute(file, object, name);
  const hid_t space = H5Screate(H5S_SCALAR);
  const hid_t attribute = H5Acreate_by_name(file, object.c_str(), name.c_str(), H5T_STD_U32LE, space,
                                            H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  require(attribute >= 0, "create " + name);
  H5Awrite(attribute, H5T_NATIVE_UINT64, &value);
  H5Aclose(attribute);
  H5Sclose(space);
}

/// The strings of a variable-length string list attribute.
inline std::vector<std::string> string_list_attribute(hid_t file, const std::string& object,
                                                      const std::string& name) {
  const hid_t attribute = H5Aopen_by_name(file, object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
  require(attribute >= 0, "open " + name);
  const hid_t space = H5Aget_space(attribute);
  std::vector<char*> texts(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  if (!texts.empty()) require(H5Aread(attribute, type, texts.data()) >= 0, "read " + name);
  std::vector<std::string> values;
  for (char* text : texts) {
    values.emplace_back(text);
    H5free_memory(text);
  }
  H5Tclose(type);
  H5Sclose(space);
  H5Aclose(attribute);
  return values;
}

/// Replaces an attribute with a list of variable-length strings (`values.size()` of them).
inline void set_string_list_attribute(hid_t file, const std::string& object, const std::string& name,
                                      const std::vector<std::string>& values) {
  if (H5Aexists_by_name(file, object.c_str(), name.c_str(), H5P_DEFAULT) > 0)
    delete_attribute(file, object, name);
  const hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  const hsize_t count = values.size();
  const hid_t space = H5Screate_simple(1, &count, nullptr);
  const hid_t attribute = H5Acreate_by_name(file, object.c_str(), name.c_str(), type, space, H5P_DEFAULT,
                                            H5P_DEFAULT, H5P_DEFAULT);
  require(attribute >= 0, "create " + name);
  std::vector<const char*> texts;
  for (const auto& value : values) texts.push_back(value.c_str());
  H5Awrite(attribute, type, texts.data());
  H5Aclose(attribute);
  H5Sclose(space);
  H5Tclose(type);
}

/// Writes zeros over a whole uint8 dataset (e.g. /design/done: nothing finished).
inline void fill_uint8(hid_t file, const std::string& path, std::uint8_t value) {
  const auto dims = dims_of(file, path);
  std::size_t count = 1;
  for (const hsize_t d : dims) count *= d;
  const std::vector<std::uint8_t> values(count, value);
  const hid_t dataset = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
  require(H5Dwrite(dataset, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0,
          "write " + path);
  H5Dclose(dataset);
}

}  // namespace crafting

/// Copies `valid` to `crafted` and applies `damage` to the copy, opened read-write.
inline void craft(const std::filesystem::path& valid, const std::filesystem::path& crafted,
                  const std::function<void(hid_t)>& damage) {
  std::filesystem::copy_file(valid, crafted, std::filesystem::copy_options::overwrite_existing);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t file = H5Fopen(crafted.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  crafting::require(file >= 0, "open " + crafted.string());
  damage(file);
  H5Fclose(file);
}

/// The damages every reader must refuse, for a valid file with /summary/<metric> and
/// /timeseries/<series> (a timeseries of the file's months).
inline std::vector<Crafting> damaged_layouts(const std::string& metric, const std::string& series) {
  using namespace crafting;
  const std::string summary = "/summary/" + metric;
  const std::string timeseries = "/timeseries/" + series;
  return {
      {"a short summary dataset",
       [=](hid_t f) {
         auto dims = dims_of(f, summary);
         dims[1] -= 1;
         replace_dataset(f, summary, H5T_IEEE_F64LE, dims);
       },
       summary + ": is ["},
      {"a 1-D /design/done",
       [](hid_t f) {
         const auto dims = dims_of(f, "/design/done");
         replace_dataset(f, "/design/done", H5T_STD_U8LE, {dims[0] * dims[1]});
       },
       "/design/done: is ["},
      {"a /design/done with one replication more",
       [](hid_t f) {
         const auto dims = dims_of(f, "/design/done");
         replace_dataset(f, "/design/done", H5T_STD_U8LE, {dims[0], dims[1] + 1});
       },
       "/design/run_id: is ["},
      {"a 3-D /design/done",
       [](hid_t f) {
         const auto dims = dims_of(f, "/design/done");
         replace_dataset(f, "/design/done", H5T_STD_U8LE, {dims[0], dims[1], 2});
       },
       "/design/done: is ["},
      {"a /design/done of two million points",
       [](hid_t f) {
         replace_dataset(f, "/design/done", H5T_STD_U8LE, {2'000'000, 1});
       },
       "more than salesim writes"},
      {"a time series a month short",
       [=](hid_t f) {
         auto dims = dims_of(f, timeseries);
         dims[2] -= 1;
         replace_dataset(f, timeseries, H5T_IEEE_F64LE, dims);
       },
       "[points x replications x months]"},
      {"a summary of text", [=](hid_t f) { replace_dataset(f, summary, H5T_C_S1, dims_of(f, summary)); },
       summary + ": holds another type"},
      {"a summary that is a soft link",
       [=](hid_t f) {
         H5Ldelete(f, summary.c_str(), H5P_DEFAULT);
         H5Lcreate_soft("/design/params", f, summary.c_str(), H5P_DEFAULT, H5P_DEFAULT);
       },
       summary + ": a soft or external link"},
      {"/design/params with a row more",
       [](hid_t f) {
         auto dims = dims_of(f, "/design/params");
         const auto names = string_list_attribute(f, "/design/params", "names");
         dims[0] += 1;
         replace_dataset(f, "/design/params", H5T_IEEE_F64LE, dims);
         set_string_list_attribute(f, "/design/params", "names", names);
       },
       "/design/params: is ["},
      {"no names attribute on /summary", [](hid_t f) { delete_attribute(f, "/summary", "names"); },
       "/summary attribute names: missing"},
      {"a names attribute listing a metric that is not there",
       [=](hid_t f) {
         set_string_list_attribute(f, "/summary", "names", {metric, "ghost"});
       },
       "its attribute names lists"},
      {"no sweep_id", [](hid_t f) { delete_attribute(f, "/", "sweep_id"); }, "attribute sweep_id: missing"},
      {"schema_version 2", [](hid_t f) { set_uint_attribute(f, "/", "schema_version", 2); },
       "schema_version 2, this salesim reads schema_version 1"},
      {"no schema_version", [](hid_t f) { delete_attribute(f, "/", "schema_version"); },
       "no schema_version attribute"},
      {"a status of two strings",
       [](hid_t f) {
         set_string_list_attribute(f, "/", "status", {"complete", "partial"});
       },
       "attribute status: expected one string"},
      {"a seed of text", [](hid_t f) { set_string_list_attribute(f, "/", "seed", {"7"}); },
       "attribute seed: expected one whole number"},
  };
}

}  // namespace salesim::tests
