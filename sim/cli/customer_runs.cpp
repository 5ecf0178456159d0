// Streaming customer-world runs into run files.
#include "sim/cli/customer_runs.h"
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "sim/cli/progress_bar.h"
#include "sim/run/replication_runner.h"
#include "sim/run/run_identity.h"

namespace salesim::sim::cli {
namespace {

std::atomic<bool> stop_flag{false};

/// The temporary output a forced stop removes ('\0': none), copied out before any signal can come:
/// the handler may only read it.
std::array<char, 4096> discarded_on_forced_stop{};

/// The first signal lets the runs in flight finish, so their records are kept; a second one does not
/// wait (a run can take minutes): it removes the temporary output of a run or compare, which could not
/// be finished, and the signal's default action ends the process at once. A sweep's .tmp stays for
/// --resume. Only async-signal-safe calls here: a lock-free exchange, write, unlink, signal and raise.
void request_stop(int signal_number) {
  if (stop_flag.exchange(true)) {
    if (discarded_on_forced_stop[0] != '\0') static_cast<void>(::unlink(discarded_on_forced_stop.data()));
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
    return;
  }
  constexpr char notice[] = "salesim: stopping after the runs in flight; signal again to stop at once\n";
  static_cast<void>(::write(STDERR_FILENO, notice, sizeof notice - 1));
}

std::vector<std::size_t> indices_of(const std::vector<std::string>& all,
                                    const std::vector<std::string>& wanted) {
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), all[i]) != wanted.end())
      indices.push_back(i);
  }
  return indices;
}

}  // namespace

MetricSelection::MetricSelection(std::uint32_t horizon_months, const std::vector<std::string>& summaries,
                                 const std::vector<std::string>& timeseries) {
  const core::MetricCatalog full = analysis::customer_metric_catalog(horizon_months);
  summary_indices_ = indices_of(full.summary_names, summaries);
  timeseries_indices_ = indices_of(full.timeseries_names, timeseries);
  kept_.steps = full.steps;
  for (std::size_t i : summary_indices_) {
    kept_.summary_names.push_back(full.summary_names[i]);
    kept_.summary_units.push_back(full.summary_units[i]);
    kept_.summary_meanings.push_back(full.summary_meanings[i]);
  }
  for (std::size_t i : timeseries_indices_) {
    kept_.timeseries_names.push_back(full.timeseries_names[i]);
    kept_.timeseries_units.push_back(full.timeseries_units[i]);
    kept_.timeseries_meanings.push_back(full.timeseries_meanings[i]);
  }
}

core::RunRecord MetricSelection::select(const core::RunRecord& full) const {
  core::RunRecord kept;
  kept.design_point = full.design_point;
  kept.replication = full.replication;
  kept.run_id = full.run_id;
  for (std::size_t i : summary_indices_) kept.summary.push_back(full.summary[i]);
  for (std::size_t i : timeseries_indices_) {
    const auto begin = full.timeseries.begin() + static_cast<std::ptrdiff_t>(i * kept_.steps);
    kept.timeseries.insert(kept.timeseries.end(), begin, begin + static_cast<std::ptrdiff_t>(kept_.steps));
  }
  return kept;
}

const std::atomic<bool>& stop_requested() { return stop_flag; }

void install_stop_handlers(const std::filesystem::path& discard_on_forced_stop) {
  const std::string path = discard_on_forced_stop.string();
  // A path too long to hold is left behind, as a killed process would leave it.
  if (path.size() < discarded_on_forced_stop.size())
    std::memcpy(discarded_on_forced_stop.data(), path.c_str(), path.size() + 1);
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
}

run::SimulateRun customer_run_simulation(const std::vector<run::LoadedScenario>& scenarios,
                                         std::uint64_t seed) {
  return [&scenarios, seed](std::uint32_t design_point, const core::RunAddress& address) {
    const run::LoadedScenario& loaded = scenarios[design_point];
    core::RunRecord record = analysis::customer_run_record(
        models::world::simulate_run(loaded.scenario, address), loaded.scenario.scorecard);
    record.run_id = run::run_identity(loaded.resolved_yaml, seed, design_point, address.replication);
    return record;
  };
}

void simulate_customer_runs(const std::vector<run::LoadedScenario>& scenarios, std::uint32_t replications,
                            std::uint64_t seed, bool common_random_numbers, const MetricSelection& metrics,
                            io::RunFileWriter& writer,
                            const std::function<bool(std::uint32_t, std::uint32_t)>& include) {
  std::uint64_t planned = 0;
  for (std::uint32_t p = 0; p < scenarios.size(); ++p) {
    for (std::uint32_t r = 0; r < replications; ++r) planned += !include || include(p, r) ? 1 : 0;
  }
  ProgressBar progress(planned);
  run::ReplicationPlan plan;
  plan.seed = seed;
  plan.design_points = static_cast<std::uint32_t>(scenarios.size());
  plan.replications = replications;
  plan.common_random_numbers = common_random_numbers;
  plan.stop_requested = &stop_flag;
  plan.include = include;
  run::run_replications(plan, customer_run_simulation(scenarios, seed), [&](core::RunRecord&& record) {
    writer.write_run(metrics.select(record));
    progress.advance();
  });
}

std::vector<std::vector<analysis::SummaryStatistics>> statistics_by_point(const io::RunFileWriter& writer) {
  std::vector<std::vector<analysis::SummaryStatistics>> statistics;
  const std::uint32_t replications = writer.replications();
  for (const std::string& metric : writer.catalog().summary_names) {
    const std::vector<double> values = writer.read_summary(metric);
    std::vector<analysis::SummaryStatistics> by_point;
    for (std::uint32_t p = 0; p < writer.points(); ++p) {
      by_point.push_back(analysis::summarize_replications(
          std::span<const double>(values).subspan(std::size_t{p} * replications, replications)));
    }
    statistics.push_back(std::move(by_point));
  }
  return statistics;
}

SweepAnalysis write_sweep_analysis(io::RunFileWriter& writer, const io::DesignTable& design) {
  SweepAnalysis analysis{statistics_by_point(writer), {}};
  writer.write_stats(analysis.statistics);
  const std::size_t parameters = design.parameter_names.size();
  const std::uint32_t replications = writer.replications();
  // One row per run: its design point's parameter values.
  std::vector<double> inputs;
  for (std::uint32_t p = 0; p < writer.points(); ++p) {
    for (std::uint32_t r = 0; r < replications; ++r) {
      const auto row = design.values.begin() + static_cast<std::ptrdiff_t>(p * parameters);
      inputs.insert(inputs.end(), row, row + static_cast<std::ptrdiff_t>(parameters));
    }
  }
  std::vector<std::vector<double>> coefficients;
  std::vector<double> r_squared;
  for (const std::string& metric : writer.catalog().summary_names) {
    analysis.sensitivities.push_back(
        analysis::standardized_regression(inputs, parameters, writer.read_summary(metric)));
    coefficients.push_back(analysis.sensitivities.back().standardized_coefficients);
    r_squared.push_back(analysis.sensitivities.back().r_squared);
  }
  writer.write_sensitivity(writer.catalog().summary_names, design.parameter_names, coefficients, r_squared);
  return analysis;
}

io::Provenance provenance_now(const std::string& command_line, std::uint64_t seed,
                              const std::string& scenario_yaml, const std::string& sweep_id) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char created[32];
  std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {SALESIM_VERSION, SALESIM_GIT_COMMIT, command_line, created, seed, scenario_yaml, sweep_id, {}, {}};
}

}  // namespace salesim::sim::cli
