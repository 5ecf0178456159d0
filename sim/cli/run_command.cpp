// `salesim run`: load, simulate every replication in parallel, write HDF5, print the table.
#include "sim/cli/run_command.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "models/world/segment_constants.h"
#include "sim/cli/customer_runs.h"
#include "sim/cli/metric_choice.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/summary_table.h"
#include "sim/cli/timeline_marks.h"
#include "sim/cli/transaction_export.h"
#include "sim/core/parallel.h"
#include "sim/io/input_error.h"
#include "sim/io/run_file_writer.h"
#include "sim/run/replication_runner.h"
#include "sim/run/run_identity.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::cli {
namespace {

/// The --set overrides, and with `command_line_run` also --reps and --seed as ordinary overrides,
/// so the resolved scenario records them.
std::vector<run::Override> collect_overrides(const RunOptions& options, bool command_line_run) {
  std::vector<run::Override> overrides;
  for (const std::string& text : options.overrides) overrides.push_back(run::parse_override(text));
  if (!command_line_run) return overrides;
  if (options.replications) overrides.push_back({"run.replications", std::to_string(*options.replications)});
  if (options.seed) overrides.push_back({"run.seed", std::to_string(*options.seed)});
  return overrides;
}

/// The table in the chosen format; the timeline and the measured-vs-true table only for people.
void print_run_results(const RunOptions& options, const models::Scenario& scenario, double seconds,
                       const core::MetricCatalog& kept,
                       const std::vector<std::vector<analysis::SummaryStatistics>>& statistics,
                       const std::vector<run::LoadedScenario>& scenarios,
                       const std::vector<analysis::MeasurementBias>& bias) {
  std::vector<analysis::SummaryStatistics> first_point;
  for (const auto& by_point : statistics) first_point.push_back(by_point.front());
  const auto rows = chosen_metric_rows(options.metrics, kept.summary_names);
  if (is_machine_format(options.format)) {
    write_summary_rows(std::cout, tidy_format(options.format), scenario.name, kept.summary_names, rows,
                       first_point);
    return;
  }
  const bool markdown = options.format == TableFormat::markdown;
  const std::string title =
      fmt::format("{}: {} replications x {} months, seed {} ({:.2f} s)", scenario.name,
                  scenario.run.replications, scenario.run.horizon_months, scenario.run.seed, seconds);
  print_summary_table(std::cout, markdown, title, kept.summary_names, rows, first_point);
  std::ostringstream more;
  print_timeline(more, scenarios);
  if (options.metrics.empty()) print_bias_table(more, bias);
  if (markdown && !more.str().empty())
    std::cout << "\n```\n" << more.str() << "```\n";  // fixed-width text stays aligned in Markdown
  else
    std::cout << more.str();
}

}  // namespace

int run_command(const RunOptions& options) {
  std::vector<run::LoadedScenario> scenarios;
  try {
    // --reps and --seed replace the file's run.replications and run.seed, which must still be valid
    // values of their own: a file with `replications: 0` is refused with or without --reps.
    if (options.replications || options.seed)
      static_cast<void>(run::load_scenario(options.scenario_path, collect_overrides(options, false)));
    scenarios.push_back(run::load_scenario(options.scenario_path, collect_overrides(options, true)));
  } catch (const io::InputError& error) {
    for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
    return 2;
  }
  const models::Scenario& scenario = scenarios.front().scenario;
  const std::filesystem::path output = options.output_path.empty()
                                           ? std::filesystem::path("out") / (scenario.name + ".h5")
                                           : std::filesystem::path(options.output_path);
  std::int64_t start_day = 0;
  const MetricSelection metrics(scenario.run.horizon_months, {}, {});
  try {
    const std::filesystem::path inputs[] = {options.scenario_path};
    check_output_path(options.output_path.empty() ? "output" : "-o", output, inputs);
    if (!options.output_path.empty()) check_hdf5_extension("-o", output);
    check_metric_choice(options.metrics, metrics.kept().summary_names);
    check_threads_fit(options.threads, scenario.run.replications, run::world_bytes(scenario));
    if (!options.transactions_path.empty()) {
      const std::filesystem::path not_over[] = {options.scenario_path, output};
      check_output_path("--transactions", options.transactions_path, not_over);
      if (options.transaction_runs > scenario.run.replications) {
        throw OptionError(
            fmt::format("--transaction-runs: {} runs but the scenario has {} replications "
                        "(allowed: 1 to {})",
                        options.transaction_runs, scenario.run.replications, scenario.run.replications));
      }
      const auto day = day_of_iso_date(options.start_date);
      if (!day) {
        throw OptionError("--start-date: '" + options.start_date +
                          "' is not a calendar date (allowed: YYYY-MM-DD, e.g. 2026-01-01)");
      }
      // The log's last day must still be written YYYY-MM-DD, as calibrate reads it back.
      const auto last_day =
          *day +
          static_cast<std::int64_t>(std::ceil(scenario.run.horizon_months * models::world::days_per_month));
      if (last_day > *day_of_iso_date("9999-12-31")) {
        throw OptionError(
            fmt::format("--start-date: '{}' with {} months runs past 9999-12-31 (allowed: a "
                        "start date whose horizon ends by 9999-12-31)",
                        options.start_date, scenario.run.horizon_months));
      }
      start_day = *day;
    }
  } catch (const OptionError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
  try {
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    const core::ThreadLimit thread_limit(options.threads);
    const std::string identity = run::content_identity({SALESIM_VERSION, scenarios.front().resolved_yaml});
    io::Provenance provenance =
        provenance_now(options.command_line, scenario.run.seed, scenarios.front().resolved_yaml, identity);
    provenance.timeline = timeline_marks(scenarios);
    io::RunFileWriter writer(output, provenance, metrics.kept(), io::DesignTable{},
                             scenario.run.replications);

    install_stop_handlers(writer.temporary_path());
    const auto started = std::chrono::steady_clock::now();
    simulate_customer_runs(scenarios, scenario.run.replications, scenario.run.seed,
                           scenario.run.common_random_numbers, metrics, writer);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const auto statistics = statistics_by_point(writer);
    writer.write_stats(statistics);
    const auto bias =
        analysis::measurement_bias([&](const std::string& metric) { return writer.read_summary(metric); });
    writer.commit();
    if (!options.transactions_path.empty()) {
      export_transactions(scenario, options.transaction_runs, start_day, options.transactions_path);
    }

    if (!options.quiet)
      print_run_results(options, scenario, seconds, metrics.kept(), statistics, scenarios, bias);
    if (!options.quiet) {
      std::ostream& notes = is_machine_format(options.format) ? std::cerr : std::cout;
      notes << "written: " << output.string() << '\n';
      if (!options.transactions_path.empty()) notes << "written: " << options.transactions_path << '\n';
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
