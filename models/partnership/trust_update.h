// How one month's observation moves a side's trust in its partner: toward what it saw, by how much
// was at stake, and less for good behaviour the contract alone explains.
#pragma once

#include "models/partnership/partnership_params.h"

namespace salesim::models::partnership {

/// What one side saw of its partner in a month.
struct TrustSignal {
  bool good = false;  ///< the partner cooperated, as far as this side can tell
  /// What it was worth to this side: a penalty it did not deserve, a hold-up, a shortfall, or the
  /// value delivered.
  double stake = 0.0;
  bool explained_by_contract = false;  ///< good behaviour the contract alone makes pay this month
};

/**
 * @brief trust + rate x weight x (signal - trust), the signal 1 for good behaviour and 0 otherwise.
 * The weight is min(1, stake / (trust_stake_share x price)), 1 when trust_stake_share is 0 (the
 * 0/1 rule of partial adjustment), times 1 - contract_attribution for good behaviour the contract
 * explains (Malhotra & Murnighan 2002: cooperation under a binding contract is put down to the
 * contract, not to the partner).
 */
[[nodiscard]] double updated_trust(double trust, const TrustSignal& signal, const BehaviourParams& behaviour,
                                   double monthly_price);

}  // namespace salesim::models::partnership
