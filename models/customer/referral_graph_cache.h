// Referral graphs already built in this process, for runs that draw the same one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>

#include "models/customer/referral_network.h"

namespace salesim::models::customer {

/**
 * @brief A bounded memo of build_referral_network, a pure function of (params, members, run
 * address). Under common random numbers every design point of a replication has the same address,
 * so a sweep's or compare's points share one graph per replication: built once, looked up after
 * (a hit returns the graph a build would give, so no draw changes). Runs go replication by
 * replication (sim/run position_of), so the graphs still to be asked for are those of the few
 * replications in progress: the least recently used go first once more than `capacity_graphs` are
 * held or they pass `capacity_bytes`, and a graph larger than that is built and not kept. Safe to
 * call from many threads; two threads missing the same graph both build it.
 */
class ReferralGraphCache {
 public:
  ReferralGraphCache(std::size_t capacity_graphs, std::size_t capacity_bytes)
      : capacity_graphs_(capacity_graphs), capacity_bytes_(capacity_bytes) {}

  [[nodiscard]] std::shared_ptr<const ReferralGraph> get(const ReferralParams& params, std::uint32_t members,
                                                         const sim::core::RunAddress& run);

  /// Lets every graph go (graphs still in use by a world stay alive with it).
  void clear();

  [[nodiscard]] std::size_t bytes_held() const;
  [[nodiscard]] std::uint64_t builds() const;

 private:
  /// Everything build_referral_network reads: the generator's parameters, market size, address.
  struct Key {
    NetworkKind network = NetworkKind::small_world;
    std::uint32_t mean_degree = 0;
    double rewiring_probability = 0.0;
    double power_law_exponent = 0.0;
    std::uint32_t members = 0;
    std::uint64_t seed = 0;
    std::uint32_t design_point = 0;
    std::uint32_t replication = 0;
    bool operator==(const Key&) const = default;
  };
  struct Entry {
    Key key;
    std::shared_ptr<const ReferralGraph> graph;
    std::size_t bytes = 0;
  };

  std::size_t capacity_graphs_;
  std::size_t capacity_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  ///< most recently used first
  std::size_t bytes_ = 0;
  std::uint64_t builds_ = 0;
};

/// @brief The process's cache of referral graphs: 16 graphs (the replications in progress on 16
/// threads, one graph each) and at most 64 MiB (two graphs of a million members).
[[nodiscard]] ReferralGraphCache& shared_referral_graphs();

}  // namespace salesim::models::customer
