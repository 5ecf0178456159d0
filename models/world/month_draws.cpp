// Gathers the prospects and the active customers of a batch and draws their blocks in bulk.
#include "models/world/month_draws.h"

namespace salesim::models::world {

void MonthDraws::draw(const sim::core::RandomStream& behaviour, const sim::core::RandomStream& acquisition,
                      std::span<const customer::CustomerStatus> status, std::size_t begin, std::size_t end,
                      std::uint32_t month) noexcept {
  // Branch-free compaction: statuses are mixed at random, so a branch per member mispredicts.
  std::size_t prospects = 0, active = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const auto id = static_cast<std::uint32_t>(i);
    prospect_ids_[prospects] = id;
    active_ids_[active] = id;
    prospects += status[i] == customer::CustomerStatus::prospect ? 1 : 0;
    active += status[i] == customer::CustomerStatus::active ? 1 : 0;
  }
  acquisition.blocks({prospect_ids_.data(), prospects}, month, 0, acquisition_.data());
  behaviour.blocks({active_ids_.data(), active}, month, 0, behaviour_.data());
  behaviour.blocks({active_ids_.data(), active}, month, 1, more_behaviour_.data());
}

}  // namespace salesim::models::world
