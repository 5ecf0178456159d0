// The fitted customer base as a scenario, a per-customer table and an HDF5 record of the fit.
#include "sim/cli/calibration_outputs.h"

#include <cmath>
#include <ctime>
#include <map>
#include <tuple>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "analysis/customer_base/bg_nbd.h"
#include "analysis/customer_base/pareto_nbd.h"
#include "analysis/customer_base/residual_value.h"
#include "models/scenario_rules.h"
#include "models/world/segment_constants.h"
#include "sim/io/table_file_writer.h"
#include "sim/io/text_file.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::cli {
namespace {

namespace cb = analysis::customer_base;

using models::world::days_per_month;

std::string model_word(models::BuyerModel model) {
  return model == models::BuyerModel::bg_nbd ? "bg_nbd" : "pareto_nbd";
}

/// What the transaction model says of one history; many customers share a history.
struct HistoryOutlook {
  double probability_alive = 0.0;
  double expected_transactions = 0.0;    ///< over the prediction horizon
  double discounted_transactions = 0.0;  ///< over the residual-value horizon (DERT, discrete)
};

std::vector<HistoryOutlook> outlooks(const CalibrateOptions& options, const cb::CohortSummary& cohort,
                                     const CalibratedBase& base) {
  cb::ResidualHorizon horizon;
  horizon.periods = options.clv_months;
  horizon.time_units_per_period = days_per_month / cohort.days_per_unit;
  horizon.discount_rate_per_period = std::pow(1.0 + options.discount_rate_per_year, 1.0 / 12.0) - 1.0;
  std::map<std::tuple<double, double, double>, HistoryOutlook> known;
  std::vector<HistoryOutlook> result;
  result.reserve(cohort.histories.size());
  for (const cb::CustomerHistory& history : cohort.histories) {
    const auto key = std::make_tuple(history.frequency, history.recency, history.age);
    auto found = known.find(key);
    if (found == known.end()) {
      HistoryOutlook outlook;
      outlook.probability_alive = base.probability_alive(history);
      outlook.expected_transactions = base.conditional_expected(history, options.predict_units);
      outlook.discounted_transactions = cb::discounted_expected_residual_transactions(
          [&](double elapsed) { return base.conditional_expected(history, elapsed); }, horizon);
      found = known.emplace(key, outlook).first;
    }
    result.push_back(found->second);
  }
  return result;
}

io::ColumnTable fit_table(const std::string& name, const cb::FitResult& fit) {
  io::ColumnTable table{name, "parameter", {}, {{"estimate", "", {}}, {"standard_error", "", {}}}};
  for (const cb::ParameterEstimate& estimate : fit.parameters) {
    table.keys.push_back(estimate.name);
    table.columns[0].values.push_back(estimate.value);
    table.columns[1].values.push_back(estimate.standard_error);
  }
  return table;
}

io::ColumnTable tracking_table(const cb::HoldoutTracking& tracking, double days_per_unit) {
  const std::string unit = days_per_unit == 7.0 ? "weeks" : fmt::format("units of {} days", days_per_unit);
  io::ColumnTable table{"tracking",
                        "",
                        {},
                        {{"unit", unit, {}},
                         {"holdout", "flag", {}},
                         {"actual", "repeat transactions", {}},
                         {"expected", "repeat transactions", {}},
                         {"actual_cumulative", "repeat transactions", {}},
                         {"expected_cumulative", "repeat transactions", {}}}};
  for (const cb::TrackingPoint& point : tracking.points) {
    const double values[] = {
        static_cast<double>(point.unit), point.holdout ? 1.0 : 0.0, point.actual, point.expected,
        point.actual_cumulative,         point.expected_cumulative};
    for (std::size_t c = 0; c < table.columns.size(); ++c) table.columns[c].values.push_back(values[c]);
  }
  return table;
}

std::string csv_of(const io::ColumnTable& table) {
  std::string text = table.key_name;
  for (const io::NumericColumn& column : table.columns) text += "," + column.name;
  text += '\n';
  for (std::size_t row = 0; row < table.keys.size(); ++row) {
    text += table.keys[row];
    for (const io::NumericColumn& column : table.columns)
      fmt::format_to(std::back_inserter(text), ",{:.6g}", column.values[row]);
    text += '\n';
  }
  return text;
}

void copy_into(const cb::BgNbdParameters& p, models::LatentBuyers& buyers) {
  buyers.r = p.r;
  buyers.alpha = p.alpha;
  buyers.a = p.a;
  buyers.b = p.b;
}

void copy_into(const cb::ParetoNbdParameters& p, models::LatentBuyers& buyers) {
  buyers.r = p.r;
  buyers.alpha = p.alpha;
  buyers.s = p.s;
  buyers.beta = p.beta;
}

/// The fit's report, its parameters as the scenario's buyers, and its expectations.
template <typename TransactionFit>
void adopt_transaction_fit(const TransactionFit& fit, CalibratedBase& base) {
  base.transactions = fit.result;
  const auto p = fit.parameters;
  copy_into(p, base.buyers);
  base.expected_transactions = [p](double t) { return cb::expected_transactions(p, t); };
  base.probability_alive = [p](const cb::CustomerHistory& h) { return cb::probability_alive(p, h); };
  base.conditional_expected = [p](const cb::CustomerHistory& h, double t) {
    return cb::conditional_expected_transactions(p, h, t);
  };
}

/// E[spend per transaction | history]: Gamma-Gamma's weighted mean of the customer's zbar and the
/// population mean when it was fitted; without it, the customer's own mean, or the repeat buyers' mean.
double expected_spend(const CalibratedBase& base, const cb::CustomerHistory& history) {
  const bool spent = history.frequency > 0 && history.mean_spend > 0;
  if (base.buyers.spend) {
    const models::GammaGammaSpend& gg = *base.buyers.spend;
    return spent ? cb::conditional_expected_spend(base.spend->parameters, history)
                 : gg.p * gg.gamma / (gg.q - 1.0);
  }
  return spent ? history.mean_spend : base.mean_repeat_spend;
}

}  // namespace

CalibratedBase fit_customer_base(const cb::CohortSummary& cohort, models::BuyerModel model) {
  CalibratedBase base;
  base.model = model;
  base.buyers.model = model;
  base.buyers.time_unit_days = cohort.days_per_unit;
  // Gamma-Gamma reads repeat buyers with positive spend (a log may record free or fully refunded orders).
  std::vector<cb::CustomerHistory> spenders;
  double spend_sum = 0.0;
  for (const cb::CustomerHistory& history : cohort.histories) {
    base.calibration_repeats += history.frequency;
    if (history.frequency > 0 && history.mean_spend > 0) {
      spend_sum += history.mean_spend;
      spenders.push_back(history);
    }
  }
  const auto repeat_buyers = static_cast<double>(spenders.size());
  if (model == models::BuyerModel::bg_nbd) {
    adopt_transaction_fit(cb::fit_bg_nbd(cohort.histories), base);
  } else {
    adopt_transaction_fit(cb::fit_pareto_nbd(cohort.histories), base);
  }
  if (repeat_buyers > 0) {
    base.mean_repeat_spend = spend_sum / repeat_buyers;
    cb::GammaGammaFit spend = cb::fit_gamma_gamma(spenders);
    // A mean spend needs q > 1; a fit that cannot give one leaves spend lognormal at the observed mean.
    if (spend.result.converged && spend.parameters.q > 1.0) {
      base.buyers.spend =
          models::GammaGammaSpend{spend.parameters.p, spend.parameters.q, spend.parameters.gamma};
    }
    base.spend = std::move(spend);
  }
  return base;
}

/// The fitted customers as a scenario: each from its history in `history_file` (relative to the
/// scenario), or, without one, as a new cohort at month 0.
models::Scenario calibrated_scenario(const std::string& name, const std::string& source,
                                     const cb::CohortSummary& cohort, const CalibratedBase& base,
                                     double gross_margin, const std::string& history_file) {
  models::Scenario scenario;
  scenario.name = name;
  const std::string start =
      history_file.empty() ? "started as a new cohort at month 0"
                           : "each started from its history at the calibration end (" + history_file + ")";
  scenario.description = fmt::format(
      "{} customers fitted by salesim calibrate to {} ({}, log-likelihood {:.2f}), {}; at reference "
      "satisfaction they buy and drop out as fitted",
      cohort.histories.size(), source, model_word(base.model), base.transactions.log_likelihood, start);
  scenario.run.horizon_months = 24;
  scenario.run.replications = 20;
  models::SegmentParams segment;
  segment.name = "fitted";
  segment.size = static_cast<std::uint32_t>(cohort.histories.size());
  segment.initial_customers = segment.size;
  segment.gross_margin = gross_margin;
  if (base.mean_repeat_spend > 0) segment.spend_per_purchase.mean = base.mean_repeat_spend;
  segment.buyers = base.buyers;
  if (!history_file.empty()) segment.buyers->history = history_file;
  scenario.segments.push_back(segment);
  // A small cohort is a small market: no more contacts than it allows, an even number (small world).
  const auto allowed = static_cast<std::uint32_t>(std::min<std::uint64_t>(
      scenario.referrals.mean_degree, models::most_contacts(scenario.referrals, segment.size)));
  scenario.referrals.mean_degree = allowed / 2 * 2;
  return scenario;
}

CalibrationFiles write_calibration_outputs(const CalibrateOptions& options, const std::string& name,
                                           const cb::CohortSummary& cohort, const CalibratedBase& base,
                                           const cb::HoldoutTracking& tracking) {
  const std::filesystem::path dir = options.output_dir;
  const CalibrationFiles files{dir / (name + ".yaml"), dir / (name + "-customers.csv"),
                               dir / (name + "-calibration.h5")};
  const models::Scenario scenario = calibrated_scenario(
      name, std::filesystem::path(options.input_path).filename().string(), cohort, base, options.gross_margin,
      options.new_cohort ? "" : files.customers_csv.filename().string());
  const std::string yaml =
      "# Written by salesim calibrate from " + options.input_path + "\n" + run::scenario_to_yaml(scenario);

  const std::vector<HistoryOutlook> outlook = outlooks(options, cohort, base);
  const std::string horizon =
      fmt::format("{} {}", options.predict_units, cohort.days_per_unit == 7.0 ? "weeks" : "time units");
  io::ColumnTable customers{
      "customers",
      "customer_id",
      cohort.customer_ids,
      {{"frequency", "repeat transactions", {}},
       {"recency", "time units", {}},
       {"age", "time units", {}},
       {"mean_spend", "currency", {}},
       {"probability_alive", "probability", {}},
       {"expected_transactions", "transactions in the next " + horizon, {}},
       {"expected_spend", "currency per transaction", {}},
       {"residual_value",
        fmt::format("currency of margin over {} months, discounted", options.clv_months),
        {}}}};
  for (std::size_t i = 0; i < cohort.histories.size(); ++i) {
    const cb::CustomerHistory& h = cohort.histories[i];
    const double spend = expected_spend(base, h);
    const double values[] = {h.frequency,
                             h.recency,
                             h.age,
                             h.mean_spend,
                             outlook[i].probability_alive,
                             outlook[i].expected_transactions,
                             spend,
                             outlook[i].discounted_transactions * spend * options.gross_margin};
    for (std::size_t c = 0; c < customers.columns.size(); ++c)
      customers.columns[c].values.push_back(values[c]);
  }
  if (!cohort.holdout_repeats.empty()) {
    customers.columns.push_back(
        {"holdout_transactions", "repeat transactions after the calibration end", {}});
    for (const std::uint32_t repeats : cohort.holdout_repeats)
      customers.columns.back().values.push_back(repeats);
  }

  std::vector<io::ColumnTable> tables{customers, fit_table("fit_transactions", base.transactions)};
  if (base.spend) tables.push_back(fit_table("fit_spend", base.spend->result));
  if (!tracking.points.empty()) tables.push_back(tracking_table(tracking, cohort.days_per_unit));
  const std::map<std::string, std::string> attributes{
      {"kind", "calibration"},
      {"salesim_version", SALESIM_VERSION},
      {"command", options.command_line},
      {"created_utc", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)))},
      {"input", options.input_path},
      {"model", model_word(base.model)},
      {"log_likelihood", fmt::format("{:.6f}", base.transactions.log_likelihood)},
      {"time_unit_days", fmt::format("{}", cohort.days_per_unit)},
      {"calibration_end_day", fmt::format("{}", cohort.calibration_end_day)},
      {"first_purchase_day", fmt::format("{}", cohort.first_purchase_day)},
      {"scenario", yaml}};
  // The customers first: the scenario starts from them, and is loaded back before it is written, so
  // that what calibrate writes, run accepts.
  io::write_text_atomically(files.customers_csv, csv_of(customers));
  static_cast<void>(run::load_scenario_text(yaml, files.scenario.string()));
  io::write_text_atomically(files.scenario, yaml);
  io::write_table_file(files.hdf5, attributes, tables);
  return files;
}

}  // namespace salesim::sim::cli
