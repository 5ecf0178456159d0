// Referrals in three stages, each prefetching what the next reads.
#include "models/world/pending_referrals.h"

#include <algorithm>
#include <atomic>

#include "sim/core/random_stream.h"

namespace salesim::models::world {

std::uint64_t PendingReferrals::after_batch() noexcept {
  for (std::size_t k = 0; k < friend_count_; ++k) {
    std::atomic_ref<std::uint8_t>(marks_[friends_[k]]).fetch_or(mark_bit_, std::memory_order_relaxed);
  }
  friend_count_ = 0;
  for (std::size_t k = 0; k < edge_count_; ++k) {
    const std::uint32_t friend_id = contacts_.column[edges_[k]];
    __builtin_prefetch(&marks_[friend_id], 1);
    friends_[friend_count_++] = friend_id;
  }
  edge_count_ = 0;
  std::uint64_t made = 0;
  for (std::size_t k = 0; k < referrer_count_; ++k) {
    const Referrer& referrer = referrers_[k];
    const std::uint32_t first = contacts_.rowstart[referrer.id];
    const std::uint32_t contacts = contacts_.rowstart[referrer.id + 1] - first;
    if (contacts == 0) continue;
    const auto pick =
        std::min(contacts - 1, static_cast<std::uint32_t>(sim::core::uniform_open01(referrer.pick_word) *
                                                          static_cast<float>(contacts)));
    __builtin_prefetch(&contacts_.column[first + pick]);
    edges_[edge_count_++] = first + pick;
    ++made;
  }
  referrer_count_ = 0;
  return made;
}

std::uint64_t PendingReferrals::flush() noexcept {
  std::uint64_t made = 0;
  while (referrer_count_ + edge_count_ + friend_count_ > 0) made += after_batch();
  return made;
}

}  // namespace salesim::models::world
