// `salesim calibrate`: read a log or summary, fit, print the fit and the holdout check, write outputs.
#include "sim/cli/calibrate_command.h"

#include <cmath>
#include <filesystem>
#include <iostream>
#include <limits>

#include <fmt/format.h>

#include "analysis/customer_base/holdout_tracking.h"
#include "analysis/customer_base/transaction_summary.h"
#include "sim/cli/calibration_outputs.h"
#include "sim/cli/option_checks.h"
#include "sim/cli/transaction_export.h"
#include "sim/core/file_name.h"
#include "sim/io/customer_summary_reader.h"
#include "sim/io/input_error.h"
#include "sim/io/transaction_log_reader.h"

namespace salesim::sim::cli {
namespace {

namespace cb = analysis::customer_base;

/// Bad input found here rather than in a reader: one problem, exit 2.
[[noreturn]] void refuse(const std::string& file, int line, std::string message, std::string allowed) {
  throw io::InputError({{file, line, 0, "", std::move(message), std::move(allowed)}});
}

void check_options(const CalibrateOptions& options) {
  if (options.model != "bg_nbd" && options.model != "pareto_nbd") {
    throw OptionError("--model: '" + options.model + "' is not a model (allowed: bg_nbd, pareto_nbd)");
  }
  if (options.duplicates != "refuse" && options.duplicates != "keep" && options.duplicates != "drop") {
    throw OptionError("--duplicates: '" + options.duplicates + "' (allowed: refuse, keep, drop)");
  }
  if (!(options.time_unit_days >= 0.01 && options.time_unit_days <= 366.0)) {
    throw OptionError(
        fmt::format("--time-unit-days: {} (allowed: 0.01 to 366 days)", options.time_unit_days));
  }
  if (!(options.gross_margin >= 0.0 && options.gross_margin <= 1.0)) {
    throw OptionError(fmt::format("--margin: {} (allowed: a share in [0, 1])", options.gross_margin));
  }
  if (!(options.discount_rate_per_year >= 0.0 && options.discount_rate_per_year <= 1.0)) {
    throw OptionError(fmt::format("--discount-rate: {} (allowed: a share per year in [0, 1])",
                                  options.discount_rate_per_year));
  }
  if (options.clv_months < 1 || options.clv_months > 1200) {
    throw OptionError(fmt::format("--clv-months: {} (allowed: 1 to 1200)", options.clv_months));
  }
  if (!(options.predict_units > 0.0 && options.predict_units <= 1e4)) {
    throw OptionError(
        fmt::format("--predict: {} (allowed: more than 0, at most 10000 time units)", options.predict_units));
  }
  if (!options.name.empty() && !core::is_safe_file_name(options.name)) {
    throw OptionError("--name: '" + options.name +
                      "' cannot name output files (allowed: letters, digits, '-', '_' and '.', not starting "
                      "with '.', at most 200 bytes)");
  }
}

std::int32_t date_option(const std::string& label, const std::string& text) {
  const auto day = day_of_iso_date(text);
  if (!day) throw OptionError(label + ": '" + text + "' is not a calendar date (allowed: YYYY-MM-DD)");
  return static_cast<std::int32_t>(*day);
}

io::TransactionLogOptions log_options(const CalibrateOptions& options) {
  io::TransactionLogOptions log;
  if (!options.customer_column.empty())
    log.customer_column = io::ColumnChoice::from_text(options.customer_column);
  if (!options.date_column.empty()) log.date_column = io::ColumnChoice::from_text(options.date_column);
  if (!options.amount_column.empty()) log.amount_column = io::ColumnChoice::from_text(options.amount_column);
  if (!options.quantity_column.empty())
    log.quantity_column = io::ColumnChoice::from_text(options.quantity_column);
  log.date_format = options.date_format;
  return log;
}

cb::DuplicateRows duplicate_policy(const std::string& word) {
  if (word == "keep") return cb::DuplicateRows::keep;
  if (word == "drop") return cb::DuplicateRows::drop;
  return cb::DuplicateRows::refuse;
}

/// The log read twice when no calibration end is given: first for its last day.
cb::CohortSummary summarize_log(const CalibrateOptions& options) {
  const io::TransactionLogOptions log = log_options(options);
  cb::SummaryPeriods periods;
  periods.days_per_unit = options.time_unit_days;
  if (options.calibration_end.empty()) {
    std::int32_t last_day = std::numeric_limits<std::int32_t>::min();
    static_cast<void>(io::read_transaction_log(options.input_path, log, [&](const io::TransactionRow& row) {
      last_day = std::max(last_day, row.day);
    }));
    periods.calibration_end_day = last_day;
  } else {
    periods.calibration_end_day = date_option("--calibration-end", options.calibration_end);
  }
  if (!options.holdout_end.empty()) {
    periods.holdout_end_day = date_option("--holdout-end", options.holdout_end);
    if (*periods.holdout_end_day < periods.calibration_end_day) {
      throw OptionError("--holdout-end: " + options.holdout_end +
                        " is before the calibration end (allowed: a date on or after it)");
    }
  }
  try {
    cb::TransactionSummary summary(periods, duplicate_policy(options.duplicates));
    static_cast<void>(io::read_transaction_log(options.input_path, log, [&](const io::TransactionRow& row) {
      summary.add(row.customer_id, row.day, row.amount, row.quantity, row.line);
    }));
    return summary.summarize();
  } catch (const cb::TransactionSummaryError& error) {
    std::string allowed = error.allowed();
    const std::string policy = "set the duplicate policy to";
    if (const auto at = allowed.find(policy); at != std::string::npos)
      allowed.replace(at, policy.size(), "use --duplicates");
    refuse(options.input_path, static_cast<int>(error.line()), error.problem(), allowed);
  }
}

/// A per-customer summary file as a cohort without dates: no holdout, no tracking.
cb::CohortSummary summarize_table(const CalibrateOptions& options) {
  const io::CustomerSummaryTable table = io::read_customer_summary(options.input_path);
  cb::CohortSummary cohort;
  cohort.customer_ids = table.ids;
  cohort.days_per_unit = options.time_unit_days;
  for (std::size_t i = 0; i < table.ids.size(); ++i) {
    cohort.histories.push_back({table.frequency[i], table.recency[i], table.age[i],
                                table.mean_spend.empty() ? 0.0 : table.mean_spend[i]});
  }
  const bool repeat_buyer = std::any_of(cohort.histories.begin(), cohort.histories.end(),
                                        [](const auto& h) { return h.frequency > 0; });
  if (!repeat_buyer) {
    refuse(options.input_path, 0, "no customer bought again (every x is 0): the models cannot be fitted",
           "at least one customer with x > 0");
  }
  return cohort;
}

void print_fit(std::ostream& out, const cb::FitResult& fit) {
  out << fmt::format("{} fit of {} customers: log-likelihood {:.2f}, {} evaluations{}\n", fit.model,
                     fit.customers, fit.log_likelihood, fit.evaluations,
                     fit.converged ? "" : " (NOT CONVERGED)");
  out << fmt::format("  {:<10} {:>12} {:>12}\n", "parameter", "estimate", "std. error");
  for (const cb::ParameterEstimate& estimate : fit.parameters) {
    out << fmt::format("  {:<10} {:>12.4f} {:>12.4f}\n", estimate.name, estimate.value,
                       estimate.standard_error);
  }
  if (!fit.message.empty()) out << "  " << fit.message << '\n';
}

void print_tracking(std::ostream& out, const cb::HoldoutTracking& tracking, double unit_days) {
  const std::string unit = unit_days == 7.0 ? "week" : fmt::format("unit ({} days)", unit_days);
  bool any_holdout = false;
  for (const cb::TrackingPoint& point : tracking.points) {
    if (!point.holdout) continue;
    if (!any_holdout) {
      out << fmt::format("\nholdout: repeat transactions per {}, actual vs model\n", unit);
      out << fmt::format("  {:>6} {:>10} {:>10} {:>14} {:>14} {:>8}\n", unit_days == 7.0 ? "week" : "unit",
                         "actual", "model", "actual cum.", "model cum.", "error");
      any_holdout = true;
    }
    out << fmt::format("  {:>6} {:>10.0f} {:>10.1f} {:>14.0f} {:>14.1f} {:>7.1f}%\n", point.unit,
                       point.actual, point.expected, point.actual_cumulative, point.expected_cumulative,
                       100.0 * (point.expected_cumulative - point.actual_cumulative) /
                           std::max(1.0, point.actual_cumulative));
  }
  if (!any_holdout) {
    out << "\nno holdout: give --calibration-end before the log's last day to check the fit on later "
           "purchases\n";
    return;
  }
  const cb::TrackingPoint& last = tracking.points.back();
  out << fmt::format(
      "holdout repeats: actual {:.0f}, model {:.1f} ({:+.1f}%); cumulative at {} {}: actual {:.0f}, model "
      "{:.1f} "
      "({:+.1f}%); mean absolute cumulative tracking error {:.1f}%\n",
      tracking.holdout_actual, tracking.holdout_expected, 100.0 * tracking.holdout_error, unit, last.unit,
      last.actual_cumulative, last.expected_cumulative,
      100.0 * (last.expected_cumulative - last.actual_cumulative) / std::max(1.0, last.actual_cumulative),
      100.0 * tracking.holdout_cumulative_mape);
}

}  // namespace

int calibrate_command(const CalibrateOptions& options) {
  cb::CohortSummary cohort;
  std::string name = options.name;
  try {
    check_options(options);
    if (name.empty()) {
      name = std::filesystem::path(options.input_path).stem().string();
      if (!core::is_safe_file_name(name)) name = "calibrated";
    }
    const std::filesystem::path inputs[] = {options.input_path};
    for (const char* suffix : {".yaml", "-customers.csv", "-calibration.h5"}) {
      check_output_path("--output-dir", std::filesystem::path(options.output_dir) / (name + suffix), inputs);
    }
    const bool summary = io::looks_like_customer_summary(options.input_path);
    cohort = summary ? summarize_table(options) : summarize_log(options);
    // The smallest market whose rewired small world gives each customer two contacts (scenario_rules).
    if (cohort.histories.size() < 4) {
      refuse(options.input_path, 0, fmt::format("{} customers only", cohort.histories.size()),
             "four or more customers, as the scenario calibrate writes needs (hundreds for a stable fit)");
    }
  } catch (const OptionError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  } catch (const io::InputError& error) {
    for (const auto& problem : error.problems()) std::cerr << problem.to_string() << '\n';
    return 2;
  }
  try {
    const CalibratedBase base = fit_customer_base(
        cohort, options.model == "pareto_nbd" ? models::BuyerModel::pareto_nbd : models::BuyerModel::bg_nbd);
    if (!options.quiet) {
      std::cout << fmt::format("{}: {} customers in the cohort, {} repeat transactions in calibration\n",
                               options.input_path, cohort.histories.size(), base.calibration_repeats);
      if (cohort.customers_after_calibration > 0) {
        std::cout << fmt::format("  ({} customers first bought after the calibration end and are left out)\n",
                                 cohort.customers_after_calibration);
      }
      print_fit(std::cout, base.transactions);
      if (base.spend) print_fit(std::cout, base.spend->result);
    }
    if (!base.transactions.converged) {
      std::cerr << "salesim calibrate: the " << options.model
                << " fit did not converge: " << base.transactions.message << '\n';
      return 1;
    }
    const cb::HoldoutTracking tracking = cohort.repeats_per_unit.empty()
                                             ? cb::HoldoutTracking{}
                                             : cb::track_cohort(cohort, base.expected_transactions);
    if (!options.quiet && !cohort.repeats_per_unit.empty())
      print_tracking(std::cout, tracking, cohort.days_per_unit);
    if (!options.quiet && cohort.repeats_per_unit.empty()) {
      std::cout << "\nno holdout: a customer summary has no dates; calibrate a transaction log with "
                   "--calibration-end to check the fit on later purchases\n";
    }
    const CalibrationFiles files = write_calibration_outputs(options, name, cohort, base, tracking);
    if (!options.quiet) {
      std::cout << "written: " << files.scenario.string() << '\n'
                << "written: " << files.customers_csv.string() << '\n'
                << "written: " << files.hdf5.string() << '\n';
    }
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "salesim calibrate: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace salesim::sim::cli
