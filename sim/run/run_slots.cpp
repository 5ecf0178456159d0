// Threads that take runs one at a time from the rank's main thread.
#include "sim/run/run_slots.h"

#include <algorithm>
#include <utility>

namespace salesim::sim::run {

RunSlots::RunSlots(std::uint32_t slots, const ReplicationPlan& plan, SimulateRun simulate)
    : plan_(plan), simulate_(std::move(simulate)) {
  for (std::uint32_t i = 0; i < std::max(1u, slots); ++i) threads_.emplace_back([this] { serve(); });
}

RunSlots::~RunSlots() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
    assigned_.clear();
  }
  assigned_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void RunSlots::assign(std::uint64_t index) {
  {
    const std::lock_guard lock(mutex_);
    assigned_.push_back(index);
  }
  assigned_ready_.notify_one();
}

std::vector<core::RunRecord> RunSlots::take_finished(std::chrono::microseconds wait) {
  std::unique_lock lock(mutex_);
  if (finished_.empty() && !failure_) finished_ready_.wait_for(lock, wait);
  if (failure_) std::rethrow_exception(failure_);
  return std::exchange(finished_, {});
}

void RunSlots::serve() {
  for (;;) {
    std::uint64_t index = 0;
    {
      std::unique_lock lock(mutex_);
      assigned_ready_.wait(lock, [&] { return closing_ || !assigned_.empty(); });
      if (closing_ || failure_) return;
      index = assigned_.front();
      assigned_.pop_front();
    }
    try {
      core::RunRecord record = simulate_run_at(plan_, simulate_, index);
      const std::lock_guard lock(mutex_);
      finished_.push_back(std::move(record));
    } catch (...) {
      const std::lock_guard lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
    finished_ready_.notify_one();
  }
}

}  // namespace salesim::sim::run
