// The two worlds every fact of the validation battery is checked on, designed here and not tuned to
// any fact: a B2B distributor with few large accounts and a consumer bank with many small customers.
#pragma once

#include <cstdint>
#include <string>

#include "models/scenario.h"

namespace salesim::tests {

/// What sets one world apart. Traits spread over reps: skill and effort cost lognormal with a
/// coefficient of variation of 0.3, risk aversion lognormal with cv 1, the outside option normal.
struct WorldDesign {
  std::string name;
  std::uint64_t seed = 0;
  std::uint32_t customers = 0;
  double purchase_rate_per_month = 0.0;
  models::SpendDistribution spend{};
  double gross_margin = 0.0;
  double churn_hazard_per_month = 0.0;
  double referral_propensity = 0.0;
  double survey_sample_rate = 0.0;
  double survey_response_rate = 0.0;
  std::uint32_t reps = 0;
  double effort_cost = 0.0;  ///< also what normal service is worth to a rep for its own sake
  double outside_option = 0.0;
  double outside_option_sd = 0.0;
  double risk_aversion = 0.0;
  double salary_per_month = 0.0;
  double quota_per_month = 0.0;  ///< what a rep's customers buy at normal effort
  double commission_rate = 0.0;  ///< on revenue, from the first unit
};

inline models::Scenario world_of(const WorldDesign& design) {
  using models::workforce::TraitDistribution;
  using models::workforce::TraitSpread;
  models::Scenario scenario;
  scenario.name = design.name;
  scenario.run.horizon_months = 24;
  scenario.run.seed = design.seed;
  models::SegmentParams segment;
  segment.name = "customers";
  segment.size = design.customers + design.customers / 10;
  segment.initial_customers = design.customers;
  segment.purchase_rate_per_month = design.purchase_rate_per_month;
  segment.spend_per_purchase = design.spend;
  segment.gross_margin = design.gross_margin;
  segment.base_churn_hazard_per_month = design.churn_hazard_per_month;
  segment.referral_propensity = design.referral_propensity;
  scenario.segments = {segment};
  scenario.survey.sample_rate = design.survey_sample_rate;
  scenario.survey.response_rate = design.survey_response_rate;
  auto& workforce = scenario.workforce;
  workforce.reps = design.reps;
  workforce.profile.effort_cost = design.effort_cost;
  workforce.profile.service_norm = design.effort_cost;
  workforce.profile.outside_option = design.outside_option;
  workforce.profile.risk_aversion = design.risk_aversion;
  workforce.spread.skill = TraitSpread{.sd = 0.3};
  workforce.spread.effort_cost = TraitSpread{.sd = 0.3 * design.effort_cost};
  workforce.spread.risk_aversion = TraitSpread{.sd = design.risk_aversion};
  workforce.spread.outside_option =
      TraitSpread{.distribution = TraitDistribution::normal, .sd = design.outside_option_sd};
  workforce.plan.salary_per_month = design.salary_per_month;
  workforce.plan.quota_per_month = design.quota_per_month;
  workforce.plan.commission = models::workforce::Commission{models::workforce::CommissionBase::revenue,
                                                            {{0.0, design.commission_rate}}};
  return scenario;
}

/// An industrial distributor: 400 accounts buying about 2,500 an order, 8 reps of 50 accounts each.
/// A rep's accounts buy about 58,000 a month at normal effort; reps earn about 6,300 a month.
inline models::Scenario distributor_world() {
  return world_of({.name = "distributor",
                   .seed = 20261202,
                   .customers = 400,
                   .purchase_rate_per_month = 0.6,
                   .spend = {2500.0, 0.8},
                   .gross_margin = 0.25,
                   .churn_hazard_per_month = 0.01,
                   .referral_propensity = 0.0,
                   .survey_sample_rate = 0.5,
                   .survey_response_rate = 0.5,
                   .reps = 8,
                   .effort_cost = 2500.0,
                   .outside_option = 5500.0,
                   .outside_option_sd = 800.0,
                   .risk_aversion = 0.0002,
                   .salary_per_month = 4000.0,
                   .quota_per_month = 58000.0,
                   .commission_rate = 0.04});
}

/// A retail bank: 30,000 customers buying about 80 a time, 40 reps of 750 customers each. A rep's
/// customers buy about 15,000 a month at normal effort; reps earn about 2,950 a month.
inline models::Scenario consumer_world() {
  return world_of({.name = "consumer bank",
                   .seed = 20261203,
                   .customers = 30000,
                   .purchase_rate_per_month = 0.3,
                   .spend = {80.0, 1.0},
                   .gross_margin = 0.4,
                   .churn_hazard_per_month = 0.015,
                   .referral_propensity = 0.02,
                   .survey_sample_rate = 0.1,
                   .survey_response_rate = 0.3,
                   .reps = 40,
                   .effort_cost = 750.0,
                   .outside_option = 2600.0,
                   .outside_option_sd = 400.0,
                   .risk_aversion = 0.0008,
                   .salary_per_month = 2200.0,
                   .quota_per_month = 15000.0,
                   .commission_rate = 0.05});
}

}  // namespace salesim::tests
