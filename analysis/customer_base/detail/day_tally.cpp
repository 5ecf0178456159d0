// Day counts kept in one vector that grows at either end.
#include "analysis/customer_base/detail/day_tally.h"

#include <algorithm>

namespace salesim::analysis::customer_base::detail {

void DayTally::add(std::int32_t day) {
  if (counts_.empty()) {
    base_day_ = first_day_ = last_day_ = day;
    counts_.assign(1, 0);
  } else if (day < base_day_) {
    // Grow the front by at least the current size, so that days coming in decreasing order cost
    // amortized constant time each.
    const auto needed = static_cast<std::size_t>(std::int64_t{base_day_} - day);
    const std::size_t added = std::max(needed, counts_.size());
    counts_.insert(counts_.begin(), added, 0);
    base_day_ = static_cast<std::int32_t>(std::int64_t{base_day_} - static_cast<std::int64_t>(added));
  } else if (static_cast<std::size_t>(std::int64_t{day} - base_day_) >= counts_.size()) {
    counts_.resize(static_cast<std::size_t>(std::int64_t{day} - base_day_) + 1, 0);
  }
  first_day_ = std::min(first_day_, day);
  last_day_ = std::max(last_day_, day);
  ++counts_[static_cast<std::size_t>(std::int64_t{day} - base_day_)];
}

std::uint64_t DayTally::count(std::int32_t day) const noexcept {
  if (counts_.empty() || day < first_day_ || day > last_day_) return 0;
  return counts_[static_cast<std::size_t>(std::int64_t{day} - base_day_)];
}

}  // namespace salesim::analysis::customer_base::detail
