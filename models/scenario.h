// The typed, validated description of one simulated world. Models read nothing else.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/partnership/partnership_params.h"
#include "models/workforce/workforce_params.h"
#include "sim/core/timeline.h"

namespace salesim::models {

/// Spend per purchase: lognormal with the given mean and coefficient of variation.
struct SpendDistribution {
  double mean = 100.0;
  double cv = 0.5;
};

/// The buy-till-you-die process that drives a segment's heterogeneous buyers.
enum class BuyerModel { bg_nbd, pareto_nbd };

/// Spend per transaction: Gamma(p, nu) with nu ~ Gamma(q, gamma) across customers, the Gamma-Gamma
/// model of Fader, Hardie & Lee (2005, "RFM and CLV", JMR 42). Defaults: the CDNOW fit of Hardie's
/// note 025 (p = 6.25, q = 3.74, gamma = 15.44).
struct GammaGammaSpend {
  double p = 6.25;
  double q = 3.74;
  double gamma = 15.44;
};

/// One initial customer's purchase history at the start of the run, in the buyers' time unit, as a
/// customer summary table gives it, with the chance it is still alive given that history.
struct BuyerHistory {
  float frequency = 0.0f;   ///< x: repeat purchases so far
  float recency = 0.0f;     ///< t_x: time of the last repeat purchase after the first
  float age = 0.0f;         ///< T: time from the first purchase to the run's start
  float mean_spend = 0.0f;  ///< mean value of the repeat purchases; 0 when unknown or x = 0
  float probability_alive = 1.0f;
};

/**
 * @brief Heterogeneous buyers: each customer draws a purchase rate lambda ~ Gamma(r, alpha) and a
 * dropout process for life, and buys as a Poisson process while alive.
 *
 * BG/NBD (Fader, Hardie & Lee 2005, Marketing Science 24): after each repeat purchase it drops out
 * with p ~ Beta(a, b). Pareto/NBD (Schmittlein, Morrison & Colombo 1987): an exponential lifetime
 * with rate mu ~ Gamma(s, beta). Rates are per `time_unit_days`. Defaults: the published CDNOW fits
 * in weeks (BG/NBD: FHL 2005; Pareto/NBD: FHL note 008).
 */
struct LatentBuyers {
  BuyerModel model = BuyerModel::bg_nbd;
  double time_unit_days = 7.0;
  double r = 0.243;
  double alpha = 4.414;
  double a = 0.793;
  double b = 2.426;
  double s = 0.606;
  double beta = 11.669;
  std::optional<GammaGammaSpend> spend;  ///< absent: spend_per_purchase (lognormal)
  /// A customer summary table (x, t_x, T, optional mean spend) of the segment's initial customers,
  /// relative to the scenario's folder: they start where their histories leave them (alive with their
  /// P(alive), rates drawn from the posterior given the history). Absent: a new cohort.
  std::optional<std::string> history;
  /// XXH3-64 of the history file as hex, recorded by the loader so that run files tell histories apart;
  /// a scenario that gives it must name a file with that content.
  std::optional<std::string> history_digest;
  /// Read from `history` by the scenario loader, one per initial customer; never written to YAML.
  /// Shared: the scenarios of a sweep's design points all start from the same customers.
  std::shared_ptr<const std::vector<BuyerHistory>> histories;
};

/// One customer segment of the market (DESIGN §6, customers).
struct SegmentParams {
  std::string name;
  std::uint32_t size = 0;                ///< market size: prospects plus customers
  std::uint32_t initial_customers = 0;   ///< customers already active at month 0
  double purchase_rate_per_month = 0.5;  ///< purchase probability at reference satisfaction
  SpendDistribution spend_per_purchase;
  double gross_margin = 0.3;                  ///< margin as a fraction of revenue
  double price_sensitivity = 0.5;             ///< satisfaction points lost per 10% above list price
  double service_sensitivity = 0.5;           ///< satisfaction points gained per 10% of service level
  double base_churn_hazard_per_month = 0.02;  ///< churn probability at reference satisfaction
  double referral_propensity = 0.05;          ///< monthly referral probability of a delighted customer
  double acquisition_cost = 100.0;            ///< marketing cost of one new customer
  double marketing_share = 0.0;               ///< share of the marketing budget spent on this segment
  double initial_satisfaction = 7.0;          ///< mean starting satisfaction, 0-10
  double satisfaction_baseline = 7.0;         ///< experience at list price and a 50% service level
  /// Present: buyers fitted to a transaction log replace purchase_rate_per_month and
  /// base_churn_hazard_per_month; satisfaction, service, price and reps multiply their rates.
  std::optional<LatentBuyers> buyers;
};

/// Generators for the referral graph among all market members.
enum class NetworkKind { small_world, scale_free, random };

struct ReferralParams {
  NetworkKind network = NetworkKind::small_world;
  std::uint32_t mean_degree = 6;        ///< average number of contacts per market member
  double rewiring_probability = 0.1;    ///< small world only (Watts & Strogatz 1998)
  double power_law_exponent = 2.5;      ///< scale free only (power-law out-degree, PLOD)
  double conversion_probability = 0.2;  ///< a referred prospect becomes a customer
  double reward = 0.0;                  ///< paid per referred customer acquired
};

struct MarketingParams {
  double budget_per_month = 0.0;
};

/// How latent satisfaction (0-10) moves and what it drives.
struct SatisfactionParams {
  double reference = 7.0;             ///< level at which hazard and purchase rates are the base
  double adjustment_rate = 0.2;       ///< share of the gap to experience closed each month
  double shock_sd = 0.3;              ///< sd of the monthly random shock
  double churn_sensitivity = 0.3;     ///< hazard multiplier exp(k (reference - s))
  double purchase_sensitivity = 0.5;  ///< purchase multiplier 1 + k (s - reference) / 10
  double referral_threshold = 8.0;    ///< below this a customer never refers
};

/// The service customers receive. The workforce model will replace this fixed level.
struct ServiceParams {
  double level = 0.5;  ///< 0-1
  double cost_per_customer_per_month = 0.0;
};

struct PricingParams {
  double price_index = 1.0;  ///< price paid relative to the market reference price
};

/// The firm's survey: who is asked, who answers, and how answers differ from satisfaction.
struct SurveyParams {
  double sample_rate = 0.1;       ///< share of active customers asked each month
  double response_rate = 0.3;     ///< response probability at satisfaction 5
  double nonresponse_bias = 0.0;  ///< > 0: satisfied customers answer more often
  double answer_noise_sd = 0.0;   ///< noise of the 0-10 answer around satisfaction
};

/// The four perspectives of a Balanced Scorecard (Kaplan & Norton 1992).
enum class Perspective { financial, customer, internal_process, learning_growth };

/// One scorecard KPI: a run metric, its target and weight.
struct ScorecardKpi {
  Perspective perspective = Perspective::financial;
  std::string metric;  ///< a summary metric of the run, e.g. "profit"
  double target = 1.0;
  double weight = 0.0;  ///< weights of all KPIs sum to 1
  bool higher_is_better = true;
};

struct RunParams {
  std::uint32_t horizon_months = 36;
  double discount_rate_per_year = 0.10;
  std::uint32_t replications = 100;
  std::uint64_t seed = 1;
  bool common_random_numbers = true;
};

struct Scenario;

/// The terms in force from a timeline change's month on: the scenario with every change up to it applied.
struct ScenarioPhase {
  std::uint32_t from_month = 1;
  std::shared_ptr<const Scenario> terms;
};

/// A complete, validated scenario. Immutable once built by the loader.
struct Scenario {
  std::string name;
  std::string description;
  RunParams run;
  std::vector<SegmentParams> segments;
  MarketingParams marketing;
  ReferralParams referrals;
  SatisfactionParams satisfaction;
  ServiceParams service;
  PricingParams pricing;
  SurveyParams survey;
  std::vector<ScorecardKpi> scorecard;              ///< empty: no scorecard
  partnership::PartnershipParams partnerships;      ///< buyers == 0: no B2B network
  workforce::WorkforceParams workforce;             ///< reps == 0: no workforce
  std::vector<sim::core::TimelineChange> timeline;  ///< as written; empty: the terms hold for the whole run
  std::vector<ScenarioPhase> phases;                ///< one per timeline change, in month order
};

/// Monthly discount rate equivalent to an annual one: (1 + d_year)^(1/12) - 1.
[[nodiscard]] double monthly_discount_rate(double discount_rate_per_year);

/// Market members over all segments.
[[nodiscard]] std::uint64_t market_size(const Scenario& scenario);

}  // namespace salesim::models
