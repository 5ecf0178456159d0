// Per-segment numbers derived once from the scenario, in the types the monthly loop uses.
#pragma once

#include <vector>

#include "models/scenario.h"

namespace salesim::models::world {

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
};

/// @throws std::invalid_argument when marketing money goes to a segment that costs nothing.
[[nodiscard]] std::vector<SegmentConstants> derive_segment_constants(const Scenario& scenario);

}  // namespace salesim::models::world
