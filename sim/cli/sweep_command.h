// `salesim sweep`: a design of scenarios x replications into one HDF5 file; resume; shards.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/table_format.h"

namespace salesim::sim::cli {

struct SweepOptions {
  std::string sweep_path;
  std::size_t threads = 0;
  std::string output_path;           ///< empty: out/<sweep name>.h5 (or .shard-K-of-N.h5)
  bool resume = false;               ///< finish the partial file an interrupted sweep left
  bool force = false;                ///< start again over such a partial file instead of refusing
  std::optional<std::string> shard;  ///< "K/N": run only slice K (1-based) of N; "auto": Slurm's array task
  bool quiet = false;
  TableFormat format = TableFormat::table;
  std::vector<std::string> metrics;  ///< the table's metrics; empty: up to three headline metrics
  std::string command_line;
};

/// Runs the command; returns the process exit code (DESIGN §7).
int sweep_command(const SweepOptions& options);

}  // namespace salesim::sim::cli
