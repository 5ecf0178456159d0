// A uniform random bit generator over one (entity, step) of a RandomStream, for library distributions.
#pragma once

#include <cstdint>
#include <limits>

#include "sim/core/random_stream.h"

namespace salesim::sim::core {

/**
 * @brief Yields the words of blocks first_block, first_block + 1, ... of one entity and step, so
 * Boost.Random's distributions (gamma, beta, Poisson: portable algorithms, unlike std's) can draw
 * from counter-based numbers. Draws stay a pure function of their coordinates: two engines at the
 * same address give the same sequence on any thread.
 *
 * The 256 blocks of an address hold 1024 words; past them the sequence starts over, so callers
 * bound what one address may consume (see models/customer/latent_buyer.h).
 */
class StreamEngine {
 public:
  using result_type = std::uint32_t;

  StreamEngine(const RandomStream& stream, std::uint32_t entity, std::uint32_t step,
               std::uint32_t first_block = 0) noexcept
      : stream_(&stream), entity_(entity), step_(step), next_block_(first_block) {}

  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

  result_type operator()() noexcept {
    if (used_ == 4) {
      words_ = stream_->block(entity_, step_, next_block_++ % RandomStream::max_draw_blocks);
      used_ = 0;
    }
    return words_[used_++];
  }

 private:
  const RandomStream* stream_;
  std::uint32_t entity_;
  std::uint32_t step_;
  std::uint32_t next_block_;
  RandomBlock words_{};
  int used_ = 4;
};

}  // namespace salesim::sim::core
