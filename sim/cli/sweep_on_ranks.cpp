// `mpirun -np N salesim sweep`: every rank loads the sweep, rank 0 alone opens and writes the file and
// hands runs out; the datasets are those of a one-process sweep (records depend only on their run).
#include <filesystem>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <tbb/info.h>

#include "sim/cli/progress_bar.h"
#include "sim/cli/sweep_steps.h"
#include "sim/core/parallel.h"
#include "sim/run/distributed_runs.h"
#include "sim/run/rank_session.h"

namespace salesim::sim::cli {
namespace {

io::RankTable rank_table(const std::vector<run::RankCounters>& counters) {
  io::RankTable table;
  for (const run::RankCounters& rank : counters) {
    table.slots.push_back(rank.slots);
    table.runs.push_back(rank.runs);
    table.most_held.push_back(rank.most_held);
    table.idle_seconds.push_back(rank.idle_seconds);
    table.starved_seconds.push_back(rank.starved_seconds);
  }
  return table;
}

/// One line: runs and idle slot-seconds of each rank.
std::string counters_line(const std::vector<run::RankCounters>& counters) {
  std::string line = fmt::format("salesim sweep: {} ranks; runs per rank", counters.size());
  for (const run::RankCounters& rank : counters) line += fmt::format(" {}", rank.runs);
  line += "; idle slot-seconds while runs were unassigned";
  for (const run::RankCounters& rank : counters) line += fmt::format(" {:.3f}", rank.starved_seconds);
  return line;
}

std::uint64_t count_runs(const run::ReplicationPlan& plan) {
  std::uint64_t runs = 0;
  for (std::uint32_t p = 0; p < plan.design_points; ++p) {
    for (std::uint32_t r = 0; r < plan.replications; ++r) runs += plan.include(p, r) ? 1 : 0;
  }
  return runs;
}

int coordinate(const SweepOptions& options, const PreparedSweep& prepared, const run::RankSession& session,
               run::ReplicationPlan& plan, std::uint32_t slots, const run::SimulateRun& simulate,
               io::RunFileWriter& writer) {
  plan.include = runs_still_to_do(prepared, writer);
  ProgressBar progress(count_runs(plan));
  const std::vector<run::RankCounters> counters =
      run::coordinate_runs(session, plan, slots, simulate, [&](core::RunRecord&& record) {
        writer.write_run(record);
        progress.advance();
      });
  writer.write_rank_table(rank_table(counters));
  if (!options.quiet) std::cout << counters_line(counters) << '\n';
  return finish_sweep(options, prepared, writer);
}

}  // namespace

int sweep_on_ranks(const SweepOptions& options) {
  const run::RankSession session;
  const bool coordinator = session.rank() == 0;
  // Every rank reads the same files, so rank 0 alone says what is wrong with them; another rank's
  // lines are shown only when rank 0 found nothing wrong (a file that rank cannot read).
  std::ostringstream held;
  std::streambuf* const cerr_buffer = coordinator ? nullptr : std::cerr.rdbuf(held.rdbuf());
  PreparedSweep prepared;
  int code = prepare_sweep(options, prepared);
  if (!coordinator) std::cerr.rdbuf(cerr_buffer);
  std::optional<io::RunFileWriter> writer;
  OutputState state = OutputState::ready;
  const bool partial_there = std::filesystem::exists(prepared.output.string() + ".tmp");
  if (coordinator && code == 0) code = open_sweep_output(options, prepared, writer, state);
  const int rank0_code = session.code_of_rank0(code);
  const int worst = session.largest_code(code);
  if (!coordinator && code != 0 && rank0_code == 0)
    std::cerr << "rank " << session.rank() << ": " << held.str();
  if (worst != 0) {
    if (writer && !partial_there) writer->discard();  // nothing ran: leave no new temporary file
    return worst;
  }
  if (session.code_of_rank0(state == OutputState::complete ? 1 : 0) == 1) return 0;

  run::ReplicationPlan plan;
  plan.seed = prepared.sweep.seed;
  plan.design_points = static_cast<std::uint32_t>(prepared.scenarios.size());
  plan.replications = prepared.sweep.replications;
  plan.common_random_numbers = prepared.sweep.common_random_numbers;
  plan.stop_requested = &stop_requested();
  const run::SimulateRun full_record = customer_run_simulation(prepared.scenarios, prepared.sweep.seed);
  // Only the kept metrics travel between ranks.
  const run::SimulateRun simulate = [&](std::uint32_t design_point, const core::RunAddress& address) {
    return prepared.metrics->select(full_record(design_point, address));
  };
  const auto slots = static_cast<std::uint32_t>(options.threads != 0 ? options.threads
                                                                     : std::thread::hardware_concurrency());
  const core::ThreadLimit thread_limit(options.threads);
  // A signal stops rank 0 handing out runs; the other ranks finish theirs and wait to be told to stop.
  install_stop_handlers();
  try {
    if (!coordinator) {
      run::serve_runs(plan, slots, simulate);
      return 0;
    }
    return coordinate(options, prepared, session, plan, slots, simulate, *writer);
  } catch (const run::RunsInterrupted&) {
    return report_interrupted(prepared);
  } catch (const std::exception& error) {
    // The other ranks would wait for this one for ever.
    std::cerr << "salesim sweep: rank " << session.rank() << ": " << error.what() << '\n';
    session.abort(1);
  }
}

}  // namespace salesim::sim::cli
