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
  for (std::uint32_t v = 0; v < vertices; ++v) {
    std::uint32_t* const begin = rows.column.data() + rows.row_start[v];
    std::uint32_t* const end = rows.column.data() + rows.row_start[v + 1];
    if (end - begin > 32) {
      std::sort(begin, end);
      continue;
    }
    // Most rows hold a handful of contacts: an insertion sort, without std::sort's set-up per call.
    for (std::uint32_t* at = begin + (begin != end); at < end; ++at) {
      const std::uint32_t moving = *at;
      std::uint32_t* hole = at;
      for (; hole > begin && *(hole - 1) > moving; --hole) *hole = *(hole - 1);
      *hole = moving;
    }
  }
  return rows;
}

}  // namespace salesim::models::customer::detail
