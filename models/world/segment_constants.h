// Per-segment numbers derived once from the scenario, in the types the monthly loop uses.
#pragma once

#include <vector>

#include "models/customer/latent_buyer.h"
#include "models/scenario.h"

namespace salesim::models::world {

/// Days in the simulated month (a Julian year's twelfth): the clock of latent buyers' purchases.
inline constexpr double days_per_month = 365.25 / 12.0;

struct SegmentConstants {
  float base_churn_hazard = 0.0f;
  float purchase_rate = 0.0f;
  float log_spend_mu = 0.0f;  ///< lognormal parameters of spend per purchase
  float log_spend_sigma = 0.0f;
  float cost_of_goods_share = 0.0f;  ///< cost per unit of spend at the reference price
  float experience = 0.0f;           ///< what the fixed service level and price feel like, 0-10
  float referral_propensity = 0.0f;
  double acquisition_cost = 0.0;
  double marketing_acquisitions_per_month = 0.0;  ///< budget share / acquisition cost
  /// Latent buyers (SegmentParams::buyers): purchase_rate and base_churn_hazard then hold the
  /// population means per month, which the firm's CLV model and the reps' outlook read.
  bool latent_buyers = false;
  BuyerModel buyer_model = BuyerModel::bg_nbd;
  customer::SpendModel spend;
};

/// @throws std::invalid_argument when marketing money goes to a segment that costs nothing.
[[nodiscard]] std::vector<SegmentConstants> derive_segment_constants(const Scenario& scenario);

}  // namespace salesim::models::world
