// The vector Philox gives Random123's words on every SIMD target this CPU runs.
#include "sim/core/random_blocks.h"

#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/random_stream.h"

using salesim::sim::core::RandomBlock;
using salesim::sim::core::RandomStream;
using salesim::sim::core::RunAddress;
using salesim::sim::core::simd_target;
using salesim::sim::core::simd_targets;
using salesim::sim::core::Stream;
using salesim::sim::core::use_simd_target;

namespace {

/// Entity ids that are neither consecutive nor small: every bit of a lane's multiply is used.
std::vector<std::uint32_t> scattered_entities(std::size_t count) {
  const RandomStream ids({99, 0, 0}, Stream{1});
  std::vector<std::uint32_t> entities;
  for (std::size_t k = 0; k < count; ++k) entities.push_back(ids.block(static_cast<std::uint32_t>(k), 0)[0]);
  return entities;
}

}  // namespace

TEST_CASE("RandomStream::blocks gives block()'s words on every SIMD target of this CPU",
          "[core][rng][simd]") {
  const std::vector<std::string> targets = simd_targets();
  REQUIRE_FALSE(targets.empty());
  INFO("targets: " << targets.size() << ", best " << targets.front());
  const RunAddress addresses[] = {{0, 0, 0}, {0xffffffffffffffffull, 7, 123}, {20240501, 1u << 19, 4}};
  for (const std::string& target : targets) {
    REQUIRE(use_simd_target(target));
    CHECK(simd_target() == target);  // dispatch really runs that target's code
    for (const RunAddress& address : addresses) {
      const RandomStream stream(address, Stream{3});
      // Counts around every vector width (4, 8, 16 lanes), so full vectors and the tail both run.
      for (const std::size_t count : {0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 1000}) {
        const std::vector<std::uint32_t> entities = scattered_entities(count);
        std::vector<RandomBlock> vector_words(count);
        stream.blocks(entities, 77, 5, vector_words.data());
        for (std::size_t k = 0; k < count; ++k) {
          INFO(target << " count " << count << " entity " << entities[k]);
          REQUIRE(vector_words[k] == stream.block(entities[k], 77, 5));
        }
      }
    }
  }
  REQUIRE(use_simd_target(""));
  CHECK(simd_target() == targets.front());
}

TEST_CASE("use_simd_target refuses a target this CPU or build lacks and keeps the one in use",
          "[core][simd]") {
  const std::string before = simd_target();
  CHECK_FALSE(use_simd_target("NEON"));
  CHECK_FALSE(use_simd_target("avx2 "));
  CHECK(simd_target() == before);
}
