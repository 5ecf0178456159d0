// The first phase of a month over a batch of market members: every Philox block they will read.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "models/customer/customer_table.h"
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
 */
class MonthDraws {
 public:
  /// Members per batch: three 4 KiB tables of blocks and two 1 KiB lists of ids stay in the L1 cache.
  static constexpr std::size_t batch = 256;

  /// Draws for members [begin, end) (end - begin <= batch) by their status now.
  void draw(const sim::core::RandomStream& behaviour, const sim::core::RandomStream& acquisition,
            std::span<const customer::CustomerStatus> status, std::size_t begin, std::size_t end,
            std::uint32_t month) noexcept;

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

 private:
  std::array<std::uint32_t, batch> prospect_ids_;
  std::array<std::uint32_t, batch> active_ids_;
  std::array<sim::core::RandomBlock, batch> acquisition_;
  std::array<sim::core::RandomBlock, batch> behaviour_;
  std::array<sim::core::RandomBlock, batch> more_behaviour_;
};

}  // namespace salesim::models::world
