// Customers grouped the way a CLV analyst reads a fitted base: by band of P(alive), by decile of
// expected transactions, with the sums of any per-customer columns over each group.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace salesim::analysis::customer_base {

/// One group of customers and the sums of the columns over them.
struct CustomerGroup {
  double low = 0.0;   ///< the band's lower bound, or the smallest grouping value of a rank group
  double high = 0.0;  ///< the band's upper bound, or the largest grouping value of a rank group
  std::size_t customers = 0;
  std::vector<double> sums;          ///< per column, over the group's customers with a finite value
  std::vector<std::size_t> counted;  ///< per column, the customers with a finite value

  /// The mean of column `column` over the customers counted; NaN when none is.
  [[nodiscard]] double mean(std::size_t column) const;
};

/**
 * @brief Customers in `bands` equal bands of [0, 1] by `value`, [k/bands, (k+1)/bands) with the
 * last band closed at 1 (P(alive) in tenths). Customers whose value is not finite or lies outside
 * [0, 1] are in no band.
 * @throws std::invalid_argument when bands is 0 or a column has another length than `value`.
 */
[[nodiscard]] std::vector<CustomerGroup> group_by_band(std::span<const double> value,
                                                       const std::vector<std::span<const double>>& columns,
                                                       std::size_t bands);

/**
 * @brief Customers ranked by `value`, highest first, in `groups` groups of sizes as equal as they
 * can be (the first groups take one customer more): deciles for 10. Equal values keep their order
 * in the columns, so a value shared by many customers may straddle groups. Customers whose value is
 * not finite are ranked in no group; a group left without customers has NaN bounds.
 * @throws std::invalid_argument when groups is 0 or a column has another length than `value`.
 */
[[nodiscard]] std::vector<CustomerGroup> group_by_rank(std::span<const double> value,
                                                       const std::vector<std::span<const double>>& columns,
                                                       std::size_t groups);

}  // namespace salesim::analysis::customer_base
