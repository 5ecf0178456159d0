// The customer metrics of a run: CLV, NPS, retention, money flows.
#include "analysis/run_metrics.h"

#include <limits>
#include <string>
#include <vector>

#include "analysis/nps.h"

namespace salesim::analysis {
namespace {

using models::world::RecommendCounts;
using models::world::RunObservation;
using models::world::StepObservation;

constexpr double not_available = std::numeric_limits<double>::quiet_NaN();

double nps_of(const RecommendCounts& counts) { return net_promoter_score(counts); }

double ratio(double numerator, double denominator) {
  return denominator > 0.0 ? numerator / denominator : not_available;
}

double profit_of(const StepObservation& month) {
  return month.margin - month.service_cost - month.acquisition_spend;
}

/// One time series: a name and how to read it off a month.
struct MonthlySeries {
  const char* name;
  double (*value)(const StepObservation&);
};

const MonthlySeries monthly_series[] = {
    {"active_customers", [](const StepObservation& m) { return static_cast<double>(m.active_at_end); }},
    {"acquisitions",
     [](const StepObservation& m) {
       return static_cast<double>(m.acquired_by_marketing + m.acquired_by_referral);
     }},
    {"churned", [](const StepObservation& m) { return static_cast<double>(m.churned); }},
    {"revenue", [](const StepObservation& m) { return m.revenue; }},
    {"margin", [](const StepObservation& m) { return m.margin; }},
    {"profit", profit_of},
    {"true_nps", [](const StepObservation& m) { return nps_of(m.true_answers); }},
    {"surveyed_nps", [](const StepObservation& m) { return nps_of(m.survey_answers); }},
    {"mean_satisfaction",
     [](const StepObservation& m) {
       return ratio(m.satisfaction_sum, static_cast<double>(m.true_answers.total()));
     }},
};

const char* const summary_names[] = {
    "revenue",
    "margin",
    "service_cost",
    "acquisition_spend",
    "profit",
    "active_customers",
    "acquisitions",
    "acquisitions_marketing",
    "acquisitions_referral",
    "churned",
    "churn_rate",
    "retention_rate",
    "customer_equity",
    "mean_clv",
    "mean_clv_new",
    "true_nps",
    "surveyed_nps",
    "survey_responses",
    "mean_satisfaction",
    "referrals_made",
};

}  // namespace

sim::core::MetricCatalog customer_metric_catalog(std::uint32_t horizon_months) {
  sim::core::MetricCatalog catalog;
  catalog.summary_names.assign(std::begin(summary_names), std::end(summary_names));
  for (const MonthlySeries& series : monthly_series) catalog.timeseries_names.emplace_back(series.name);
  catalog.steps = horizon_months;
  return catalog;
}

sim::core::RunRecord customer_run_record(const RunObservation& run) {
  StepObservation total;
  for (const StepObservation& month : run.months) total += month;

  double clv_sum = 0.0;
  double new_clv_sum = 0.0;
  std::uint64_t new_customers = 0;
  for (std::size_t i = 0; i < run.realized_clv.size(); ++i) {
    clv_sum += run.realized_clv[i];
    if (run.clv_is_initial_customer[i] == 0) {
      new_clv_sum += run.realized_clv[i];
      ++new_customers;
    }
  }
  const auto acquisitions = static_cast<double>(total.acquired_by_marketing + total.acquired_by_referral);
  const double churn_rate =
      ratio(static_cast<double>(total.churned), static_cast<double>(total.active_at_start));

  sim::core::RunRecord record;
  record.summary = {
      total.revenue,
      total.margin,
      total.service_cost,
      total.acquisition_spend,
      profit_of(total),
      run.months.empty() ? 0.0 : static_cast<double>(run.months.back().active_at_end),
      acquisitions,
      static_cast<double>(total.acquired_by_marketing),
      static_cast<double>(total.acquired_by_referral),
      static_cast<double>(total.churned),
      churn_rate,
      1.0 - churn_rate,
      run.customer_equity,
      ratio(clv_sum, static_cast<double>(run.realized_clv.size())),
      ratio(new_clv_sum, static_cast<double>(new_customers)),
      nps_of(total.true_answers),
      nps_of(total.survey_answers),
      static_cast<double>(total.survey_answers.total()),
      ratio(total.satisfaction_sum, static_cast<double>(total.true_answers.total())),
      static_cast<double>(total.referrals_made),
  };
  record.timeseries.reserve(std::size(monthly_series) * run.months.size());
  for (const MonthlySeries& series : monthly_series) {
    for (const StepObservation& month : run.months) record.timeseries.push_back(series.value(month));
  }
  return record;
}

}  // namespace salesim::analysis
