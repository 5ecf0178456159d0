// Sweeps end to end: thread counts, shards and merge, resume after a kill, bad sweep files.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"

using salesim::sim::io::RunFileReader;
using salesim::tests::fresh_directory;
using salesim::tests::run_command_line;

namespace {

const std::string salesim_exe = SALESIM_EXECUTABLE;

void write_text(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

/// A small market and a two-parameter sweep over it, in `dir`.
std::filesystem::path write_sweep(const std::filesystem::path& dir, std::uint32_t replications) {
  write_text(dir / "market.yaml",
             "name: market\nrun: {horizon_months: 24}\n"
             "segments:\n  - {name: firms, size: 3000, initial_customers: 600, acquisition_cost: 200}\n"
             "marketing: {budget_per_month: 8000}\n"
             "survey: {sample_rate: 0.2, nonresponse_bias: 0.3}\n");
  write_text(dir / "sweep.yaml",
             "name: levers\nscenario: market.yaml\nreplications: " + std::to_string(replications) +
                 "\nseed: 5\ndesign: {kind: grid}\nparameters:\n"
                 "  - {path: service.level, values: [0.3, 0.8]}\n"
                 "  - {path: segments.firms.gross_margin, range: [0.2, 0.4], steps: 2}\n");
  return dir / "sweep.yaml";
}

/// Every dataset of the layout holds the same bits in both files.
void require_identical_datasets(const std::filesystem::path& a, const std::filesystem::path& b) {
  const RunFileReader left(a), right(b);
  CHECK(left.read_done_mask() == right.read_done_mask());
  CHECK(left.read_run_ids() == right.read_run_ids());
  CHECK(left.string_attribute("/", "sweep_id") == right.string_attribute("/", "sweep_id"));
  // Units and meanings travel with the metrics through shards, merge and resume.
  const auto left_catalog = left.metric_catalog(), right_catalog = right.metric_catalog();
  CHECK(left_catalog.summary_units == right_catalog.summary_units);
  CHECK(left_catalog.summary_meanings == right_catalog.summary_meanings);
  CHECK(left_catalog.timeseries_units == right_catalog.timeseries_units);
  CHECK(left_catalog.timeseries_meanings == right_catalog.timeseries_meanings);
  for (const std::string group : {"/summary", "/timeseries", "/design", "/sensitivity"}) {
    const auto names = left.names_in(group);
    REQUIRE(names == right.names_in(group));
    for (const auto& name : names) {
      if (name == "done" || name == "run_id") continue;
      const auto x = left.read_doubles(group + "/" + name);
      const auto y = right.read_doubles(group + "/" + name);
      INFO(group << "/" << name);
      REQUIRE(x.size() == y.size());
      CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
    }
  }
  for (const auto& name : left.names_in("/stats")) {
    const auto x = left.read_stats(name), y = right.read_stats(name);
    REQUIRE(x.size() == y.size());
    CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(x[0])) == 0);
  }
}

std::string sweep_command(const std::filesystem::path& sweep, const std::filesystem::path& out, int threads) {
  return salesim_exe + " sweep " + sweep.string() + " -q --threads " + std::to_string(threads) + " -o " +
         out.string();
}

}  // namespace

TEST_CASE("shards merged give the same datasets as one process, on 1 and 2 threads", "[cli][sweep][shard]") {
  const auto dir = fresh_directory("shards");
  const auto sweep = write_sweep(dir, 6);
  REQUIRE(run_command_line(sweep_command(sweep, dir / "one.h5", 1)).exit_code == 0);
  REQUIRE(run_command_line(sweep_command(sweep, dir / "two.h5", 2)).exit_code == 0);
  require_identical_datasets(dir / "one.h5", dir / "two.h5");
  for (int k = 1; k <= 3; ++k) {
    const auto result =
        run_command_line(sweep_command(sweep, dir / ("s" + std::to_string(k) + ".h5"), 1 + k % 2) +
                         " --shard " + std::to_string(k) + "/3");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
  const auto merged = run_command_line(salesim_exe + " merge -o " + (dir / "merged.h5").string() + " " +
                                       (dir / "s1.h5").string() + " " + (dir / "s2.h5").string() + " " +
                                       (dir / "s3.h5").string());
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  require_identical_datasets(dir / "one.h5", dir / "merged.h5");
  CHECK(RunFileReader(dir / "one.h5").shape("/summary/profit") == std::vector<hsize_t>{4, 6});
  CHECK(RunFileReader(dir / "merged.h5").string_attribute("/summary/profit", "unit") == "$");

  const auto missing = run_command_line(salesim_exe + " merge -o " + (dir / "half.h5").string() + " " +
                                        (dir / "s1.h5").string() + " " + (dir / "s2.h5").string());
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("runs are in no shard") != std::string::npos);

  const auto other_dir = fresh_directory("shards-other");
  const auto other = write_sweep(other_dir, 7);  // another sweep: 7 replications instead of 6
  REQUIRE(run_command_line(sweep_command(other, other_dir / "o1.h5", 1) + " --shard 1/3").exit_code == 0);
  const auto refused = run_command_line(salesim_exe + " merge -o " + (dir / "bad.h5").string() + " " +
                                        (dir / "s1.h5").string() + " " + (other_dir / "o1.h5").string());
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("not a shard of the same sweep") != std::string::npos);
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(other_dir);
}

TEST_CASE("a sweep killed at any moment resumes to the datasets of an uninterrupted sweep",
          "[cli][sweep][resume]") {
  const auto dir = fresh_directory("resume");
  const auto sweep = write_sweep(dir, 60);
  REQUIRE(run_command_line(sweep_command(sweep, dir / "whole.h5", 2)).exit_code == 0);
  int interrupted = 0;
  for (const char* kill : {"TERM 0.25", "INT 0.5", "KILL 0.35", "TERM 0.05"}) {
    for (int threads : {1, 2}) {
      const auto out = dir / "resumed.h5";
      std::filesystem::remove(out);
      std::filesystem::remove(out.string() + ".tmp");
      const std::string signal = std::string(kill).substr(0, std::string(kill).find(' '));
      const std::string delay = std::string(kill).substr(std::string(kill).find(' ') + 1);
      (void)run_command_line("timeout -s " + signal + " " + delay + " " + sweep_command(sweep, out, threads));
      if (std::filesystem::exists(out.string() + ".tmp")) {
        ++interrupted;
        CHECK_FALSE(std::filesystem::exists(out));
      }
      const auto resumed = run_command_line(sweep_command(sweep, out, threads) + " --resume");
      INFO(kill << " on " << threads << " threads: " << resumed.err);
      REQUIRE(resumed.exit_code == 0);
      require_identical_datasets(dir / "whole.h5", out);
    }
  }
  CHECK(interrupted >= 4);  // most kills landed mid-sweep, so resume really resumed
  std::filesystem::remove_all(dir);
}

TEST_CASE("a sweep killed with SIGKILL at 20 random moments and resumed after each ends identical",
          "[cli][sweep][resume][soak]") {
  const auto dir = fresh_directory("soak");
  const auto sweep = write_sweep(dir, 60);
  REQUIRE(run_command_line(sweep_command(sweep, dir / "whole.h5", 2)).exit_code == 0);
  const auto out = dir / "soaked.h5";
  // The moments are random but fixed by the seed, so a failure replays.
  std::mt19937 moments(20261201);
  std::uniform_real_distribution<double> delay(0.02, 0.4);
  int killed_mid_sweep = 0;
  for (int kill = 0; kill < 20; ++kill) {
    const auto result = run_command_line("timeout -s KILL " + std::to_string(delay(moments)) + " " +
                                         sweep_command(sweep, out, 1 + kill % 2) + " --resume");
    if (result.exit_code != 0) ++killed_mid_sweep;
    if (result.exit_code == 0) break;  // the sweep finished before its kill
  }
  const auto finished = run_command_line(sweep_command(sweep, out, 2) + " --resume");
  INFO(finished.err);
  REQUIRE(finished.exit_code == 0);
  require_identical_datasets(dir / "whole.h5", out);
  CHECK(killed_mid_sweep >= 5);
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad sweep files get located errors and exit code 2", "[cli][sweep][bad-input]") {
  const auto dir = fresh_directory("badsweep");
  write_sweep(dir, 2);
  struct Case {
    const char* label;
    std::string body;
    const char* fragment;
  };
  const std::string head = "name: bad\nscenario: market.yaml\nseed: 1\n";
  const Case cases[] = {
      {"unknown path", head + "replications: 2\nparameters:\n  - {path: servce.level, values: [0.5]}\n",
       "sweep.yaml:6:35: parameters[0].values[0]: unknown key path (did you mean 'service.level'?)"},
      {"empty range", head + "replications: 2\nparameters:\n  - {path: service.level, range: [0.5, 0.5]}\n",
       "empty range"},
      {"word for a number",
       head + "replications: 2\nparameters:\n  - {path: service.level, values: [high]}\n",
       "'high' is not a finite number"},
      {"zero replications", head + "replications: 0\nparameters:\n  - {path: service.level, values: [0.5]}\n",
       "sweep.yaml:4:15: replications"},
      {"unknown metric",
       head + "replications: 2\nparameters:\n  - {path: service.level, values: [0.5]}\n"
              "keep: {summaries: [proft]}\n",
       "did you mean 'profit'"},
  };
  for (const Case& c : cases) {
    write_text(dir / "sweep.yaml", c.body);
    const auto result = run_command_line(salesim_exe + " sweep " + (dir / "sweep.yaml").string() + " -o " +
                                         (dir / "never.h5").string());
    INFO(c.label << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(c.fragment) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "never.h5"));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a sweep whose design points would not fit in memory is refused before any is loaded",
          "[cli][sweep][bad-input]") {
  const auto dir = fresh_directory("sweep-memory");
  // A 60 KB description and 60 segments make each design point's resolved scenario about 100 KB: a
  // million points would need some 200 GB.
  std::string segments = "segments:\n";
  for (int i = 0; i < 60; ++i) segments += "  - {name: s" + std::to_string(i) + ", size: 100}\n";
  write_text(dir / "wide.yaml", "name: wide\ndescription: " + std::string(60'000, 'x') + "\n" + segments);
  write_text(dir / "sweep.yaml",
             "name: huge\nscenario: wide.yaml\nreplications: 1\ndesign: {kind: random, points: 1000000}\n"
             "parameters:\n  - {path: service.level, range: [0.1, 0.9]}\n");
  const auto out = dir / "huge.h5";
  const auto result =
      run_command_line(salesim_exe + " sweep " + (dir / "sweep.yaml").string() + " -q -o " + out.string());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("sweep.yaml: design: 1000000 design points need about") != std::string::npos);
  CHECK(result.err.find("(allowed: fewer design points)") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK_FALSE(std::filesystem::exists(out.string() + ".tmp"));
  std::filesystem::remove_all(dir);
}
