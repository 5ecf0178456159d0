// Content identities: which sweep a file belongs to, which run a row holds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::sim::run {

/// XXH3-64 of (resolved scenario, seed, design point, replication): the same run anywhere.
[[nodiscard]] std::uint64_t run_identity(std::string_view resolved_scenario, std::uint64_t seed,
                                         std::uint32_t design_point, std::uint32_t replication);

/// XXH3-64 of every part, each length-prefixed, as 16 hex digits. Shards, resumed files
/// and merges carry it and refuse a file whose identity differs.
[[nodiscard]] std::string content_identity(const std::vector<std::string>& parts);

}  // namespace salesim::sim::run
