// Benchmark of the customer update: customer-steps per second per core, hot bytes per
// customer, peak RSS, and the update's memory traffic as a ratio of a STREAM-like triad
// measured in the same run. Usage: salesim_bench_customers [threads] [scenario.yaml]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "models/world/world.h"
#include "sim/core/parallel.h"
#include "sim/run/scenario_loader.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Best of several single-threaded triads a[i] = b[i] + s c[i], in bytes per second
/// (24 bytes per element, as STREAM counts them).
double triad_bytes_per_second() {
  constexpr std::size_t n = std::size_t{1} << 24;
  std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  double best = 0.0;
  for (int repeat = 0; repeat < 8; ++repeat) {
    const auto start = Clock::now();
    const double scale = 1.0 + repeat * 1e-9;
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] + scale * c[i];
    best = std::max(best, 24.0 * n / seconds_since(start));
  }
  if (a[n / 2] < 0) std::puts("");  // keeps the loop observable
  return best;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace salesim;
  const std::size_t threads = argc > 1 ? std::stoul(argv[1]) : 1;
  const std::string path = argc > 2 ? argv[2] : SALESIM_SOURCE_DIR "/scenarios/bench/million-customers.yaml";
  const auto loaded = sim::run::load_scenario(path);
  const models::Scenario& scenario = loaded.scenario;
  const sim::core::ThreadLimit limit(threads);

  const auto built = Clock::now();
  models::world::World world(scenario, {scenario.run.seed, 0, 0});
  const double build_seconds = seconds_since(built);

  std::uint64_t active_customer_steps = 0;
  const auto started = Clock::now();
  for (std::uint32_t month = 1; month <= scenario.run.horizon_months; ++month) {
    active_customer_steps += world.advance(month).active_at_start;
  }
  const double step_seconds = seconds_since(started);

  const double members = static_cast<double>(world.customers().size());
  const double member_steps = members * scenario.run.horizon_months;
  const double hot_bytes = models::customer::CustomerTable::hot_bytes_per_member;
  // Each member's hot state is read and written once a month.
  const double update_traffic = 2.0 * hot_bytes * member_steps / step_seconds;
  const double simulation_peak_rss = peak_rss_mib();  // before the triad's arrays
  const double triad = triad_bytes_per_second();

  std::printf("scenario                       %s\n", path.c_str());
  std::printf("threads                        %zu\n", threads);
  std::printf("market members                 %.0f\n", members);
  std::printf("months                         %u\n", scenario.run.horizon_months);
  std::printf("world set-up (graph, state)    %.3f s\n", build_seconds);
  std::printf("monthly steps                  %.3f s\n", step_seconds);
  std::printf("member-steps per second        %.3e (%.3e per thread)\n", member_steps / step_seconds,
              member_steps / step_seconds / static_cast<double>(threads));
  std::printf("active customer-steps / second %.3e\n",
              static_cast<double>(active_customer_steps) / step_seconds);
  std::printf("hot state per member           %.0f bytes\n", hot_bytes);
  std::printf("peak RSS (simulation)           %.1f MiB\n", simulation_peak_rss);
  std::printf("update memory traffic          %.2f GB/s\n", update_traffic / 1e9);
  std::printf("triad bandwidth (1 thread)     %.2f GB/s\n", triad / 1e9);
  std::printf("traffic / triad                %.3f\n", update_traffic / triad);
  return 0;
}
