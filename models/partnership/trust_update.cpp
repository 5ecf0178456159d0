// The graded trust rule.
#include "models/partnership/trust_update.h"

#include <algorithm>

namespace salesim::models::partnership {

double updated_trust(double trust, const TrustSignal& signal, const BehaviourParams& behaviour,
                     double monthly_price) {
  const double full_stake = behaviour.trust_stake_share * monthly_price;
  double weight = full_stake > 0.0 ? std::clamp(signal.stake / full_stake, 0.0, 1.0) : 1.0;
  if (signal.good && signal.explained_by_contract) weight *= 1.0 - behaviour.contract_attribution;
  const double target = signal.good ? 1.0 : 0.0;
  return trust + behaviour.trust_learning_rate * weight * (target - trust);
}

}  // namespace salesim::models::partnership
