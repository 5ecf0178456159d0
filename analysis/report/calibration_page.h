// The calibration report page: how a fitted buyer model tracks its cohort (Fader, Hardie & Lee 2005,
// figure 2), its fitted parameters, and how the customers spread over P(alive) and expected purchases.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "analysis/customer_base/holdout_tracking.h"
#include "analysis/customer_base/model_fit.h"
#include "analysis/report/html_report.h"

namespace salesim::analysis::report {

/// One value per customer of the fitted base, with the unit each column was written with.
struct CustomerOutlookColumns {
  std::vector<double> probability_alive;
  std::vector<double> expected_transactions;
  std::string expected_transactions_unit;  ///< e.g. "transactions in the next 52 weeks"
  std::vector<double> residual_value;
  std::string residual_value_unit;
  std::vector<double> holdout_transactions;  ///< repeats after the calibration end; empty when not recorded
};

/// What `salesim calibrate` recorded of one fit, as plain values.
struct CalibrationRecord {
  std::string title;
  std::vector<std::pair<std::string, std::string>> provenance;  ///< key, value; shown in order
  std::string model;                                            ///< "bg_nbd" or "pareto_nbd"
  double log_likelihood = std::numeric_limits<double>::quiet_NaN();
  double time_unit_days = 7.0;
  std::int64_t first_purchase_day = 0;   ///< the cohort's first day, in days since 1970-01-01
  std::int64_t calibration_end_day = 0;  ///< the calibration's last day, in days since 1970-01-01
  std::vector<customer_base::TrackingPoint> tracking;  ///< per time unit; empty when the input had no dates
  std::vector<customer_base::ParameterEstimate> transaction_parameters;
  std::vector<customer_base::ParameterEstimate> spend_parameters;  ///< Gamma-Gamma; empty when not fitted
  CustomerOutlookColumns customers;
  std::string scenario_yaml;  ///< the calibrated scenario; may be empty
};

/**
 * @brief The report page of a calibration: the tracking plot of cumulative repeat transactions and
 * a chart of repeats per time unit, actual against the model, with the holdout shaded; the fitted
 * parameters with standard errors and the log-likelihood; the holdout check; customers by band of
 * P(alive) and by decile of expected transactions.
 * @throws std::invalid_argument when the customer columns differ in length.
 */
[[nodiscard]] ReportPage calibration_page(const CalibrationRecord& record);

/// "YYYY-MM-DD" of a day counted from 1970-01-01 (the proleptic Gregorian calendar).
[[nodiscard]] std::string iso_date(std::int64_t days_since_epoch);

}  // namespace salesim::analysis::report
