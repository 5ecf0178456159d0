// `salesim compare`: scenarios side by side under common random numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/table_format.h"

namespace salesim::sim::cli {

struct CompareOptions {
  std::vector<std::string> scenario_paths;  ///< the first is the baseline
  std::optional<std::uint32_t> replications;
  std::optional<std::uint64_t> seed;
  std::size_t threads = 0;
  /// "key=value" for every scenario, or "N:key=value" for scenario N (1-based) only.
  std::vector<std::string> overrides;
  std::string output_path;   ///< empty: out/compare-<names>.h5
  bool independent = false;  ///< turn common random numbers off
  bool quiet = false;
  TableFormat format = TableFormat::table;
  std::vector<std::string> metrics;  ///< the table's rows; empty: every metric with values
  std::string command_line;
};

int compare_command(const CompareOptions& options);

}  // namespace salesim::sim::cli
