// Merging shard files: same sweep, same version, every run once.
#include "sim/cli/merge_command.h"

#include <filesystem>
#include <iostream>

#include "sim/cli/customer_runs.h"
#include "sim/io/run_file_reader.h"
#include "sim/io/run_file_writer.h"

namespace salesim::sim::cli {
namespace {

/// What must agree between shards of one sweep.
struct ShardIdentity {
  std::string sweep_id, salesim_version;
  std::uint64_t schema = 0;
  bool operator==(const ShardIdentity&) const = default;
};

ShardIdentity identity_of(const io::RunFileReader& reader) {
  return {reader.string_attribute("/", "sweep_id"), reader.string_attribute("/", "salesim_version"),
          reader.uint_attribute("/", "schema_version")};
}

}  // namespace

int merge_command(const std::vector<std::string>& shard_paths, const std::string& output_path,
                  const std::string& command_line) {
  try {
    std::vector<io::RunFileReader> shards;
    for (const auto& path : shard_paths) shards.emplace_back(path);
    const ShardIdentity expected = identity_of(shards.front());
    for (std::size_t i = 0; i < shards.size(); ++i) {
      const ShardIdentity found = identity_of(shards[i]);
      if (expected.sweep_id.empty() || !(found == expected)) {
        std::cerr << shard_paths[i] << ": not a shard of the same sweep as " << shard_paths.front()
                  << " (sweep_id " << found.sweep_id << " vs " << expected.sweep_id << ", salesim "
                  << found.salesim_version << " vs " << expected.salesim_version << ")\n";
        return 2;
      }
    }
    const io::RunFileReader& first = shards.front();
    // Names, months, units and meanings as the first shard recorded them.
    const core::MetricCatalog catalog = first.metric_catalog();
    const auto done_shape = first.shape("/design/done");
    const auto points = static_cast<std::uint32_t>(done_shape[0]);
    const auto replications = static_cast<std::uint32_t>(done_shape[1]);
    io::DesignTable design{first.string_array_attribute("/design/params", "names"),
                           first.read_doubles("/design/params"), points};
    const std::filesystem::path output = output_path;
    if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
    io::RunFileWriter writer(output,
                             provenance_now(command_line, first.uint_attribute("/", "seed"),
                                            first.string_attribute("/scenario", "yaml"), expected.sweep_id),
                             catalog, design, replications);

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
        writer.write_run(record);
        merged[index] = 1;
      }
    }
    const auto missing = static_cast<std::size_t>(std::count(merged.begin(), merged.end(), 0));
    if (missing > 0) {
      std::cerr << "salesim merge: " << missing << " runs are in no shard; partial result left at "
                << writer.temporary_path().string() << '\n';
      return 1;
    }
    (void)write_sweep_analysis(writer, design);
    writer.commit();
    std::cout << "merged " << shards.size() << " shards into " << output.string() << '\n';
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "salesim merge: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace salesim::sim::cli
