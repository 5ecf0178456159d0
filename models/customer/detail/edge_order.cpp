// Lexicographic order of edges by an LSD radix sort over vertex ids.
#include "models/customer/detail/edge_order.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

namespace salesim::models::customer::detail {

std::vector<Edge> sorted_by_source_then_target(const std::vector<Edge>& edges, std::uint32_t vertices) {
  std::vector<Edge> by_target(edges.size()), sorted(edges.size());
  std::vector<std::size_t> next(std::size_t{vertices} + 1);
  // A stable counting sort of `from` into `into` by key(edge).
  const auto counting_pass = [&next](const std::vector<Edge>& from, std::vector<Edge>& into, auto key) {
    std::fill(next.begin(), next.end(), std::size_t{0});
    for (const Edge& edge : from) ++next[key(edge) + 1];
    std::partial_sum(next.begin(), next.end(), next.begin());
    for (const Edge& edge : from) into[next[key(edge)]++] = edge;
  };
  counting_pass(edges, by_target, [](const Edge& edge) { return edge.second; });
  counting_pass(by_target, sorted, [](const Edge& edge) { return edge.first; });
  return sorted;
}

}  // namespace salesim::models::customer::detail
