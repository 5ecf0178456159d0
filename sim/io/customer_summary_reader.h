// A per-customer summary table (x, t_x, T and optionally zbar per customer) read and checked.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace salesim::sim::io {

/// The table's columns as plain numbers, one entry per customer in file order.
struct CustomerSummaryTable {
  std::vector<std::string> ids;    ///< the id column, or the 1-based row number when there is none
  std::vector<double> frequency;   ///< x: repeat transactions, a whole number
  std::vector<double> recency;     ///< t_x: time of the last repeat transaction, 0 when x = 0
  std::vector<double> age;         ///< T: time from the first purchase to the end of calibration
  std::vector<double> mean_spend;  ///< zbar: mean value of the repeat transactions; empty without that column
};

/**
 * @brief Whether the first line of `file` is the header of a customer summary: columns x, t_x and T
 * (as in Hardie's CDNOW files, with ID and zbar) or frequency, recency and T (as the Python package
 * lifetimes writes them, with monetary_value and an id column), in any order and case. Never throws:
 * a file that cannot be read is no summary.
 */
[[nodiscard]] bool looks_like_customer_summary(const std::filesystem::path& file);

/**
 * @brief Reads the summary at `file`; separators and blank lines as for transaction logs.
 * Other columns are ignored.
 * @throws InputError "file:line: message (allowed: ...)" for the first problem: no summary header, a ragged
 * row, a value that is not a finite number in [0, 1e15], x not whole, t_x > T, t_x or zbar not 0 where
 * x = 0, an empty or repeated id, or no customer at all.
 */
[[nodiscard]] CustomerSummaryTable read_customer_summary(const std::filesystem::path& file);

}  // namespace salesim::sim::io
