// Small, fully specified scenarios for model tests (no YAML involved).
#pragma once

#include "models/scenario.h"

namespace salesim::tests {

/// Two segments with every mechanism switched on: marketing, referrals, dynamics, survey.
inline models::Scenario lively_market() {
  models::Scenario scenario;
  scenario.name = "lively";
  scenario.run.horizon_months = 24;
  scenario.run.seed = 20261124;
  models::SegmentParams small_firms;
  small_firms.name = "small_firms";
  small_firms.size = 6000;
  small_firms.initial_customers = 900;
  small_firms.marketing_share = 0.6;
  small_firms.acquisition_cost = 150;
  small_firms.referral_propensity = 0.2;
  models::SegmentParams large_firms = small_firms;
  large_firms.name = "large_firms";
  large_firms.size = 2500;
  large_firms.initial_customers = 300;
  large_firms.marketing_share = 0.4;
  large_firms.spend_per_purchase = {2000.0, 0.8};
  large_firms.acquisition_cost = 900;
  scenario.segments = {small_firms, large_firms};
  scenario.marketing.budget_per_month = 30000;
  scenario.referrals.conversion_probability = 0.3;
  scenario.referrals.reward = 40;
  scenario.service.level = 0.7;
  scenario.service.cost_per_customer_per_month = 8;
  scenario.survey.sample_rate = 0.2;
  scenario.survey.response_rate = 0.4;
  scenario.survey.nonresponse_bias = 0.3;
  scenario.survey.answer_noise_sd = 0.5;
  return scenario;
}

/// One cohort of customers, all there at month 0, nobody acquired, satisfaction frozen:
/// every customer buys `margin` worth of gross margin each month it stays (retention r).
inline models::Scenario constant_retention_cohort(double margin_per_month, double retention,
                                                  double discount_rate_per_year, std::uint32_t horizon_months,
                                                  std::uint32_t customers) {
  models::Scenario scenario;
  scenario.name = "cohort";
  scenario.run.horizon_months = horizon_months;
  scenario.run.discount_rate_per_year = discount_rate_per_year;
  scenario.run.seed = 99;
  models::SegmentParams cohort;
  cohort.name = "cohort";
  cohort.size = customers;
  cohort.initial_customers = customers;
  cohort.purchase_rate_per_month = 1.0;
  cohort.spend_per_purchase = {margin_per_month * 4.0, 0.0};
  cohort.gross_margin = 0.25;
  cohort.base_churn_hazard_per_month = 1.0 - retention;
  cohort.referral_propensity = 0.0;
  scenario.segments = {cohort};
  scenario.satisfaction.adjustment_rate = 0.0;
  scenario.satisfaction.shock_sd = 0.0;
  scenario.satisfaction.churn_sensitivity = 0.0;
  scenario.satisfaction.purchase_sensitivity = 0.0;
  scenario.service.cost_per_customer_per_month = 0.0;
  scenario.survey.sample_rate = 0.0;
  return scenario;
}

}  // namespace salesim::tests
