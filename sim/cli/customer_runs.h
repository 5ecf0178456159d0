// Runs of the customer world streamed into a run file: shared by run, sweep and compare.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "analysis/sensitivity.h"
#include "sim/core/run_record.h"
#include "sim/io/run_file_writer.h"
#include "sim/run/replication_runner.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::cli {

/// Which of the full customer catalog's metrics a file keeps.
class MetricSelection {
 public:
  /// Empty lists keep everything.
  MetricSelection(std::uint32_t horizon_months, const std::vector<std::string>& summaries,
                  const std::vector<std::string>& timeseries);
  [[nodiscard]] const core::MetricCatalog& kept() const noexcept { return kept_; }
  /// The record with only the kept metrics.
  [[nodiscard]] core::RunRecord select(const core::RunRecord& full) const;

 private:
  core::MetricCatalog kept_;
  std::vector<std::size_t> summary_indices_;
  std::vector<std::size_t> timeseries_indices_;
};

/// Set by SIGINT or SIGTERM once install_stop_handlers() ran; runs in flight finish. A second signal
/// ends the process at once, by the signal's default action, after removing `discard_on_forced_stop`
/// (the .tmp of a run or compare; empty for a sweep, whose .tmp --resume finishes).
const std::atomic<bool>& stop_requested();
void install_stop_handlers(const std::filesystem::path& discard_on_forced_stop = {});

/// One customer-world run of `scenarios[design_point]` at a random-number address, with its content id.
[[nodiscard]] run::SimulateRun customer_run_simulation(const std::vector<run::LoadedScenario>& scenarios,
                                                       std::uint64_t seed);

/**
 * @brief Simulates replications 0..R-1 of every design point (one scenario each) for which
 * `include` is true (all when empty), writing each run to `writer` with its content id.
 * @throws run::RunsInterrupted when stopped by a signal.
 */
void simulate_customer_runs(const std::vector<run::LoadedScenario>& scenarios, std::uint32_t replications,
                            std::uint64_t seed, bool common_random_numbers, const MetricSelection& metrics,
                            io::RunFileWriter& writer,
                            const std::function<bool(std::uint32_t, std::uint32_t)>& include = {});

/// Monte Carlo statistics of every summary in the file, [metric][design point].
[[nodiscard]] std::vector<std::vector<analysis::SummaryStatistics>> statistics_by_point(
    const io::RunFileWriter& writer);

/// What a finished sweep file holds beyond its runs.
struct SweepAnalysis {
  std::vector<std::vector<analysis::SummaryStatistics>> statistics;  ///< [metric][design point]
  std::vector<analysis::Sensitivity> sensitivities;                  ///< [metric]
};

/// Computes the Monte Carlo statistics of each design point and the standardized regression
/// of every summary on the design parameters (over all runs), and writes both to the file.
SweepAnalysis write_sweep_analysis(io::RunFileWriter& writer, const io::DesignTable& design);

/// Provenance of a file this build writes now.
[[nodiscard]] io::Provenance provenance_now(const std::string& command_line, std::uint64_t seed,
                                            const std::string& scenario_yaml, const std::string& sweep_id);

}  // namespace salesim::sim::cli
