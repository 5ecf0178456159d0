// Sweeps end to end: thread counts, shards and merge, resume after a kill, bad sweep files.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"
#include "tests/common/sweep_files.h"

using salesim::sim::io::RunFileReader;
using salesim::tests::fresh_directory;
using salesim::tests::require_identical_datasets;
using salesim::tests::run_command_line;
using salesim::tests::write_sweep;
using salesim::tests::write_text;

namespace {

const std::string salesim_exe = SALESIM_EXECUTABLE;

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

  // A shard left out is named, and nothing is written: no output, no temporary file.
  const auto missing = run_command_line(salesim_exe + " merge -o " + (dir / "half.h5").string() + " " +
                                        (dir / "s1.h5").string() + " " + (dir / "s3.h5").string());
  INFO(missing.err);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.starts_with("salesim merge: shard 2/3 of sweep "));
  CHECK(missing.err.find(" missing (allowed: every shard 1/3..3/3 at least once)\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "half.h5"));
  CHECK_FALSE(std::filesystem::exists(dir / "half.h5.tmp"));

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

TEST_CASE("sweep --shard auto takes a Slurm job array's task and the merged shards equal one process",
          "[cli][sweep][shard]") {
  const auto dir = fresh_directory("shard-auto");
  const auto sweep = write_sweep(dir, 3);
  REQUIRE(run_command_line(sweep_command(sweep, dir / "one.h5", 2)).exit_code == 0);
  // An array submitted as --array=4-6: tasks 4, 5, 6 are shards 1/3, 2/3, 3/3, written to the
  // default names out/levers.shard-K-of-3.h5 (run in `dir`).
  for (int task = 4; task <= 6; ++task) {
    const auto result =
        run_command_line("cd " + dir.string() + " && SLURM_ARRAY_TASK_ID=" + std::to_string(task) +
                         " SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=4 " + salesim_exe +
                         " sweep sweep.yaml -q --threads 1 --shard auto");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
  for (int k = 1; k <= 3; ++k) {
    const auto file = dir / "out" / ("levers.shard-" + std::to_string(k) + "-of-3.h5");
    REQUIRE(std::filesystem::exists(file));
    CHECK(RunFileReader(file).layout().shard_index == static_cast<std::uint32_t>(k));
  }
  // The shell's glob hands merge every shard.
  const auto merged = run_command_line("cd " + dir.string() + " && " + salesim_exe +
                                       " merge -o merged.h5 out/levers.shard-*-of-3.h5");
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  require_identical_datasets(dir / "one.h5", dir / "merged.h5");
  std::filesystem::remove_all(dir);
}

TEST_CASE(
    "a sweep refuses to start over a partial .tmp unless --resume or --force, and --resume of a "
    "complete file does nothing",
    "[cli][sweep][resume]") {
  const auto dir = fresh_directory("partial-tmp");
  const auto sweep = write_sweep(dir, 2);
  const auto whole = dir / "whole.h5";
  REQUIRE(run_command_line(sweep_command(sweep, whole, 2)).exit_code == 0);
  const auto out = dir / "out.h5";
  const std::filesystem::path temporary = out.string() + ".tmp";
  // A partial file as a sweep stopped after its first shard would leave it: runs of 1/2 done.
  REQUIRE(run_command_line(sweep_command(sweep, dir / "half.h5", 1) + " --shard 1/2").exit_code == 0);
  std::filesystem::copy_file(dir / "half.h5", temporary);
  const auto before = std::filesystem::file_size(temporary);
  const auto refused = run_command_line(sweep_command(sweep, out, 1));
  INFO(refused.err);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == temporary.string() +
                           ": the partial file of an interrupted sweep is there (allowed: "
                           "--resume to finish it, or --force to discard it and start again)\n");
  CHECK(std::filesystem::file_size(temporary) == before);
  CHECK_FALSE(std::filesystem::exists(out));
  const auto forced = run_command_line(sweep_command(sweep, out, 1) + " --force");
  INFO(forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(temporary));
  require_identical_datasets(whole, out);
  CHECK(run_command_line(sweep_command(sweep, out, 1) + " --force --resume").exit_code == 2);

  const auto modified = std::filesystem::last_write_time(out);
  const auto again = run_command_line(sweep_command(sweep, out, 1) + " --resume");
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(again.out == "salesim sweep: " + out.string() + " is already complete; nothing to resume\n");
  CHECK(std::filesystem::last_write_time(out) == modified);
  CHECK_FALSE(std::filesystem::exists(temporary));
  std::filesystem::remove_all(dir);
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
  // Big enough that the first kills (0.02-0.4 s each) cannot finish it: 300 replications take
  // about 4 s on one thread of a 2-core machine (60 took 1 s once set-up got faster).
  const auto sweep = write_sweep(dir, 300);
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
