// Transaction rows folded, one at a time, into each customer's calibration history and holdout tallies.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/customer_base/customer_history.h"
#include "analysis/customer_base/detail/customer_id_index.h"
#include "analysis/customer_base/detail/day_tally.h"

namespace salesim::analysis::customer_base {

/**
 * @brief A row or a log a summary cannot use. `line()` is the row's line as the caller gave it, 0 for a
 * problem of the whole log; the caller adds its file name.
 */
class TransactionSummaryError : public std::runtime_error {
 public:
  TransactionSummaryError(std::uint64_t line, std::string problem, std::string allowed);
  [[nodiscard]] std::uint64_t line() const noexcept { return line_; }
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }
  [[nodiscard]] const std::string& allowed() const noexcept { return allowed_; }

 private:
  std::uint64_t line_;
  std::string problem_;
  std::string allowed_;
};

/// What to do with a row equal to its customer's previous row (same day, amount and quantity).
enum class DuplicateRows {
  refuse,  ///< a TransactionSummaryError: most such rows are a log written twice
  keep,    ///< a separate order on that day, summed into the day's transaction
  drop     ///< left out
};

/// The periods of a summary, as day numbers (days since 1970-01-01).
struct SummaryPeriods {
  std::int32_t calibration_end_day = 0;  ///< last day of calibration, inclusive
  std::optional<std::int32_t>
      holdout_end_day;         ///< last day the holdout counts, inclusive; none: the log's end
  double days_per_unit = 7.0;  ///< the time unit of x, t_x and T: 7 for weeks
};

/// The calibration cohort: every customer whose first purchase is on or before the calibration end.
struct CohortSummary {
  std::vector<std::string> customer_ids;  ///< in order of first appearance in the log
  std::vector<CustomerHistory> histories;
  std::vector<std::uint32_t>
      holdout_repeats;  ///< repeat transactions after the calibration end, to the holdout end

  std::int32_t first_purchase_day = 0;  ///< the cohort's earliest first purchase
  std::int32_t calibration_end_day = 0;
  std::int32_t last_day = 0;  ///< the last day of the log, over every customer
  double days_per_unit = 7.0;

  /// Entry k: the cohort's repeat transactions in time unit k after first_purchase_day, days
  /// [first + k u, first + (k + 1) u), to last_day (the tracking plot of Fader, Hardie & Lee 2005).
  std::vector<std::uint64_t> repeats_per_unit;
  /// Entry d: cohort customers whose first purchase is on first_purchase_day + d, to the calibration end;
  /// a model's unconditional expectation summed over these gives the cohort's expected repeats.
  std::vector<std::uint64_t> first_purchases_per_day;

  std::uint64_t customers_after_calibration = 0;  ///< first seen after the calibration end: not in the cohort
  std::uint64_t rows = 0;                         ///< rows added, duplicates included
  std::uint64_t duplicate_rows = 0;  ///< rows equal to their customer's previous row (kept or dropped)
};

/**
 * @brief Folds transaction rows, one at a time, into per-customer state of a few tens of bytes, so memory
 * grows with customers, not rows.
 *
 * Rows of one customer on one day are one transaction with the summed amount (Fader, Hardie & Lee 2005
 * for CDNOW). Each customer's rows must come in non-decreasing date order, as in logs sorted by customer
 * then date or by date; customers may interleave.
 */
class TransactionSummary {
 public:
  /// @throws std::invalid_argument when days_per_unit is not a positive finite number or the holdout
  /// ends before the calibration.
  explicit TransactionSummary(SummaryPeriods periods, DuplicateRows duplicates = DuplicateRows::refuse);

  /**
   * @brief Adds one row of the log, found on `line` (for messages).
   * @throws TransactionSummaryError at `line` for a day before the customer's previous row, a duplicate
   * refused, a day outside the years 0 to 9999, or an amount that is negative or not finite.
   */
  void add(std::string_view customer_id, std::int32_t day, double amount, std::optional<double> quantity,
           std::uint64_t line);

  [[nodiscard]] std::size_t customers() const noexcept { return ids_.size(); }
  [[nodiscard]] std::uint64_t rows() const noexcept { return rows_; }

  /**
   * @brief The cohort's histories in the time unit, and the holdout tallies.
   * @throws TransactionSummaryError (line 0) when a fit could not use it: no cohort, a single customer, or
   * no repeat transaction in calibration.
   */
  [[nodiscard]] CohortSummary summarize() const;

 private:
  /// One customer's running state. One row touches every field of one customer, so the fields sit
  /// together (one cache line) rather than in columns.
  struct CustomerState {
    std::int32_t first_day = 0;
    std::int32_t last_day = 0;         ///< of the previous row
    std::int32_t last_repeat_day = 0;  ///< in calibration
    std::uint32_t repeats = 0;         ///< in calibration
    std::uint32_t holdout_repeats = 0;
    double repeat_spend = 0.0;   ///< summed amounts of the repeat days in calibration
    double last_amount = 0.0;    ///< of the previous row
    double last_quantity = 0.0;  ///< of the previous row; NaN when it had none
  };

  [[noreturn]] void refuse_duplicate(std::string_view customer_id, std::int32_t day,
                                     std::uint64_t line) const;

  SummaryPeriods periods_;
  DuplicateRows duplicates_;
  detail::CustomerIdIndex ids_;
  std::vector<CustomerState> states_;
  std::uint32_t previous_index_ = 0;  ///< the last row's customer: logs sorted by customer skip the lookup
  detail::DayTally cohort_repeat_days_;
  detail::DayTally cohort_first_days_;
  std::optional<std::int32_t> last_day_;
  std::uint64_t rows_ = 0;
  std::uint64_t duplicate_rows_ = 0;
};

}  // namespace salesim::analysis::customer_base
