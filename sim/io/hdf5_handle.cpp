// HDF5 error handling shared by the run file writer and reader.
#include "sim/io/hdf5_handle.h"

#include <mutex>

namespace salesim::sim::io::detail {

void silence_hdf5_errors() {
  static std::once_flag once;
  std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

hid_t checked(hid_t id, const std::string& what) {
  if (id < 0) throw std::runtime_error("HDF5: cannot " + what);
  return id;
}

void checked_status(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error("HDF5: cannot " + what);
}

}  // namespace salesim::sim::io::detail
