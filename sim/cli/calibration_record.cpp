// Checking a calibration file's attributes and tables while copying them into a CalibrationRecord.
#include "sim/cli/calibration_record.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <string>

#include <fmt/format.h>

namespace salesim::sim::cli {
namespace {

namespace cb = analysis::customer_base;

/// Calendar days salesim can name: far beyond any log's dates, far inside int64.
constexpr double max_day_magnitude = 1e7;

double number_attribute(const io::TableFileReader& file, const std::string& name) {
  const std::string text = file.string_attribute(name);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    file.refuse(fmt::format("attribute {}: '{}' is not a number", name, text));
  return value;
}

std::int64_t day_attribute(const io::TableFileReader& file, const std::string& name) {
  const double day = number_attribute(file, name);
  if (day != std::floor(day) || std::abs(day) > max_day_magnitude)
    file.refuse(fmt::format("attribute {}: {} is not a day number (days since 1970-01-01)", name, day));
  return static_cast<std::int64_t>(day);
}

std::string optional_attribute(const io::TableFileReader& file, const std::string& name) {
  return file.has_attribute(name) ? file.string_attribute(name) : "(not recorded)";
}

/// The values of a column the table was read with as required.
const std::vector<double>& values(const io::ColumnTable& table, std::string_view name) {
  return io::find_column(table, name)->values;  // read_table returned every required column
}

std::vector<cb::ParameterEstimate> parameters(const io::TableFileReader& file, const std::string& name) {
  const io::ColumnTable table = file.read_table({name, "parameter", {"estimate", "standard_error"}, {}});
  if (table.keys.empty()) file.refuse("/" + name + ": no parameters");
  std::vector<cb::ParameterEstimate> estimates;
  for (std::size_t i = 0; i < table.keys.size(); ++i)
    estimates.push_back({table.keys[i], values(table, "estimate")[i], values(table, "standard_error")[i]});
  return estimates;
}

std::vector<cb::TrackingPoint> tracking(const io::TableFileReader& file) {
  const io::ColumnTable table =
      file.read_table({"tracking",
                       "",
                       {"unit", "holdout", "actual", "expected", "actual_cumulative", "expected_cumulative"},
                       {}});
  const auto& unit = values(table, "unit");
  const auto& holdout = values(table, "holdout");
  std::vector<cb::TrackingPoint> points;
  points.reserve(unit.size());
  for (std::size_t k = 0; k < unit.size(); ++k) {
    if (unit[k] != static_cast<double>(k + 1))
      file.refuse(fmt::format("/tracking/unit: row {} is {}, expected {} (units are numbered 1, 2, ...)",
                              k + 1, unit[k], k + 1));
    if (holdout[k] != 0.0 && holdout[k] != 1.0)
      file.refuse(fmt::format("/tracking/holdout: row {} is {}, expected 0 or 1", k + 1, holdout[k]));
    if (k > 0 && holdout[k] == 0.0 && holdout[k - 1] == 1.0)
      file.refuse(fmt::format("/tracking/holdout: row {} is a calibration unit after a holdout unit", k + 1));
    points.push_back({static_cast<std::uint32_t>(k + 1), holdout[k] == 1.0, values(table, "actual")[k],
                      values(table, "expected")[k], values(table, "actual_cumulative")[k],
                      values(table, "expected_cumulative")[k]});
  }
  return points;
}

analysis::report::CustomerOutlookColumns customers(const io::TableFileReader& file) {
  const io::ColumnTable table =
      file.read_table({"customers",
                       "",
                       {"probability_alive", "expected_transactions", "residual_value"},
                       {"holdout_transactions"}});
  analysis::report::CustomerOutlookColumns columns;
  columns.probability_alive = values(table, "probability_alive");
  columns.expected_transactions = values(table, "expected_transactions");
  columns.expected_transactions_unit = io::find_column(table, "expected_transactions")->unit;
  columns.residual_value = values(table, "residual_value");
  columns.residual_value_unit = io::find_column(table, "residual_value")->unit;
  if (const io::NumericColumn* holdout = io::find_column(table, "holdout_transactions"))
    columns.holdout_transactions = holdout->values;
  return columns;
}

}  // namespace

analysis::report::CalibrationRecord read_calibration_record(const io::TableFileReader& file) {
  if (!file.has_attribute("kind")) file.refuse("no kind attribute: not a calibration file");
  if (const std::string kind = file.string_attribute("kind"); kind != calibration_kind)
    file.refuse(fmt::format("kind '{}': not a calibration file (kind '{}')", kind, calibration_kind));

  analysis::report::CalibrationRecord record;
  record.model = file.string_attribute("model");
  record.log_likelihood = number_attribute(file, "log_likelihood");
  record.time_unit_days = number_attribute(file, "time_unit_days");
  if (!(record.time_unit_days > 0.0)) file.refuse("attribute time_unit_days: not positive");
  record.first_purchase_day = day_attribute(file, "first_purchase_day");
  record.calibration_end_day = day_attribute(file, "calibration_end_day");

  const std::string input = optional_attribute(file, "input");
  record.title = (file.has_attribute("input") ? std::filesystem::path(input).stem().string()
                                              : file.path().stem().string()) +
                 " calibration";
  record.provenance = {{"model", record.model},
                       {"input", input},
                       {"command", optional_attribute(file, "command")},
                       {"created_utc", optional_attribute(file, "created_utc")},
                       {"salesim_version", optional_attribute(file, "salesim_version")},
                       {"file", file.path().string()}};

  record.transaction_parameters = parameters(file, "fit_transactions");
  if (file.has_table("fit_spend")) record.spend_parameters = parameters(file, "fit_spend");
  if (file.has_table("tracking")) record.tracking = tracking(file);
  record.customers = customers(file);
  if (file.has_attribute("scenario")) record.scenario_yaml = file.string_attribute("scenario");
  return record;
}

}  // namespace salesim::sim::cli
