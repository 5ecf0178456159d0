// `salesim sweep`: design points x replications, streamed to HDF5, resumable and shardable.
#include "sim/cli/sweep_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "analysis/metric_registry.h"
#include "sim/cli/customer_runs.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/sweep_report.h"
#include "sim/cli/timeline_marks.h"
#include "sim/core/parallel.h"
#include "sim/core/whole_number.h"
#include "sim/io/run_file_reader.h"
#include "sim/run/replication_runner.h"
#include "sim/run/run_identity.h"
#include "sim/run/sweep_scenarios.h"

namespace salesim::sim::cli {
namespace {

int report_input_error(const io::InputError& error) {
  for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
  return 2;
}

}  // namespace

int sweep_command(const SweepOptions& options) {
  core::Shard shard;
  if (options.shard) {
    const auto parsed = core::parse_shard(*options.shard);
    if (!parsed) {
      std::cerr << "--shard: '" << *options.shard
                << "' is not a slice K/N (allowed: K/N, whole numbers with 1 <= K <= N, e.g. 3/16)\n";
      return 2;
    }
    shard = *parsed;
  }
  io::SweepDefinition sweep;
  std::vector<run::DesignPoint> design;
  std::vector<run::LoadedScenario> scenarios;
  try {
    sweep = run::load_sweep(options.sweep_path,
                            {analysis::summary_metric_names(), analysis::timeseries_metric_names()});
    design = run::make_design(sweep.design, sweep.parameters, sweep.points, sweep.seed);
    scenarios = run::scenarios_of_design(sweep, design);
  } catch (const io::InputError& error) {
    return report_input_error(error);
  }
  const std::uint32_t horizon = scenarios.front().scenario.run.horizon_months;
  for (const auto& loaded : scenarios) {
    if (loaded.scenario.run.horizon_months != horizon) {
      std::cerr << options.sweep_path << ": parameters: run.horizon_months cannot vary within a sweep "
                << "(allowed: one horizon for every design point)\n";
      return 2;
    }
  }

  std::filesystem::path output = options.output_path;
  if (output.empty()) {
    output = std::filesystem::path("out") /
             (shard.count > 1 ? fmt::format("{}.shard-{}-of-{}.h5", sweep.name, shard.index, shard.count)
                              : sweep.name + ".h5");
  }
  const MetricSelection metrics(horizon, sweep.keep_summaries, sweep.keep_timeseries);
  std::vector<std::string> identity_parts = {SALESIM_VERSION, std::to_string(sweep.replications),
                                             std::to_string(sweep.seed),
                                             sweep.common_random_numbers ? "crn" : "independent"};
  for (const auto& loaded : scenarios) identity_parts.push_back(loaded.resolved_yaml);
  for (const auto& name : metrics.kept().summary_names) identity_parts.push_back(name);
  for (const auto& name : metrics.kept().timeseries_names) identity_parts.push_back(name);
  const std::string sweep_id = run::content_identity(identity_parts);

  io::DesignTable table;
  table.points = static_cast<std::uint32_t>(design.size());
  for (const auto& parameter : sweep.parameters) table.parameter_names.push_back(parameter.key_path);
  for (const auto& point : design)
    table.values.insert(table.values.end(), point.codes.begin(), point.codes.end());

  try {
    const std::filesystem::path inputs[] = {options.sweep_path, sweep.scenario_path};
    check_output_path(options.output_path.empty() ? "output" : "-o", output, inputs);
    std::uint64_t largest_world = 0;
    for (const auto& loaded : scenarios)
      largest_world = std::max(largest_world, run::world_bytes(loaded.scenario));
    check_threads_fit(options.threads, std::uint64_t{sweep.replications} * scenarios.size(), largest_world);
  } catch (const OptionError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
  try {
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    const core::ThreadLimit thread_limit(options.threads);
    std::optional<io::RunFileWriter> writer;
    if (options.resume && std::filesystem::exists(output.string() + ".tmp")) {
      // A temporary file that cannot be reopened (a kill in the middle of a flush can leave one) is
      // started again; one that reopens but belongs elsewhere or has another shape is refused, since
      // resuming into it would write runs into the wrong cells.
      try {
        writer.emplace(io::RunFileWriter::reopen(output));
      } catch (const std::exception& error) {
        std::cerr << "salesim sweep: " << error.what() << "; starting again\n";
      }
      if (writer && writer->string_attribute("sweep_id") != sweep_id) {
        std::cerr << output.string() << ".tmp: belongs to another sweep or salesim version (sweep_id "
                  << writer->string_attribute("sweep_id") << ", expected " << sweep_id << ")\n";
        return 2;
      }
      try {
        if (writer) writer->require_shape(metrics.kept(), table, sweep.replications);
      } catch (const io::RunFileFormatError& error) {
        std::cerr << error.what() << '\n';
        return 2;
      }
    } else if (options.resume && !options.quiet) {
      std::cerr << "salesim sweep: nothing to resume at " << output.string()
                << ".tmp; starting a new sweep\n";
    }
    if (!writer) {
      io::Provenance provenance =
          provenance_now(options.command_line, sweep.seed, scenarios.front().resolved_yaml, sweep_id);
      provenance.timeline = timeline_marks(scenarios);
      writer.emplace(output, provenance, metrics.kept(), table, sweep.replications);
      if (shard.count > 1) writer->set_shard(shard.index, shard.count);
    }
    const std::vector<std::uint8_t> done = writer->done_mask();
    const std::uint32_t replications = sweep.replications;
    install_stop_handlers();
    simulate_customer_runs(scenarios, replications, sweep.seed, sweep.common_random_numbers, metrics, *writer,
                           [&](std::uint32_t p, std::uint32_t r) {
                             const std::uint64_t index = std::uint64_t{p} * replications + r;
                             return done[index] == 0 && index % shard.count == shard.index - 1;
                           });
    SweepAnalysis analysis;
    if (shard.count == 1) analysis = write_sweep_analysis(*writer, table);
    writer->commit();
    if (!options.quiet) {
      if (shard.count == 1) {
        print_sweep_table(std::cout, sweep, design, metrics.kept().summary_names, analysis.statistics);
        if (design.size() > table.parameter_names.size() + 1) {
          std::cout << '\n';
          print_sensitivity_table(std::cout, table.parameter_names, metrics.kept().summary_names,
                                  analysis.sensitivities);
        }
      }
      std::cout << "written: " << output.string() << '\n';
    }
    return 0;
  } catch (const run::RunsInterrupted&) {
    std::cerr << "salesim sweep: interrupted; finished runs are in " << output.string()
              << ".tmp; continue with --resume\n";
    return 130;
  } catch (const std::exception& error) {
    std::cerr << "salesim sweep: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace salesim::sim::cli
