// Fuzz target: the bytes of a file handed to `salesim merge`, `report` or `sweep --resume`. Reading
// it either works or throws RunFileFormatError (or another std::exception the commands report);
// a crash, an over-read or a sanitizer report is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/io/run_file_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace salesim::sim;
  static const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                            ("salesim-run-file-fuzz-" + std::to_string(::getpid()) + ".h5");
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    const io::RunFileReader reader(file);
    const auto catalog = reader.metric_catalog();
    (void)reader.read_done_mask();
    (void)reader.read_run_ids();
    for (const auto& name : catalog.summary_names) (void)reader.read_doubles("/summary/" + name);
    for (const auto& name : catalog.timeseries_names) (void)reader.read_doubles("/timeseries/" + name);
    for (const auto& name : catalog.summary_names) (void)reader.read_stats(name);
  } catch (const std::exception&) {
  }
  return 0;
}
