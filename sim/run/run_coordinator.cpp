// Rank 0: a queue of runs handed to whichever slot of any rank is free, and every record written here.
#include <algorithm>
#include <chrono>
#include <cstring>

#include <mpi.h>

#include "sim/run/distributed_runs.h"
#include "sim/run/run_record_message.h"
#include "sim/run/run_slots.h"

namespace salesim::sim::run {
namespace {

struct RankState {
  bool ready = false;    ///< its slot count arrived
  bool stopped = false;  ///< told that no runs are left
  std::uint32_t free_slots = 0;
  std::uint32_t held = 0;
};

/// The runs `plan.include` accepts, in execution order (position_of).
std::vector<std::uint64_t> runs_to_do(const ReplicationPlan& plan) {
  std::vector<std::uint64_t> runs;
  const std::uint64_t total = std::uint64_t{plan.design_points} * plan.replications;
  for (std::uint64_t index = 0; index < total; ++index) {
    const RunPosition at = position_of(plan, index);
    if (!plan.include || plan.include(at.design_point, at.replication)) runs.push_back(index);
  }
  return runs;
}

}  // namespace

std::vector<RankCounters> coordinate_runs(const RankSession& session, const ReplicationPlan& plan,
                                          std::uint32_t slots, const SimulateRun& simulate,
                                          const RunSink& sink) {
  const std::vector<std::uint64_t> runs = runs_to_do(plan);
  std::size_t next = 0;
  const auto ranks = static_cast<std::size_t>(session.size());
  std::vector<RankState> state(ranks);
  std::vector<RankCounters> counters(ranks);
  RunSlots local(slots, plan, simulate);
  state[0] = {true, false, local.slots(), 0};
  counters[0].slots = local.slots();
  const auto finished = [&](std::size_t rank, core::RunRecord&& record) {
    sink(std::move(record));
    --state[rank].held;
    ++state[rank].free_slots;
    ++counters[rank].runs;
  };
  bool stopping = false;
  bool progress = true;
  auto last = std::chrono::steady_clock::now();
  for (;;) {
    stopping = stopping || (plan.stop_requested != nullptr && plan.stop_requested->load());
    // Slots left free since the last pass: free while runs remain is what balancing must avoid.
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - last).count();
    last = now;
    const bool runs_left = !stopping && next < runs.size();
    for (std::size_t rank = 0; rank < ranks; ++rank) {
      if (!state[rank].ready || state[rank].stopped) continue;
      counters[rank].idle_seconds += state[rank].free_slots * elapsed;
      if (runs_left) counters[rank].starved_seconds += state[rank].free_slots * elapsed;
    }

    const auto wait = std::chrono::microseconds(progress ? 0 : detail::poll_microseconds);
    progress = false;
    for (core::RunRecord& record : local.take_finished(wait)) {
      progress = true;
      finished(0, std::move(record));
    }
    int arrived = 0;
    MPI_Status status;
    while (MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status) == MPI_SUCCESS &&
           arrived) {
      progress = true;
      int bytes = 0;
      MPI_Get_count(&status, MPI_BYTE, &bytes);
      std::vector<unsigned char> message(static_cast<std::size_t>(bytes));
      MPI_Recv(message.data(), bytes, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
      const auto rank = static_cast<std::size_t>(status.MPI_SOURCE);
      if (status.MPI_TAG == detail::ready_tag && message.size() == sizeof(std::uint32_t)) {
        std::memcpy(&state[rank].free_slots, message.data(), sizeof(std::uint32_t));
        state[rank].ready = true;
        counters[rank].slots = state[rank].free_slots;
      } else if (status.MPI_TAG == detail::result_tag) {
        finished(rank, unpack_run_record(message));
      }
    }

    for (std::size_t rank = 0; rank < ranks; ++rank) {
      RankState& rank_state = state[rank];
      while (!stopping && rank_state.ready && rank_state.free_slots > 0 && next < runs.size()) {
        const std::uint64_t index = runs[next++];
        if (rank == 0) {
          local.assign(index);
        } else {
          MPI_Send(&index, 1, MPI_UINT64_T, static_cast<int>(rank), detail::work_tag, MPI_COMM_WORLD);
        }
        --rank_state.free_slots;
        ++rank_state.held;
        counters[rank].most_held = std::max(counters[rank].most_held, rank_state.held);
        progress = true;
      }
    }
    const bool no_more = stopping || next == runs.size();
    bool all_stopped = state[0].held == 0;
    for (std::size_t rank = 1; rank < ranks; ++rank) {
      RankState& rank_state = state[rank];
      if (no_more && rank_state.ready && !rank_state.stopped && rank_state.held == 0) {
        MPI_Send(nullptr, 0, MPI_BYTE, static_cast<int>(rank), detail::stop_tag, MPI_COMM_WORLD);
        rank_state.stopped = true;
      }
      all_stopped = all_stopped && rank_state.stopped;
    }
    if (no_more && all_stopped) break;
  }
  if (next < runs.size()) throw RunsInterrupted();
  return counters;
}

}  // namespace salesim::sim::run
