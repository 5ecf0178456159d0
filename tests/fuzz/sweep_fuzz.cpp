// Fuzz target: a sweep file over the shipped minimal scenario. It loads or throws InputError, nothing else.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "analysis/metric_registry.h"
#include "sim/io/input_error.h"
#include "sim/run/sweep_scenarios.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace salesim;
  // Relative scenario paths in the input resolve against this folder, which holds the minimal scenario.
  static const std::filesystem::path folder = [] {
    const auto dir =
        std::filesystem::temp_directory_path() / ("salesim-sweep-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(std::filesystem::path(SALESIM_SOURCE_DIR) / "tests/io/data/valid_minimal.yaml",
                               dir / "base.yaml", std::filesystem::copy_options::overwrite_existing);
    return dir;
  }();
  const auto file = folder / "sweep.yaml";
  std::ofstream(file, std::ios::binary)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    (void)sim::run::load_sweep(file, {analysis::summary_metric_names(), analysis::timeseries_metric_names()});
  } catch (const sim::io::InputError&) {
  }
  return 0;
}
