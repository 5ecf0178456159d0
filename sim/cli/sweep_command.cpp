// `salesim sweep`: design points x replications, streamed to HDF5, resumable and shardable.
#include "sim/cli/sweep_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "analysis/metric_registry.h"
#include "sim/cli/metric_choice.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/shard_option.h"
#include "sim/cli/sweep_report.h"
#include "sim/cli/sweep_steps.h"
#include "sim/cli/timeline_marks.h"
#include "sim/core/parallel.h"
#include "sim/io/run_file_reader.h"
#include "sim/run/replication_runner.h"
#include "sim/run/run_identity.h"
#include "sim/run/sweep_scenarios.h"
#ifdef SALESIM_MPI
#include "sim/run/rank_session.h"
#endif

namespace salesim::sim::cli {
namespace {

int report_input_error(const io::InputError& error) {
  for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
  return 2;
}

/// Whether `output` is a complete file of this sweep, so that --resume has nothing left to do.
bool complete_file_of(const std::filesystem::path& output, const std::string& sweep_id) {
  if (!std::filesystem::is_regular_file(output)) return false;
  try {
    const io::RunFileReader reader(output);
    return reader.layout().status == "complete" && reader.layout().sweep_id == sweep_id;
  } catch (const io::RunFileFormatError&) {
    return false;  // not a run file: a new sweep replaces it, as without --resume
  }
}

/// Reopens `<output>.tmp` for --resume. Returns 0, or 2 when it belongs to another sweep or shape.
int reopen_partial(const PreparedSweep& prepared, std::optional<io::RunFileWriter>& writer) {
  // A temporary file that cannot be reopened (a kill in the middle of a flush can leave one) is
  // started again; one that reopens but belongs elsewhere or has another shape is refused, since
  // resuming into it would write runs into the wrong cells.
  try {
    writer.emplace(io::RunFileWriter::reopen(prepared.output));
  } catch (const std::exception& error) {
    std::cerr << "salesim sweep: " << error.what() << "; starting again\n";
    return 0;
  }
  if (writer->string_attribute("sweep_id") != prepared.sweep_id) {
    std::cerr << prepared.output.string() << ".tmp: belongs to another sweep or salesim version (sweep_id "
              << writer->string_attribute("sweep_id") << ", expected " << prepared.sweep_id << ")\n";
    writer.reset();
    return 2;
  }
  try {
    writer->require_shape(prepared.metrics->kept(), prepared.table, prepared.sweep.replications);
  } catch (const io::RunFileFormatError& error) {
    std::cerr << error.what() << '\n';
    writer.reset();
    return 2;
  }
  return 0;
}

}  // namespace

int prepare_sweep(const SweepOptions& options, PreparedSweep& prepared) {
  try {
    if (options.shard) prepared.shard = shard_of_option(*options.shard, process_environment);
  } catch (const OptionError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
  const core::Shard& shard = prepared.shard;
  io::SweepDefinition& sweep = prepared.sweep;
  try {
    sweep = run::load_sweep(options.sweep_path,
                            {analysis::summary_metric_names(), analysis::timeseries_metric_names()});
    prepared.design = run::make_design(sweep.design, sweep.parameters, sweep.points, sweep.seed);
    prepared.scenarios = run::scenarios_of_design(sweep, prepared.design);
  } catch (const io::InputError& error) {
    return report_input_error(error);
  }
  const std::uint32_t horizon = prepared.scenarios.front().scenario.run.horizon_months;
  for (const auto& loaded : prepared.scenarios) {
    if (loaded.scenario.run.horizon_months != horizon) {
      std::cerr << options.sweep_path << ": parameters: run.horizon_months cannot vary within a sweep "
                << "(allowed: one horizon for every design point)\n";
      return 2;
    }
  }

  prepared.output = options.output_path;
  if (prepared.output.empty()) {
    prepared.output =
        std::filesystem::path("out") /
        (shard.count > 1 ? fmt::format("{}.shard-{}-of-{}.h5", sweep.name, shard.index, shard.count)
                         : sweep.name + ".h5");
  }
  prepared.metrics.emplace(horizon, sweep.keep_summaries, sweep.keep_timeseries);
  const core::MetricCatalog& kept = prepared.metrics->kept();
  std::vector<std::string> identity_parts = {SALESIM_VERSION, std::to_string(sweep.replications),
                                             std::to_string(sweep.seed),
                                             sweep.common_random_numbers ? "crn" : "independent"};
  for (const auto& loaded : prepared.scenarios) identity_parts.push_back(loaded.resolved_yaml);
  for (const auto& name : kept.summary_names) identity_parts.push_back(name);
  for (const auto& name : kept.timeseries_names) identity_parts.push_back(name);
  prepared.sweep_id = run::content_identity(identity_parts);

  io::DesignTable& table = prepared.table;
  table.points = static_cast<std::uint32_t>(prepared.design.size());
  for (const auto& parameter : sweep.parameters) table.parameter_names.push_back(parameter.key_path);
  for (const auto& point : prepared.design)
    table.values.insert(table.values.end(), point.codes.begin(), point.codes.end());
  return 0;
}

int open_sweep_output(const SweepOptions& options, const PreparedSweep& prepared,
                      std::optional<io::RunFileWriter>& writer, OutputState& state) {
  const std::filesystem::path& output = prepared.output;
  const std::string temporary = output.string() + ".tmp";
  try {
    const std::filesystem::path inputs[] = {options.sweep_path, prepared.sweep.scenario_path};
    check_output_path(options.output_path.empty() ? "output" : "-o", output, inputs);
    if (!options.output_path.empty()) check_hdf5_extension("-o", output);
    check_metric_choice(options.metrics, prepared.metrics->kept().summary_names);
    std::uint64_t largest_world = 0;
    for (const auto& loaded : prepared.scenarios)
      largest_world = std::max(largest_world, run::world_bytes(loaded.scenario));
    check_threads_fit(options.threads, std::uint64_t{prepared.sweep.replications} * prepared.scenarios.size(),
                      largest_world);
  } catch (const OptionError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
  state = OutputState::ready;
  const bool partial_there = std::filesystem::exists(temporary);
  if (partial_there && !options.resume && !options.force) {
    std::cerr << temporary << ": the partial file of an interrupted sweep is there (allowed: --resume to "
              << "finish it, or --force to discard it and start again)\n";
    return 2;
  }
  try {
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    if (options.resume && partial_there) {
      if (const int code = reopen_partial(prepared, writer); code != 0) return code;
    } else if (options.resume && complete_file_of(output, prepared.sweep_id)) {
      std::cout << "salesim sweep: " << output.string() << " is already complete; nothing to resume\n";
      state = OutputState::complete;
      return 0;
    } else if (options.resume && !options.quiet) {
      std::cerr << "salesim sweep: nothing to resume at " << temporary << "; starting a new sweep\n";
    }
    if (!writer) {
      io::Provenance provenance = provenance_now(options.command_line, prepared.sweep.seed,
                                                 prepared.scenarios.front().resolved_yaml, prepared.sweep_id);
      provenance.timeline = timeline_marks(prepared.scenarios);
      provenance.sweep_name = prepared.sweep.name;
      writer.emplace(output, provenance, prepared.metrics->kept(), prepared.table,
                     prepared.sweep.replications);
      if (prepared.shard.count > 1) writer->set_shard(prepared.shard.index, prepared.shard.count);
    }
  } catch (const std::exception& error) {
    std::cerr << "salesim sweep: " << error.what() << '\n';
    return 1;
  }
  return 0;
}

std::function<bool(std::uint32_t, std::uint32_t)> runs_still_to_do(const PreparedSweep& prepared,
                                                                   const io::RunFileWriter& writer) {
  const std::uint32_t replications = prepared.sweep.replications;
  const core::Shard shard = prepared.shard;
  return [done = writer.done_mask(), replications, shard](std::uint32_t p, std::uint32_t r) {
    const std::uint64_t index = std::uint64_t{p} * replications + r;
    return done[index] == 0 && index % shard.count == shard.index - 1;
  };
}

int finish_sweep(const SweepOptions& options, const PreparedSweep& prepared, io::RunFileWriter& writer) {
  const bool whole = prepared.shard.count == 1;
  SweepAnalysis analysis;
  if (whole) analysis = write_sweep_analysis(writer, prepared.table);
  writer.commit();
  if (!options.quiet) {
    const auto& summary_names = prepared.metrics->kept().summary_names;
    if (whole) {
      print_sweep_table(std::cout, options.format, prepared.sweep, prepared.design, summary_names,
                        options.metrics.empty() ? headline_metrics(summary_names)
                                                : chosen_metric_rows(options.metrics, summary_names),
                        analysis.statistics);
      if (!is_machine_format(options.format) &&
          prepared.design.size() > prepared.table.parameter_names.size() + 1) {
        std::cout << '\n';
        print_sensitivity_table(std::cout, prepared.table.parameter_names, summary_names,
                                analysis.sensitivities);
      }
    }
    (is_machine_format(options.format) ? std::cerr : std::cout)
        << "written: " << prepared.output.string() << '\n';
  }
  return 0;
}

int report_interrupted(const PreparedSweep& prepared) {
  std::cerr << "salesim sweep: interrupted; finished runs are in " << prepared.output.string()
            << ".tmp; continue with --resume\n";
  return 130;
}

int sweep_command(const SweepOptions& options) {
#ifdef SALESIM_MPI
  if (run::RankSession::launched_by_mpi()) return sweep_on_ranks(options);
#endif
  PreparedSweep prepared;
  if (const int code = prepare_sweep(options, prepared); code != 0) return code;
  std::optional<io::RunFileWriter> writer;
  OutputState state = OutputState::ready;
  if (const int code = open_sweep_output(options, prepared, writer, state); code != 0) return code;
  if (state == OutputState::complete) return 0;
  try {
    const core::ThreadLimit thread_limit(options.threads);
    install_stop_handlers();
    simulate_customer_runs(prepared.scenarios, prepared.sweep.replications, prepared.sweep.seed,
                           prepared.sweep.common_random_numbers, *prepared.metrics, *writer,
                           runs_still_to_do(prepared, *writer));
    return finish_sweep(options, prepared, *writer);
  } catch (const run::RunsInterrupted&) {
    return report_interrupted(prepared);
  } catch (const std::exception& error) {
    std::cerr << "salesim sweep: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace salesim::sim::cli
