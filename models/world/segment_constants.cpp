// Derivation of the per-segment constants of the monthly loop.
#include "models/world/segment_constants.h"

#include <cmath>
#include <stdexcept>

#include "models/customer/customer_response.h"

namespace salesim::models::world {

std::vector<SegmentConstants> derive_segment_constants(const Scenario& scenario) {
  double share_total = 0.0;
  for (const SegmentParams& segment : scenario.segments) share_total += segment.marketing_share;
  const auto segment_count = static_cast<double>(scenario.segments.size());

  std::vector<SegmentConstants> constants;
  constants.reserve(scenario.segments.size());
  for (const SegmentParams& segment : scenario.segments) {
    SegmentConstants c;
    c.base_churn_hazard = static_cast<float>(segment.base_churn_hazard_per_month);
    c.purchase_rate = static_cast<float>(segment.purchase_rate_per_month);
    // Lognormal with mean m and coefficient of variation v: sigma^2 = ln(1 + v^2).
    const double variance_of_log = std::log1p(segment.spend_per_purchase.cv * segment.spend_per_purchase.cv);
    c.log_spend_sigma = static_cast<float>(std::sqrt(variance_of_log));
    c.log_spend_mu = static_cast<float>(std::log(segment.spend_per_purchase.mean) - variance_of_log / 2.0);
    c.cost_of_goods_share = static_cast<float>(1.0 - segment.gross_margin);
    c.experience = static_cast<float>(customer::experience(
        segment.satisfaction_baseline, segment.service_sensitivity, scenario.service.level,
        segment.price_sensitivity, scenario.pricing.price_index));
    c.referral_propensity = static_cast<float>(segment.referral_propensity);
    c.acquisition_cost = segment.acquisition_cost;
    // With no shares given, the budget is split equally (configs/scenario-schema.md).
    const double share = share_total > 0.0 ? segment.marketing_share / share_total : 1.0 / segment_count;
    const double budget = scenario.marketing.budget_per_month * share;
    if (budget > 0.0 && segment.acquisition_cost <= 0.0) {
      throw std::invalid_argument("segment '" + segment.name +
                                  "' gets marketing budget but has no acquisition cost");
    }
    c.marketing_acquisitions_per_month = budget > 0.0 ? budget / segment.acquisition_cost : 0.0;
    constants.push_back(c);
  }
  return constants;
}

}  // namespace salesim::models::world
