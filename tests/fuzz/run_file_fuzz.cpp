// Fuzz target: the bytes of a file handed to `salesim merge`, `report` or `sweep --resume`. Reading
// it either works or throws RunFileFormatError (or another std::exception the commands report);
// a crash, an over-read or a sanitizer report is a bug.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/fuzz/read_run_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                            ("salesim-run-file-fuzz-" + std::to_string(::getpid()) + ".h5");
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  salesim::fuzz::read_every_part(file);
  return 0;
}
