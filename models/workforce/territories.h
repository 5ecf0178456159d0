// Which rep serves which market member: the scenario's territory rule.
#pragma once

#include <cstdint>
#include <vector>

#include "models/workforce/workforce_params.h"

namespace salesim::models::workforce {

/**
 * @brief Territories dealt out round robin over all members, or by segment: each segment gets its
 * own team, sized in proportion to the segment (at least one rep each), its members dealt out round
 * robin within the team — specialist reps for key accounts and for small firms.
 */
class Territories {
 public:
  Territories() = default;
  /// @param segment_sizes members per segment; members of segment s follow those of s - 1.
  Territories(TerritoryRule rule, std::uint32_t reps, const std::vector<std::uint32_t>& segment_sizes);

  [[nodiscard]] std::uint32_t rep_of(std::uint32_t member, std::uint8_t segment) const noexcept {
    if (first_member_.empty()) return member % reps_;
    return first_rep_[segment] + (member - first_member_[segment]) % team_size_[segment];
  }

 private:
  std::uint32_t reps_ = 1;
  std::vector<std::uint32_t> first_member_, first_rep_, team_size_;  ///< by segment; empty: round robin
};

}  // namespace salesim::models::workforce
