// Sizing the segment teams.
#include "models/workforce/territories.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace salesim::models::workforce {

Territories::Territories(TerritoryRule rule, std::uint32_t reps,
                         const std::vector<std::uint32_t>& segment_sizes)
    : reps_(std::max(1u, reps)) {
  // With fewer reps than segments a team per segment is impossible: every rep covers all.
  if (rule == TerritoryRule::round_robin || reps_ < segment_sizes.size()) return;
  const double members = std::accumulate(segment_sizes.begin(), segment_sizes.end(), 0.0);
  std::uint32_t member = 0, rep = 0;
  for (std::size_t s = 0; s < segment_sizes.size(); ++s) {
    const std::uint32_t still_to_staff = static_cast<std::uint32_t>(segment_sizes.size() - s - 1);
    const auto share = static_cast<std::uint32_t>(
        std::lround(static_cast<double>(reps_) * segment_sizes[s] / std::max(1.0, members)));
    const std::uint32_t team =
        s + 1 == segment_sizes.size() ? reps_ - rep : std::clamp(share, 1u, reps_ - rep - still_to_staff);
    first_member_.push_back(member);
    first_rep_.push_back(rep);
    team_size_.push_back(team);
    member += segment_sizes[s];
    rep += team;
  }
}

}  // namespace salesim::models::workforce
