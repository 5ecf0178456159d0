// The `salesim` command: subcommands run and validate (DESIGN §1), exit codes of DESIGN §7.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/cli/run_command.h"
#include "sim/cli/validate_command.h"

namespace {

std::string joined_command_line(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) line += ' ';
    line += argv[i];
  }
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  using salesim::sim::cli::RunOptions;
  CLI::App app{"salesim: agent-based simulation of sales forces, customers and B2B partnerships"};
  app.set_version_flag("--version", std::string("salesim ") + SALESIM_VERSION);
  app.require_subcommand(1);

  RunOptions run;
  run.command_line = joined_command_line(argc, argv);
  CLI::App* run_app = app.add_subcommand("run", "Run a scenario's replications; print a table, write HDF5");
  run_app->add_option("scenario", run.scenario_path, "Scenario YAML file")->required();
  run_app->add_option("--reps", run.replications, "Replications (overrides run.replications)")
      ->check(CLI::PositiveNumber);
  run_app->add_option("--seed", run.seed, "Master seed (overrides run.seed)");
  run_app->add_option("--threads", run.threads, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  run_app->add_option("--set", run.overrides, "Override a value: key.path=value (repeatable)");
  run_app->add_option("-o,--output", run.output_path, "Output HDF5 file (default out/<name>.h5)");
  run_app->add_flag("-q,--quiet", run.quiet, "Print no table");

  std::string validate_path;
  std::vector<std::string> validate_overrides;
  CLI::App* validate_app = app.add_subcommand("validate", "Check a scenario and report every problem");
  validate_app->add_option("scenario", validate_path, "Scenario YAML file")->required();
  validate_app->add_option("--set", validate_overrides, "Override a value: key.path=value");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help and version exit 0; usage errors are bad input (exit 2).
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  if (*run_app) return salesim::sim::cli::run_command(run);
  if (*validate_app) return salesim::sim::cli::validate_command(validate_path, validate_overrides);
  return 2;
}
