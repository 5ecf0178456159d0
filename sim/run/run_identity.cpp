// Hashing with xxHash (Debian libxxhash-dev).
#include "sim/run/run_identity.h"

#include <fmt/format.h>
#include <xxhash.h>

namespace salesim::sim::run {

std::uint64_t run_identity(std::string_view resolved_scenario, std::uint64_t seed, std::uint32_t design_point,
                           std::uint32_t replication) {
  const std::string key = fmt::format("{}\n{}\n{}\n{}", resolved_scenario, seed, design_point, replication);
  return XXH3_64bits(key.data(), key.size());
}

std::string content_identity(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += fmt::format("{}:{}\n", part.size(), part);
  return fmt::format("{:016x}", XXH3_64bits(joined.data(), joined.size()));
}

}  // namespace salesim::sim::run
