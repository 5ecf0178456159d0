// What `salesim calibrate` fits and writes: the fitted base, its scenario, its per-customer tables.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "analysis/customer_base/customer_history.h"
#include "analysis/customer_base/gamma_gamma.h"
#include "analysis/customer_base/holdout_tracking.h"
#include "analysis/customer_base/model_fit.h"
#include "analysis/customer_base/transaction_summary.h"
#include "models/scenario.h"
#include "sim/cli/calibrate_command.h"

namespace salesim::sim::cli {

/// A transaction model and (when the log has spend) a Gamma-Gamma spend model fitted to one cohort.
struct CalibratedBase {
  models::BuyerModel model = models::BuyerModel::bg_nbd;
  analysis::customer_base::FitResult transactions;
  std::optional<analysis::customer_base::GammaGammaFit> spend;  ///< none without repeat spend
  models::LatentBuyers buyers;                                  ///< the fit as a scenario's `buyers:` section
  double calibration_repeats = 0.0;
  double mean_repeat_spend = 0.0;                       ///< over repeat buyers' zbar; 0 without spend
  std::function<double(double)> expected_transactions;  ///< E[X(t)] of a new customer
  std::function<double(const analysis::customer_base::CustomerHistory&)> probability_alive;
  std::function<double(const analysis::customer_base::CustomerHistory&, double)> conditional_expected;
};

/// Fits the model to the cohort's histories, and Gamma-Gamma to its repeat buyers' spend.
[[nodiscard]] CalibratedBase fit_customer_base(const analysis::customer_base::CohortSummary& cohort,
                                               models::BuyerModel model);

/// A runnable scenario whose one segment is the fitted base, started as a new cohort at month 0.
[[nodiscard]] models::Scenario calibrated_scenario(const std::string& name, const std::string& source,
                                                   const analysis::customer_base::CohortSummary& cohort,
                                                   const CalibratedBase& base, double gross_margin);

struct CalibrationFiles {
  std::filesystem::path scenario;       ///< <dir>/<name>.yaml
  std::filesystem::path customers_csv;  ///< <dir>/<name>-customers.csv
  std::filesystem::path hdf5;           ///< <dir>/<name>-calibration.h5
};

/// Writes the scenario, the per-customer table (CSV and HDF5: P(alive), expected transactions, residual
/// value) and the fit with its tracking (HDF5), each atomically.
CalibrationFiles write_calibration_outputs(const CalibrateOptions& options, const std::string& name,
                                           const analysis::customer_base::CohortSummary& cohort,
                                           const CalibratedBase& base,
                                           const analysis::customer_base::HoldoutTracking& tracking);

}  // namespace salesim::sim::cli
