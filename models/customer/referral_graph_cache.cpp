// A bounded, least-recently-used memo of the referral graph.
#include "models/customer/referral_graph_cache.h"

namespace salesim::models::customer {

std::shared_ptr<const ReferralGraph> ReferralGraphCache::get(const ReferralParams& params,
                                                             std::uint32_t members,
                                                             const sim::core::RunAddress& run) {
  const Key key{params.network,
                params.mean_degree,
                params.rewiring_probability,
                params.power_law_exponent,
                members,
                run.seed,
                run.design_point,
                run.replication};
  {
    const std::lock_guard lock(mutex_);
    for (auto entry = entries_.begin(); entry != entries_.end(); ++entry) {
      if (entry->key == key) {
        entries_.splice(entries_.begin(), entries_, entry);
        return entry->graph;
      }
    }
  }
  // Built outside the lock, so that other threads' runs are not held up.
  auto graph = std::make_shared<const ReferralGraph>(build_referral_network(params, members, run));
  const std::size_t bytes =
      (graph->m_forward.m_rowstart.size() + graph->m_forward.m_column.size()) * sizeof(std::uint32_t);
  const std::lock_guard lock(mutex_);
  ++builds_;
  if (bytes > capacity_bytes_) return graph;
  for (const Entry& entry : entries_) {
    if (entry.key == key) return entry.graph;  // another thread built it meanwhile
  }
  entries_.push_front({key, graph, bytes});
  bytes_ += bytes;
  while (bytes_ > capacity_bytes_ || entries_.size() > capacity_graphs_) {
    bytes_ -= entries_.back().bytes;
    entries_.pop_back();
  }
  return graph;
}

void ReferralGraphCache::clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
  bytes_ = 0;
}

std::size_t ReferralGraphCache::bytes_held() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

std::uint64_t ReferralGraphCache::builds() const {
  const std::lock_guard lock(mutex_);
  return builds_;
}

ReferralGraphCache& shared_referral_graphs() {
  static ReferralGraphCache cache(16, std::size_t{64} << 20);
  return cache;
}

}  // namespace salesim::models::customer
