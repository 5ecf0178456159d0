// The counting sort of the referral graph's edges gives std::sort's order, duplicates included.
#include "models/customer/detail/edge_order.h"

#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/random_stream.h"

using salesim::models::customer::detail::Edge;
using salesim::models::customer::detail::sorted_by_source_then_target;

TEST_CASE("edges sorted by counting come out in std::sort's order, duplicates and all",
          "[customer][network]") {
  const salesim::sim::core::RandomStream draws({17, 0, 0}, salesim::sim::core::Stream{2});
  for (const std::uint32_t vertices : {1u, 2u, 7u, 1000u, 70000u}) {
    std::vector<Edge> edges;
    for (std::uint32_t k = 0; k < 20000; ++k) {
      const auto block = draws.block(k, vertices);
      // Few vertices make many duplicate pairs; the top vertex id is in range too.
      edges.emplace_back(block[0] % vertices, block[1] % vertices);
    }
    edges.emplace_back(vertices - 1, vertices - 1);
    std::vector<Edge> expected = edges;
    std::sort(expected.begin(), expected.end());
    CHECK(sorted_by_source_then_target(edges, vertices) == expected);
  }
  CHECK(sorted_by_source_then_target({}, 5).empty());
}
