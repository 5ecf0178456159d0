// The referrals a batch of active customers make, applied in stages a batch apart.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "models/world/month_draws.h"

namespace salesim::models::world {

/**
 * @brief Referrals made during a batch, resolved after it and applied after the next one.
 *
 * A referrer's contact list and its friend's mark lie anywhere in memory, and the few customers
 * who refer in a batch would each wait for them in turn. So each stage only asks for what the
 * next one reads (a prefetch) and hands its work on: the referrer's row start during the batch,
 * the chosen contact after it, the friend's mark after the next batch. Marks are bits for next
 * month, so setting them later in the month changes nothing a prospect reads this month, and
 * concurrent marks to one prospect commute.
 */
class PendingReferrals {
 public:
  /// The graph's compressed rows: contacts of member i are column[rowstart[i] .. rowstart[i + 1]).
  struct Contacts {
    std::span<const std::uint32_t> rowstart;
    std::span<const std::uint32_t> column;
  };

  PendingReferrals(Contacts contacts, std::span<std::uint8_t> marks, std::uint8_t mark_bit) noexcept
      : contacts_(contacts), marks_(marks), mark_bit_(mark_bit) {}

  /// During a batch: `referrer` refers the contact that `pick_word` chooses, if it has any.
  /// At most MonthDraws::batch referrers between two calls of after_batch().
  void add(std::uint32_t referrer, std::uint32_t pick_word) noexcept {
    __builtin_prefetch(&contacts_.rowstart[referrer]);
    referrers_[referrer_count_++] = {referrer, pick_word};
  }

  /// After a batch: marks the friends chosen two batches ago, finds those chosen one batch ago and
  /// picks this batch's. Returns the referrals made (referrers with at least one contact).
  std::uint64_t after_batch() noexcept;

  /// At the end of a block: every pending referral applied. Returns the referrals made.
  std::uint64_t flush() noexcept;

 private:
  struct Referrer {
    std::uint32_t id;
    std::uint32_t pick_word;
  };

  Contacts contacts_;
  std::span<std::uint8_t> marks_;
  std::uint8_t mark_bit_;
  std::array<Referrer, MonthDraws::batch> referrers_;
  std::array<std::uint32_t, MonthDraws::batch> edges_;    // positions in column, chosen a batch ago
  std::array<std::uint32_t, MonthDraws::batch> friends_;  // members to mark, found a batch ago
  std::size_t referrer_count_ = 0, edge_count_ = 0, friend_count_ = 0;
};

}  // namespace salesim::models::world
