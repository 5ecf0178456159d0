// The metric registry: the one place a metric's name, unit, part of the world and meaning are written.
#include "analysis/metric_registry.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace salesim::analysis {
namespace {

using enum MetricUnit;
using Part = WorldPart;
using enum MetricRecording;

// The order of the summaries below is the order run_metrics.cpp computes them and every file
// records them; a test keeps the two equal. Moving an entry changes /summary "names" and sweep ids.
constexpr MetricDefinition registry[] = {
    // Customers: money flows, the customer base, lifetime value, NPS, cost to serve.
    {"revenue", currency, Part::customers, both, "What customers paid for their purchases."},
    {"margin", currency, Part::customers, both,
     "Gross margin of those purchases, before service and acquisition cost."},
    {"purchases", count, Part::customers, summary, "Purchases customers made (transactions)."},
    {"cross_sell_revenue", currency, Part::customers, summary,
     "The part of revenue from the other product lines customer managers sold (customer-centric)."},
    {"service_cost", currency, Part::customers, summary, "What serving the active customers cost."},
    {"acquisition_spend", currency, Part::customers, summary,
     "Marketing spend plus referral rewards paid to win customers."},
    {"profit", currency, Part::customers, both,
     "Margin minus service cost and acquisition spend (before sales pay)."},
    {"active_customers", customers, Part::customers, both,
     "Customers active at the end of the horizon (series: of the month)."},
    {"acquisitions", customers, Part::customers, both, "New customers won, by every channel."},
    {"acquisitions_marketing", customers, Part::customers, summary, "New customers won by marketing."},
    {"acquisitions_referral", customers, Part::customers, summary,
     "New customers won through existing customers' referrals."},
    {"acquisitions_sales", customers, Part::customers, summary, "New customers won by the reps' hunting."},
    {"churned", customers, Part::customers, both, "Customers who left."},
    {"churn_rate", share, Part::customers, summary,
     "Customers lost per customer-month at risk, pooled over the horizon: the monthly churn probability."},
    {"retention_rate", share, Part::customers, summary,
     "1 - churn_rate: the monthly probability that a customer stays."},
    {"customer_equity", currency, Part::customers, summary,
     "Realized value of every customer ever active, discounted to month 0."},
    {"mean_clv", currency_per_customer, Part::customers, summary,
     "Mean realized lifetime value of a customer ever active, discounted to their acquisition."},
    {"mean_clv_new", currency_per_customer, Part::customers, summary,
     "Mean realized lifetime value of the customers won during the horizon."},
    {"predicted_clv_initial", currency_per_customer, Part::customers, summary,
     "What a CLV model of segment averages predicted an initial customer to be worth (measured)."},
    {"realized_clv_initial", currency_per_customer, Part::customers, summary,
     "What the initial customers turned out to be worth over the horizon, per customer (true)."},
    {"true_nps", nps_points, Part::customers, both,
     "Net Promoter Score of every served customer's true answer."},
    {"surveyed_nps", nps_points, Part::customers, both,
     "NPS as the survey reports it: sampled, possibly biased or coached answers."},
    {"nps_survey_bias", nps_points, Part::customers, summary,
     "surveyed_nps minus true_nps: what management sees minus what is true."},
    {"survey_responses", count, Part::customers, summary, "Survey answers collected."},
    {"mean_satisfaction", satisfaction, Part::customers, both,
     "Mean latent satisfaction of the customers served."},
    {"referrals_made", count, Part::customers, summary, "Referrals customers made."},
    {"cost_to_serve", currency_per_customer_month, Part::customers, summary,
     "Service cost per served customer-month."},
    {"top20_profit_share", share, Part::customers, summary,
     "Share of total customer profit earned from the most profitable fifth of customers."},
    {"whale_peak", share, Part::customers, summary,
     "Peak of the whale curve: above 1 when the least profitable customers lose money."},

    // Workforce: pay, bookings and quota, how reps spend their effort, gaming, turnover.
    {"comp_cost", currency, Part::workforce, both,
     "What the sales force was paid: salaries plus variable pay."},
    {"profit_after_pay", currency, Part::workforce, summary, "profit minus comp_cost."},
    {"pay_per_rep_month", currency_per_rep_month, Part::workforce, summary, "Pay per employed rep-month."},
    {"comp_share_of_revenue", share, Part::workforce, summary, "comp_cost divided by revenue."},
    {"comp_share_of_margin", share, Part::workforce, summary, "comp_cost divided by margin."},
    {"booked_revenue", currency, Part::workforce, both,
     "Revenue the measurement system books to reps, deals pulled forward included (measured)."},
    {"last_quarter_share", share, Part::workforce, summary,
     "Share of each full year's bookings booked in its last quarter (0.25 = even; Oyer 1998)."},
    {"mean_attainment", quota_ratio, Part::workforce, summary,
     "Mean quota attainment at the reps' period ends."},
    {"share_at_quota", share, Part::workforce, summary, "Share of the reps' period ends that reached quota."},
    {"attainment_p10", quota_ratio, Part::workforce, summary,
     "10th percentile of quota attainment over reps and periods."},
    {"attainment_p50", quota_ratio, Part::workforce, summary,
     "Median quota attainment over reps and periods."},
    {"attainment_p90", quota_ratio, Part::workforce, summary,
     "90th percentile of quota attainment over reps and periods."},
    {"sell_effort", effort_per_rep_month, Part::workforce, both,
     "Effort reps spent selling to their customers."},
    {"service_effort", effort_per_rep_month, Part::workforce, both,
     "Effort reps spent serving their customers."},
    {"coaching_effort", effort_per_rep_month, Part::workforce, summary,
     "Effort reps spent coaching customers' survey answers."},
    {"hunt_effort", effort_per_rep_month, Part::workforce, summary,
     "Effort reps spent hunting new customers."},
    {"won_by_reps", customers, Part::workforce, summary, "New customers the reps' hunting won (true)."},
    {"attributed_acquisitions", customers, Part::workforce, summary,
     "New customers the measurement system credits to reps (measured; compare won_by_reps)."},
    {"service_effort_share", share, Part::workforce, summary,
     "Service effort as a share of all the reps' effort."},
    {"discount_depth", share, Part::workforce, summary,
     "Revenue given away in discounts as a share of list-price revenue, where reps discount."},
    {"clawed_back", currency, Part::workforce, summary,
     "Commission repaid for customers who churned soon after buying."},
    {"spiff_paid", currency, Part::workforce, summary,
     "SPIFF payments: a fixed amount per new customer the reps won (a plan term)."},
    {"pull_forwards", count, Part::workforce, summary, "Times a rep pulled deals forward into a period end."},
    {"timing_discount", currency, Part::workforce, summary,
     "Discount given to pull deals forward: revenue and margin the firm lost to timing."},
    {"push_outs", count, Part::workforce, summary,
     "Times a rep held deals back past a period end into the next period."},
    {"pushed_revenue_lost", currency, Part::workforce, summary,
     "Revenue of held-back deals that were lost: what pushing deals out cost the firm."},
    {"attainment_top_quintile", quota_ratio, Part::workforce, summary,
     "Mean quota attainment of the most skilled fifth of reps."},
    {"attainment_bottom_quintile", quota_ratio, Part::workforce, summary,
     "Mean quota attainment of the least skilled fifth of reps."},
    {"attainment_quintile_gap", quota_ratio, Part::workforce, summary,
     "Attainment of the most skilled fifth of reps minus that of the least skilled fifth."},
    {"sell_effort_top_quintile", effort_per_rep_month, Part::workforce, summary,
     "Selling effort of the most skilled fifth of reps."},
    {"sell_effort_bottom_quintile", effort_per_rep_month, Part::workforce, summary,
     "Selling effort of the least skilled fifth of reps."},
    {"sell_effort_quintile_gap", effort_per_rep_month, Part::workforce, both,
     "Selling effort of the most skilled fifth of reps minus that of the least skilled fifth."},
    {"coaching_share", share, Part::workforce, summary,
     "Share of rep-months in which the rep coached survey answers."},
    {"cherry_picking_share", share, Part::workforce, summary,
     "Share of rep-months in which the rep worked only satisfied customers."},
    {"quits", count, Part::workforce, summary, "Reps who quit."},
    {"vacancy_months", territory_months, Part::workforce, summary, "Months territories spent without a rep."},
    {"vacancies", territories, Part::workforce, timeseries, "Territories without a rep in the month."},

    // Partnerships: B2B buyer-supplier relationships under a contract.
    {"joint_surplus", currency, Part::partnerships, both,
     "Value of the supplies to buyers minus suppliers' costs and investment."},
    {"buyer_profit", currency, Part::partnerships, summary, "Buyers' profit from their relationships."},
    {"supplier_profit", currency, Part::partnerships, summary, "Suppliers' profit from their relationships."},
    {"cooperation_rate", share, Part::partnerships, both,
     "Share of relationship-months, among those the partners decided, in which both cooperated."},
    {"supplier_effort_rate", share, Part::partnerships, summary,
     "Share of decided relationship-months in which the supplier cooperated (true)."},
    {"measured_effort_rate", share, Part::partnerships, summary,
     "Share of decided relationship-months the contract's measures showed supplier effort (measured)."},
    {"buyer_trust", trust, Part::partnerships, both, "Buyers' mean trust in their suppliers."},
    {"supplier_trust", trust, Part::partnerships, both, "Suppliers' mean trust in their buyers."},
    {"penalties", count, Part::partnerships, summary, "Relationship-months with a net KPI penalty."},
    {"disputes", count, Part::partnerships, both,
     "Penalties charged to a supplier that cooperated (contested)."},
    {"disputed_amount", currency, Part::partnerships, summary,
     "Penalties charged to suppliers that cooperated: the size of the disputes."},
    {"governance_cost", currency, Part::partnerships, summary,
     "Monitoring the contract's KPIs and fighting contested penalties, both sides."},
    {"supplier_surplus_share", share, Part::partnerships, summary,
     "Suppliers' share of the partners' combined profit: how the contract divides the surplus."},
    {"breakdowns", count, Part::partnerships, summary,
     "Relationships ended by termination or a failed renewal."},
    {"supplier_switches", count, Part::partnerships, summary,
     "Relationships replaced by one with another supplier."},
    {"relationship_months", months, Part::partnerships, summary, "Mean age of the relationships that ended."},
    {"investment_rate", share, Part::partnerships, summary,
     "Share of contract starts with a relationship-specific investment."},
    {"investment_spend", currency, Part::partnerships, summary,
     "Spent on relationship-specific investments."},

    // Scorecard: the scenario's balanced scorecard scored on the summaries above.
    {"scorecard_score", scorecard_points, Part::scorecard, summary,
     "Balanced scorecard total: weighted KPI attainment, capped at target (Kaplan & Norton 1992)."},
    {"scorecard_financial", scorecard_points, Part::scorecard, summary,
     "Scorecard points from financial KPIs."},
    {"scorecard_customer", scorecard_points, Part::scorecard, summary,
     "Scorecard points from customer KPIs."},
    {"scorecard_internal_process", scorecard_points, Part::scorecard, summary,
     "Scorecard points from internal-process KPIs."},
    {"scorecard_learning_growth", scorecard_points, Part::scorecard, summary,
     "Scorecard points from learning-and-growth KPIs."},
};

// Time series are recorded in another order than the summaries (customers' counts first), which
// files and sweep ids keep; each name here must be declared above as a series.
constexpr std::string_view timeseries_record_order[] = {
    "active_customers", "acquisitions",   "churned",        "revenue",           "margin",
    "profit",           "true_nps",       "surveyed_nps",   "mean_satisfaction", "booked_revenue",
    "comp_cost",        "sell_effort",    "service_effort", "vacancies",         "cooperation_rate",
    "buyer_trust",      "supplier_trust", "joint_surplus",  "disputes",          "sell_effort_quintile_gap",
};

constexpr MetricUnit units[] = {
    currency,
    currency_per_customer,
    currency_per_customer_month,
    currency_per_rep_month,
    customers,
    count,
    share,
    quota_ratio,
    nps_points,
    satisfaction,
    trust,
    months,
    territories,
    territory_months,
    effort_per_rep_month,
    scorecard_points,
};

std::vector<const MetricDefinition*> resolve_timeseries_order() {
  std::vector<const MetricDefinition*> ordered;
  for (const std::string_view name : timeseries_record_order) {
    const MetricDefinition* metric = find_metric(name);
    if (metric == nullptr || !metric->is_timeseries())
      throw std::logic_error("time series '" + std::string(name) + "' is not declared as a series");
    ordered.push_back(metric);
  }
  const auto declared = std::count_if(std::begin(registry), std::end(registry),
                                      [](const MetricDefinition& m) { return m.is_timeseries(); });
  if (static_cast<std::size_t>(declared) != ordered.size())
    throw std::logic_error("a declared time series is missing from the record order");
  return ordered;
}

}  // namespace

std::span<const MetricDefinition> metric_registry() noexcept { return registry; }

const MetricDefinition* find_metric(std::string_view name) noexcept {
  const auto found = std::find_if(std::begin(registry), std::end(registry),
                                  [&](const MetricDefinition& m) { return m.name == name; });
  return found == std::end(registry) ? nullptr : &*found;
}

std::vector<std::string> summary_metric_names() {
  std::vector<std::string> names;
  for (const MetricDefinition& metric : registry) {
    if (metric.is_summary()) names.emplace_back(metric.name);
  }
  return names;
}

std::vector<const MetricDefinition*> timeseries_metrics() {
  static const std::vector<const MetricDefinition*> ordered = resolve_timeseries_order();
  return ordered;
}

std::vector<std::string> timeseries_metric_names() {
  std::vector<std::string> names;
  for (const MetricDefinition* metric : timeseries_metrics()) names.emplace_back(metric->name);
  return names;
}

std::string_view unit_label(MetricUnit unit) noexcept {
  switch (unit) {
    case currency:
      return "$";
    case currency_per_customer:
      return "$/customer";
    case currency_per_customer_month:
      return "$/customer-month";
    case currency_per_rep_month:
      return "$/rep-month";
    case customers:
      return "customers";
    case count:
      return "count";
    case share:
      return "share";
    case quota_ratio:
      return "x quota";
    case nps_points:
      return "NPS points";
    case satisfaction:
      return "0-10 scale";
    case trust:
      return "0-1 trust";
    case months:
      return "months";
    case territories:
      return "territories";
    case territory_months:
      return "territory-months";
    case effort_per_rep_month:
      return "effort/rep-month";
    case scorecard_points:
      return "points";
  }
  return "?";
}

std::string_view unit_meaning(MetricUnit unit) noexcept {
  switch (unit) {
    case currency:
      return "Money in the scenario's currency, undiscounted unless the meaning says so.";
    case currency_per_customer:
      return "Money per customer.";
    case currency_per_customer_month:
      return "Money per customer and month served.";
    case currency_per_rep_month:
      return "Money per employed rep and month.";
    case customers:
      return "A number of customers.";
    case count:
      return "A number of events.";
    case share:
      return "A ratio where 1 is all of it: 0-1 unless the meaning says otherwise.";
    case quota_ratio:
      return "Booked revenue over quota: 1 is exactly at quota.";
    case nps_points:
      return "Percent promoters (9-10) minus percent detractors (0-6): -100 to 100.";
    case satisfaction:
      return "Latent satisfaction, 0 (worst) to 10 (best).";
    case trust:
      return "Belief that the partner reciprocates, 0 (none) to 1 (certain).";
    case months:
      return "Months.";
    case territories:
      return "A number of sales territories.";
    case territory_months:
      return "Territories times months.";
    case effort_per_rep_month:
      return "Effort in units of normal effort (1 = normal, at most workforce.max_effort), per rep and "
             "month.";
    case scorecard_points:
      return "Balanced scorecard points: 0 to 100 over all perspectives together.";
  }
  return "";
}

std::string_view part_name(WorldPart part) noexcept {
  switch (part) {
    case Part::customers:
      return "customers";
    case Part::workforce:
      return "workforce";
    case Part::partnerships:
      return "partnerships";
    case Part::scorecard:
      return "scorecard";
  }
  return "?";
}

std::string_view recording_name(MetricRecording recording) noexcept {
  switch (recording) {
    case summary:
      return "summary";
    case timeseries:
      return "series";
    case both:
      return "both";
  }
  return "?";
}

std::span<const MetricUnit> metric_units() noexcept { return units; }

}  // namespace salesim::analysis
