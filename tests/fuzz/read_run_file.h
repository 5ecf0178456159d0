// What merge, report and --resume read from a run file, for the run-file fuzz targets.
#pragma once

#include <exception>
#include <filesystem>

#include "sim/io/run_file_reader.h"

namespace salesim::fuzz {

/// Opens `file` and reads every part of it; a bad file throws, which is the allowed outcome.
inline void read_every_part(const std::filesystem::path& file) {
  try {
    const sim::io::RunFileReader reader(file);
    const auto catalog = reader.metric_catalog();
    (void)reader.read_done_mask();
    (void)reader.read_run_ids();
    for (const auto& name : catalog.summary_names) (void)reader.read_doubles("/summary/" + name);
    for (const auto& name : catalog.timeseries_names) (void)reader.read_doubles("/timeseries/" + name);
    for (const auto& name : catalog.summary_names) (void)reader.read_stats(name);
  } catch (const std::exception&) {
  }
}

}  // namespace salesim::fuzz
