// Limits that protect the machine from absurd or hostile input.
#pragma once

#include <cstdint>

namespace salesim::sim::io {

struct InputLimits {
  std::uint64_t max_file_bytes = 4u << 20;
  std::uint64_t max_yaml_nodes = 200000;
  std::uint64_t max_aliases = 1000;
  /// Longest text value (a name, a description), in bytes; texts must also be valid UTF-8.
  std::uint64_t max_text_bytes = 64u << 10;
  /// Largest magnitude of a number: no quantity of a scenario comes near it, and sums of values this
  /// large over customers and months stay finite (1e308 would turn revenue into inf).
  double max_number_magnitude = 1e15;
  std::uint64_t max_market_size = 50'000'000;
  /// Buyer-supplier relationships held at once (buyers x suppliers_per_buyer), about 100 bytes each.
  std::uint64_t max_relationships = 10'000'000;
  /// Reps of the workforce; each carries its own state, quota and pay history.
  std::uint32_t max_reps = 100'000;
  std::uint32_t max_segments = 64;
  /// Changes of a scenario's timeline; each one reads the scenario again.
  std::uint32_t max_timeline_changes = 240;
  /// Estimated bytes of one world per market member, before the referral graph
  /// (state columns plus the graph's construction buffers).
  std::uint64_t bytes_per_member = 96;
  /// Estimated bytes per member and unit of mean degree for the referral graph.
  std::uint64_t bytes_per_contact = 8;
};

}  // namespace salesim::sim::io
