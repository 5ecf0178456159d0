// Parallel execution of independent runs.
#include "sim/run/replication_runner.h"

#include <mutex>

#include <tbb/parallel_for.h>

namespace salesim::sim::run {

core::RunAddress run_address(const ReplicationPlan& plan, std::uint32_t design_point,
                             std::uint32_t replication) noexcept {
  return {plan.seed, plan.common_random_numbers ? 0u : design_point, replication};
}

core::RunRecord simulate_run_at(const ReplicationPlan& plan, const SimulateRun& simulate,
                                std::uint64_t index) {
  const auto design_point = static_cast<std::uint32_t>(index / plan.replications);
  const auto replication = static_cast<std::uint32_t>(index % plan.replications);
  core::RunRecord record = simulate(design_point, run_address(plan, design_point, replication));
  record.design_point = design_point;
  record.replication = replication;
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
    const auto design_point = static_cast<std::uint32_t>(index / plan.replications);
    const auto replication = static_cast<std::uint32_t>(index % plan.replications);
    if (plan.include && !plan.include(design_point, replication)) return;
    core::RunRecord record = simulate_run_at(plan, simulate, index);
    const std::lock_guard lock(sink_mutex);
    sink(std::move(record));
  });
  if (skipped.load()) throw RunsInterrupted();
}

}  // namespace salesim::sim::run
