// Customer lifetime value of a Markov chain of customer states (Pfeifer & Carraway 2000).
#pragma once

#include <Eigen/Dense>

namespace salesim::analysis {

/// When the first reward of a state comes: at once (Pfeifer & Carraway's convention) or
/// one period later, after the first transition (salesim's simulation convention).
enum class RewardTiming { at_once, after_first_period };

/**
 * @brief CLV of each starting state, infinite horizon, discount rate d per period:
 * at once:              V = (I - P/(1+d))^-1 R
 * after_first_period:   V = (I - P/(1+d))^-1 (P/(1+d)) R
 * P is the row-stochastic transition matrix, R the expected reward in each state.
 * Solved with Eigen's partial-pivoting LU.
 * @throws std::invalid_argument when the shapes disagree or d <= -1.
 */
[[nodiscard]] Eigen::VectorXd markov_clv(const Eigen::MatrixXd& transitions, const Eigen::VectorXd& rewards,
                                         double discount_rate_per_period, RewardTiming timing);

/// The two-state chain {active, lost} of constant retention r with margin m while active.
[[nodiscard]] Eigen::MatrixXd retention_chain(double retention);

}  // namespace salesim::analysis
