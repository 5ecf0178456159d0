// `salesim calibrate`: fit buy-till-you-die models to a firm's transaction log or customer summary.
#pragma once

#include <string>

namespace salesim::sim::cli {

struct CalibrateOptions {
  std::string input_path;        ///< a transaction log, or a per-customer summary (x, t_x, T)
  std::string model = "bg_nbd";  ///< bg_nbd or pareto_nbd
  std::string calibration_end;   ///< YYYY-MM-DD, inclusive; empty: the log's last day
  std::string holdout_end;       ///< YYYY-MM-DD, inclusive; empty: the log's last day
  std::string customer_column, date_column, amount_column, quantity_column;  ///< names or 1-based numbers
  std::string date_format;               ///< e.g. %Y%m%d; empty: YYYYMMDD or YYYY-MM-DD
  std::string duplicates = "refuse";     ///< refuse, keep or drop rows equal to the previous row
  double time_unit_days = 7.0;           ///< the unit of x, t_x and T (weeks)
  double gross_margin = 0.3;             ///< share of spend kept, for residual value and the scenario
  double discount_rate_per_year = 0.10;  ///< for residual value
  unsigned clv_months = 36;              ///< horizon of the residual value
  double predict_units = 52.0;           ///< horizon of each customer's expected transactions
  std::string name;                      ///< names the outputs; empty: the input's file stem
  std::string output_dir = "out";
  bool quiet = false;
  bool new_cohort = false;  ///< the scenario starts the fitted customers afresh, not from their histories
  std::string command_line;
};

/// Runs the command; returns the process exit code (DESIGN §7).
int calibrate_command(const CalibrateOptions& options);

}  // namespace salesim::sim::cli
