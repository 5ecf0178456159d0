// HDF5 type and attribute helpers shared by the run file writer and reader.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/run_record.h"
#include "sim/io/hdf5_handle.h"

namespace salesim::sim::io::detail {

/// Variable-length UTF-8 string type (h5py reads it as str).
Hdf5Handle utf8_string_type();
/// The /stats compound type {mean, sd, ci_low, ci_high, n}.
Hdf5Handle stats_compound_type();

void write_string_attribute(hid_t object, const std::string& name, const std::string& value);
void write_string_array_attribute(hid_t object, const std::string& name,
                                  const std::vector<std::string>& values);
void write_uint_attribute(hid_t object, const std::string& name, std::uint64_t value, hid_t file_type);

/// Reads a string attribute holding one value, stored as variable- or fixed-length text.
/// @throws std::runtime_error when it is missing, not text or holds more or fewer than one value.
std::string read_string_attribute(hid_t file, const std::string& object_path, const std::string& name);
/// Reads a one-dimensional string attribute. @throws std::runtime_error as read_string_attribute().
std::vector<std::string> read_string_array_attribute(hid_t file, const std::string& object_path,
                                                     const std::string& name);
/// Reads an integer attribute holding one value. @throws std::runtime_error otherwise.
std::uint64_t read_uint_attribute(hid_t file, const std::string& object_path, const std::string& name);
/// Names of the links in a group, in name order.
std::vector<std::string> link_names(hid_t file, const std::string& group);

/// Whether the object at object_path exists and has the attribute.
bool has_attribute(hid_t file, const std::string& object_path, const std::string& name);

/// What is wrong with the links along the absolute path `object`: "" when each exists and is a
/// hard link, else "missing", "a soft or external link" or "<prefix> is a soft or external link";
/// a soft or external link could lead a reader into another object or another file.
std::string link_problem(hid_t file, const std::string& object);

}  // namespace salesim::sim::io::detail
