// Parallel loops whose results do not depend on the number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

namespace salesim::sim::core {

/// Entities per block in blocked loops: a fixed partition, so sums never depend on threads.
inline constexpr std::size_t entities_per_block = 4096;

/// Number of fixed blocks covering [0, count).
[[nodiscard]] constexpr std::size_t block_count(std::size_t count) noexcept {
  return (count + entities_per_block - 1) / entities_per_block;
}

/**
 * @brief Runs body(block_begin, block_end, block_index) over fixed blocks of [0, count), in
 * parallel with TBB. Bodies of different blocks must touch disjoint state.
 */
template <typename Body>
void for_each_block(std::size_t count, Body&& body) {
  const std::size_t blocks = block_count(count);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t b = range.begin(); b != range.end(); ++b) {
                        const std::size_t begin = b * entities_per_block;
                        const std::size_t end = std::min(count, begin + entities_per_block);
                        body(begin, end, b);
                      }
                    });
}

/**
 * @brief Deterministic parallel reduction: each fixed block fills its own Partial, then the
 * partials are combined serially in block order, so floating-point sums are bit-identical
 * whatever the thread count or schedule.
 */
template <typename Partial, typename BlockBody, typename Combine>
Partial reduce_blocks(std::size_t count, Partial identity, BlockBody&& block_body, Combine&& combine) {
  std::vector<Partial> partials(block_count(count), identity);
  for_each_block(
      count, [&](std::size_t begin, std::size_t end, std::size_t b) { block_body(begin, end, partials[b]); });
  Partial total = identity;
  for (const Partial& partial : partials) combine(total, partial);
  return total;
}

/// Limits TBB to `threads` worker threads for the lifetime of the object (0: TBB's default).
class ThreadLimit {
 public:
  explicit ThreadLimit(std::size_t threads);

 private:
  std::unique_ptr<tbb::global_control> control_;
};

}  // namespace salesim::sim::core
