// The referral graph's contacts as rows: a counting pass by source, then each row sorted.
#include "models/customer/detail/edge_order.h"

#include <algorithm>
#include <numeric>

namespace salesim::models::customer::detail {

ContactRows contact_rows(const std::vector<Edge>& contacts, std::span<const std::uint32_t> label,
                         std::uint32_t vertices) {
  ContactRows rows;
  rows.row_start.assign(std::size_t{vertices} + 1, 0);
  for (const auto& [a, b] : contacts) {
    ++rows.row_start[label[a] + 1];
    ++rows.row_start[label[b] + 1];
  }
  std::partial_sum(rows.row_start.begin(), rows.row_start.end(), rows.row_start.begin());
  rows.column.resize(rows.row_start.back());
  std::vector<std::size_t> next(rows.row_start.begin(), rows.row_start.end() - 1);
  for (const auto& [a, b] : contacts) {
    rows.column[next[label[a]]++] = label[b];
    rows.column[next[label[b]]++] = label[a];
  }
  for (std::uint32_t v = 0; v < vertices; ++v)
    std::sort(rows.column.data() + rows.row_start[v], rows.column.data() + rows.row_start[v + 1]);
  return rows;
}

}  // namespace salesim::models::customer::detail
