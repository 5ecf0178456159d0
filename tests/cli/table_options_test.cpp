// The table options of run, compare and sweep (--format, --metrics), -o that only takes HDF5,
// readable terminal tables, --version and --help.
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/common/command.h"

using salesim::tests::fresh_directory;
using salesim::tests::run_command_line;

namespace {

namespace fs = std::filesystem;

const std::string salesim_exe = SALESIM_EXECUTABLE;

fs::path write_tiny_scenario(const fs::path& dir) {
  const auto path = dir / "tiny.yaml";
  std::ofstream(path) << "name: tiny\nrun: {horizon_months: 3, replications: 2}\n"
                         "segments:\n  - {name: firms, size: 300, initial_customers: 60}\n";
  return path;
}

fs::path write_tiny_sweep(const fs::path& dir) {
  write_tiny_scenario(dir);
  const auto path = dir / "sweep.yaml";
  std::ofstream(path) << "name: tiny-sweep\nscenario: tiny.yaml\nreplications: 2\nseed: 5\n"
                         "parameters:\n  - {path: service.level, values: [0.3, 0.8]}\n";
  return path;
}

/// The three commands that print a table, each with its inputs.
std::vector<std::string> table_commands(const fs::path& dir) {
  const std::string scenario = write_tiny_scenario(dir).string();
  return {"run " + scenario, "compare " + scenario + " " + scenario,
          "sweep " + write_tiny_sweep(dir).string()};
}

bool one_line(const std::string& err) { return std::count(err.begin(), err.end(), '\n') == 1; }

}  // namespace

TEST_CASE("run, compare and sweep refuse -o with a table extension and point to salesim export",
          "[cli][bad-input][export]") {
  const auto dir = fresh_directory("table-extension");
  for (const auto& command : table_commands(dir)) {
    for (const char* name : {"x.csv", "x.json", "x.xlsx"}) {
      const auto out = dir / "out" / name;
      const auto result = run_command_line(salesim_exe + " " + command + " -o " + out.string());
      INFO(command << " -o " << out << ": " << result.err);
      CHECK(result.exit_code == 2);
      CHECK(one_line(result.err));
      CHECK(result.err.find("-o: '" + out.string() + "' is not an HDF5 file") != std::string::npos);
      CHECK(result.err.find("salesim export " + (dir / "out" / "x.h5").string()) != std::string::npos);
      CHECK_FALSE(fs::exists(out));
      CHECK_FALSE(fs::exists(dir / "out" / "x.h5"));
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("an unknown name in --metrics is refused with the closest name, an unknown --format with the list",
          "[cli][bad-input]") {
  const auto dir = fresh_directory("metrics-choice");
  const auto out = dir / "never.h5";
  for (const auto& command : table_commands(dir)) {
    const auto typo =
        run_command_line(salesim_exe + " " + command + " --metrics revenue,profitt -o " + out.string());
    INFO(command << ": " << typo.err);
    CHECK(typo.exit_code == 2);
    CHECK(one_line(typo.err));
    CHECK(typo.err.find("--metrics: unknown metric 'profitt' (did you mean 'profit'?)") != std::string::npos);
    const auto format = run_command_line(salesim_exe + " " + command + " --format excel -o " + out.string());
    CHECK(format.exit_code == 2);
    CHECK(one_line(format.err));
    CHECK(format.err.find("'excel' is not a table format (allowed: table, csv, json, markdown)") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  fs::remove_all(dir);
}

TEST_CASE("the run table groups rows by part, shows units, separates thousands and obeys --metrics",
          "[cli][table]") {
  const auto dir = fresh_directory("run-table");
  const auto scenario = write_tiny_scenario(dir).string();
  const auto all = run_command_line(salesim_exe + " run " + scenario + " -o " + (dir / "a.h5").string());
  INFO(all.err);
  REQUIRE(all.exit_code == 0);
  CHECK(all.out.find("\ncustomers\n  revenue ") != std::string::npos);
  CHECK(std::regex_search(all.out, std::regex(R"(\n  revenue +\$ +-?\d{1,3}(,\d{3})+ )")));
  CHECK(all.out.find("partnerships\n") == std::string::npos);  // no partners in this world
  CHECK(all.out.find("metrics without values in this scenario not shown") != std::string::npos);
  const auto chosen = run_command_line(salesim_exe + " run " + scenario +
                                       " --metrics churn_rate,revenue -o " + (dir / "b.h5").string());
  REQUIRE(chosen.exit_code == 0);
  CHECK(chosen.out.find("  churn_rate ") != std::string::npos);
  CHECK(chosen.out.find("  revenue ") != std::string::npos);
  CHECK(chosen.out.find("  profit ") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("compare of a scenario with itself under an override heads its columns apart",
          "[cli][compare][table]") {
  const auto dir = fresh_directory("compare-heads");
  const auto scenario = write_tiny_scenario(dir).string();
  const auto result =
      run_command_line(salesim_exe + " compare " + scenario + " " + scenario +
                       " --set 2:service.level=0.9 --metrics revenue -o " + (dir / "c.h5").string());
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("[1] tiny ") != std::string::npos);
  CHECK(result.out.find("[2] tiny --set se~") !=
        std::string::npos);  // cut to the column, listed in full below
  CHECK(result.out.find("  [2] tiny --set service.level=0.9 (" + scenario + ")") != std::string::npos);
  CHECK(result.out.find("[2] - [1] (95% CI)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("version names the git commit; an unknown subcommand lists export with the others", "[cli]") {
  const auto version = run_command_line(salesim_exe + " --version");
  CHECK(version.exit_code == 0);
  CHECK(version.out == std::string("salesim ") + SALESIM_VERSION + " (git " + SALESIM_GIT_COMMIT + ")\n");
  CHECK(std::regex_match(std::string(SALESIM_GIT_COMMIT), std::regex("[0-9a-f]{7,40}|unknown")));
  const auto unknown = run_command_line(salesim_exe + " exprot out/x.h5");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.starts_with("salesim: unknown subcommand 'exprot' (allowed: "));
  CHECK(unknown.err.find(", export,") != std::string::npos);
}

TEST_CASE("every subcommand's help shows its defaults and an example", "[cli][help]") {
  for (const char* command : {"run", "calibrate", "validate", "compare", "sweep", "merge", "report", "export",
                              "metrics", "schema"}) {
    const auto help = run_command_line(salesim_exe + " " + command + " --help");
    INFO(command << ":\n" << help.out);
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Example: salesim " + std::string(command)) != std::string::npos);
  }
  const auto run = run_command_line(salesim_exe + " run --help");
  CHECK(run.out.find("FORMAT=table") != std::string::npos);
  CHECK(run.out.find("TEXT=2026-01-01") != std::string::npos);
}
