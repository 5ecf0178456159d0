// Philox4x32-10 blocks of many entities at once, on the widest SIMD target the CPU has.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace salesim::sim::core {

/// The fixed words of a Philox counter and the key: what one stream, step and draw block share.
struct BlockAddress {
  std::uint32_t step = 0;
  std::uint32_t replication = 0;
  std::uint32_t tag = 0;  ///< design_point << 12 | stream << 8 | draw_block
  std::uint32_t key[2] = {0, 0};
};

/**
 * @brief out[4k .. 4k+3] = Philox4x32-10({entities[k], step, replication, tag}, key) for k < count.
 *
 * Google Highway picks the widest target this CPU runs (AVX-512, AVX2, SSE4, ...) at the first
 * call. Philox is integer arithmetic (32x32-bit products, xor), so every target gives the words
 * Random123's scalar generator gives; the tests compare each target with it.
 */
void philox_blocks(const BlockAddress& address, const std::uint32_t* entities, std::size_t count,
                   std::uint32_t* out) noexcept;

/// The SIMD targets Highway compiled into salesim that this CPU runs, best first (e.g. "AVX2").
[[nodiscard]] std::vector<std::string> simd_targets();

/// The target philox_blocks uses now.
[[nodiscard]] std::string simd_target();

/**
 * @brief Makes philox_blocks use `name` (one of simd_targets()), or the best one for "", and the
 * float math of vector_math.h the matching vector set.
 * For determinism tests and the scalar-vs-vector benchmark; results are the same on every target.
 * Call it before runs start, from one thread: it changes a process-wide choice.
 * @return false, changing nothing, when `name` is not one of simd_targets().
 */
bool use_simd_target(const std::string& name);

}  // namespace salesim::sim::core
