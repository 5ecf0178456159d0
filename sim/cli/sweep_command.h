// `salesim sweep`: a design of scenarios x replications into one HDF5 file; resume; shards.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace salesim::sim::cli {

struct SweepOptions {
  std::string sweep_path;
  std::size_t threads = 0;
  std::string output_path;           ///< empty: out/<sweep name>.h5 (or .shard-K-of-N.h5)
  bool resume = false;               ///< finish the partial file an interrupted sweep left
  bool force = false;                ///< start again over such a partial file instead of refusing
  std::optional<std::string> shard;  ///< "K/N": run only slice K (1-based) of N; "auto": Slurm's array task
  bool quiet = false;
  std::string command_line;
};

/// Runs the command; returns the process exit code (DESIGN §7).
int sweep_command(const SweepOptions& options);

}  // namespace salesim::sim::cli
