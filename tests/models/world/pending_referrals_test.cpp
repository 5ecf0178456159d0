// Staged referrals mark exactly the friends, and count exactly the referrals, that marking at once would.
#include "models/world/pending_referrals.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/random_stream.h"

using salesim::models::world::MonthDraws;
using salesim::models::world::PendingReferrals;
using salesim::sim::core::RandomStream;
using salesim::sim::core::Stream;
using salesim::sim::core::uniform_open01;

TEST_CASE("referrals applied in stages mark the friends and count the referrals that marking at once would",
          "[world]") {
  // 2,000 members with 0 to 9 contacts each (a tenth have none), at random.
  const RandomStream graph({21, 0, 0}, Stream{3});
  std::vector<std::uint32_t> rowstart{0}, column;
  const std::uint32_t members = 2000;
  for (std::uint32_t i = 0; i < members; ++i) {
    const auto words = graph.block(i, 0);
    const std::uint32_t degree = words[0] % 10;
    for (std::uint32_t c = 0; c < degree; ++c) column.push_back(graph.block(i, 1 + c)[1] % members);
    rowstart.push_back(static_cast<std::uint32_t>(column.size()));
  }
  const std::uint8_t bit = 2;
  std::vector<std::uint8_t> staged(members, 1), direct(members, 1);  // another bit already set
  PendingReferrals referrals({rowstart, column}, staged, bit);
  std::uint64_t staged_made = 0, direct_made = 0;
  const RandomStream who({21, 0, 0}, Stream{4});
  std::size_t batches = 0;
  for (std::uint32_t begin = 0; begin < members; begin += MonthDraws::batch, ++batches) {
    const auto end = std::min<std::uint32_t>(members, begin + MonthDraws::batch);
    for (std::uint32_t i = begin; i < end; ++i) {
      const auto words = who.block(i, 0);
      if (uniform_open01(words[0]) >= 0.3f) continue;
      referrals.add(i, words[1]);
      const std::uint32_t contacts = rowstart[i + 1] - rowstart[i];
      if (contacts == 0) continue;
      const auto pick = std::min(
          contacts - 1, static_cast<std::uint32_t>(uniform_open01(words[1]) * static_cast<float>(contacts)));
      direct[column[rowstart[i] + pick]] |= bit;
      ++direct_made;
    }
    staged_made += referrals.after_batch();
    if (batches == 0) CHECK(std::count(staged.begin(), staged.end(), 1 | bit) == 0);  // marked a batch later
  }
  staged_made += referrals.flush();
  INFO(direct_made << " referrals in " << batches << " batches");
  CHECK(direct_made > 100);
  CHECK(staged_made == direct_made);
  CHECK(staged == direct);
  CHECK(referrals.flush() == 0);  // nothing left
}
