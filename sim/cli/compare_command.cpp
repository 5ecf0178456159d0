// `salesim compare`: every scenario's runs with the same draws, paired differences vs the first.
#include "sim/cli/compare_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "analysis/paired_difference.h"
#include "sim/cli/compare_table.h"
#include "sim/cli/customer_runs.h"
#include "sim/cli/metric_choice.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/timeline_marks.h"
#include "sim/core/parallel.h"
#include "sim/io/input_error.h"
#include "sim/run/replication_runner.h"
#include "sim/run/run_identity.h"

namespace salesim::sim::cli {
namespace {

/// One --set: for every scenario, or for one (`N:key.path=value`, N 1-based).
struct AddressedOverride {
  std::optional<std::size_t> scenario;  ///< 0-based; empty: every scenario
  run::Override value;
};

/// Reads every --set; an index outside 1..scenarios is an error, never an override that goes nowhere.
/// @throws io::InputError (file "--set") naming the text and what is allowed.
std::vector<AddressedOverride> addressed_overrides(const CompareOptions& options) {
  const std::size_t count = options.scenario_paths.size();
  std::vector<AddressedOverride> overrides;
  for (const std::string& text : options.overrides) {
    const auto colon = text.find(':');
    const auto equals = text.find('=');
    const bool indexed = colon != std::string::npos && colon > 0 && colon < equals &&
                         std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon),
                                     [](char c) { return c >= '0' && c <= '9'; });
    if (!indexed) {
      overrides.push_back({std::nullopt, run::parse_override(text)});
      continue;
    }
    const std::string index_text = text.substr(0, colon);
    const std::optional<std::uint64_t> index = parse_whole_number(index_text);
    if (!index || *index < 1 || *index > count) {
      throw io::InputError(
          {{"--set", 0, 0, text, fmt::format("scenario index {} is not in 1..{}", index_text, count),
            fmt::format("N:key.path=value with N in 1..{}, or key.path=value for every scenario", count)}});
    }
    overrides.push_back({static_cast<std::size_t>(*index - 1), run::parse_override(text.substr(colon + 1))});
  }
  return overrides;
}

/// The --set overrides for scenario `index` (0-based), and with `command_line_run` --reps and --seed.
std::vector<run::Override> overrides_for(const CompareOptions& options,
                                         const std::vector<AddressedOverride>& addressed, std::size_t index,
                                         bool command_line_run) {
  std::vector<run::Override> overrides;
  for (const AddressedOverride& item : addressed) {
    if (!item.scenario || *item.scenario == index) overrides.push_back(item.value);
  }
  if (!command_line_run) return overrides;
  if (options.replications) overrides.push_back({"run.replications", std::to_string(*options.replications)});
  if (options.seed) overrides.push_back({"run.seed", std::to_string(*options.seed)});
  return overrides;
}

/// The scenario's name, and the --set overrides addressed to it alone ("baseline --set a=1").
std::string scenario_label(const std::string& name, const std::vector<AddressedOverride>& addressed,
                           std::size_t index) {
  std::string label = name;
  for (const AddressedOverride& item : addressed) {
    if (item.scenario == index) label += fmt::format(" --set {}={}", item.value.key_path, item.value.value);
  }
  return label;
}

}  // namespace

int compare_command(const CompareOptions& options) {
  std::vector<run::LoadedScenario> scenarios;
  std::vector<AddressedOverride> addressed;
  try {
    addressed = addressed_overrides(options);
    for (std::size_t i = 0; i < options.scenario_paths.size(); ++i) {
      // As in `salesim run`: the file's own run.replications and run.seed are checked, then replaced.
      if (options.replications || options.seed)
        static_cast<void>(
            run::load_scenario(options.scenario_paths[i], overrides_for(options, addressed, i, false)));
      scenarios.push_back(
          run::load_scenario(options.scenario_paths[i], overrides_for(options, addressed, i, true)));
    }
  } catch (const io::InputError& error) {
    for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
    return 2;
  }
  const models::RunParams& run = scenarios.front().scenario.run;
  for (const auto& loaded : scenarios) {
    if (loaded.scenario.run.horizon_months != run.horizon_months) {
      std::cerr << loaded.source_path << ": run.horizon_months: " << loaded.scenario.run.horizon_months
                << " differs from the baseline's " << run.horizon_months
                << " (allowed: one horizon for all)\n";
      return 2;
    }
  }
  std::string names;
  std::vector<std::string> identity_parts = {SALESIM_VERSION};
  std::string all_yaml;
  for (const auto& loaded : scenarios) {
    names += (names.empty() ? "" : "-vs-") + loaded.scenario.name;
    identity_parts.push_back(loaded.resolved_yaml);
    all_yaml += "---\n" + loaded.resolved_yaml;
  }
  const std::filesystem::path output = options.output_path.empty()
                                           ? std::filesystem::path("out") / ("compare-" + names + ".h5")
                                           : std::filesystem::path(options.output_path);
  try {
    const std::vector<std::filesystem::path> inputs(options.scenario_paths.begin(),
                                                    options.scenario_paths.end());
    check_output_path(options.output_path.empty() ? "output" : "-o", output, inputs);
    if (!options.output_path.empty()) check_hdf5_extension("-o", output);
    check_metric_choice(options.metrics, MetricSelection(run.horizon_months, {}, {}).kept().summary_names);
    std::uint64_t largest_world = 0, runs = 0;
    for (const auto& loaded : scenarios) {
      largest_world = std::max(largest_world, run::world_bytes(loaded.scenario));
      runs += loaded.scenario.run.replications;
    }
    check_threads_fit(options.threads, runs, largest_world);
  } catch (const OptionError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
  try {
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    const core::ThreadLimit thread_limit(options.threads);
    const MetricSelection metrics(run.horizon_months, {}, {});
    io::DesignTable design{{"scenario"}, {}, static_cast<std::uint32_t>(scenarios.size())};
    for (std::size_t i = 0; i < scenarios.size(); ++i) design.values.push_back(static_cast<double>(i));
    io::Provenance provenance =
        provenance_now(options.command_line, run.seed, all_yaml, run::content_identity(identity_parts));
    provenance.timeline = timeline_marks(scenarios);
    io::RunFileWriter writer(output, provenance, metrics.kept(), design, run.replications);
    install_stop_handlers(writer.temporary_path());
    simulate_customer_runs(scenarios, run.replications, run.seed, !options.independent, metrics, writer);
    const auto statistics = statistics_by_point(writer);
    writer.write_stats(statistics);

    const auto& metric_names = metrics.kept().summary_names;
    std::vector<std::vector<analysis::PairedComparison>> comparisons(metric_names.size());
    std::vector<std::vector<analysis::SummaryStatistics>> differences(metric_names.size());
    for (std::size_t m = 0; m < metric_names.size(); ++m) {
      const std::vector<double> values = writer.read_summary(metric_names[m]);
      const std::span<const double> all(values);
      for (std::size_t k = 1; k < scenarios.size(); ++k) {
        comparisons[m].push_back(analysis::compare_paired(
            all.subspan(0, run.replications), all.subspan(k * run.replications, run.replications)));
        differences[m].push_back(comparisons[m].back().paired);
      }
    }
    writer.write_comparison(differences);
    writer.commit();

    if (!options.quiet) {
      CompareTableInput table{
          fmt::format("{} replications x {} months, seed {}, {} random numbers", run.replications,
                      run.horizon_months, run.seed, options.independent ? "independent" : "common"),
          {},
          options.scenario_paths,
          metric_names,
          chosen_metric_rows(options.metrics, metric_names),
          statistics,
          comparisons};
      for (std::size_t i = 0; i < scenarios.size(); ++i)
        table.scenario_labels.push_back(scenario_label(scenarios[i].scenario.name, addressed, i));
      if (!is_machine_format(options.format)) print_timeline(std::cout, scenarios);
      print_compare_table(std::cout, options.format, table);
      (is_machine_format(options.format) ? std::cerr : std::cout) << "written: " << output.string() << '\n';
    }
    return 0;
  } catch (const run::RunsInterrupted&) {
    std::cerr << "salesim compare: interrupted; no file written at " << output.string() << '\n';
    return 130;
  } catch (const io::InputError& error) {
    for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "salesim compare: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace salesim::sim::cli
