// Key and tag set-up for counter-based random streams.
#include "sim/core/random_stream.h"

#include <stdexcept>
#include <string>

#include "sim/core/random_blocks.h"

namespace salesim::sim::core {

RandomStream::RandomStream(const RunAddress& run, Stream stream)
    : key_{{static_cast<std::uint32_t>(run.seed), static_cast<std::uint32_t>(run.seed >> 32)}},
      replication_(run.replication) {
  const auto stream_id = static_cast<std::uint32_t>(stream);
  if (run.design_point >= max_design_points) {
    throw std::invalid_argument("design point " + std::to_string(run.design_point) +
                                " exceeds the random-stream layout (max " +
                                std::to_string(max_design_points - 1) + ")");
  }
  if (stream_id > 0xfu) {
    throw std::invalid_argument("stream id " + std::to_string(stream_id) + " exceeds 15");
  }
  tag_ = (run.design_point << 12) | (stream_id << 8);
}

static_assert(sizeof(RandomBlock) == 4 * sizeof(std::uint32_t), "blocks() writes RandomBlocks as words");

void RandomStream::blocks(std::span<const std::uint32_t> entities, std::uint32_t step,
                          std::uint32_t draw_block, RandomBlock* out) const noexcept {
  if (entities.empty()) return;  // out may be an empty vector's null data()
  const BlockAddress address{step, replication_, tag_ | (draw_block & 0xffu), {key_[0], key_[1]}};
  philox_blocks(address, entities.data(), entities.size(), reinterpret_cast<std::uint32_t*>(out));
}

}  // namespace salesim::sim::core
