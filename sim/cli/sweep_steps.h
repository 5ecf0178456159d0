// The steps of `salesim sweep` that one process and MPI ranks share: load and check, open the
// output, and finish the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/customer_runs.h"
#include "sim/cli/sweep_command.h"
#include "sim/core/whole_number.h"
#include "sim/io/run_file_writer.h"
#include "sim/io/sweep_loader.h"
#include "sim/run/experiment_design.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::cli {

/// A sweep file loaded and checked, with everything its runs and its file need.
struct PreparedSweep {
  core::Shard shard;
  io::SweepDefinition sweep;
  std::vector<run::DesignPoint> design;
  std::vector<run::LoadedScenario> scenarios;
  std::filesystem::path output;
  std::optional<MetricSelection> metrics;
  std::string sweep_id;
  io::DesignTable table;
};

/// Reads the options, the sweep file and its scenarios. Prints each problem on one line.
/// @return the exit code: 0 when the sweep is ready to run, 2 for bad input.
int prepare_sweep(const SweepOptions& options, PreparedSweep& prepared);

/// What open_sweep_output found.
enum class OutputState {
  ready,     ///< `writer` is open for the runs still to do
  complete,  ///< --resume of a file already complete: nothing to do (exit 0)
};

/**
 * @brief Checks the output path and thread count, then opens the file the runs go into: a new one,
 * or with --resume the partial `<output>.tmp` of the same sweep. A `.tmp` that is there without
 * --resume is refused unless --force. Prints each problem on one line.
 * @return 0 with `state` set, or the exit code (2 bad input, 1 a file that cannot be created).
 */
int open_sweep_output(const SweepOptions& options, const PreparedSweep& prepared,
                      std::optional<io::RunFileWriter>& writer, OutputState& state);

/// Which runs are still to do: not done in the file, and in this process's shard.
[[nodiscard]] std::function<bool(std::uint32_t, std::uint32_t)> runs_still_to_do(
    const PreparedSweep& prepared, const io::RunFileWriter& writer);

/// After the runs: statistics and sensitivity (a whole sweep), commit, the tables. Returns the exit code.
int finish_sweep(const SweepOptions& options, const PreparedSweep& prepared, io::RunFileWriter& writer);

/// The line and exit code 130 of a sweep stopped by a signal.
int report_interrupted(const PreparedSweep& prepared);

#ifdef SALESIM_MPI
/// `mpirun -np N salesim sweep`: the same file, rank 0 writing it (sweep_on_ranks.cpp).
int sweep_on_ranks(const SweepOptions& options);
#endif

}  // namespace salesim::sim::cli
