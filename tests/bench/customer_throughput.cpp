// Benchmark of the customer update, in one run: active customer-steps and member-steps per second
// on the CPU's best SIMD target and on Highway's scalar emulation (the reference path), the
// speed-up from 1 to 2 (and all) threads, the update's memory traffic against a STREAM-like triad,
// and the numpy reference model of the same arithmetic (tests/bench/numpy_customer_reference.py).
// Usage: salesim_bench_customers [scenario.yaml]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "models/customer/referral_graph_cache.h"
#include "models/world/world.h"
#include "sim/core/parallel.h"
#include "sim/core/random_blocks.h"
#include "sim/io/input_error.h"
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

struct Measured {
  std::string label;
  std::size_t threads = 1;
  double build_seconds = 0.0;
  double step_seconds = 0.0;
  double member_steps = 0.0;
  double active_steps = 0.0;
  double revenue = 0.0;  ///< the same in every configuration: they differ in speed only
  [[nodiscard]] double active_per_second() const { return active_steps / step_seconds; }
};

Measured simulate(const salesim::models::Scenario& scenario, std::size_t threads, const std::string& target) {
  using namespace salesim;
  sim::core::use_simd_target(target);
  const sim::core::ThreadLimit limit(threads);
  Measured measured{target.empty() ? sim::core::simd_target() : target, threads};
  // Every configuration builds its world as a fresh run does, the referral graph included: another
  // run of this process at the same address would find it in the cache.
  models::customer::shared_referral_graphs().clear();
  const auto built = Clock::now();
  models::world::World world(scenario, {scenario.run.seed, 0, 0});
  measured.build_seconds = seconds_since(built);
  const auto started = Clock::now();
  for (std::uint32_t month = 1; month <= scenario.run.horizon_months; ++month) {
    const auto observed = world.advance(month);
    measured.active_steps += static_cast<double>(observed.active_at_start);
    measured.revenue += observed.revenue;
  }
  measured.step_seconds = seconds_since(started);
  measured.member_steps = static_cast<double>(world.customers().size()) * scenario.run.horizon_months;
  sim::core::use_simd_target("");
  return measured;
}

/// Active customer-steps per second of the numpy reference model (0 when it cannot run).
double numpy_reference(double customers, std::uint32_t months) {
  const std::string command = std::string(SALESIM_PYTHON " ") + SALESIM_SOURCE_DIR +
                              "/tests/bench/numpy_customer_reference.py " +
                              std::to_string(static_cast<long>(customers)) + " " + std::to_string(months);
  const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  double steps = 0.0, seconds = 0.0;
  if (!pipe || std::fscanf(pipe.get(), "%lf %lf", &steps, &seconds) != 2 || seconds <= 0.0) return 0.0;
  return steps / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace salesim;
  if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
    std::fprintf(stderr, "usage: salesim_bench_customers [scenario.yaml]  (default: million-customers)\n");
    return 2;
  }
  const std::string path = argc > 1 ? argv[1] : SALESIM_SOURCE_DIR "/scenarios/bench/million-customers.yaml";
  std::optional<sim::run::LoadedScenario> loaded;
  try {
    loaded = sim::run::load_scenario(path);
  } catch (const sim::io::InputError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
  const models::Scenario& scenario = loaded->scenario;
  const std::vector<std::string> targets = sim::core::simd_targets();
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());

  std::vector<Measured> runs;
  runs.push_back(simulate(scenario, 1, targets.front()));
  runs.push_back(simulate(scenario, 1, targets.back()));  // the reference path: no SIMD
  if (cores >= 2) runs.push_back(simulate(scenario, 2, targets.front()));
  if (cores > 2) runs.push_back(simulate(scenario, cores, targets.front()));
  const double simulation_peak_rss = peak_rss_mib();  // before the triad's arrays
  const double triad = triad_bytes_per_second();
  std::uint64_t initial_customers = 0;
  for (const auto& segment : scenario.segments) initial_customers += segment.initial_customers;
  const double numpy = numpy_reference(static_cast<double>(initial_customers), scenario.run.horizon_months);

  const Measured& best = runs.front();
  const double hot_bytes = models::customer::CustomerTable::hot_bytes_per_member;
  // Each member's hot state is read and written once a month.
  const double update_traffic = 2.0 * hot_bytes * best.member_steps / best.step_seconds;
  std::printf("scenario                        %s\n", path.c_str());
  std::printf("market members, months          %.0f, %u\n", best.member_steps / scenario.run.horizon_months,
              scenario.run.horizon_months);
  std::printf("SIMD targets here               ");
  for (const auto& target : targets) std::printf("%s ", target.c_str());
  std::printf("\n\n%-10s %7s %12s %14s %16s %10s\n", "target", "threads", "set-up (s)", "steps (s)",
              "active/s/core", "member/s");
  for (const Measured& run : runs) {
    std::printf("%-10s %7zu %12.3f %14.3f %16.3e %10.3e\n", run.label.c_str(), run.threads, run.build_seconds,
                run.step_seconds, run.active_per_second() / static_cast<double>(run.threads),
                run.member_steps / run.step_seconds);
  }
  bool same = true;
  for (const Measured& run : runs) same = same && run.revenue == best.revenue;
  std::printf("\nsame revenue in every configuration     %s\n", same ? "yes" : "NO");
  std::printf("best target / reference path (1 thread) %.2f\n",
              best.active_per_second() / runs[1].active_per_second());
  if (runs.size() > 2)
    std::printf("2 threads / 1 thread                    %.2f\n", best.step_seconds / runs[2].step_seconds);
  if (runs.size() > 3) {
    std::printf("%zu threads / 1 thread                   %.2f\n", cores,
                best.step_seconds / runs[3].step_seconds);
  }
  std::printf("hot state per member                    %.0f bytes\n", hot_bytes);
  std::printf("peak RSS (simulation)                   %.1f MiB\n", simulation_peak_rss);
  std::printf("update traffic / triad (1 thread)       %.3f (%.2f of %.2f GB/s)\n", update_traffic / triad,
              update_traffic / 1e9, triad / 1e9);
  if (numpy > 0.0) {
    std::printf("numpy reference, active/s               %.3e\n", numpy);
    std::printf("salesim / numpy (1 thread)              %.2f\n", best.active_per_second() / numpy);
  } else {
    std::printf("numpy reference                         not run (no %s with numpy)\n", SALESIM_PYTHON);
  }
  return same ? 0 : 1;
}
