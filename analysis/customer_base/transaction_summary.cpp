// The fold of transaction rows into calibration histories (Fader, Hardie & Lee 2005) and holdout tallies.
#include "analysis/customer_base/transaction_summary.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace salesim::analysis::customer_base {
namespace {

// 0000-01-01 and 9999-12-31: four-digit years, the range a date column can write.
constexpr std::int32_t earliest_day = -719528;
constexpr std::int32_t latest_day = 2932896;

std::string date_text(std::int32_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

bool same_quantity(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

}  // namespace

TransactionSummaryError::TransactionSummaryError(std::uint64_t line, std::string problem, std::string allowed)
    : std::runtime_error(line > 0 ? fmt::format("line {}: {}", line, problem) : problem),
      line_(line),
      problem_(std::move(problem)),
      allowed_(std::move(allowed)) {}

TransactionSummary::TransactionSummary(SummaryPeriods periods, DuplicateRows duplicates)
    : periods_(periods), duplicates_(duplicates) {
  if (!std::isfinite(periods_.days_per_unit) || periods_.days_per_unit <= 0.0) {
    throw std::invalid_argument("the time unit must be a positive number of days");
  }
  if (periods_.holdout_end_day && *periods_.holdout_end_day < periods_.calibration_end_day) {
    throw std::invalid_argument("the holdout must not end before the calibration");
  }
}

void TransactionSummary::refuse_duplicate(std::string_view customer_id, std::int32_t day,
                                          std::uint64_t line) const {
  throw TransactionSummaryError(
      line,
      fmt::format("the row repeats customer '{}''s previous row (same date {}, amount and quantity)",
                  customer_id, date_text(day)),
      "distinct rows; to count repeated rows as separate orders of that day, set the duplicate policy to "
      "'keep' ('drop' leaves them out)");
}

void TransactionSummary::add(std::string_view customer_id, std::int32_t day, double amount,
                             std::optional<double> quantity, std::uint64_t line) {
  if (day < earliest_day || day > latest_day) {
    throw TransactionSummaryError(line, fmt::format("day {} is outside the years 0 to 9999", day),
                                  "dates from 0000-01-01 to 9999-12-31");
  }
  if (!std::isfinite(amount) || amount < 0.0) {
    throw TransactionSummaryError(line, fmt::format("amount {} is negative or not finite", amount),
                                  "a finite amount of 0 or more");
  }
  bool added = false;
  const bool same_customer = !states_.empty() && ids_.id(previous_index_) == customer_id;
  const std::uint32_t index = same_customer ? previous_index_ : ids_.find_or_add(customer_id, added);
  previous_index_ = index;
  ++rows_;
  last_day_ = last_day_ ? std::max(*last_day_, day) : day;
  const double this_quantity = quantity.value_or(std::numeric_limits<double>::quiet_NaN());
  const std::int32_t calibration_end = periods_.calibration_end_day;
  if (added) {
    states_.push_back({day, day, day, 0, 0, 0.0, amount, this_quantity});
    if (day <= calibration_end) cohort_first_days_.add(day);
    return;
  }
  CustomerState& state = states_[index];
  if (day < state.last_day) {
    throw TransactionSummaryError(
        line,
        fmt::format("customer '{}''s row of {} comes after one of {}", customer_id, date_text(day),
                    date_text(state.last_day)),
        "each customer's rows in date order, as in a log sorted by customer then date, or by date");
  }
  if (day == state.last_day && amount == state.last_amount &&
      same_quantity(this_quantity, state.last_quantity)) {
    if (duplicates_ == DuplicateRows::refuse) refuse_duplicate(customer_id, day, line);
    ++duplicate_rows_;
    if (duplicates_ == DuplicateRows::drop) return;
  }
  const bool in_cohort = state.first_day <= calibration_end;
  if (in_cohort && day > state.last_day) {  // a new day: one more repeat transaction
    cohort_repeat_days_.add(day);
    if (day <= calibration_end) {
      ++state.repeats;
      state.last_repeat_day = day;
    } else if (!periods_.holdout_end_day || day <= *periods_.holdout_end_day) {
      ++state.holdout_repeats;
    }
  }
  // Every row of a repeat day adds to that day's transaction; the first day's rows are no repeat.
  if (in_cohort && day != state.first_day && day <= calibration_end) state.repeat_spend += amount;
  state.last_day = day;
  state.last_amount = amount;
  state.last_quantity = this_quantity;
}

CohortSummary TransactionSummary::summarize() const {
  if (rows_ == 0) throw TransactionSummaryError(0, "the log holds no transactions", "a log of transactions");
  const std::int32_t calibration_end = periods_.calibration_end_day;
  if (cohort_first_days_.empty()) {
    std::int32_t first = states_.front().first_day;
    for (const CustomerState& state : states_) first = std::min(first, state.first_day);
    throw TransactionSummaryError(
        0,
        fmt::format("no customer's first purchase is on or before the calibration end {}",
                    date_text(calibration_end)),
        fmt::format("a calibration end on or after the log's first purchase, {}", date_text(first)));
  }
  CohortSummary summary;
  summary.first_purchase_day = cohort_first_days_.first_day();
  summary.calibration_end_day = calibration_end;
  summary.last_day = *last_day_;
  summary.days_per_unit = periods_.days_per_unit;
  summary.rows = rows_;
  summary.duplicate_rows = duplicate_rows_;
  const double unit = periods_.days_per_unit;
  const auto cohort_size = static_cast<std::size_t>(
      states_.size() - std::count_if(states_.begin(), states_.end(), [&](const CustomerState& state) {
        return state.first_day > calibration_end;
      }));
  summary.customer_ids.reserve(cohort_size);
  summary.histories.reserve(cohort_size);
  summary.holdout_repeats.reserve(cohort_size);
  bool any_repeat = false;
  for (std::uint32_t i = 0; i < states_.size(); ++i) {
    const CustomerState& state = states_[i];
    if (state.first_day > calibration_end) {
      ++summary.customers_after_calibration;
      continue;
    }
    CustomerHistory history;
    history.frequency = state.repeats;
    history.age = (calibration_end - state.first_day) / unit;
    if (state.repeats > 0) {
      history.recency = (state.last_repeat_day - state.first_day) / unit;
      history.mean_spend = state.repeat_spend / state.repeats;
      any_repeat = true;
    }
    summary.customer_ids.emplace_back(ids_.id(i));
    summary.histories.push_back(history);
    summary.holdout_repeats.push_back(state.holdout_repeats);
  }
  if (summary.histories.size() == 1) {
    throw TransactionSummaryError(0, "the cohort has one customer only",
                                  "a log of two or more customers (hundreds for a stable fit)");
  }
  if (!any_repeat) {
    throw TransactionSummaryError(
        0,
        fmt::format("none of the {} customers of the cohort bought again by the calibration end {}",
                    summary.histories.size(), date_text(calibration_end)),
        "a calibration period long enough for some repeat transactions");
  }
  const std::int32_t first = summary.first_purchase_day;
  const auto unit_of = [&](std::int32_t day) {
    return static_cast<std::size_t>(std::floor((day - first) / unit));
  };
  summary.repeats_per_unit.assign(unit_of(summary.last_day) + 1, 0);
  if (!cohort_repeat_days_.empty()) {
    for (std::int32_t day = cohort_repeat_days_.first_day(); day <= cohort_repeat_days_.last_day(); ++day) {
      summary.repeats_per_unit[unit_of(day)] += cohort_repeat_days_.count(day);
    }
  }
  for (std::int32_t day = first; day <= cohort_first_days_.last_day(); ++day) {
    summary.first_purchases_per_day.push_back(cohort_first_days_.count(day));
  }
  return summary;
}

}  // namespace salesim::analysis::customer_base
