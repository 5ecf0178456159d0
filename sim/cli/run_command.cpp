// `salesim run`: load, simulate every replication in parallel, write HDF5, print the table.
#include "sim/cli/run_command.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "analysis/monte_carlo_stats.h"
#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "sim/cli/progress_bar.h"
#include "sim/cli/summary_table.h"
#include "sim/core/parallel.h"
#include "sim/io/input_error.h"
#include "sim/io/run_file_writer.h"
#include "sim/io/scenario_loader.h"
#include "sim/run/replication_runner.h"

namespace salesim::sim::cli {
namespace {

std::atomic<bool> stop_requested{false};

/// SIGINT and SIGTERM let running replications finish, then the command exits with 130.
void request_stop(int) { stop_requested.store(true); }

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

/// --reps and --seed become ordinary overrides, so the resolved scenario records them.
std::vector<io::Override> collect_overrides(const RunOptions& options) {
  std::vector<io::Override> overrides;
  for (const std::string& text : options.overrides) overrides.push_back(io::parse_override(text));
  if (options.replications) overrides.push_back({"run.replications", std::to_string(*options.replications)});
  if (options.seed) overrides.push_back({"run.seed", std::to_string(*options.seed)});
  return overrides;
}

}  // namespace

int run_command(const RunOptions& options) {
  io::LoadedScenario loaded;
  try {
    loaded = io::load_scenario(options.scenario_path, collect_overrides(options));
  } catch (const io::InputError& error) {
    for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
    return 2;
  }
  const models::Scenario& scenario = loaded.scenario;
  const std::filesystem::path output = options.output_path.empty()
                                           ? std::filesystem::path("out") / (scenario.name + ".h5")
                                           : std::filesystem::path(options.output_path);
  try {
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    const core::ThreadLimit thread_limit(options.threads);
    const core::MetricCatalog catalog = analysis::customer_metric_catalog(scenario.run.horizon_months);
    const std::uint32_t replications = scenario.run.replications;

    io::Provenance provenance;
    provenance.salesim_version = SALESIM_VERSION;
    provenance.git_commit = SALESIM_GIT_COMMIT;
    provenance.command = options.command_line;
    provenance.created_utc = utc_now();
    provenance.seed = scenario.run.seed;
    provenance.scenario_yaml = loaded.resolved_yaml;
    io::RunFileWriter writer(output, provenance, catalog, io::DesignTable{}, replications);

    // summaries[metric][replication], kept for the Monte Carlo statistics.
    std::vector<std::vector<double>> summaries(catalog.summary_names.size(),
                                               std::vector<double>(replications));
    const auto started = std::chrono::steady_clock::now();
    ProgressBar progress(replications);
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    run::run_replications(
        {scenario.run.seed, 1, replications, scenario.run.common_random_numbers, &stop_requested},
        [&](std::uint32_t, const core::RunAddress& address) {
          return analysis::customer_run_record(models::world::simulate_run(scenario, address));
        },
        [&](core::RunRecord&& record) {
          for (std::size_t m = 0; m < record.summary.size(); ++m) {
            summaries[m][record.replication] = record.summary[m];
          }
          writer.write_run(record);
          progress.advance();
        });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::vector<std::vector<analysis::SummaryStatistics>> stats_by_metric;
    std::vector<analysis::SummaryStatistics> statistics;
    for (const auto& values : summaries) {
      statistics.push_back(analysis::summarize_replications(values));
      stats_by_metric.push_back({statistics.back()});
    }
    writer.write_stats(stats_by_metric);
    writer.commit();

    if (!options.quiet) {
      const std::string title =
          fmt::format("{}: {} replications x {} months, seed {} ({:.2f} s)", scenario.name, replications,
                      scenario.run.horizon_months, scenario.run.seed, seconds);
      print_summary_table(std::cout, title, catalog.summary_names, statistics);
      std::cout << "written: " << output.string() << '\n';
    }
    return 0;
  } catch (const run::RunsInterrupted&) {
    std::cerr << "salesim run: interrupted; no file written at " << output.string() << '\n';
    return 130;
  } catch (const std::exception& error) {
    std::cerr << "salesim run: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace salesim::sim::cli
