// A rank's threads, each running one assigned run at a time. The rank's main thread hands runs out
// and collects what they finish, so it alone calls MPI (MPI_THREAD_FUNNELED is enough).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "sim/core/run_record.h"
#include "sim/run/replication_runner.h"

namespace salesim::sim::run {

class RunSlots {
 public:
  /// Starts `slots` threads (at least one). A run's own parallel loops still use TBB's threads.
  RunSlots(std::uint32_t slots, const ReplicationPlan& plan, SimulateRun simulate);
  /// Lets the runs in progress finish, then joins the threads.
  ~RunSlots();
  RunSlots(const RunSlots&) = delete;
  RunSlots& operator=(const RunSlots&) = delete;

  [[nodiscard]] std::uint32_t slots() const noexcept { return static_cast<std::uint32_t>(threads_.size()); }
  /// Queues run `index` (see simulate_run_at) for the next free thread.
  void assign(std::uint64_t index);
  /// The records finished since the last call; waits up to `wait` when there are none yet.
  /// @throws whatever a run threw, once every thread stopped taking runs.
  [[nodiscard]] std::vector<core::RunRecord> take_finished(std::chrono::microseconds wait);

 private:
  void serve();

  const ReplicationPlan& plan_;
  SimulateRun simulate_;
  std::mutex mutex_;
  std::condition_variable assigned_ready_;
  std::condition_variable finished_ready_;
  std::deque<std::uint64_t> assigned_;
  std::vector<core::RunRecord> finished_;
  std::exception_ptr failure_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace salesim::sim::run
