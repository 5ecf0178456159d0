// The `salesim` command: its subcommands (DESIGN §1), exit codes of DESIGN §7.
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "sim/cli/calibrate_command.h"
#include "sim/cli/compare_command.h"
#include "sim/cli/export_command.h"
#include "sim/cli/memory_reuse.h"
#include "sim/cli/merge_command.h"
#include "sim/cli/metrics_command.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/report_command.h"
#include "sim/cli/run_command.h"
#include "sim/cli/schema_command.h"
#include "sim/cli/simd_target_choice.h"
#include "sim/cli/sweep_command.h"
#include "sim/cli/table_format.h"
#include "sim/cli/validate_command.h"

namespace {

using salesim::sim::cli::max_replications;
using salesim::sim::cli::max_seed;
using salesim::sim::cli::max_threads;

std::string joined_command_line(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) line += ' ';
    line += argv[i];
  }
  return line;
}

/// A check that the value is a decimal whole number in [min, max], digits only, so that "-1" never
/// wraps to 2^64 - 1 and "1e3" or "2.5" are not cut short; `allowed` says what is.
CLI::Validator whole_number_in(std::uint64_t min, std::uint64_t max, std::string allowed) {
  return CLI::Validator(
      [=](std::string& text) {
        const std::string problem = salesim::sim::cli::whole_number_problem(text, min, max);
        return problem.empty() ? problem : problem + " (allowed: " + allowed + ")";
      },
      fmt::format("{}..{}", min, max));
}

/// An empty value would silently mean "the default".
CLI::Validator non_empty(std::string allowed) {
  return CLI::Validator(
      [=](std::string& text) { return text.empty() ? "the value is empty (allowed: " + allowed + ")" : ""; },
      "");
}

const std::string threads_allowed = fmt::format("0 for all cores, or 1..{}", max_threads);
const std::string reps_allowed = fmt::format("1..{}", max_replications);
const std::string seed_allowed = fmt::format("0..{}", max_seed);

/// --format and --metrics of run, compare and sweep: how the table is printed and which rows it has.
void add_table_options(CLI::App* command, salesim::sim::cli::TableFormat& format,
                       std::vector<std::string>& metrics) {
  using salesim::sim::cli::parse_table_format;
  using salesim::sim::cli::table_format_names;
  command
      ->add_option_function<std::string>(
          "--format", [&format](const std::string& name) { format = *parse_table_format(name); },
          "Table format: table, csv, json or markdown (csv and json go to stdout for pandas)")
      ->default_str("table")
      ->check(CLI::Validator(
          [](std::string& name) {
            return parse_table_format(name)
                       ? std::string()
                       : fmt::format("'{}' is not a table format (allowed: {})", name, table_format_names);
          },
          "FORMAT"));
  command
      ->add_option(
          "--metrics", metrics,
          "Rows of the table, comma-separated (default: every metric with values; sweep: three headline "
          "metrics)")
      ->delimiter(',');
}

std::string subcommand_names(CLI::App& app) {
  std::string names;
  for (const CLI::App* subcommand : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (!names.empty()) names += ", ";
    names += subcommand->get_name();
  }
  return names;
}

/// The words before the subcommand may only be --help and --version, and the first other word must
/// name a subcommand; CLI11 would report an unknown one as a missing subcommand. Returns the line
/// to print, or nothing when the words are right.
std::optional<std::string> top_level_problem(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "-h" || word == "--help" || word == "--version") continue;
    if (word.starts_with('-')) {
      return fmt::format("salesim: unknown option '{}' (allowed: --help, --version, or a subcommand: {})",
                         word, subcommand_names(app));
    }
    for (const CLI::App* subcommand : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (subcommand->check_name(word)) return std::nullopt;
    }
    return fmt::format("salesim: unknown subcommand '{}' (allowed: {})", word, subcommand_names(app));
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  using salesim::sim::cli::RunOptions;
  salesim::sim::cli::keep_freed_memory_for_next_runs();
  CLI::App app{"salesim: agent-based simulation of sales forces, customers and B2B partnerships"};
  app.set_version_flag("--version",
                       std::string("salesim ") + SALESIM_VERSION + " (git " + SALESIM_GIT_COMMIT + ")");
  app.require_subcommand(1);
  app.option_defaults()->always_capture_default();  // --help shows every default
  app.footer(
      "Example: salesim run scenarios/classroom/baseline.yaml\nEach subcommand's --help shows its "
      "options, their defaults and an example.");

  RunOptions run;
  run.command_line = joined_command_line(argc, argv);
  CLI::App* run_app = app.add_subcommand("run", "Run a scenario's replications; print a table, write HDF5");
  run_app->add_option("scenario", run.scenario_path, "Scenario YAML file")->required();
  run_app->add_option("--reps", run.replications, "Replications (overrides run.replications)")
      ->check(whole_number_in(1, max_replications, reps_allowed));
  run_app->add_option("--seed", run.seed, "Master seed (overrides run.seed)")
      ->check(whole_number_in(0, max_seed, seed_allowed));
  run_app->add_option("--threads", run.threads, "Worker threads (default: all cores)")
      ->check(whole_number_in(0, max_threads, threads_allowed));
  run_app->add_option("--set", run.overrides, "Override a value: key.path=value (repeatable)");
  run_app->add_option("-o,--output", run.output_path, "Output HDF5 file (default out/<name>.h5)")
      ->check(non_empty("a file path"));
  run_app->add_flag("-q,--quiet", run.quiet, "Print no table");
  run_app
      ->add_option("--transactions", run.transactions_path,
                   "Also write the purchases of the first runs as a CSV transaction log")
      ->check(non_empty("a file path"));
  run_app->add_option("--transaction-runs", run.transaction_runs, "Runs --transactions writes (default 1)")
      ->check(whole_number_in(1, max_replications, reps_allowed));
  run_app->add_option("--start-date", run.start_date,
                      "First day of month 1 in the transaction log, YYYY-MM-DD (default 2026-01-01)");
  add_table_options(run_app, run.format, run.metrics);
  run_app->footer(
      "Example: salesim run scenarios/classroom/baseline.yaml --reps 50 --metrics revenue,profit,churn_rate");

  salesim::sim::cli::CalibrateOptions calibrate;
  calibrate.command_line = run.command_line;
  CLI::App* calibrate_app = app.add_subcommand(
      "calibrate", "Fit BG/NBD or Pareto/NBD and Gamma-Gamma to a transaction log or customer summary");
  calibrate_app
      ->add_option("log", calibrate.input_path,
                   "Transaction log (customer id, date, amount[, quantity]) or summary (x, t_x, T[, zbar])")
      ->required();
  calibrate_app->add_option("--model", calibrate.model, "bg_nbd (default) or pareto_nbd");
  calibrate_app->add_option("--calibration-end", calibrate.calibration_end,
                            "Last day of calibration, YYYY-MM-DD (default: the log's last day)");
  calibrate_app->add_option("--holdout-end", calibrate.holdout_end,
                            "Last day of the holdout, YYYY-MM-DD (default: the log's last day)");
  calibrate_app->add_option("--customer-column", calibrate.customer_column,
                            "Customer id column: name or number");
  calibrate_app->add_option("--date-column", calibrate.date_column, "Date column: name or number");
  calibrate_app->add_option("--amount-column", calibrate.amount_column, "Amount column: name or number");
  calibrate_app->add_option("--quantity-column", calibrate.quantity_column,
                            "Quantity column: name or number");
  calibrate_app->add_option("--date-format", calibrate.date_format,
                            "Date format, e.g. %Y%m%d or %d/%m/%Y (default: YYYYMMDD or YYYY-MM-DD)");
  calibrate_app->add_option("--duplicates", calibrate.duplicates,
                            "Rows equal to the customer's previous row: refuse (default), keep or drop");
  calibrate_app->add_option("--time-unit-days", calibrate.time_unit_days,
                            "Days per time unit (default 7: weeks)");
  calibrate_app->add_option("--margin", calibrate.gross_margin, "Gross margin share (default 0.3)");
  calibrate_app->add_option("--discount-rate", calibrate.discount_rate_per_year,
                            "Annual discount rate of residual value (default 0.10)");
  calibrate_app->add_option("--clv-months", calibrate.clv_months,
                            "Residual value horizon in months (default 36)");
  calibrate_app->add_option("--predict", calibrate.predict_units,
                            "Horizon of expected transactions, in time units (default 52)");
  calibrate_app->add_option("--name", calibrate.name, "Names the outputs (default: the log's file stem)");
  calibrate_app->add_option("-o,--output-dir", calibrate.output_dir, "Folder of the outputs (default out)")
      ->check(non_empty("a folder path"));
  calibrate_app->add_flag("--new-cohort", calibrate.new_cohort,
                          "The scenario starts the fitted customers as a new cohort at month 0 (default: "
                          "each from its history at the calibration end, alive with its P(alive))");
  calibrate_app->add_flag("-q,--quiet", calibrate.quiet, "Print no fit");
  calibrate_app->footer(
      "Example: salesim calibrate tests/data/cdnow/CDNOW_master.txt --calibration-end 1997-09-30");

  std::string validate_path;
  std::vector<std::string> validate_overrides;
  CLI::App* validate_app = app.add_subcommand("validate", "Check a scenario and report every problem");
  validate_app->add_option("scenario", validate_path, "Scenario YAML file")->required();
  validate_app->add_option("--set", validate_overrides, "Override a value: key.path=value");
  validate_app->footer("Example: salesim validate scenarios/classroom/baseline.yaml --set service.level=0.4");

  salesim::sim::cli::CompareOptions compare;
  compare.command_line = run.command_line;
  CLI::App* compare_app = app.add_subcommand(
      "compare", "Run scenarios with common random numbers; paired differences vs the first");
  compare_app
      ->add_option("scenarios", compare.scenario_paths, "Scenario YAML files (the first is the baseline)")
      ->required()
      ->expected(2, -1);
  compare_app->add_option("--reps", compare.replications, "Replications for every scenario")
      ->check(whole_number_in(1, max_replications, reps_allowed));
  compare_app->add_option("--seed", compare.seed, "Master seed for every scenario")
      ->check(whole_number_in(0, max_seed, seed_allowed));
  compare_app->add_option("--threads", compare.threads, "Worker threads (default: all cores)")
      ->check(whole_number_in(0, max_threads, threads_allowed));
  compare_app->add_option("--set", compare.overrides,
                          "key.path=value for all, or N:key.path=value for scenario N");
  compare_app->add_option("-o,--output", compare.output_path, "Output HDF5 file")
      ->check(non_empty("a file path"));
  compare_app->add_flag("--independent", compare.independent,
                        "Independent random numbers instead of common ones");
  compare_app->add_flag("-q,--quiet", compare.quiet, "Print no table");
  add_table_options(compare_app, compare.format, compare.metrics);
  compare_app->footer(
      "Example: salesim compare scenarios/classroom/baseline.yaml scenarios/classroom/baseline.yaml "
      "--set 2:service.level=0.4 --format markdown");

  salesim::sim::cli::SweepOptions sweep;
  sweep.command_line = run.command_line;
  CLI::App* sweep_app =
      app.add_subcommand("sweep", "Run a sweep file: design points x replications into one HDF5 file");
  sweep_app->add_option("sweep", sweep.sweep_path, "Sweep YAML file")->required();
  sweep_app->add_option("--threads", sweep.threads, "Worker threads (default: all cores)")
      ->check(whole_number_in(0, max_threads, threads_allowed));
  sweep_app->add_option("-o,--output", sweep.output_path, "Output HDF5 file (default out/<name>.h5)")
      ->check(non_empty("a file path"));
  sweep_app->add_flag("--resume", sweep.resume, "Finish what an interrupted sweep left in <output>.tmp");
  sweep_app->add_flag("--force", sweep.force, "Start again over an interrupted sweep's <output>.tmp")
      ->excludes("--resume");
  sweep_app->add_option("--shard", sweep.shard,
                        "Run only slice K of N (K/N, K from 1), or auto: the task of a Slurm job array");
  sweep_app->add_flag("-q,--quiet", sweep.quiet, "Print no table");
  add_table_options(sweep_app, sweep.format, sweep.metrics);
  sweep_app->footer(
      "Example: salesim sweep configs/sweeps/commission-rate.yaml --metrics profit_after_pay,churn_rate");

  std::vector<std::string> merge_inputs;
  std::string merge_output;
  CLI::App* merge_app = app.add_subcommand("merge", "Merge the shard files of one sweep");
  merge_app
      ->add_option("shards", merge_inputs,
                   "Shard HDF5 files, every one of the sweep (e.g. out/big.shard-*.h5)")
      ->required()
      ->check(CLI::ExistingFile);
  merge_app->add_option("-o,--output", merge_output, "Merged HDF5 file")->required();
  merge_app->footer("Example: salesim merge out/big.shard-*-of-16.h5 -o out/big.h5");

  salesim::sim::cli::ReportOptions report;
  CLI::App* report_app = app.add_subcommand(
      "report",
      "Write a self-contained HTML report of a run file (tables, time-series charts) or of a calibration "
      "file (tracking plot, fitted parameters, customers by P(alive))");
  report_app
      ->add_option("file", report.input_path,
                   "HDF5 file from run, compare, sweep or merge, or the -calibration.h5 of calibrate")
      ->required();
  report_app
      ->add_option("-o,--output", report.output_path, "Output HTML file (default: the input with .html)")
      ->check(non_empty("a file path"));
  report_app->footer("Example: salesim report out/baseline.h5 -o out/baseline.html");

  salesim::sim::cli::ExportOptions export_options;
  CLI::App* export_app = app.add_subcommand(
      "export", "Write a run file's summaries and time series as tidy CSV or JSON tables (Excel, pandas)");
  export_app->add_option("file", export_options.input_path, "HDF5 file from run, compare, sweep or merge")
      ->required();
  export_app
      ->add_option("--format", export_options.format,
                   "csv, excel-csv (UTF-8 with a byte order mark, as Excel wants it) or json (default: "
                   "from the extension of -o, else csv)")
      ->check(CLI::IsMember({"csv", "excel-csv", "json"}));
  export_app
      ->add_option("-o,--output", export_options.output_path,
                   "Summary table; the time series go to <stem>_timeseries beside it (default: the input "
                   "with .csv or .json)")
      ->check(non_empty("a file path"));
  export_app->footer(
      "Example: salesim export out/baseline.h5 -o out/baseline.csv   # and out/baseline_timeseries.csv");

  bool metrics_markdown = false;
  CLI::App* metrics_app = app.add_subcommand(
      "metrics", "List every metric a run file records: name, unit, part of the world, meaning");
  metrics_app->add_flag("--markdown", metrics_markdown, "Print a Markdown table (as in configs/metrics.md)");
  metrics_app->footer("Example: salesim metrics --markdown > configs/metrics.md");

  bool schema_json = false;
  bool schema_markdown = false;
  CLI::App* schema_app = app.add_subcommand(
      "schema",
      "Print the scenario reference (--markdown, the default) or a JSON Schema (--json) for editors");
  schema_app->add_flag("--markdown", schema_markdown,
                       "Print the reference as Markdown (configs/scenario-schema.md)");
  schema_app->add_flag("--json", schema_json, "Print a JSON Schema (draft 2020-12) of the scenario file")
      ->excludes("--markdown");
  schema_app->footer("Example: salesim schema --json > scenario.schema.json");

  // Every usage error is one line; --help lists the options.
  app.failure_message(
      [](const CLI::App*, const CLI::Error& error) { return std::string(error.what()) + '\n'; });
  if (const auto problem = top_level_problem(app, argc, argv)) {
    std::cerr << *problem << '\n';
    return 2;
  }
  if (const std::string problem = salesim::sim::cli::apply_simd_target_from_environment(); !problem.empty()) {
    std::cerr << problem << '\n';
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (app.get_subcommands().empty() && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
      std::cerr << "salesim: a subcommand is required (allowed: " << subcommand_names(app) << ")\n";
      return 2;
    }
    // Help and version exit 0; usage errors are bad input (exit 2).
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  if (*run_app) return salesim::sim::cli::run_command(run);
  if (*calibrate_app) return salesim::sim::cli::calibrate_command(calibrate);
  if (*validate_app) return salesim::sim::cli::validate_command(validate_path, validate_overrides);
  if (*compare_app) return salesim::sim::cli::compare_command(compare);
  if (*sweep_app) return salesim::sim::cli::sweep_command(sweep);
  if (*merge_app) return salesim::sim::cli::merge_command(merge_inputs, merge_output, run.command_line);
  if (*report_app) return salesim::sim::cli::report_command(report);
  if (*export_app) return salesim::sim::cli::export_command(export_options);
  if (*metrics_app) return salesim::sim::cli::metrics_command(metrics_markdown);
  if (*schema_app) {
    return salesim::sim::cli::schema_command(schema_json ? salesim::sim::cli::SchemaFormat::json
                                                         : salesim::sim::cli::SchemaFormat::markdown);
  }
  return 2;
}
