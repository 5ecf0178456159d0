// The customer metrics of a run: CLV, NPS, retention, money flows.
#include "analysis/run_metrics.h"

#include <limits>
#include <string>
#include <vector>

#include "analysis/balanced_scorecard.h"
#include "analysis/metric_registry.h"
#include "analysis/monte_carlo_stats.h"
#include "analysis/nps.h"
#include "analysis/whale_curve.h"

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
    {"acquisitions", [](const StepObservation& m) { return static_cast<double>(m.acquired()); }},
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

using NamedValue = std::pair<const char*, double>;
using models::partnership::PartnershipMonth;

/// Relationship-months in which partners decided (not ended by outside events first).
double decision_months(const PartnershipMonth& month) {
  return static_cast<double>(month.relationships - month.exits);
}

struct PartnershipSeries {
  const char* name;
  double (*value)(const PartnershipMonth&);
};

const PartnershipSeries partnership_series[] = {
    {"cooperation_rate",
     [](const PartnershipMonth& m) {
       return ratio(static_cast<double>(m.mutual_cooperation), decision_months(m));
     }},
    {"buyer_trust", [](const PartnershipMonth& m) { return ratio(m.trust_buyer_sum, decision_months(m)); }},
    {"supplier_trust",
     [](const PartnershipMonth& m) { return ratio(m.trust_supplier_sum, decision_months(m)); }},
    {"joint_surplus", [](const PartnershipMonth& m) { return m.joint_surplus; }},
    {"disputes", [](const PartnershipMonth& m) { return static_cast<double>(m.disputes); }},
};

/// B2B partnership metrics (NaN when the scenario has no partnerships).
void append_partnership_summaries(const RunObservation& run, std::vector<NamedValue>& summaries) {
  PartnershipMonth total;
  for (const PartnershipMonth& month : run.partnership_months) total += month;
  const bool present = !run.partnership_months.empty();
  const auto value = [&](double v) { return present ? v : not_available; };
  const double decided = decision_months(total);
  summaries.emplace_back("joint_surplus", value(total.joint_surplus));
  summaries.emplace_back("buyer_profit", value(total.buyer_profit));
  summaries.emplace_back("supplier_profit", value(total.supplier_profit));
  summaries.emplace_back("cooperation_rate",
                         value(ratio(static_cast<double>(total.mutual_cooperation), decided)));
  // What the supplier did and what the contract's measures showed the buyer (measured vs true).
  summaries.emplace_back("supplier_effort_rate",
                         value(ratio(static_cast<double>(total.supplier_cooperated), decided)));
  summaries.emplace_back("measured_effort_rate",
                         value(ratio(static_cast<double>(total.effort_seen), decided)));
  summaries.emplace_back("buyer_trust", value(ratio(total.trust_buyer_sum, decided)));
  summaries.emplace_back("supplier_trust", value(ratio(total.trust_supplier_sum, decided)));
  summaries.emplace_back("penalties", value(static_cast<double>(total.penalties)));
  summaries.emplace_back("disputes", value(static_cast<double>(total.disputes)));
  summaries.emplace_back("disputed_amount", value(total.disputed_amount));
  summaries.emplace_back("governance_cost", value(total.monitoring_spend + 2.0 * total.dispute_spend));
  summaries.emplace_back("supplier_surplus_share",
                         value(ratio(total.supplier_profit, total.buyer_profit + total.supplier_profit)));
  summaries.emplace_back("breakdowns", value(static_cast<double>(total.breakdowns)));
  summaries.emplace_back("supplier_switches", value(static_cast<double>(total.switches)));
  summaries.emplace_back("relationship_months", value(ratio(total.ended_relationship_months,
                                                            static_cast<double>(total.ended_relationships))));
  summaries.emplace_back("investment_rate", value(ratio(static_cast<double>(total.investments),
                                                        static_cast<double>(total.contract_starts))));
  summaries.emplace_back("investment_spend", value(total.investment_spend));
}

using models::workforce::WorkforceMonth;

double per_rep_month(double total, const WorkforceMonth& m) {
  return ratio(total, static_cast<double>(m.reps_employed));
}

double quintile_effort(const models::workforce::QuintileTally& tally) {
  return ratio(tally.sell_effort, static_cast<double>(tally.rep_months));
}

double quintile_attainment(const models::workforce::QuintileTally& tally) {
  return ratio(tally.attainment_sum, static_cast<double>(tally.period_ends));
}

struct WorkforceSeries {
  const char* name;
  double (*value)(const WorkforceMonth&);
};

const WorkforceSeries workforce_series[] = {
    {"booked_revenue", [](const WorkforceMonth& m) { return m.booked_revenue; }},
    {"comp_cost", [](const WorkforceMonth& m) { return m.pay; }},
    {"sell_effort", [](const WorkforceMonth& m) { return per_rep_month(m.sell_effort, m); }},
    {"service_effort", [](const WorkforceMonth& m) { return per_rep_month(m.service_effort, m); }},
    {"vacancies", [](const WorkforceMonth& m) { return static_cast<double>(m.vacant); }},
};

/// Workforce series declared after the partnerships' (the record order keeps earlier files' layout).
const WorkforceSeries later_workforce_series[] = {
    {"sell_effort_quintile_gap",
     [](const WorkforceMonth& m) {
       return quintile_effort(m.top_quintile) - quintile_effort(m.bottom_quintile);
     }},
};

/// Share of each full year's booked revenue booked in its last quarter (Oyer 1998's hockey stick).
double last_quarter_share(const std::vector<WorkforceMonth>& months) {
  double last_quarter = 0.0, year = 0.0;
  for (std::size_t m = 0; m + 12 <= months.size(); m += 12) {
    for (std::size_t k = 0; k < 12; ++k) {
      year += months[m + k].booked_revenue;
      if (k >= 9) last_quarter += months[m + k].booked_revenue;
    }
  }
  return ratio(last_quarter, year);
}

/// Workforce metrics (NaN when the scenario has no workforce).
void append_workforce_summaries(const RunObservation& run, double revenue, double margin, double profit,
                                std::vector<NamedValue>& summaries) {
  WorkforceMonth total;
  for (const WorkforceMonth& month : run.workforce_months) total += month;
  const bool present = !run.workforce_months.empty();
  const auto value = [&](double v) { return present ? v : not_available; };
  const double effort = total.sell_effort + total.service_effort + total.coaching_effort + total.hunt_effort;
  const auto count = [](std::uint64_t n) { return static_cast<double>(n); };
  summaries.emplace_back("comp_cost", value(total.pay));
  summaries.emplace_back("profit_after_pay", value(profit - total.pay));
  summaries.emplace_back("pay_per_rep_month", value(per_rep_month(total.pay, total)));
  summaries.emplace_back("comp_share_of_revenue", value(ratio(total.pay, revenue)));
  summaries.emplace_back("comp_share_of_margin", value(ratio(total.pay, margin)));
  summaries.emplace_back("booked_revenue", value(total.booked_revenue));
  summaries.emplace_back("last_quarter_share", value(last_quarter_share(run.workforce_months)));
  summaries.emplace_back("mean_attainment", value(ratio(total.attainment_sum, count(total.period_ends))));
  summaries.emplace_back("share_at_quota",
                         value(ratio(count(total.reached_quota), count(total.period_ends))));
  // The attainment distribution over reps and periods: its 10th, 50th and 90th percentiles.
  const std::vector<double> probabilities = {0.1, 0.5, 0.9};
  const std::vector<double> spread = quantiles(run.quota_attainments, probabilities);
  summaries.emplace_back("attainment_p10", value(spread[0]));
  summaries.emplace_back("attainment_p50", value(spread[1]));
  summaries.emplace_back("attainment_p90", value(spread[2]));
  summaries.emplace_back("sell_effort", value(per_rep_month(total.sell_effort, total)));
  summaries.emplace_back("service_effort", value(per_rep_month(total.service_effort, total)));
  summaries.emplace_back("coaching_effort", value(per_rep_month(total.coaching_effort, total)));
  summaries.emplace_back("hunt_effort", value(per_rep_month(total.hunt_effort, total)));
  summaries.emplace_back("won_by_reps", value(total.won_by_reps));
  summaries.emplace_back("attributed_acquisitions", value(total.attributed));
  summaries.emplace_back("service_effort_share", value(ratio(total.service_effort, effort)));
  summaries.emplace_back("discount_depth", value(ratio(total.discount_revenue, total.list_revenue)));
  summaries.emplace_back("clawed_back", value(total.clawed_back));
  summaries.emplace_back("spiff_paid", value(total.paid_by_term.spiff));
  summaries.emplace_back("pull_forwards", value(count(total.pull_forwards)));
  summaries.emplace_back("timing_discount", value(total.timing_discount));
  summaries.emplace_back("push_outs", value(count(total.push_outs)));
  summaries.emplace_back("pushed_revenue_lost", value(total.pushed_revenue_lost));
  // Reps ranked by skill: what the top and bottom fifths attain and how hard they sell.
  const double top_attainment = quintile_attainment(total.top_quintile);
  const double bottom_attainment = quintile_attainment(total.bottom_quintile);
  summaries.emplace_back("attainment_top_quintile", value(top_attainment));
  summaries.emplace_back("attainment_bottom_quintile", value(bottom_attainment));
  summaries.emplace_back("attainment_quintile_gap", value(top_attainment - bottom_attainment));
  const double top_effort = quintile_effort(total.top_quintile);
  const double bottom_effort = quintile_effort(total.bottom_quintile);
  summaries.emplace_back("sell_effort_top_quintile", value(top_effort));
  summaries.emplace_back("sell_effort_bottom_quintile", value(bottom_effort));
  summaries.emplace_back("sell_effort_quintile_gap", value(top_effort - bottom_effort));
  summaries.emplace_back("coaching_share",
                         value(ratio(count(total.coaching_reps), count(total.reps_employed))));
  summaries.emplace_back("cherry_picking_share",
                         value(ratio(count(total.cherry_picking_reps), count(total.reps_employed))));
  summaries.emplace_back("quits", value(count(total.quits)));
  summaries.emplace_back("vacancy_months", value(count(total.vacant)));
}

/// Every summary of a run, named where it is computed so names and values cannot drift apart.
std::vector<NamedValue> summaries_of(const RunObservation& run,
                                     const std::vector<models::ScorecardKpi>& scorecard) {
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
  const auto acquisitions = static_cast<double>(total.acquired());
  const double churn_rate =
      ratio(static_cast<double>(total.churned), static_cast<double>(total.active_at_start));
  const auto served = static_cast<double>(total.true_answers.total());
  const WhaleCurve whale = whale_curve(run.realized_clv);
  std::vector<NamedValue> summaries = {
      {"revenue", total.revenue},
      {"margin", total.margin},
      {"purchases", static_cast<double>(total.purchases)},
      {"cross_sell_revenue", total.cross_sell_revenue},
      {"service_cost", total.service_cost},
      {"acquisition_spend", total.acquisition_spend},
      {"profit", profit_of(total)},
      {"active_customers", run.months.empty() ? 0.0 : static_cast<double>(run.months.back().active_at_end)},
      {"acquisitions", acquisitions},
      {"acquisitions_marketing", static_cast<double>(total.acquired_by_marketing)},
      {"acquisitions_referral", static_cast<double>(total.acquired_by_referral)},
      {"acquisitions_sales", static_cast<double>(total.acquired_by_sales)},
      {"churned", static_cast<double>(total.churned)},
      {"churn_rate", churn_rate},
      {"retention_rate", 1.0 - churn_rate},
      {"customer_equity", run.customer_equity},
      {"mean_clv", ratio(clv_sum, static_cast<double>(run.realized_clv.size()))},
      {"mean_clv_new", ratio(new_clv_sum, static_cast<double>(new_customers))},
      // What a CLV model of segment averages predicted for the customers there at the start, and
      // what they turned out to be worth over the horizon (measured vs true).
      {"predicted_clv_initial", ratio(run.predicted_clv_initial, static_cast<double>(run.initial_customers))},
      {"realized_clv_initial", ratio(clv_sum - new_clv_sum, static_cast<double>(run.initial_customers))},
      {"true_nps", nps_of(total.true_answers)},
      {"surveyed_nps", nps_of(total.survey_answers)},
      // What management sees minus what is true (DESIGN §6, measurement system).
      {"nps_survey_bias", nps_of(total.survey_answers) - nps_of(total.true_answers)},
      {"survey_responses", static_cast<double>(total.survey_answers.total())},
      {"mean_satisfaction", ratio(total.satisfaction_sum, served)},
      {"referrals_made", static_cast<double>(total.referrals_made)},
      {"cost_to_serve", ratio(total.service_cost, served)},
      {"top20_profit_share", whale.cumulative_share.empty() ? not_available : whale.top_20_percent_share},
      {"whale_peak", whale.cumulative_share.empty() ? not_available : whale.peak_share},
  };
  if (!run.has_customer_market) {
    for (auto& [name, value] : summaries) value = not_available;
  }
  append_workforce_summaries(run, total.revenue, total.margin, profit_of(total), summaries);
  append_partnership_summaries(run, summaries);
  // The scorecard scores the metrics above; without one its points are NaN.
  const ScorecardScore score = score_scorecard(scorecard, [&](const std::string& metric) {
    for (const auto& [name, value] : summaries) {
      if (metric == name) return value;
    }
    return not_available;
  });
  const bool scored = !scorecard.empty();
  summaries.emplace_back("scorecard_score", scored ? score.total : not_available);
  summaries.emplace_back("scorecard_financial", scored ? score.by_perspective[0] : not_available);
  summaries.emplace_back("scorecard_customer", scored ? score.by_perspective[1] : not_available);
  summaries.emplace_back("scorecard_internal_process", scored ? score.by_perspective[2] : not_available);
  summaries.emplace_back("scorecard_learning_growth", scored ? score.by_perspective[3] : not_available);
  return summaries;
}

}  // namespace

sim::core::MetricCatalog customer_metric_catalog(std::uint32_t horizon_months) {
  sim::core::MetricCatalog catalog;
  for (const MetricDefinition& metric : metric_registry()) {
    if (!metric.is_summary()) continue;
    catalog.summary_names.emplace_back(metric.name);
    catalog.summary_units.emplace_back(unit_label(metric.unit));
    catalog.summary_meanings.emplace_back(metric.meaning);
  }
  for (const MetricDefinition* metric : timeseries_metrics()) {
    catalog.timeseries_names.emplace_back(metric->name);
    catalog.timeseries_units.emplace_back(unit_label(metric->unit));
    catalog.timeseries_meanings.emplace_back(metric->meaning);
  }
  catalog.steps = horizon_months;
  return catalog;
}

sim::core::MetricCatalog computed_metric_names() {
  sim::core::MetricCatalog catalog;
  for (const auto& [name, value] : summaries_of(RunObservation{}, {}))
    catalog.summary_names.emplace_back(name);
  for (const MonthlySeries& series : monthly_series) catalog.timeseries_names.emplace_back(series.name);
  for (const WorkforceSeries& series : workforce_series) catalog.timeseries_names.emplace_back(series.name);
  for (const PartnershipSeries& series : partnership_series)
    catalog.timeseries_names.emplace_back(series.name);
  for (const WorkforceSeries& series : later_workforce_series)
    catalog.timeseries_names.emplace_back(series.name);
  return catalog;
}

sim::core::RunRecord customer_run_record(const RunObservation& run,
                                         const std::vector<models::ScorecardKpi>& scorecard) {
  sim::core::RunRecord record;
  for (const auto& [name, value] : summaries_of(run, scorecard)) record.summary.push_back(value);
  record.timeseries.reserve((std::size(monthly_series) + std::size(workforce_series) +
                             std::size(partnership_series) + std::size(later_workforce_series)) *
                            run.months.size());
  for (const MonthlySeries& series : monthly_series) {
    for (const StepObservation& month : run.months) {
      record.timeseries.push_back(run.has_customer_market ? series.value(month) : not_available);
    }
  }
  const auto append_workforce = [&](const WorkforceSeries& series) {
    if (run.workforce_months.empty()) {
      record.timeseries.insert(record.timeseries.end(), run.months.size(), not_available);
      return;
    }
    for (const WorkforceMonth& month : run.workforce_months) record.timeseries.push_back(series.value(month));
  };
  for (const WorkforceSeries& series : workforce_series) append_workforce(series);
  for (const PartnershipSeries& series : partnership_series) {
    if (run.partnership_months.empty()) {
      record.timeseries.insert(record.timeseries.end(), run.months.size(), not_available);
      continue;
    }
    for (const PartnershipMonth& month : run.partnership_months)
      record.timeseries.push_back(series.value(month));
  }
  for (const WorkforceSeries& series : later_workforce_series) append_workforce(series);
  return record;
}

}  // namespace salesim::analysis
