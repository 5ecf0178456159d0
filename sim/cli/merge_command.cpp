// Merging shard files: same sweep, same version, same layout, every run once.
#include "sim/cli/merge_command.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>

#include "sim/cli/customer_runs.h"
#include "sim/cli/option_checks.h"
#include "sim/io/run_file_reader.h"
#include "sim/io/run_file_writer.h"

namespace salesim::sim::cli {
namespace {

/// Why `shard` cannot join `first` in one merge; empty when it can. Only the files of
/// `salesim sweep --shard K/N` merge: a run or compare file has no shards, and its design has no
/// parameters to regress on.
std::string refusal(const io::RunFileReader& shard, const io::RunFileReader& first) {
  const io::RunFileLayout& found = shard.layout();
  const io::RunFileLayout& expected = first.layout();
  const std::string path = shard.path().string();
  if (found.shard_count == 0) {
    return path + ": not a sweep shard (no shard attribute; merge joins the files of " +
           "`salesim sweep --shard K/N`)";
  }
  if (found.parameter_names.empty()) return path + ": a sweep shard without design parameters";
  if (found.sweep_id != expected.sweep_id || found.salesim_version != expected.salesim_version ||
      found.shard_count != expected.shard_count) {
    return path + ": not a shard of the same sweep as " + first.path().string() + " (sweep_id " +
           found.sweep_id + " vs " + expected.sweep_id + ", salesim " + found.salesim_version + " vs " +
           expected.salesim_version + ", " + std::to_string(found.shard_count) + " vs " +
           std::to_string(expected.shard_count) + " shards)";
  }
  if (found.points != expected.points || found.replications != expected.replications ||
      found.parameter_names != expected.parameter_names ||
      found.catalog.summary_names != expected.catalog.summary_names ||
      found.catalog.timeseries_names != expected.catalog.timeseries_names ||
      found.catalog.steps != expected.catalog.steps) {
    return path + ": same sweep_id as " + first.path().string() +
           " but another layout (design points, replications, parameters or metrics differ)";
  }
  const auto values = shard.read_doubles("/design/params");
  const auto first_values = first.read_doubles("/design/params");
  if (values.size() != first_values.size() ||
      std::memcmp(values.data(), first_values.data(), values.size() * sizeof(double)) != 0) {
    return path + ": /design/params differs from " + first.path().string();
  }
  return "";
}

/// Why the shards do not make up the whole sweep: one partial, or one of 1..N not given; empty when
/// they do. Checked before anything is written, so a merge that cannot finish leaves no file.
std::string incompleteness(const std::vector<io::RunFileReader>& shards) {
  const std::uint32_t count = shards.front().layout().shard_count;
  std::vector<bool> given(std::size_t{count} + 1, false);
  for (const io::RunFileReader& shard : shards) {
    const io::RunFileLayout& layout = shard.layout();
    const std::string slice = std::to_string(layout.shard_index) + "/" + std::to_string(count);
    if (layout.status != "complete") {
      return shard.path().string() + ": shard " + slice +
             " is partial (an interrupted sweep); finish it with salesim sweep --shard " + slice +
             " --resume";
    }
    given[layout.shard_index] = true;
  }
  std::string missing;
  for (std::uint32_t index = 1; index <= count; ++index) {
    if (!given[index])
      missing += (missing.empty() ? "" : ", ") + std::to_string(index) + "/" + std::to_string(count);
  }
  if (missing.empty()) return "";
  return "salesim merge: shard" + std::string(missing.find(',') == std::string::npos ? " " : "s ") + missing +
         " of sweep " + shards.front().layout().sweep_id + " missing (allowed: every shard 1/" +
         std::to_string(count) + ".." + std::to_string(count) + "/" + std::to_string(count) +
         " at least once)";
}

}  // namespace

int merge_command(const std::vector<std::string>& shard_paths, const std::string& output_path,
                  const std::string& command_line) {
  std::optional<io::RunFileWriter> writer;
  try {
    // Every input is opened, its layout checked, and checked against the first before anything
    // is created: a bad input leaves no output and no temporary file.
    std::vector<io::RunFileReader> shards;
    for (const auto& path : shard_paths) shards.emplace_back(path);
    for (const io::RunFileReader& shard : shards) {
      const std::string problem = refusal(shard, shards.front());
      if (!problem.empty()) {
        std::cerr << problem << '\n';
        return 2;
      }
    }
    if (const std::string problem = incompleteness(shards); !problem.empty()) {
      std::cerr << problem << '\n';
      return 2;
    }
    const io::RunFileReader& first = shards.front();
    const io::RunFileLayout& layout = first.layout();
    // Names, months, units and meanings as the first shard recorded them.
    const core::MetricCatalog& catalog = layout.catalog;
    const std::uint32_t points = layout.points;
    const std::uint32_t replications = layout.replications;
    io::DesignTable design{layout.parameter_names, first.read_doubles("/design/params"), points};
    const std::uint64_t seed = first.uint_attribute("/", "seed");
    const std::string scenario_yaml = first.string_attribute("/scenario", "yaml");
    const std::filesystem::path output = output_path;
    try {
      const std::vector<std::filesystem::path> inputs(shard_paths.begin(), shard_paths.end());
      check_output_path("-o", output, inputs);
    } catch (const OptionError& refused) {
      std::cerr << refused.what() << '\n';
      return 2;
    }
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    io::Provenance provenance = provenance_now(command_line, seed, scenario_yaml, layout.sweep_id);
    if (first.has_attribute("/", "sweep_name"))
      provenance.sweep_name = first.string_attribute("/", "sweep_name");
    writer.emplace(output, provenance, catalog, design, replications);

    // Sizes below were all checked against /design/done when each shard was opened.
    std::vector<std::uint8_t> merged(std::size_t{points} * replications, 0);
    for (const io::RunFileReader& shard : shards) {
      const auto done = shard.read_done_mask();
      const auto run_ids = shard.read_run_ids();
      std::vector<std::vector<double>> summaries, timeseries;
      for (const auto& name : catalog.summary_names)
        summaries.push_back(shard.read_doubles("/summary/" + name));
      for (const auto& name : catalog.timeseries_names)
        timeseries.push_back(shard.read_doubles("/timeseries/" + name));
      for (std::size_t index = 0; index < done.size(); ++index) {
        if (done[index] == 0 || merged[index] != 0) continue;
        core::RunRecord record;
        record.design_point = static_cast<std::uint32_t>(index / replications);
        record.replication = static_cast<std::uint32_t>(index % replications);
        record.run_id = run_ids[index];
        for (const auto& values : summaries) record.summary.push_back(values[index]);
        for (const auto& values : timeseries) {
          const auto begin = values.begin() + static_cast<std::ptrdiff_t>(index * catalog.steps);
          record.timeseries.insert(record.timeseries.end(), begin,
                                   begin + static_cast<std::ptrdiff_t>(catalog.steps));
        }
        writer->write_run(record);
        merged[index] = 1;
      }
    }
    const auto missing = static_cast<std::size_t>(std::count(merged.begin(), merged.end(), 0));
    if (missing > 0) {
      // Every shard was given and complete, so a file's done mask contradicts its status.
      writer->discard();
      std::cerr << "salesim merge: " << missing
                << " runs are in no shard although every shard is given and complete (allowed: shard files "
                << "as salesim sweep --shard wrote them)\n";
      return 2;
    }
    (void)write_sweep_analysis(*writer, design);
    writer->commit();
    std::cout << "merged " << shards.size() << " shards into " << output.string() << '\n';
    return 0;
  } catch (const io::RunFileFormatError& error) {
    // An input that is not what it claims, found half-way: nothing of the merge is kept.
    if (writer) writer->discard();
    std::cerr << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    if (writer) writer->discard();
    std::cerr << "salesim merge: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace salesim::sim::cli
