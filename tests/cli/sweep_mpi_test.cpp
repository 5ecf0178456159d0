// Sweeps across MPI ranks end to end: the same datasets as one process for any rank count, runs
// handed to whichever rank is free, a killed job resumed, and the sweep file's refusals under mpirun.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

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

std::string one_process(const std::filesystem::path& sweep, const std::filesystem::path& out) {
  return salesim_exe + " sweep " + sweep.string() + " -q --threads 2 -o " + out.string();
}

/// Root in containers and CI: OpenMPI refuses root without --allow-run-as-root; --oversubscribe lets
/// three ranks share two cores.
std::string on_ranks(int ranks, const std::filesystem::path& sweep, const std::filesystem::path& out,
                     bool quiet = true) {
  return std::string(SALESIM_MPIEXEC) + " --oversubscribe --allow-run-as-root -np " + std::to_string(ranks) +
         " " + salesim_exe + " sweep " + sweep.string() + (quiet ? " -q" : "") + " --threads 1 -o " +
         out.string();
}

void require_ok(const std::string& command) {
  const auto result = run_command_line(command);
  INFO(command << "\n" << result.out << result.err);
  REQUIRE(result.exit_code == 0);
}

}  // namespace

TEST_CASE("mpirun -np 1, 2 and 3 write the datasets of a one-process sweep, grid and Sobol designs",
          "[cli][sweep][mpi]") {
  const auto dir = fresh_directory("mpi-identical");
  const auto grid = write_sweep(dir, 3);
  write_text(
      dir / "sobol.yaml",
      "name: sobol\nscenario: market.yaml\nreplications: 2\nseed: 11\ndesign: {kind: sobol, points: 5}\n"
      "common_random_numbers: false\nparameters:\n"
      "  - {path: service.level, range: [0.2, 0.9]}\n"
      "  - {path: segments.firms.gross_margin, range: [0.2, 0.4]}\n");
  for (const auto& sweep : {grid, dir / "sobol.yaml"}) {
    const auto reference = dir / (sweep.stem().string() + "-one.h5");
    require_ok(one_process(sweep, reference));
    for (int ranks = 1; ranks <= 3; ++ranks) {
      const auto out = dir / (sweep.stem().string() + "-np" + std::to_string(ranks) + ".h5");
      require_ok(on_ranks(ranks, sweep, out));
      INFO(sweep.stem() << " on " << ranks << " ranks");
      require_identical_datasets(reference, out);
      const RunFileReader file(out);
      CHECK(file.shape("/mpi/runs") == std::vector<hsize_t>{static_cast<hsize_t>(ranks)});
      CHECK_FALSE(std::filesystem::exists(out.string() + ".tmp"));
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("runs of very unequal cost go to whichever rank is free: none waits while runs are unassigned",
          "[cli][sweep][mpi][balance]") {
  const auto dir = fresh_directory("mpi-balance");
  write_sweep(dir, 1);
  // Point 0 has 34 times the customers of point 1, so its runs take far longer.
  write_text(dir / "unequal.yaml",
             "name: unequal\nscenario: market.yaml\nreplications: 6\nseed: 3\nparameters:\n"
             "  - {path: segments.firms.size, values: [24000, 700]}\n");
  const auto sweep = dir / "unequal.yaml";
  require_ok(one_process(sweep, dir / "one.h5"));
  const auto out = dir / "three.h5";
  const auto result = run_command_line(on_ranks(3, sweep, out, false));  // not quiet: the counters' line
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("salesim sweep: 3 ranks; runs per rank ") != std::string::npos);
  require_identical_datasets(dir / "one.h5", out);
  const RunFileReader file(out);
  const auto runs = file.read_doubles("/mpi/runs");
  const auto slots = file.read_doubles("/mpi/slots");
  const auto most_held = file.read_doubles("/mpi/most_held");
  const auto starved = file.read_doubles("/mpi/starved_seconds");
  const auto idle = file.read_doubles("/mpi/idle_seconds");
  REQUIRE(runs.size() == 3);
  double total = 0;
  for (std::size_t rank = 0; rank < 3; ++rank) {
    INFO("rank " << rank << ": " << runs[rank] << " runs, most held " << most_held[rank] << ", starved "
                 << starved[rank] << " s, idle " << idle[rank] << " s");
    total += runs[rank];
    CHECK(slots[rank] == 1);
    CHECK(runs[rank] >= 1);
    // One run per thread at a time: nothing waits in a rank's queue while another rank is free.
    CHECK(most_held[rank] <= slots[rank]);
    // A free slot gets the next run within a few polls (0.2 ms each); a static split would leave the
    // ranks of cheap runs waiting for seconds.
    CHECK(starved[rank] < 0.25);
    CHECK(idle[rank] >= starved[rank]);
  }
  CHECK(total == 12);
  std::filesystem::remove_all(dir);
}

TEST_CASE("an mpirun job killed mid-sweep loses only its runs in flight and --resume on ranks ends identical",
          "[cli][sweep][mpi][resume]") {
  const auto dir = fresh_directory("mpi-resume");
  const auto sweep = write_sweep(dir, 80);
  const auto started = std::chrono::steady_clock::now();
  require_ok(one_process(sweep, dir / "whole.h5"));
  // Kills land at fractions of how long the whole sweep takes on this machine, so a fast machine
  // does not finish before the signal and a slow one is not killed before it starts.
  const double whole_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto out = dir / "resumed.h5";
  const std::string temporary = out.string() + ".tmp";
  std::ptrdiff_t most_kept = 0;
  int interrupted = 0;
  // The signal goes to every rank, as Slurm sends it to every task (SIGTERM at the time limit, SIGKILL
  // after it, or a lost node); mpirun itself would only forward it. Each kill lands a fixed time after
  // the temporary file appeared, so a loaded machine still kills mid-sweep.
  for (const char* kill : {"TERM 0.4", "KILL 0.8", "KILL 0.2"}) {
    std::filesystem::remove(out);
    std::filesystem::remove(temporary);
    const std::string text = kill;
    const auto signal = text.substr(0, text.find(' '));
    const auto delay = std::to_string(std::stod(text.substr(text.find(' ') + 1)) * whole_seconds);
    const auto killed =
        run_command_line("{ " + on_ranks(2, sweep, out) + " & job=$!; for i in $(seq 200); do [ -f " +
                         temporary + " ] && break; sleep 0.05; done; sleep " + delay + "; kill -" + signal +
                         " $(ps -o pid= --ppid $job); wait $job; }");
    INFO(kill << ": " << killed.err);
    // A loaded machine finished first (the kill may still hit a rank in MPI_Finalize): nothing to resume.
    if (killed.exit_code == 0 || std::filesystem::exists(out)) continue;
    ++interrupted;
    REQUIRE(std::filesystem::exists(temporary));
    CHECK_FALSE(std::filesystem::exists(out));
    if (signal == "TERM")
      CHECK(killed.err.find("salesim sweep: interrupted; finished runs are in") != std::string::npos);
    try {
      const auto done = RunFileReader(temporary).read_done_mask();
      const auto kept = std::count(done.begin(), done.end(), 1);
      INFO(kept << " of " << done.size() << " runs kept");
      CHECK(kept < static_cast<std::ptrdiff_t>(done.size()));
      most_kept = std::max(most_kept, kept);
    } catch (const salesim::sim::io::RunFileFormatError&) {
      // killed in the middle of a flush: resume starts again
    }
    const auto resumed = run_command_line(on_ranks(3, sweep, out) + " --resume");
    INFO(kill << ": " << resumed.err);
    REQUIRE(resumed.exit_code == 0);
    require_identical_datasets(dir / "whole.h5", out);
    CHECK_FALSE(std::filesystem::exists(temporary));
  }
  CHECK(interrupted >= 2);
  CHECK(most_kept > 0);  // some kill came after runs were written, so resume really resumed
  std::filesystem::remove_all(dir);
}

TEST_CASE("under mpirun a partial .tmp without --resume is refused, and --resume of a complete file exits 0",
          "[cli][sweep][mpi][bad-input]") {
  const auto dir = fresh_directory("mpi-refusals");
  const auto sweep = write_sweep(dir, 1);
  const auto out = dir / "out.h5";
  require_ok(salesim_exe + " sweep " + sweep.string() + " -q --threads 1 --shard 1/2 -o " +
             (dir / "half.h5").string());
  std::filesystem::copy_file(dir / "half.h5", out.string() + ".tmp");
  const auto refused = run_command_line(on_ranks(2, sweep, out));
  INFO(refused.err);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find(out.string() + ".tmp: the partial file of an interrupted sweep is there") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  require_ok(on_ranks(2, sweep, out) + " --force");
  const auto modified = std::filesystem::last_write_time(out);
  const auto again = run_command_line(on_ranks(2, sweep, out) + " --resume");
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(again.out == "salesim sweep: " + out.string() + " is already complete; nothing to resume\n");
  CHECK(std::filesystem::last_write_time(out) == modified);
  // Bad input is found by every rank and said once, by rank 0.
  write_text(dir / "bad.yaml",
             "name: bad\nscenario: market.yaml\nreplications: 0\nparameters:\n"
             "  - {path: service.level, values: [0.5]}\n");
  const auto bad = run_command_line(on_ranks(2, dir / "bad.yaml", dir / "never.h5"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.yaml:3:15: replications") != std::string::npos);
  CHECK(bad.err.find("bad.yaml:3:15: replications") == bad.err.rfind("bad.yaml:3:15: replications"));
  CHECK_FALSE(std::filesystem::exists(dir / "never.h5.tmp"));
  std::filesystem::remove_all(dir);
}
