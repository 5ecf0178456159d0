// Runs handed out across MPI ranks: rank 0 coordinates and receives every record, the other ranks
// ask for runs as their threads free up (dynamic balancing: runs differ in length).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/run/rank_session.h"
#include "sim/run/replication_runner.h"

namespace salesim::sim::run {

/// What one rank did, as rank 0 saw it (from its first request until it was told to stop).
struct RankCounters {
  std::uint32_t slots = 0;      ///< threads running runs
  std::uint64_t runs = 0;       ///< runs it finished
  std::uint32_t most_held = 0;  ///< most runs it held at once; never more than `slots`
  double idle_seconds = 0;      ///< slot-seconds with no run, whatever the reason
  double starved_seconds = 0;   ///< slot-seconds with no run while runs were still unassigned
};

/**
 * @brief Rank 0: hands each run of `plan` (those `plan.include` accepts) to the next free slot of any
 * rank, its own `slots` threads included, and passes every finished record to `sink` on this thread.
 * A rank holds at most one run per slot, so no rank waits while another holds work it has not begun.
 * Records are the same as run_replications gives; only their order differs.
 * @return the counters of every rank, indexed by rank.
 * @throws RunsInterrupted when plan.stop_requested was set: the runs in flight are finished and sunk.
 */
std::vector<RankCounters> coordinate_runs(const RankSession& session, const ReplicationPlan& plan,
                                          std::uint32_t slots, const SimulateRun& simulate,
                                          const RunSink& sink);

/// Every other rank: runs what rank 0 hands out on `slots` threads and sends back each record,
/// until rank 0 says stop (it does so only when this rank holds no run).
void serve_runs(const ReplicationPlan& plan, std::uint32_t slots, const SimulateRun& simulate);

namespace detail {
/// Message tags between ranks.
inline constexpr int ready_tag = 1;   ///< worker -> 0: uint32 slot count, sent once
inline constexpr int work_tag = 2;    ///< 0 -> worker: uint64 run index
inline constexpr int result_tag = 3;  ///< worker -> 0: a packed RunRecord (run_record_message.h)
inline constexpr int stop_tag = 4;    ///< 0 -> worker: empty; no more runs
/// How long a rank's main thread sleeps when nothing arrived: blocking MPI calls would spin a core.
inline constexpr int poll_microseconds = 200;
}  // namespace detail

}  // namespace salesim::sim::run
