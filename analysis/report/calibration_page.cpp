// Building the calibration report from a recorded fit: tracking charts, parameter and holdout tables,
// and the customers grouped by P(alive) and by expected transactions.
#include "analysis/report/calibration_page.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/customer_base/customer_groups.h"
#include "analysis/readable_number.h"
#include "analysis/report/line_chart.h"

namespace salesim::analysis::report {
namespace {

namespace cb = customer_base;

/// Tenths of P(alive), and deciles of expected transactions: the resolution analysts read.
constexpr std::size_t customer_groups = 10;

std::string model_name(const std::string& model) {
  if (model == "bg_nbd") return "BG/NBD";
  if (model == "pareto_nbd") return "Pareto/NBD";
  return model;
}

/// How the page names the record's time unit: "week" for 7 days.
struct TimeUnitNames {
  std::string one;   ///< "week"
  std::string many;  ///< "weeks"
  std::string axis;  ///< "week", or "time unit (10 days)"
};

TimeUnitNames time_unit_names(double days) {
  if (days == 7.0) return {"week", "weeks", "week"};
  return {"time unit", "time units", fmt::format("time unit ({:g} days)", days)};
}

std::string signed_percent(double share) {
  return std::isfinite(share) ? fmt::format("{:+.1f}%", 100.0 * share) : "n/a";
}

std::string percent(double share) {
  return std::isfinite(share) ? fmt::format("{:.1f}%", 100.0 * share) : "n/a";
}

/// Parameters keep four significant digits, as Fader, Hardie & Lee print them.
std::string parameter_text(double value) {
  return std::isfinite(value) ? fmt::format("{:.4g}", value) : "n/a";
}

/// The calibration's end on the x axis, in time units after the cohort's first day; nothing when no
/// tracked unit is a holdout unit (then there is no later period to mark).
std::optional<double> calibration_end_units(const CalibrationRecord& record) {
  bool any_holdout = false;
  for (const cb::TrackingPoint& point : record.tracking) any_holdout = any_holdout || point.holdout;
  if (!any_holdout || !(record.time_unit_days > 0.0)) return std::nullopt;
  return static_cast<double>(record.calibration_end_day - record.first_purchase_day + 1) /
         record.time_unit_days;
}

std::optional<ChartFigure> tracking_figure(const CalibrationRecord& record, bool cumulative,
                                           const std::optional<double>& split) {
  const TimeUnitNames unit = time_unit_names(record.time_unit_days);
  LineChart chart;
  chart.title = cumulative ? "Tracking plot: cumulative repeat transactions"
                           : fmt::format("Repeat transactions per {}", unit.one);
  chart.x_label = unit.axis;
  chart.y_label =
      cumulative ? "cumulative repeat transactions" : fmt::format("repeat transactions per {}", unit.one);
  LineSeries actual{"actual", {}, {}, {}, {}};
  LineSeries expected{model_name(record.model) + " model", {}, {}, {}, {}, true};
  for (const cb::TrackingPoint& point : record.tracking) {
    actual.x.push_back(static_cast<double>(point.unit));
    expected.x.push_back(static_cast<double>(point.unit));
    actual.y.push_back(cumulative ? point.actual_cumulative : point.actual);
    expected.y.push_back(cumulative ? point.expected_cumulative : point.expected);
  }
  chart.series = {std::move(actual), std::move(expected)};
  if (split) {
    chart.shaded = ShadedPeriod{*split, "holdout"};
    chart.rules.push_back({true, *split, ""});
  }
  std::string caption =
      cumulative
          ? fmt::format(
                "The cohort's repeat transactions summed to the end of each {}, as recorded (solid) and "
                "as the fitted {} model expects (dashed): the tracking plot of Fader, Hardie & Lee "
                "(2005, figure 2).",
                unit.one, model_name(record.model))
          : fmt::format(
                "Repeat transactions in each {}, as recorded (solid) and as the model expects "
                "(dashed).",
                unit.one);
  if (split) {
    caption += fmt::format(
        " The dashed vertical line marks the calibration end ({}, {} {:g}); the shaded {} after it are the "
        "holdout, which the fit did not see.",
        iso_date(record.calibration_end_day), unit.one, std::round(*split * 10.0) / 10.0, unit.many);
  }
  return line_chart(chart, std::move(caption));
}

TextTable parameter_table(const CalibrationRecord& record) {
  TextTable table;
  table.heading = "Fitted parameters";
  table.note = fmt::format(
      "Maximum-likelihood estimates from the calibration period; standard errors from the observed "
      "information (n/a where the log-likelihood is not concave at the optimum). The log-likelihood is "
      "the {} model's.",
      model_name(record.model));
  table.column_labels = {"model", "parameter", "estimate", "standard error"};
  table.numeric = {false, false, true, true};
  for (const cb::ParameterEstimate& estimate : record.transaction_parameters)
    table.rows.push_back({model_name(record.model), estimate.name, parameter_text(estimate.value),
                          parameter_text(estimate.standard_error)});
  table.rows.push_back(
      {model_name(record.model), "log-likelihood",
       std::isfinite(record.log_likelihood) ? fmt::format("{:.2f}", record.log_likelihood) : "n/a", ""});
  for (const cb::ParameterEstimate& estimate : record.spend_parameters)
    table.rows.push_back({"Gamma-Gamma spend", estimate.name, parameter_text(estimate.value),
                          parameter_text(estimate.standard_error)});
  return table;
}

std::vector<std::string> check_row(const std::string& label, double actual, double expected) {
  return {label, readable_number(actual), readable_number(expected),
          signed_percent(actual > 0.0 ? (expected - actual) / actual : std::nan(""))};
}

TextTable holdout_table(const CalibrationRecord& record) {
  const TimeUnitNames unit = time_unit_names(record.time_unit_days);
  TextTable table;
  table.heading = "Holdout check";
  if (record.tracking.empty()) {
    table.note =
        "This fit has no tracking: its input was a per-customer summary without dates, so repeat "
        "transactions cannot be counted per " +
        unit.one + ".";
    return table;
  }
  table.column_labels = {"repeat transactions", "actual", "model", "model error"};
  table.numeric = {false, true, true, true};
  const cb::HoldoutTracking summary = cb::summarize_tracking(record.tracking);
  const cb::TrackingPoint* last_calibration = nullptr;
  for (const cb::TrackingPoint& point : record.tracking)
    if (!point.holdout) last_calibration = &point;
  const cb::TrackingPoint& last = record.tracking.back();
  if (last_calibration != nullptr) {
    table.rows.push_back(
        check_row(fmt::format("calibration, {} 1\xE2\x80\x93{}", unit.many, last_calibration->unit),
                  last_calibration->actual_cumulative, last_calibration->expected_cumulative));
  }
  if (last.holdout) {
    const std::uint32_t first_holdout = last_calibration != nullptr ? last_calibration->unit + 1 : 1;
    table.rows.push_back(
        check_row(fmt::format("holdout, {} {}\xE2\x80\x93{}", unit.many, first_holdout, last.unit),
                  summary.holdout_actual, summary.holdout_expected));
    table.rows.push_back(check_row(fmt::format("cumulative at {} {}", unit.one, last.unit),
                                   last.actual_cumulative, last.expected_cumulative));
    table.rows.push_back({fmt::format("mean absolute error of the cumulative, holdout {}", unit.many), "", "",
                          percent(summary.holdout_cumulative_mape)});
    table.note = fmt::format(
        "Model error: (model - actual) / actual. The holdout starts the day after the calibration end ({}); "
        "a {} that straddles that day counts as holdout.",
        iso_date(record.calibration_end_day), unit.one);
  } else {
    table.note =
        "No holdout: the calibration runs to the log's last day. Give salesim calibrate a "
        "--calibration-end before it to check the fit on later transactions.";
  }
  return table;
}

/// "a mean of <unit>" as a column heading: "mean transactions in the next 52 weeks".
std::string mean_of(const std::string& what, const std::string& unit) {
  return unit.empty() ? "mean " + what : "mean " + what + " (" + unit + ")";
}

TextTable probability_alive_table(const CustomerOutlookColumns& customers, const std::string& model) {
  const bool holdout = !customers.holdout_transactions.empty();
  std::vector<std::span<const double>> columns{customers.expected_transactions};
  if (holdout) columns.emplace_back(customers.holdout_transactions);
  const auto bands = cb::group_by_band(customers.probability_alive, columns, customer_groups);
  std::size_t banded = 0;
  for (const auto& band : bands) banded += band.customers;

  TextTable table;
  table.heading = "Customers by P(alive)";
  table.note =
      "P(alive): the probability that a customer is still active at the calibration end, given how "
      "often and how recently they bought.";
  // Fader, Hardie & Lee 2005: in the BG/NBD a customer can drop out only right after a purchase.
  if (model == "bg_nbd")
    table.note +=
        " The BG/NBD gives P(alive) = 1 to customers without repeat purchases, so they fill the top band.";
  if (banded < customers.probability_alive.size())
    table.note += fmt::format(" {} customers without a P(alive) in [0, 1] are not counted.",
                              customers.probability_alive.size() - banded);
  table.column_labels = {"P(alive)", "customers", "share",
                         mean_of("expected", customers.expected_transactions_unit)};
  if (holdout) table.column_labels.push_back("mean actual holdout repeats");
  table.numeric = {false, true, true, true, true};
  table.bar_label = "share of customers";
  for (const auto& band : bands) {
    const double share = banded > 0 ? static_cast<double>(band.customers) / static_cast<double>(banded) : 0.0;
    std::vector<std::string> row{fmt::format("{:.1f}\xE2\x80\x93{:.1f}", band.low, band.high),
                                 std::to_string(band.customers), percent(share),
                                 readable_number(band.mean(0))};
    if (holdout) row.push_back(readable_number(band.mean(1)));
    table.rows.push_back(std::move(row));
    table.bars.push_back(share);
  }
  return table;
}

TextTable decile_table(const CustomerOutlookColumns& customers) {
  const bool holdout = !customers.holdout_transactions.empty();
  const bool residual = !customers.residual_value.empty();
  std::vector<std::span<const double>> columns{customers.expected_transactions, customers.probability_alive};
  if (residual) columns.emplace_back(customers.residual_value);
  if (holdout) columns.emplace_back(customers.holdout_transactions);
  const auto deciles = cb::group_by_rank(customers.expected_transactions, columns, customer_groups);
  double total = 0.0;
  std::size_t ranked = 0;
  for (const auto& decile : deciles) {
    total += decile.sums[0];
    ranked += decile.customers;
  }

  TextTable table;
  table.heading = "Customers by decile of expected transactions";
  table.note =
      "Customers ranked by expected transactions, highest first: decile 1 is the top tenth. Customers "
      "with equal expectations (e.g. one-time buyers of the same week) may fall into neighbouring deciles.";
  if (ranked < customers.expected_transactions.size())
    table.note += fmt::format(" {} customers without a finite expectation are not ranked.",
                              customers.expected_transactions.size() - ranked);
  table.column_labels = {"decile", "customers", "expected transactions, range",
                         mean_of("expected", customers.expected_transactions_unit), "mean P(alive)"};
  if (residual) table.column_labels.push_back(mean_of("residual value", customers.residual_value_unit));
  if (holdout) table.column_labels.push_back("mean actual holdout repeats");
  table.numeric.assign(table.column_labels.size(), true);
  table.bar_label = "share of expected transactions";
  for (std::size_t d = 0; d < deciles.size(); ++d) {
    const auto& decile = deciles[d];
    std::vector<std::string> row{
        std::to_string(d + 1), std::to_string(decile.customers),
        decile.customers == 0
            ? ""
            : fmt::format("{}\xE2\x80\x93{}", readable_number(decile.low), readable_number(decile.high)),
        readable_number(decile.mean(0)), readable_number(decile.mean(1))};
    for (std::size_t c = 2; c < columns.size(); ++c) row.push_back(readable_number(decile.mean(c)));
    table.rows.push_back(std::move(row));
    table.bars.push_back(total > 0.0 ? decile.sums[0] / total : 0.0);
  }
  return table;
}

void require_customer_lengths(const CustomerOutlookColumns& customers) {
  const std::size_t count = customers.probability_alive.size();
  for (const auto* column :
       {&customers.expected_transactions, &customers.residual_value, &customers.holdout_transactions}) {
    if (column != &customers.expected_transactions && column->empty()) continue;  // optional columns
    if (column->size() != count)
      throw std::invalid_argument(
          fmt::format("calibration page: customer columns of {} and {} values", count, column->size()));
  }
}

}  // namespace

std::string iso_date(std::int64_t days_since_epoch) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days_since_epoch}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

ReportPage calibration_page(const CalibrationRecord& record) {
  require_customer_lengths(record.customers);
  ReportPage page;
  page.title = record.title;
  page.kind = "calibration report";
  page.provenance = record.provenance;
  const TimeUnitNames unit = time_unit_names(record.time_unit_days);
  page.provenance.emplace_back("customers", std::to_string(record.customers.probability_alive.size()));
  if (!record.tracking.empty()) {
    std::size_t holdout_units = 0;
    for (const cb::TrackingPoint& point : record.tracking) holdout_units += point.holdout ? 1 : 0;
    page.provenance.emplace_back(
        "periods", fmt::format("first purchase {}, calibration to {}, tracked for {} {} ({} of them holdout)",
                               iso_date(record.first_purchase_day), iso_date(record.calibration_end_day),
                               record.tracking.size(), unit.many, holdout_units));
  }

  if (!record.tracking.empty()) {
    const auto split = calibration_end_units(record);
    ChartSection tracking{"Tracking", "", {}};
    for (const bool cumulative : {true, false})
      if (auto chart = tracking_figure(record, cumulative, split))
        tracking.charts.push_back(std::move(*chart));
    page.sections.push_back(std::move(tracking));
  }
  page.tables.push_back(parameter_table(record));
  page.tables.push_back(holdout_table(record));
  if (!record.customers.probability_alive.empty()) {
    page.tables.push_back(probability_alive_table(record.customers, record.model));
    page.tables.push_back(decile_table(record.customers));
  }
  page.scenario_yaml = record.scenario_yaml;
  page.scenario_heading = "Calibrated scenario";
  return page;
}

}  // namespace salesim::analysis::report
