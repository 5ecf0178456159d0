// The fold of transaction rows into (x, t_x, T, zbar) and holdout tallies, against hand-computed tables.
#include "analysis/customer_base/transaction_summary.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

using namespace salesim::analysis::customer_base;

struct Row {
  const char* customer;
  std::int32_t day;
  double amount;
};

// Days from 0; calibration ends on day 21 (three weeks after A's first purchase), the holdout on day 30.
//   A: day 0 (10 + 5, one transaction), day 7 (20), day 14 (10 + 6), holdout day 28 (1), after it day 35 (1)
//   B: day 3 only
//   C: first seen on day 25, after the calibration
const std::vector<Row> by_customer = {
    {"A", 0, 10}, {"A", 0, 5},  {"A", 7, 20}, {"A", 14, 10}, {"A", 14, 6},
    {"A", 28, 1}, {"A", 35, 1}, {"B", 3, 4},  {"C", 25, 9},  {"C", 26, 9},
};
const std::vector<Row> by_date = {
    {"A", 0, 10}, {"A", 0, 5},  {"B", 3, 4},  {"A", 7, 20}, {"A", 14, 10},
    {"A", 14, 6}, {"C", 25, 9}, {"C", 26, 9}, {"A", 28, 1}, {"A", 35, 1},
};

TransactionSummary fold(const std::vector<Row>& rows, DuplicateRows duplicates = DuplicateRows::refuse,
                        std::optional<std::int32_t> holdout_end = 30) {
  TransactionSummary summary(SummaryPeriods{21, holdout_end, 7.0}, duplicates);
  std::uint64_t line = 1;
  for (const Row& row : rows) summary.add(row.customer, row.day, row.amount, std::nullopt, ++line);
  return summary;
}

/// The error `rows` give, as "line N: problem (allowed: ...)".
std::string error_of(const std::vector<Row>& rows, DuplicateRows duplicates = DuplicateRows::refuse) {
  try {
    (void)fold(rows, duplicates).summarize();
  } catch (const TransactionSummaryError& error) {
    return std::string(error.what()) + " (allowed: " + error.allowed() + ")";
  }
  return "";
}

}  // namespace

TEST_CASE("same-day rows are one transaction and x t_x T zbar count from the first purchase in weeks",
          "[customer-base][transaction-summary]") {
  const CohortSummary cohort = fold(by_customer).summarize();
  REQUIRE(cohort.customer_ids == std::vector<std::string>{"A", "B"});
  const CustomerHistory& a = cohort.histories[0];
  CHECK(a.frequency == 2);
  CHECK(a.recency == Approx(2.0));
  CHECK(a.age == Approx(3.0));
  CHECK(a.mean_spend == Approx((20.0 + 16.0) / 2));
  const CustomerHistory& b = cohort.histories[1];
  CHECK(b.frequency == 0);
  CHECK(b.recency == 0);
  CHECK(b.age == Approx(18.0 / 7));
  CHECK(b.mean_spend == 0);
  CHECK(cohort.customers_after_calibration == 1);
  CHECK(cohort.rows == 10);
  CHECK(cohort.first_purchase_day == 0);
  CHECK(cohort.calibration_end_day == 21);
  CHECK(cohort.last_day == 35);
}

TEST_CASE("holdout repeats count after the calibration end up to the holdout end",
          "[customer-base][transaction-summary]") {
  CHECK(fold(by_customer).summarize().holdout_repeats == std::vector<std::uint32_t>{1, 0});
  CHECK(fold(by_customer, DuplicateRows::refuse, std::nullopt).summarize().holdout_repeats ==
        std::vector<std::uint32_t>{2, 0});
}

TEST_CASE("the tracking tallies count the cohort's repeats per week and first purchases per day",
          "[customer-base][transaction-summary]") {
  const CohortSummary cohort = fold(by_customer).summarize();
  // A's repeats on days 7, 14, 28, 35: weeks 1, 2, 4, 5; C is not in the cohort.
  CHECK(cohort.repeats_per_unit == std::vector<std::uint64_t>{0, 1, 1, 0, 1, 1});
  CHECK(cohort.first_purchases_per_day == std::vector<std::uint64_t>{1, 0, 0, 1});
}

TEST_CASE("a log sorted by date summarizes as the same log sorted by customer",
          "[customer-base][transaction-summary]") {
  const CohortSummary sorted = fold(by_customer).summarize();
  const CohortSummary interleaved = fold(by_date).summarize();
  CHECK(interleaved.customer_ids == sorted.customer_ids);
  for (std::size_t i = 0; i < sorted.histories.size(); ++i) {
    CHECK(interleaved.histories[i].frequency == sorted.histories[i].frequency);
    CHECK(interleaved.histories[i].recency == sorted.histories[i].recency);
    CHECK(interleaved.histories[i].age == sorted.histories[i].age);
    CHECK(interleaved.histories[i].mean_spend == sorted.histories[i].mean_spend);
  }
  CHECK(interleaved.holdout_repeats == sorted.holdout_repeats);
  CHECK(interleaved.repeats_per_unit == sorted.repeats_per_unit);
}

TEST_CASE("a customer's row dated before its previous row is located",
          "[customer-base][transaction-summary]") {
  CHECK(error_of({{"A", 0, 1}, {"B", 2, 1}, {"A", 9, 1}, {"A", 8, 1}}) ==
        "line 5: customer 'A''s row of 1970-01-09 comes after one of 1970-01-10 (allowed: each customer's "
        "rows in "
        "date order, as in a log sorted by customer then date, or by date)");
}

TEST_CASE("a row repeating its customer's previous row is refused kept or dropped as asked",
          "[customer-base][transaction-summary]") {
  const std::vector<Row> rows = {{"A", 0, 1}, {"A", 7, 5}, {"A", 7, 5}, {"B", 0, 1}};
  CHECK(error_of(rows) ==
        "line 4: the row repeats customer 'A''s previous row (same date 1970-01-08, amount and quantity) "
        "(allowed: "
        "distinct rows; to count repeated rows as separate orders of that day, set the duplicate policy to "
        "'keep' "
        "('drop' leaves them out))");
  const CohortSummary kept = fold(rows, DuplicateRows::keep).summarize();
  CHECK(kept.histories[0].frequency == 1);
  CHECK(kept.histories[0].mean_spend == 10);
  CHECK(kept.duplicate_rows == 1);
  const CohortSummary dropped = fold(rows, DuplicateRows::drop).summarize();
  CHECK(dropped.histories[0].frequency == 1);
  CHECK(dropped.histories[0].mean_spend == 5);
  CHECK(dropped.duplicate_rows == 1);
  CHECK(dropped.rows == 4);
}

TEST_CASE("rows of one day with another quantity are no duplicates", "[customer-base][transaction-summary]") {
  TransactionSummary summary(SummaryPeriods{21, std::nullopt, 7.0});
  summary.add("A", 0, 1, 1.0, 2);
  summary.add("A", 7, 5, 1.0, 3);
  summary.add("A", 7, 5, 2.0, 4);
  summary.add("B", 0, 1, 1.0, 5);
  const CohortSummary cohort = summary.summarize();
  CHECK(cohort.histories[0].mean_spend == 10);
  CHECK(cohort.duplicate_rows == 0);
}

TEST_CASE("a cohort a fit cannot use is a clear error", "[customer-base][transaction-summary]") {
  CHECK(error_of({{"A", 0, 1}, {"A", 7, 1}}) ==
        "the cohort has one customer only (allowed: a log of two or more customers (hundreds for a stable "
        "fit))");
  CHECK(error_of({{"A", 0, 1}, {"B", 1, 1}, {"A", 30, 1}}) ==
        "none of the 2 customers of the cohort bought again by the calibration end 1970-01-22 (allowed: a "
        "calibration period long enough for some repeat transactions)");
  CHECK(error_of({{"A", 22, 1}, {"B", 23, 1}}) ==
        "no customer's first purchase is on or before the calibration end 1970-01-22 (allowed: a calibration "
        "end on "
        "or after the log's first purchase, 1970-01-23)");
  CHECK(error_of({}) == "the log holds no transactions (allowed: a log of transactions)");
}

TEST_CASE("rows no reader would pass are refused at their line", "[customer-base][transaction-summary]") {
  TransactionSummary summary(SummaryPeriods{21, std::nullopt, 7.0});
  CHECK_THROWS_AS(summary.add("A", 0, -1, std::nullopt, 2), TransactionSummaryError);
  CHECK_THROWS_AS(summary.add("A", 0, std::nan(""), std::nullopt, 2), TransactionSummaryError);
  CHECK_THROWS_AS(summary.add("A", 2147483647, 1, std::nullopt, 2), TransactionSummaryError);
  CHECK(summary.rows() == 0);
  CHECK_THROWS_AS(TransactionSummary(SummaryPeriods{21, 20, 7.0}), std::invalid_argument);
  CHECK_THROWS_AS(TransactionSummary(SummaryPeriods{21, std::nullopt, 0.0}), std::invalid_argument);
}

TEST_CASE("a time unit of one day counts t_x and T in days", "[customer-base][transaction-summary]") {
  TransactionSummary summary(SummaryPeriods{21, std::nullopt, 1.0});
  summary.add("A", 0, 1, std::nullopt, 2);
  summary.add("A", 5, 3, std::nullopt, 3);
  summary.add("B", 1, 1, std::nullopt, 4);
  const CohortSummary cohort = summary.summarize();
  CHECK(cohort.histories[0].recency == 5);
  CHECK(cohort.histories[0].age == 21);
  CHECK(cohort.repeats_per_unit.size() == 6);
}
