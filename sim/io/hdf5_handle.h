// RAII ownership of HDF5 identifiers, and HDF5 failures turned into exceptions.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include <hdf5.h>

namespace salesim::sim::io::detail {

/// Owns one hid_t and closes it with the matching H5*close function.
class Hdf5Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Hdf5Handle() = default;
  Hdf5Handle(hid_t id, Closer close) : id_(id), close_(close) {}
  Hdf5Handle(Hdf5Handle&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), close_(other.close_) {}
  Hdf5Handle& operator=(Hdf5Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      close_ = other.close_;
    }
    return *this;
  }
  Hdf5Handle(const Hdf5Handle&) = delete;
  Hdf5Handle& operator=(const Hdf5Handle&) = delete;
  ~Hdf5Handle() { reset(); }

  [[nodiscard]] hid_t get() const noexcept { return id_; }
  operator hid_t() const noexcept { return id_; }  // NOLINT: handles pass straight to the C API

  void reset() noexcept {
    if (id_ >= 0 && close_ != nullptr) close_(id_);
    id_ = H5I_INVALID_HID;
  }
  /// Closes now and returns the close function's status: closing a file writes its last
  /// metadata, so a full disk can show only here.
  herr_t close_checked() noexcept {
    const herr_t status = id_ >= 0 && close_ != nullptr ? close_(id_) : 0;
    id_ = H5I_INVALID_HID;
    return status;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};

/// Silences HDF5's automatic error-stack printing for the calling thread (a thread-safe HDF5
/// keeps one error stack per thread); cheap to call before every use.
void silence_hdf5_errors();

/// Whether the file at `path` starts with an HDF5 signature (false for text, empty or missing files).
bool is_hdf5_file(const std::string& path);

/// What the failed HDF5 call said at its deepest level, e.g. "No space left on device";
/// empty when HDF5 recorded nothing.
std::string last_hdf5_error();

/// Throws std::runtime_error("HDF5: cannot what (cause)") when `id` is negative; returns it otherwise.
hid_t checked(hid_t id, const std::string& what);
/// Throws when an herr_t status is negative.
void checked_status(herr_t status, const std::string& what);

}  // namespace salesim::sim::io::detail
