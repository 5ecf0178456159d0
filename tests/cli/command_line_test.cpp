// Every command-line value is checked before anything runs: one line naming the option and what is
// allowed, exit code 2, and no output file (nor its .tmp) left behind.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"

using salesim::sim::io::RunFileReader;
using salesim::tests::fresh_directory;
using salesim::tests::run_command_line;

namespace {

const std::string salesim_exe = SALESIM_EXECUTABLE;

void write_text(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A scenario that runs in milliseconds, so that a check that lets a case through fails fast.
std::filesystem::path write_tiny_scenario(const std::filesystem::path& dir, const std::string& name = "tiny",
                                          const std::string& replications = "2") {
  const auto path = dir / (name + ".yaml");
  write_text(path, "name: " + name + "\nrun: {horizon_months: 3, replications: " + replications +
                       "}\nsegments:\n  - {name: firms, size: 200, initial_customers: 40}\n");
  return path;
}

/// A two-point sweep over the tiny scenario.
std::filesystem::path write_tiny_sweep(const std::filesystem::path& dir) {
  write_tiny_scenario(dir);
  const auto path = dir / "sweep.yaml";
  write_text(path,
             "name: tiny-sweep\nscenario: tiny.yaml\nreplications: 2\nseed: 5\ndesign: {kind: grid}\n"
             "parameters:\n  - {path: service.level, values: [0.3, 0.8]}\n");
  return path;
}

/// Whether anything (a link included) is at `path`; a name too long for the file system is nothing.
bool anything_at(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::exists(std::filesystem::symlink_status(path, error));
}

/// `salesim <arguments>` is refused: exit code 2, exactly one line on stderr holding every fragment,
/// no `output` where there was none, and no `output.tmp`.
void require_refused(const std::string& arguments, const std::filesystem::path& output,
                     const std::vector<std::string>& fragments) {
  const bool existed = anything_at(output);
  const auto result = run_command_line(salesim_exe + " " + arguments);
  INFO("salesim " << arguments << "\nstderr: " << result.err);
  CHECK(result.exit_code == 2);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  for (const std::string& fragment : fragments) CHECK(result.err.find(fragment) != std::string::npos);
  if (!existed) CHECK_FALSE(anything_at(output));
  CHECK_FALSE(anything_at(output.string() + ".tmp"));
}

}  // namespace

TEST_CASE("compare refuses a --set scenario index too large for any integer", "[cli][bad-input][compare]") {
  const auto dir = fresh_directory("index-overflow");
  const auto a = write_tiny_scenario(dir).string();
  const auto out = dir / "never.h5";
  require_refused(
      "compare " + a + " " + a + " --set 99999999999999999999:service.level=0.3 -o " + out.string(), out,
      {"--set", "scenario index 99999999999999999999 is not in 1..2", "N:key.path=value"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("a --set whose key is only dots is refused, not followed to a crash", "[cli][bad-input][fuzz]") {
  // Found by the scenario fuzzer: ".=1" split into no key at all and was read past its end.
  const auto dir = fresh_directory("dots-key");
  const auto a = write_tiny_scenario(dir).string();
  const auto out = dir / "never.h5";
  for (const std::string key : {".", "..", ""}) {
    require_refused("run " + a + " -q --set '" + key + "=0.3' -o " + out.string(), out,
                    {"--set", "expected key.path=value"});
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("compare refuses a --set addressed to a scenario it does not have", "[cli][bad-input][compare]") {
  const auto dir = fresh_directory("index-range");
  const auto a = write_tiny_scenario(dir).string();
  const auto out = dir / "never.h5";
  require_refused("compare " + a + " " + a + " --set 5:service.level=0.9 -o " + out.string(), out,
                  {"--set", "scenario index 5 is not in 1..2"});
  require_refused("compare " + a + " " + a + " --set 0:service.level=0.9 -o " + out.string(), out,
                  {"--set", "scenario index 0 is not in 1..2"});
  require_refused("compare " + a + " " + a + " " + a + " --set 4:service.level=0.9 -o " + out.string(), out,
                  {"scenario index 4 is not in 1..3"});
  // In range, the override applies to its scenario only.
  const auto ok = run_command_line(salesim_exe + " compare " + a + " " + a +
                                   " --set 2:service.level=0.9 -q -o " + out.string());
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("sweep --shard accepts only K/N with 1 <= K <= N", "[cli][bad-input][sweep][shard]") {
  const auto dir = fresh_directory("shard-form");
  const auto sweep = write_tiny_sweep(dir).string();
  const auto out = dir / "never.h5";
  for (const char* shard : {"1/2/3", "0/16", "3/2", "a/b", "1/0", "1/", "/2", "+1/2", "1", "''"}) {
    require_refused("sweep " + sweep + " -q --shard " + shard + " -o " + out.string(), out,
                    {"--shard", "allowed: K/N, whole numbers with 1 <= K <= N"});
  }
  const auto ok = run_command_line(salesim_exe + " sweep " + sweep + " -q --shard 2/2 -o " + out.string());
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("sweep --shard auto needs a Slurm job array's variables, whole numbers, the task among them",
          "[cli][bad-input][sweep][shard]") {
  const auto dir = fresh_directory("shard-auto-form");
  const auto sweep = write_tiny_sweep(dir).string();
  const auto out = dir / "never.h5";
  const std::string unset = "env -u SLURM_ARRAY_TASK_ID -u SLURM_ARRAY_TASK_COUNT -u SLURM_ARRAY_TASK_MIN ";
  const std::pair<std::string, std::string> cases[] = {
      {"", "--shard auto: SLURM_ARRAY_TASK_ID is not set"},
      {"SLURM_ARRAY_TASK_ID=3 ", "--shard auto: SLURM_ARRAY_TASK_COUNT is not set"},
      {"SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=4 ", "--shard auto: SLURM_ARRAY_TASK_MIN is not set"},
      {"SLURM_ARRAY_TASK_ID=x SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0 ",
       "--shard auto: SLURM_ARRAY_TASK_ID='x' is not a whole number"},
      {"SLURM_ARRAY_TASK_ID=8 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0 ",
       "--shard auto: task 8 is not among the 4 tasks numbered from 0"},
      {"SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=1 ",
       "--shard auto: task 0 is not among the 4 tasks numbered from 1"},
      {"SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=0 SLURM_ARRAY_TASK_MIN=1 ",
       "--shard auto: task 1 is not among the 0 tasks numbered from 1"},
  };
  for (const auto& [variables, fragment] : cases) {
    const auto result = run_command_line(unset + variables + salesim_exe + " sweep " + sweep +
                                         " -q --shard auto -o " + out.string());
    INFO(variables << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(result.err.starts_with(fragment));
    CHECK(result.err.find("allowed: --shard auto inside a Slurm job array") != std::string::npos);
    CHECK_FALSE(anything_at(out));
    CHECK_FALSE(anything_at(out.string() + ".tmp"));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("run, compare and sweep take --threads 0 (all cores) or 1..1024", "[cli][bad-input]") {
  const auto dir = fresh_directory("threads-bound");
  const auto scenario = write_tiny_scenario(dir).string();
  const auto sweep = write_tiny_sweep(dir).string();
  const auto out = dir / "never.h5";
  const std::vector<std::string> commands = {"run " + scenario, "compare " + scenario + " " + scenario,
                                             "sweep " + sweep};
  for (const std::string& command : commands) {
    for (const char* threads : {"100000000", "-1", "1025", "1.5", "1e3", "two", "18446744073709551616"}) {
      require_refused(command + " -q --threads " + threads + " -o " + out.string(), out,
                      {"--threads", std::string(threads), "allowed: 0 for all cores, or 1..1024"});
    }
    for (const char* threads : {"0", "1024"}) {
      const auto ok = run_command_line(salesim_exe + " " + command + " -q --threads " + threads + " -o " +
                                       (dir / "ok.h5").string());
      INFO(command << " --threads " << threads << ": " << ok.err);
      CHECK(ok.exit_code == 0);
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("run and compare take --seed as a whole number in 0..2^64-1, read exactly", "[cli][bad-input]") {
  const auto dir = fresh_directory("seed-form");
  const auto scenario = write_tiny_scenario(dir).string();
  const auto out = dir / "never.h5";
  for (const char* seed : {"-1", "1.5", "1e3", "0x10", "seven", "18446744073709551616"}) {
    require_refused("run " + scenario + " -q --seed " + seed + " -o " + out.string(), out,
                    {"--seed", std::string(seed), "allowed: 0..18446744073709551615"});
    require_refused("compare " + scenario + " " + scenario + " -q --seed " + seed + " -o " + out.string(),
                    out, {"--seed", "allowed: 0..18446744073709551615"});
  }
  // The largest seed and its neighbour arrive as they were typed, never rounded through a double.
  for (const std::uint64_t seed : {std::numeric_limits<std::uint64_t>::max(),
                                   std::numeric_limits<std::uint64_t>::max() - 1, std::uint64_t{0}}) {
    const auto file = dir / ("seed-" + std::to_string(seed) + ".h5");
    const auto ok = run_command_line(salesim_exe + " run " + scenario + " -q --seed " + std::to_string(seed) +
                                     " -o " + file.string());
    INFO(ok.err);
    REQUIRE(ok.exit_code == 0);
    const RunFileReader reader(file);
    CHECK(reader.uint_attribute("/", "seed") == seed);
    CHECK(reader.string_attribute("/scenario", "yaml").find("seed: " + std::to_string(seed) + "\n") !=
          std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("run --start-date is a calendar date whose horizon ends by 9999-12-31", "[cli][bad-input]") {
  const auto dir = fresh_directory("start-date");
  const auto scenario = write_tiny_scenario(dir).string();  // 3 months
  const auto out = dir / "never.h5";
  const auto log = dir / "log.csv";
  const std::string transactions = " -q --transactions " + log.string() + " -o " + out.string();
  require_refused("run " + scenario + transactions + " --start-date 2026-02-30", out,
                  {"--start-date", "not a calendar date"});
  // Three months from 9999-11-01 would date purchases 10000-01-..., which no YYYY-MM-DD reader takes.
  require_refused("run " + scenario + transactions + " --start-date 9999-11-01", out,
                  {"--start-date: '9999-11-01' with 3 months runs past 9999-12-31"});
  CHECK_FALSE(anything_at(log));
  const auto last =
      run_command_line(salesim_exe + " run " + scenario + transactions + " --start-date 9999-09-01");
  INFO(last.err);
  CHECK(last.exit_code == 0);
  CHECK(read_text(log).find(",10000-") == std::string::npos);
  CHECK(read_text(log).find(",9999-") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("run and compare check --reps, and the run.replications of a file it overrides",
          "[cli][bad-input]") {
  const auto dir = fresh_directory("reps-both");
  const auto scenario = write_tiny_scenario(dir).string();
  const auto zero = write_tiny_scenario(dir, "zero", "0").string();
  const auto out = dir / "never.h5";
  for (const char* reps : {"0", "1000001", "-1", "2.5", "1e3"}) {
    require_refused("run " + scenario + " -q --reps " + reps + " -o " + out.string(), out,
                    {"--reps", std::string(reps), "allowed: 1..1000000"});
    require_refused("compare " + scenario + " " + scenario + " -q --reps " + reps + " -o " + out.string(),
                    out, {"--reps", "allowed: 1..1000000"});
  }
  // --reps replaces the file's value, but a file with an invalid value is refused all the same.
  require_refused("run " + zero + " -q --reps 5 -o " + out.string(), out,
                  {"zero.yaml:2:", "run.replications", "at least 1"});
  require_refused("run " + zero + " -q --seed 3 -o " + out.string(), out,
                  {"zero.yaml:2:", "run.replications"});
  require_refused("compare " + scenario + " " + zero + " -q --reps 5 -o " + out.string(), out,
                  {"zero.yaml:2:", "run.replications"});
  require_refused("run " + scenario + " -q --set run.replications=0 --reps 5 -o " + out.string(), out,
                  {"--set", "run.replications"});
  // When both are valid, --reps wins.
  const auto file = dir / "reps.h5";
  const auto ok = run_command_line(salesim_exe + " run " + scenario + " -q --reps 3 -o " + file.string());
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  CHECK(RunFileReader(file).shape("/summary/revenue") == std::vector<hsize_t>{1, 3});
  std::filesystem::remove_all(dir);
}

TEST_CASE("outputs never overwrite an input, a device, a directory or a FIFO, nor take a name too long",
          "[cli][bad-input][output]") {
  const auto dir = fresh_directory("output-guard");
  const auto sweep = write_tiny_sweep(dir);
  const auto scenario = dir / "tiny.yaml";
  const std::string scenario_text = read_text(scenario);
  const std::string sweep_text = read_text(sweep);
  const auto run_file = dir / "tiny.h5";
  REQUIRE(
      run_command_line(salesim_exe + " run " + scenario.string() + " -q -o " + run_file.string()).exit_code ==
      0);

  std::filesystem::create_directory(dir / "folder");
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  // A link to /dev/null is refused as the device it names; were the check to fail, the link, not
  // /dev/null itself, would be replaced.
  std::filesystem::create_symlink("/dev/null", dir / "null");
  write_text(dir / "plain", "a file, not a folder\n");
  const std::string long_name(300, 'x');

  struct Command {
    std::string arguments;
    std::vector<std::filesystem::path> inputs;
  };
  const std::string s = scenario.string();
  const Command commands[] = {
      {"run " + s + " -q", {scenario}},
      {"compare " + s + " " + s + " -q", {scenario}},
      {"sweep " + sweep.string() + " -q", {sweep, scenario}},  // the sweep file and its base scenario
      {"report " + run_file.string(), {run_file}},
  };
  for (const Command& command : commands) {
    for (const auto& input : command.inputs) {
      // An input, named as given, through ./ and through a symbolic link.
      const auto alias = dir / "alias";
      std::filesystem::remove(alias);
      std::filesystem::create_symlink(input, alias);
      for (const std::string& name :
           {input.string(), (input.parent_path() / "." / input.filename()).string(), alias.string()}) {
        require_refused(command.arguments + " -o " + name, name, {"-o", "is the input file", input.string()});
      }
      CHECK(std::filesystem::is_symlink(alias));
    }
    require_refused(command.arguments + " -o " + (dir / "folder").string(), dir / "folder",
                    {"-o", "is not a regular file but a directory"});
    CHECK(std::filesystem::is_directory(dir / "folder"));
    require_refused(command.arguments + " -o " + (dir / "fifo").string(), dir / "fifo",
                    {"-o", "is not a regular file but a FIFO"});
    CHECK(std::filesystem::is_fifo(dir / "fifo"));
    require_refused(command.arguments + " -o " + (dir / "null").string(), dir / "null",
                    {"-o", "is not a regular file but a character device"});
    CHECK(std::filesystem::is_symlink(dir / "null"));
    if (::geteuid() != 0) {  // only where a failing check could not replace the device itself
      require_refused(command.arguments + " -o /dev/null", "/dev/null",
                      {"-o", "'/dev/null' is not a regular file"});
    }
    require_refused(command.arguments + " -o " + (dir / "plain" / "x.out").string(), dir / "plain" / "x.out",
                    {"-o", "is not a directory"});
    require_refused(command.arguments + " -o " + (dir / (long_name + ".out")).string(),
                    dir / (long_name + ".out"),
                    {"-o", "a file name of 304 bytes is too long", "at most 251 bytes"});
    require_refused(command.arguments + " -o " + (dir / long_name / "x.out").string(),
                    dir / long_name / "x.out", {"-o", "a folder name of 300 bytes is too long"});
  }
  // The temporary file may not be an input either: `run x.yaml.tmp -o x.yaml` would truncate it.
  std::filesystem::copy_file(scenario, dir / "copy.yaml.tmp");
  const auto temporary = run_command_line(salesim_exe + " run " + (dir / "copy.yaml.tmp").string() +
                                          " -q -o " + (dir / "copy.yaml").string());
  INFO(temporary.err);
  CHECK(temporary.exit_code == 2);
  CHECK(temporary.err.find("the temporary file") != std::string::npos);
  CHECK(temporary.err.find("is the input file") != std::string::npos);
  CHECK_FALSE(anything_at(dir / "copy.yaml"));
  CHECK(read_text(dir / "copy.yaml.tmp") == scenario_text);

  CHECK(read_text(scenario) == scenario_text);
  CHECK(read_text(sweep) == sweep_text);
  CHECK(RunFileReader(run_file).string_attribute("/", "status") == "complete");
  std::filesystem::remove_all(dir);
}

TEST_CASE("an unknown subcommand is named and the subcommands are listed", "[cli][bad-input]") {
  const std::string all = "run, calibrate, validate, compare, sweep, merge, report, export, metrics, schema";
  for (const char* word : {"frobnicate", "runn", "Run"}) {
    const auto result = run_command_line(salesim_exe + " " + word + " scenario.yaml");
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err == "salesim: unknown subcommand '" + std::string(word) + "' (allowed: " + all + ")\n");
  }
  const auto option = run_command_line(salesim_exe + " --frobnicate");
  CHECK(option.exit_code == 2);
  CHECK(option.err.find("unknown option '--frobnicate'") != std::string::npos);
  const auto none = run_command_line(salesim_exe);
  CHECK(none.exit_code == 2);
  CHECK(none.err == "salesim: a subcommand is required (allowed: " + all + ")\n");
}

TEST_CASE("threads whose worlds would not fit in memory together are refused before any is built",
          "[cli][threads][bad-input]") {
  const auto dir = fresh_directory("threads-memory");
  // A market whose one world takes about 60% of this machine's memory: one thread would fit, two do not.
  const double memory =
      static_cast<double>(::sysconf(_SC_PHYS_PAGES)) * static_cast<double>(::sysconf(_SC_PAGE_SIZE));
  std::uint64_t degree = 100;
  std::uint64_t members = static_cast<std::uint64_t>(0.6 * memory / static_cast<double>(96 + 8 * degree));
  while (members > 40'000'000 && degree < 1000) {
    degree = std::min<std::uint64_t>(1000, degree * 2);
    members = static_cast<std::uint64_t>(0.6 * memory / static_cast<double>(96 + 8 * degree));
  }
  REQUIRE(members <= 50'000'000);
  const auto scenario = dir / "big.yaml";
  write_text(scenario,
             "name: big\nrun: {replications: 4}\nreferrals: {mean_degree: " + std::to_string(degree) +
                 "}\nsegments:\n  - {name: all, size: " + std::to_string(members) + "}\n");
  const auto out = dir / "big.h5";
  const auto result =
      run_command_line(salesim_exe + " run " + scenario.string() + " --threads 2 -q -o " + out.string());
  CHECK(result.exit_code == 2);
  CHECK(result.err.rfind("--threads: 2 threads build 2 worlds of about", 0) == 0);
  CHECK(result.err.find("(allowed: at most 1 thread for this scenario)") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK_FALSE(std::filesystem::exists(out.string() + ".tmp"));
  std::filesystem::remove_all(dir);
}
