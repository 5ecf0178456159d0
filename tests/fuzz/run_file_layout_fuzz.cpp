// Fuzz target: a real salesim run file edited through the HDF5 library as the input's bytes say
// (links deleted, datasets and attributes replaced with any rank, shape, type and contents, groups
// where datasets belong), then read as merge, report and --resume read it. The files stay valid
// HDF5, so the search is on salesim's own layout checks, not on HDF5's parser of damaged bytes
// (which the run_file target feeds, and which is not fuzzed under ctest: see CMakeLists.txt).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include <hdf5.h>

#include "tests/fuzz/read_run_file.h"

namespace {

/// The input read as a stream of small numbers; zeros once it is used up.
class InputBytes {
 public:
  InputBytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  [[nodiscard]] bool empty() const { return used_ >= size_; }
  std::uint8_t byte() { return used_ < size_ ? data_[used_++] : 0; }
  std::size_t below(std::size_t count) { return count == 0 ? 0 : byte() % count; }
  std::vector<std::uint8_t> bytes(std::size_t count) {
    std::vector<std::uint8_t> out(count);
    for (auto& b : out) b = byte();
    return out;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t used_ = 0;
};

struct SeedObjects {
  std::vector<std::string> objects{"/"};  // every group and dataset of the seed file
  std::vector<std::string> attribute_names;
};

herr_t note_object(hid_t, const char* name, const H5O_info_t*, void* out) {
  if (std::string(name) != ".") static_cast<SeedObjects*>(out)->objects.push_back("/" + std::string(name));
  return 0;
}

herr_t note_attribute(hid_t, const char* name, const H5A_info_t*, void* out) {
  auto& names = static_cast<SeedObjects*>(out)->attribute_names;
  for (const auto& known : names)
    if (known == name) return 0;
  names.emplace_back(name);
  return 0;
}

const std::filesystem::path seed_file = SALESIM_SOURCE_DIR "/tests/fuzz/seeds/run_file/tiny-run.h5";

const SeedObjects& seed_objects() {
  static const SeedObjects seed = [] {
    SeedObjects found;
    const hid_t file = H5Fopen(seed_file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_NATIVE, note_object, &found, H5O_INFO_BASIC);  // HDF5 1.10
    for (const auto& object : std::vector<std::string>(found.objects)) {
      H5Aiterate_by_name(file, object.c_str(), H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, note_attribute, &found,
                         H5P_DEFAULT);
    }
    H5Fclose(file);
    return found;
  }();
  return seed;
}

/// A type for a value: every numeric class the layout checks may meet, and both kinds of string.
hid_t chosen_type(InputBytes& input) {
  const std::size_t kind = input.below(8);
  // H5T_NATIVE_* name library globals set when HDF5 opens, so the list is built at the call.
  const hid_t numeric[] = {H5T_NATIVE_UINT8, H5T_NATIVE_UINT32, H5T_NATIVE_UINT64,
                           H5T_NATIVE_INT8,  H5T_NATIVE_FLOAT,  H5T_NATIVE_DOUBLE};
  if (kind < std::size(numeric)) return H5Tcopy(numeric[kind]);
  const hid_t type = H5Tcopy(H5T_C_S1);
  if (kind == std::size(numeric)) {
    H5Tset_size(type, 1 + input.below(8));
  } else {
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
  }
  return type;
}

/// A dataspace of rank 0 to 3, each dimension 0 to 5.
hid_t chosen_space(InputBytes& input, hsize_t& elements) {
  const int rank = static_cast<int>(input.below(4));
  hsize_t dims[3] = {0, 0, 0};
  elements = 1;
  for (int d = 0; d < rank; ++d) {
    dims[d] = input.below(6);
    elements *= dims[d];
  }
  return rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, dims, nullptr);
}

/// Writes `elements` values of `type` taken from the input (strings of any bytes, numbers of any bits).
template <class Write>
void write_values(InputBytes& input, hid_t type, hsize_t elements, Write write) {
  if (H5Tis_variable_str(type) > 0) {
    std::vector<std::string> texts;
    for (hsize_t k = 0; k < elements; ++k) {
      const auto raw = input.bytes(input.below(12));
      std::string text(raw.begin(), raw.end());
      texts.push_back(text.substr(0, text.find('\0')));
    }
    std::vector<const char*> pointers;
    for (const auto& text : texts) pointers.push_back(text.c_str());
    write(pointers.data());
    return;
  }
  const auto values = input.bytes(static_cast<std::size_t>(elements * H5Tget_size(type)));
  write(values.data());
}

void replace_dataset(hid_t file, const std::string& path, InputBytes& input) {
  if (H5Lexists(file, path.c_str(), H5P_DEFAULT) > 0) H5Ldelete(file, path.c_str(), H5P_DEFAULT);
  hsize_t elements = 0;
  const hid_t type = chosen_type(input), space = chosen_space(input, elements);
  const hid_t dataset = H5Dcreate2(file, path.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  if (dataset >= 0) {
    write_values(input, type, elements,
                 [&](const void* values) { H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values); });
    H5Dclose(dataset);
  }
  H5Sclose(space);
  H5Tclose(type);
}

void replace_attribute(hid_t file, const std::string& object, const std::string& name, InputBytes& input) {
  if (H5Aexists_by_name(file, object.c_str(), name.c_str(), H5P_DEFAULT) > 0)
    H5Adelete_by_name(file, object.c_str(), name.c_str(), H5P_DEFAULT);
  hsize_t elements = 0;
  const hid_t type = chosen_type(input), space = chosen_space(input, elements);
  const hid_t attribute = H5Acreate_by_name(file, object.c_str(), name.c_str(), type, space, H5P_DEFAULT,
                                            H5P_DEFAULT, H5P_DEFAULT);
  if (attribute >= 0) {
    write_values(input, type, elements, [&](const void* values) { H5Awrite(attribute, type, values); });
    H5Aclose(attribute);
  }
  H5Sclose(space);
  H5Tclose(type);
}

void edit(hid_t file, InputBytes& input) {
  const SeedObjects& seed = seed_objects();
  for (int edits = 0; edits < 8 && !input.empty(); ++edits) {
    const std::string& object = seed.objects[input.below(seed.objects.size())];
    switch (input.below(4)) {
      case 0:
        if (object != "/") H5Ldelete(file, object.c_str(), H5P_DEFAULT);
        break;
      case 1:
        if (object != "/") replace_dataset(file, object, input);
        break;
      case 2:
        replace_attribute(file, object, seed.attribute_names[input.below(seed.attribute_names.size())],
                          input);
        break;
      default:  // a group where a dataset (or another group) was
        if (object != "/" && H5Ldelete(file, object.c_str(), H5P_DEFAULT) >= 0) {
          const hid_t group = H5Gcreate2(file, object.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
          if (group >= 0) H5Gclose(group);
        }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // a failed edit is part of the search, not news
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("salesim-run-file-layout-fuzz-" + std::to_string(::getpid()) + ".h5");
  std::filesystem::copy_file(seed_file, file, std::filesystem::copy_options::overwrite_existing);
  const hid_t handle = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  if (handle < 0) return 0;
  InputBytes input(data, size);
  edit(handle, input);
  H5Fclose(handle);
  salesim::fuzz::read_every_part(file);
  return 0;
}
