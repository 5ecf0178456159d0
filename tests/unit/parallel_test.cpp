// Deterministic blocked reductions.
#include "sim/core/parallel.h"

#include <cstring>
#include <numeric>
#include <vector>

#include <catch2/catch.hpp>

using namespace salesim::sim::core;

TEST_CASE("blocked sums are bit-identical for 1, 2 and 8 threads", "[core][parallel]") {
  std::vector<double> values(100003);
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = 1.0 / (1.0 + static_cast<double>(i % 977)) * 1e-3 + static_cast<double>(i % 7) * 1e6;
  auto sum_with = [&](std::size_t threads) {
    const ThreadLimit limit(threads);
    return reduce_blocks(
        values.size(), 0.0,
        [&](std::size_t begin, std::size_t end, double& part) {
          for (std::size_t i = begin; i < end; ++i) part += values[i];
        },
        [](double& total, double part) { total += part; });
  };
  const double one = sum_with(1);
  const double two = sum_with(2);
  const double eight = sum_with(8);
  CHECK(std::memcmp(&one, &two, sizeof one) == 0);
  CHECK(std::memcmp(&one, &eight, sizeof one) == 0);
  CHECK(one == Approx(std::accumulate(values.begin(), values.end(), 0.0)));
}

TEST_CASE("every entity is visited by exactly one block", "[core][parallel]") {
  std::vector<int> visits(10 * entities_per_block + 17, 0);
  // Catch2 assertions are not thread-safe: blocks record what they saw, the test checks it after.
  std::vector<std::size_t> block_begins(block_count(visits.size()), 0);
  for_each_block(visits.size(), [&](std::size_t begin, std::size_t end, std::size_t block) {
    block_begins[block] = begin;
    for (std::size_t i = begin; i < end; ++i) ++visits[i];
  });
  for (std::size_t block = 0; block < block_begins.size(); ++block) {
    CHECK(block_begins[block] == block * entities_per_block);
  }
  CHECK(std::all_of(visits.begin(), visits.end(), [](int v) { return v == 1; }));
  CHECK(block_count(0) == 0);
  CHECK(block_count(1) == 1);
  CHECK(block_count(entities_per_block + 1) == 2);
}
