// The typed, validated description of one simulated world. Models read nothing else.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/partnership/partnership_params.h"
#include "models/workforce/workforce_params.h"

namespace salesim::models {

/// Spend per purchase: lognormal with the given mean and coefficient of variation.
struct SpendDistribution {
  double mean = 100.0;
  double cv = 0.5;
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
  std::vector<ScorecardKpi> scorecard;          ///< empty: no scorecard
  partnership::PartnershipParams partnerships;  ///< buyers == 0: no B2B network
  workforce::WorkforceParams workforce;         ///< reps == 0: no workforce
};

/// Monthly discount rate equivalent to an annual one: (1 + d_year)^(1/12) - 1.
[[nodiscard]] double monthly_discount_rate(double discount_rate_per_year);

/// Market members over all segments.
[[nodiscard]] std::uint64_t market_size(const Scenario& scenario);

}  // namespace salesim::models
