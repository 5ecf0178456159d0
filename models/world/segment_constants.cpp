// Derivation of the per-segment constants of the monthly loop.
#include "models/world/segment_constants.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/customer/customer_response.h"

namespace salesim::models::world {
namespace {

void set_latent_buyers(const LatentBuyers& buyers, SegmentConstants& c) {
  c.latent_buyers = true;
  c.buyer_model = buyers.model;
  const double units_per_month = days_per_month / buyers.time_unit_days;
  // Population means: E[lambda] = r / alpha; the hazard per month is E[mu] for Pareto/NBD and,
  // for BG/NBD, the purchase rate times E[p] = a / (a + b).
  const double purchases = buyers.r / buyers.alpha * units_per_month;
  const double hazard = buyers.model == BuyerModel::bg_nbd ? purchases * buyers.a / (buyers.a + buyers.b)
                                                           : buyers.s / buyers.beta * units_per_month;
  c.purchase_rate = static_cast<float>(purchases);
  c.base_churn_hazard = static_cast<float>(std::min(1.0, hazard));
  if (buyers.spend) {
    // E[Z] = p gamma / (q - 1) (Fader, Hardie & Lee 2005, "RFM and CLV").
    const GammaGammaSpend& gg = *buyers.spend;
    c.spend = {true, gg.p, static_cast<float>(std::log(gg.p * gg.gamma / (gg.q - 1.0))), 0.0f};
    c.log_spend_mu = c.spend.log_mu;
    c.log_spend_sigma = 0.0f;
  }
}

}  // namespace

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
    c.spend = {false, 0.0, c.log_spend_mu, c.log_spend_sigma};
    if (segment.buyers) set_latent_buyers(*segment.buyers, c);
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
