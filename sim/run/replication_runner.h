// Runs every replication of every design point in parallel, knowing nothing of the model.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>

#include "sim/core/random_stream.h"
#include "sim/core/run_record.h"

namespace salesim::sim::run {

struct ReplicationPlan {
  std::uint64_t seed = 1;
  std::uint32_t design_points = 1;
  std::uint32_t replications = 1;
  /// With common random numbers every design point draws as design point 0 does, so
  /// replication r of two designs faces the same arrivals and shocks (DESIGN §4).
  bool common_random_numbers = true;
  /// When set (e.g. by a SIGINT handler), runs not yet started are skipped.
  const std::atomic<bool>* stop_requested = nullptr;
  /// When given, only runs for which it returns true are simulated (resume, shards).
  std::function<bool(std::uint32_t design_point, std::uint32_t replication)> include;
};

/// Thrown by run_replications when a stop was requested before every run finished.
class RunsInterrupted : public std::runtime_error {
 public:
  RunsInterrupted() : std::runtime_error("interrupted before every run finished") {}
};

/// Simulates one run at the given random-number address and returns its metrics.
using SimulateRun =
    std::function<core::RunRecord(std::uint32_t design_point, const core::RunAddress& address)>;
/// Receives each finished run; calls are serialized, in no particular order.
using RunSink = std::function<void(core::RunRecord&&)>;

/// The random-number address of a run: with common random numbers every design point draws as point 0.
[[nodiscard]] core::RunAddress run_address(const ReplicationPlan& plan, std::uint32_t design_point,
                                           std::uint32_t replication) noexcept;

/// A run's place in the design: which point, which replication.
struct RunPosition {
  std::uint32_t design_point = 0;
  std::uint32_t replication = 0;
};

/// @brief The run with execution index `index`: replication-major (every design point of
/// replication 0, then of replication 1, ...), so that under common random numbers the runs with one
/// random-number address follow each other, and what a model builds from that address alone (the
/// customer world's referral graph) can be shared while it is still wanted. Only the order of work
/// depends on it, never a run's draws or where its record is stored.
[[nodiscard]] RunPosition position_of(const ReplicationPlan& plan, std::uint64_t index) noexcept;

/// Simulates run `index` (its position_of) and labels its record.
[[nodiscard]] core::RunRecord simulate_run_at(const ReplicationPlan& plan, const SimulateRun& simulate,
                                              std::uint64_t index);

/**
 * @brief Runs design_points x replications runs with TBB and hands each record to `sink`.
 * Results depend only on (seed, design point, replication), never on threads or order.
 * An exception from `simulate` or `sink` stops the remaining runs and is rethrown.
 * @throws RunsInterrupted when plan.stop_requested was set and some runs were skipped.
 */
void run_replications(const ReplicationPlan& plan, const SimulateRun& simulate, const RunSink& sink);

}  // namespace salesim::sim::run
