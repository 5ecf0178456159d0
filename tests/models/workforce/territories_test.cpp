// Territory rules: who serves whom.
#include "models/workforce/territories.h"

#include <set>
#include <vector>

#include <catch2/catch.hpp>

using salesim::models::workforce::Territories;
using salesim::models::workforce::TerritoryRule;

TEST_CASE("round-robin territories deal every member out in turn", "[workforce][territories]") {
  const Territories territories(TerritoryRule::round_robin, 7, {100, 50});
  for (std::uint32_t member = 0; member < 150; ++member) {
    CHECK(territories.rep_of(member, member < 100 ? 0 : 1) == member % 7);
  }
}

TEST_CASE("segment territories give each segment a team sized to it", "[workforce][territories]") {
  // 6,000 small firms and 2,000 key accounts, 8 reps: a team of 6 and a team of 2.
  const Territories territories(TerritoryRule::by_segment, 8, {6000, 2000});
  std::set<std::uint32_t> small_team, key_team;
  for (std::uint32_t member = 0; member < 6000; ++member) small_team.insert(territories.rep_of(member, 0));
  for (std::uint32_t member = 6000; member < 8000; ++member) key_team.insert(territories.rep_of(member, 1));
  CHECK(small_team == std::set<std::uint32_t>{0, 1, 2, 3, 4, 5});
  CHECK(key_team == std::set<std::uint32_t>{6, 7});
  // Each rep of a team gets an equal share of its segment.
  std::vector<int> load(8, 0);
  for (std::uint32_t member = 6000; member < 8000; ++member) ++load[territories.rep_of(member, 1)];
  CHECK(load[6] == 1000);
  CHECK(load[7] == 1000);
}

TEST_CASE("a small segment still gets a rep, and too few reps cover everyone", "[workforce][territories]") {
  const Territories tiny(TerritoryRule::by_segment, 4, {9900, 100});
  CHECK(tiny.rep_of(9950, 1) == 3);  // the 1% segment rounds to no rep, and gets one
  CHECK(tiny.rep_of(0, 0) == 0);
  CHECK(tiny.rep_of(2, 0) == 2);
  const Territories crowded(TerritoryRule::by_segment, 2, {10, 10, 10});
  CHECK(crowded.rep_of(25, 2) == 1);  // round robin: 25 % 2
}
