// Parallel execution of independent runs.
#include "sim/run/replication_runner.h"

#include <mutex>

#include <tbb/parallel_for.h>

namespace salesim::sim::run {

core::RunAddress run_address(const ReplicationPlan& plan, std::uint32_t design_point,
                             std::uint32_t replication) noexcept {
  return {plan.seed, plan.common_random_numbers ? 0u : design_point, replication};
}

RunPosition position_of(const ReplicationPlan& plan, std::uint64_t index) noexcept {
  return {static_cast<std::uint32_t>(index % plan.design_points),
          static_cast<std::uint32_t>(index / plan.design_points)};
}

core::RunRecord simulate_run_at(const ReplicationPlan& plan, const SimulateRun& simulate,
                                std::uint64_t index) {
  const RunPosition at = position_of(plan, index);
  core::RunRecord record = simulate(at.design_point, run_address(plan, at.design_point, at.replication));
  record.design_point = at.design_point;
  record.replication = at.replication;
  return record;
}

void run_replications(const ReplicationPlan& plan, const SimulateRun& simulate, const RunSink& sink) {
  const std::uint64_t runs = std::uint64_t{plan.design_points} * plan.replications;
  std::mutex sink_mutex;
  std::atomic<bool> skipped{false};
  // Grain 1: one run is coarse work, and inner loops may nest their own parallelism.
  tbb::parallel_for(std::uint64_t{0}, runs, [&](std::uint64_t index) {
    if (plan.stop_requested != nullptr && plan.stop_requested->load(std::memory_order_relaxed)) {
      skipped.store(true, std::memory_order_relaxed);
      return;
    }
    const RunPosition at = position_of(plan, index);
    if (plan.include && !plan.include(at.design_point, at.replication)) return;
    core::RunRecord record = simulate_run_at(plan, simulate, index);
    const std::lock_guard lock(sink_mutex);
    sink(std::move(record));
  });
  if (skipped.load()) throw RunsInterrupted();
}

}  // namespace salesim::sim::run
