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

std::string read_string_attribute(hid_t file, const std::string& object_path, const std::string& name);
std::vector<std::string> read_string_array_attribute(hid_t file, const std::string& object_path,
                                                     const std::string& name);
/// Names of the links in a group, in name order.
std::vector<std::string> link_names(hid_t file, const std::string& group);

/// Whether the object at object_path exists and has the attribute.
bool has_attribute(hid_t file, const std::string& object_path, const std::string& name);

/// The metric catalog of a run file: /summary and /timeseries "names", the months of the time
/// series, and each dataset's "unit" and "meaning" attributes (left empty for a group where a
/// dataset lacks them, as in files written before units were recorded).
core::MetricCatalog read_metric_catalog(hid_t file);

}  // namespace salesim::sim::io::detail
