// Counter-based random numbers: every draw is a pure function of its coordinates.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include <Random123/philox.h>

namespace salesim::sim::core {

/// A family of draws, 1..15 (it has four bits of the counter). Its owners declare their own: the
/// engine's design stream below, the models' streams in models/random_streams.h. Adding a stream
/// never changes the draws of another.
enum class Stream : std::uint32_t {};

/// Random and Latin hypercube sweep designs.
inline constexpr Stream design_stream{6};

/// Where a run sits in a sweep: the parts of a draw's address that are fixed for a run.
struct RunAddress {
  std::uint64_t seed = 0;
  std::uint32_t design_point = 0;  ///< 0 for every point when common random numbers are on
  std::uint32_t replication = 0;
};

/// Four 32-bit words of Philox4x32-10 output.
using RandomBlock = std::array<std::uint32_t, 4>;

/**
 * @brief One stream of Philox4x32-10 (Salmon et al. 2011, Random123) for one run.
 *
 * block(entity, step, draw_block) is a pure function of (seed, design point, replication,
 * stream, entity, step, draw_block): no state, no dependence on thread, schedule or shard.
 * Counter layout: {entity, step, replication, design_point << 12 | stream << 8 | draw_block}.
 * Each block yields four uniforms, so a caller gets 4 * 256 draws per entity and step.
 */
class RandomStream {
 public:
  static constexpr std::uint32_t max_design_points = 1u << 20;
  static constexpr std::uint32_t max_draw_blocks = 1u << 8;

  /// @throws std::invalid_argument when the design point or stream does not fit the layout.
  RandomStream(const RunAddress& run, Stream stream);

  [[nodiscard]] RandomBlock block(std::uint32_t entity, std::uint32_t step,
                                  std::uint32_t draw_block = 0) const noexcept {
    const r123::Philox4x32::ctr_type counter = {{entity, step, replication_, tag_ | (draw_block & 0xffu)}};
    const auto out = r123::Philox4x32()(counter, key_);
    return {out[0], out[1], out[2], out[3]};
  }

  /// out[k] = block(entities[k], step, draw_block) for every k: many entities at once on the
  /// CPU's widest SIMD target (random_blocks.h), the same words as one at a time.
  void blocks(std::span<const std::uint32_t> entities, std::uint32_t step, std::uint32_t draw_block,
              RandomBlock* out) const noexcept;

 private:
  r123::Philox4x32::key_type key_;
  std::uint32_t replication_;
  std::uint32_t tag_;
};

/// A uniform float in the open interval (0, 1): the top 23 bits of a word plus half a step,
/// so both ends stay exactly representable (24 bits would round the top value to 1).
[[nodiscard]] inline float uniform_open01(std::uint32_t word) noexcept {
  return static_cast<float>(word >> 9) * 0x1p-23f + 0x1p-24f;
}

/// A uniform double in the open interval (0, 1) from 52 bits of two words, plus half a step.
[[nodiscard]] inline double uniform_open01(std::uint32_t high, std::uint32_t low) noexcept {
  const std::uint64_t bits = (std::uint64_t{high} << 20) | (low >> 12);
  return (static_cast<double>(bits) + 0.5) * 0x1p-52;
}

}  // namespace salesim::sim::core
