// `salesim merge`: shard files of one sweep into the file a single process would have written.
#pragma once

#include <string>
#include <vector>

namespace salesim::sim::cli {

/// Returns the exit code: 2 when the shards do not belong together or one is missing or partial
/// (nothing is written then), 1 when writing fails.
int merge_command(const std::vector<std::string>& shard_paths, const std::string& output_path,
                  const std::string& command_line);

}  // namespace salesim::sim::cli
