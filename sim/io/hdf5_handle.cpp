// HDF5 error handling shared by the run file writer and reader.
#include "sim/io/hdf5_handle.h"

#include <mutex>
#include <vector>

namespace salesim::sim::io::detail {
namespace {

/// Collects each error's description, outermost (the API call) first.
herr_t collect_description(unsigned, const H5E_error2_t* error, void* descriptions) {
  if (error != nullptr && error->desc != nullptr)
    static_cast<std::vector<std::string>*>(descriptions)->emplace_back(error->desc);
  return 0;
}

std::string with_cause(const std::string& what) {
  const std::string cause = last_hdf5_error();
  return "HDF5: cannot " + what + (cause.empty() ? "" : " (" + cause + ")");
}

}  // namespace

void silence_hdf5_errors() {
  // HDF5 1.10 crashes in its exit handler when closing a file failed earlier (a full disk):
  // every handle is closed by its owner before exit, so the handler has nothing left to do.
  // H5dont_atexit() only works before the library starts, hence first.
  static std::once_flag once;
  std::call_once(once, [] { H5dont_atexit(); });
  thread_local bool silenced = false;
  if (!silenced) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    silenced = true;
  }
}

bool is_hdf5_file(const std::string& path) {
  silence_hdf5_errors();
#if H5_VERSION_GE(1, 12, 0)
  return H5Fis_accessible(path.c_str(), H5P_DEFAULT) > 0;
#else
  return H5Fis_hdf5(path.c_str()) > 0;
#endif
}

std::string last_hdf5_error() {
  std::vector<std::string> descriptions;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_description, &descriptions);
  // Low-level file errors read "..., errno = 28, error message = 'No space left on device', ...":
  // the system's words say most; otherwise the innermost description does.
  const std::string marker = "error message = '";
  for (auto it = descriptions.rbegin(); it != descriptions.rend(); ++it) {
    const std::size_t at = it->find(marker);
    if (at == std::string::npos) continue;
    const std::size_t begin = at + marker.size();
    return it->substr(begin, it->find('\'', begin) - begin);
  }
  return descriptions.empty() ? std::string() : descriptions.back();
}

hid_t checked(hid_t id, const std::string& what) {
  if (id < 0) throw std::runtime_error(with_cause(what));
  return id;
}

void checked_status(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error(with_cause(what));
}

}  // namespace salesim::sim::io::detail
