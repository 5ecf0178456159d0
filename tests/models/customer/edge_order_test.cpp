// The referral graph's contact rows give std::sort's order of the directed pairs, duplicates included.
#include "models/customer/detail/edge_order.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/random_stream.h"

using salesim::models::customer::detail::contact_rows;
using salesim::models::customer::detail::ContactRows;
using salesim::models::customer::detail::Edge;
using salesim::models::customer::detail::RowEdgeIterator;

namespace {

/// The directed pairs of the rows, read back through the iterator the graph is built from.
std::vector<Edge> pairs_of(const ContactRows& rows) {
  return {RowEdgeIterator(rows, 0), RowEdgeIterator(rows, rows.column.size())};
}

}  // namespace

TEST_CASE("contact rows hold each relabelled contact both ways, in std::sort's order of the pairs",
          "[customer][network]") {
  const salesim::sim::core::RandomStream draws({17, 0, 0}, salesim::sim::core::Stream{2});
  for (const std::uint32_t vertices : {1u, 2u, 7u, 1000u, 70000u}) {
    INFO(vertices << " vertices");
    std::vector<Edge> contacts;
    for (std::uint32_t k = 0; k < 20000; ++k) {
      const auto block = draws.block(k, vertices);
      // Few vertices make many duplicate pairs; the top vertex id is in range too.
      contacts.emplace_back(block[0] % vertices, block[1] % vertices);
    }
    contacts.emplace_back(vertices - 1, vertices - 1);
    // A relabelling: the vertex ids reversed and rotated.
    std::vector<std::uint32_t> label(vertices);
    for (std::uint32_t v = 0; v < vertices; ++v) label[v] = (vertices - 1 - v + 3) % vertices;
    std::vector<Edge> expected;
    for (const auto& [a, b] : contacts) {
      expected.emplace_back(label[a], label[b]);
      expected.emplace_back(label[b], label[a]);
    }
    std::sort(expected.begin(), expected.end());
    const ContactRows rows = contact_rows(contacts, label, vertices);
    CHECK(rows.row_start.size() == vertices + std::size_t{1});
    CHECK(pairs_of(rows) == expected);
  }
}

TEST_CASE("contact rows of members without contacts are empty, at the start, middle and end",
          "[customer][network]") {
  const std::vector<std::uint32_t> identity = {0, 1, 2, 3, 4, 5};
  const ContactRows rows = contact_rows({{2, 3}, {3, 2}}, identity, 6);
  CHECK(rows.row_start == std::vector<std::size_t>{0, 0, 0, 2, 4, 4, 4});
  CHECK(pairs_of(rows) == std::vector<Edge>{{2, 3}, {2, 3}, {3, 2}, {3, 2}});
  CHECK(pairs_of(contact_rows({}, identity, 6)).empty());
}
