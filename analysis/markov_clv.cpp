// Markov-chain CLV with Eigen.
#include "analysis/markov_clv.h"

#include <stdexcept>

namespace salesim::analysis {

Eigen::VectorXd markov_clv(const Eigen::MatrixXd& transitions, const Eigen::VectorXd& rewards,
                           double discount_rate_per_period, RewardTiming timing) {
  if (transitions.rows() != transitions.cols() || transitions.rows() != rewards.size()) {
    throw std::invalid_argument("markov_clv: P must be square with one reward per state");
  }
  if (discount_rate_per_period <= -1.0)
    throw std::invalid_argument("markov_clv: discount rate must exceed -1");
  const Eigen::MatrixXd discounted = transitions / (1.0 + discount_rate_per_period);
  const Eigen::MatrixXd system =
      Eigen::MatrixXd::Identity(transitions.rows(), transitions.cols()) - discounted;
  const Eigen::VectorXd first =
      timing == RewardTiming::at_once ? rewards : Eigen::VectorXd(discounted * rewards);
  return system.partialPivLu().solve(first);
}

Eigen::MatrixXd retention_chain(double retention) {
  Eigen::MatrixXd chain(2, 2);
  chain << retention, 1.0 - retention, 0.0, 1.0;
  return chain;
}

}  // namespace salesim::analysis
