// Counts per calendar day over whatever range of days turns up, in either direction.
#pragma once

#include <cstdint>
#include <vector>

namespace salesim::analysis::customer_base::detail {

/// A count for each day from the first to the last day added; days may come in any order.
class DayTally {
 public:
  void add(std::int32_t day);

  /// @brief The count of `day`; 0 outside the range seen.
  [[nodiscard]] std::uint64_t count(std::int32_t day) const noexcept;
  [[nodiscard]] bool empty() const noexcept { return counts_.empty(); }
  /// @brief The earliest and latest day added; meaningless when empty.
  [[nodiscard]] std::int32_t first_day() const noexcept { return first_day_; }
  [[nodiscard]] std::int32_t last_day() const noexcept { return last_day_; }

 private:
  std::int32_t base_day_ = 0;  ///< the day of counts_[0], at or before first_day_
  std::int32_t first_day_ = 0;
  std::int32_t last_day_ = 0;
  std::vector<std::uint64_t> counts_;
};

}  // namespace salesim::analysis::customer_base::detail
