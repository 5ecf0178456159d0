// The first phases of a month over a batch of market members: every Philox block they will read,
// and the floats their active customers' step needs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "models/customer/customer_table.h"
#include "models/world/segment_constants.h"
#include "sim/core/random_stream.h"

namespace salesim::models::world {

/**
 * @brief The draws of up to `batch` consecutive members for one month, made many at a time on
 * the CPU's SIMD lanes (sim/core/random_blocks.h) before the members are stepped one by one.
 *
 * A prospect reads one acquisition block, an active customer behaviour blocks 0 and 1; they are
 * kept in member order, so the k-th prospect (active customer) of the batch reads the k-th entry.
 * The words are those RandomStream::block gives, so the phase changes no draw of any run. The
 * rarer blocks (a survey answer's noise, a purchase day, a latent buyer's process) stay one at a time.
 *
 * A second phase, evaluate(), turns the active customers' words into the floats their step needs
 * (Box-Muller normals, churn multipliers, spends) with the vector math of sim/core/vector_math.h,
 * which gives the same bits on every SIMD target.
 */
class MonthDraws {
 public:
  /// Members per batch: three 4 KiB tables of blocks, two 1 KiB lists of ids and 9 KiB of floats
  /// (23 KiB) stay in a 32 KiB L1 data cache.
  static constexpr std::size_t batch = 256;
  /// The lists are padded to whole vectors of the widest target (AVX-512: 16 lanes), so the
  /// SIMD draws and math need no one-at-a-time tail; the padding repeats a member's id.
  static constexpr std::size_t lanes = 16;
  static constexpr std::size_t padded_batch = batch + lanes - 1;

  /// Draws for members [begin, end) (end - begin <= batch) by their status now.
  void draw(const sim::core::RandomStream& behaviour, const sim::core::RandomStream& acquisition,
            std::span<const customer::CustomerStatus> status, std::size_t begin, std::size_t end,
            std::uint32_t month) noexcept;

  /**
   * @brief The floats of the active customers drawn for: for the k-th, from block 0's words 2 and 3,
   * the Box-Muller pair (x, y) as Random123's boxmuller computes it, but with sin(pi u) and
   * cos(pi u) exact to half an ulp; exp(churn_sensitivity (reference - satisfaction)); and
   * exp(log_spend_mu + log_spend_sigma x) of the customer's segment.
   */
  void evaluate(std::span<const float> satisfaction, std::span<const std::uint8_t> segment,
                std::span<const SegmentConstants> segments, float churn_sensitivity,
                float reference) noexcept;

  /// The prospects and the active customers of the batch by their status at draw(), in member order.
  [[nodiscard]] std::size_t prospects() const noexcept { return prospect_count_; }
  [[nodiscard]] std::size_t actives() const noexcept { return active_count_; }
  [[nodiscard]] std::uint32_t prospect_id(std::size_t prospect) const noexcept {
    return prospect_ids_[prospect];
  }
  [[nodiscard]] std::uint32_t active_id(std::size_t active) const noexcept { return active_ids_[active]; }

  [[nodiscard]] const sim::core::RandomBlock& acquisition(std::size_t prospect) const noexcept {
    return acquisition_[prospect];
  }
  /// Block 0 (churn, purchase, spend and satisfaction shock) and block 1 (referral, survey).
  [[nodiscard]] const sim::core::RandomBlock& behaviour(std::size_t active) const noexcept {
    return behaviour_[active];
  }
  [[nodiscard]] const sim::core::RandomBlock& more_behaviour(std::size_t active) const noexcept {
    return more_behaviour_[active];
  }
  /// A standard normal pair, independent of each other (evaluate()).
  [[nodiscard]] float normal_x(std::size_t active) const noexcept { return normal_x_[active]; }
  [[nodiscard]] float normal_y(std::size_t active) const noexcept { return normal_y_[active]; }
  /// What satisfaction does to the churn hazard (customer::dropout_multiplier).
  [[nodiscard]] float churn_multiplier(std::size_t active) const noexcept { return exponentials_[active]; }
  /// One purchase's spend before cross-selling and price: lognormal by the segment's parameters.
  [[nodiscard]] float spend(std::size_t active) const noexcept {
    return exponentials_[padded_active_count_ + active];
  }

 private:
  std::array<std::uint32_t, padded_batch> prospect_ids_;
  std::array<std::uint32_t, padded_batch> active_ids_;
  std::array<sim::core::RandomBlock, padded_batch> acquisition_;
  std::array<sim::core::RandomBlock, padded_batch> behaviour_;
  std::array<sim::core::RandomBlock, padded_batch> more_behaviour_;
  std::size_t prospect_count_ = 0;
  std::size_t active_count_ = 0;
  std::size_t padded_active_count_ = 0;
  std::array<float, padded_batch> normal_x_;
  std::array<float, padded_batch> normal_y_;
  // evaluate()'s intermediate floats, kept here so that no call clears them (it writes before it reads).
  struct Scratch {
    std::array<float, padded_batch> angle, uniform, sine, cosine, log_uniform;
  } scratch_;
  // The active customers' churn multipliers, then their spends: one call exponentiates both.
  std::array<float, 2 * padded_batch> exponentials_;
};

}  // namespace salesim::models::world
