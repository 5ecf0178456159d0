// Gathers the prospects and the active customers of a batch and draws their blocks in bulk.
#include "models/world/month_draws.h"

#include <cmath>

#include <Random123/uniform.hpp>

#include "sim/core/vector_math.h"

namespace salesim::models::world {
namespace {

// Fills ids[count ..] up to a whole number of vectors with `filler` (any member; its draws go unread).
std::size_t padded(std::array<std::uint32_t, MonthDraws::padded_batch>& ids, std::size_t count,
                   std::size_t filler) noexcept {
  const std::size_t whole = (count + MonthDraws::lanes - 1) / MonthDraws::lanes * MonthDraws::lanes;
  for (std::size_t k = count; k < whole; ++k) ids[k] = static_cast<std::uint32_t>(filler);
  return whole;
}

}  // namespace

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
  prospect_count_ = prospects;
  active_count_ = active;
  const std::size_t padded_prospects = padded(prospect_ids_, prospects, begin);
  padded_active_count_ = padded(active_ids_, active, begin);
  acquisition.blocks({prospect_ids_.data(), padded_prospects}, month, 0, acquisition_.data());
  behaviour.blocks({active_ids_.data(), padded_active_count_}, month, 0, behaviour_.data());
  behaviour.blocks({active_ids_.data(), padded_active_count_}, month, 1, more_behaviour_.data());
}

void MonthDraws::evaluate(std::span<const float> satisfaction, std::span<const std::uint8_t> segment,
                          std::span<const SegmentConstants> segments, float churn_sensitivity,
                          float reference) noexcept {
  // The padding too: whole vectors, and its ids are members whose state can be read.
  const std::size_t count = padded_active_count_;
  auto& [angle, uniform, sine, cosine, log_uniform] = scratch_;
  for (std::size_t k = 0; k < count; ++k) {
    // Random123's boxmuller: an angle in (-1, 1) half-turns and a radius from a uniform in (0, 1].
    angle[k] = r123::uneg11<float>(behaviour_[k][2]);
    uniform[k] = r123::u01<float>(behaviour_[k][3]);
  }
  sim::core::sincospi_floats(angle.data(), count, sine.data(), cosine.data());
  sim::core::log_floats(uniform.data(), count, log_uniform.data());
  for (std::size_t k = 0; k < count; ++k) {
    const float radius = std::sqrt(-2.0f * log_uniform[k]);
    normal_x_[k] = sine[k] * radius;
    normal_y_[k] = cosine[k] * radius;
  }
  float* const churn_exponent = exponentials_.data();
  float* const spend_exponent = exponentials_.data() + count;
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t id = active_ids_[k];
    const SegmentConstants& seg = segments[segment[id]];
    churn_exponent[k] = churn_sensitivity * (reference - satisfaction[id]);
    spend_exponent[k] = seg.log_spend_mu + seg.log_spend_sigma * normal_x_[k];
  }
  sim::core::exp_floats(exponentials_.data(), 2 * count, exponentials_.data());
}

}  // namespace salesim::models::world
