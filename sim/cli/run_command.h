// `salesim run`: replications of one scenario, a table on the terminal, an HDF5 file on disk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/table_format.h"

namespace salesim::sim::cli {

struct RunOptions {
  std::string scenario_path;
  std::optional<std::uint32_t> replications;
  std::optional<std::uint64_t> seed;
  std::size_t threads = 0;                  ///< 0: all cores
  std::vector<std::string> overrides;       ///< "key.path=value"
  std::string output_path;                  ///< empty: out/<scenario name>.h5
  bool quiet = false;                       ///< no table
  TableFormat format = TableFormat::table;  ///< how the table is printed
  std::vector<std::string> metrics;         ///< the table's rows; empty: every metric with values
  std::string transactions_path;            ///< non-empty: write the purchases of the first runs here (CSV)
  std::uint32_t transaction_runs = 1;       ///< how many runs --transactions writes
  std::string start_date = "2026-01-01";    ///< the first day of month 1 in the transaction log
  std::string command_line;
};

/// Runs the command; returns the process exit code (DESIGN §7).
int run_command(const RunOptions& options);

}  // namespace salesim::sim::cli
