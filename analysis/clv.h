// Closed-form customer lifetime value under constant retention (Gupta & Lehmann 2003).
#pragma once

#include <cstdint>

namespace salesim::analysis {

// salesim's timing convention, shared by every function here and by the customer world:
// a customer acquired at step t0 faces its first survival/churn decision at t0 + 1. If it
// survives the k-th decision after acquisition (probability r^k in all) it yields margin m
// in that period, discounted to t0 by (1 + d)^-k. The acquisition period itself yields
// nothing, so these are the values of a customer just won, net of nothing paid to win it.

/**
 * @brief The discount factor (1 + d)^-periods that brings a value `periods` steps ahead back
 * to now.
 * @throws std::invalid_argument when the rate is not finite or not above -1.
 */
[[nodiscard]] double discount_factor(double rate_per_period, std::uint32_t periods);

/**
 * @brief Infinite-horizon CLV under constant retention, the margin multiple of Gupta &
 * Lehmann (2003), "Customers as assets", J. Interactive Marketing 17(1):
 *
 *     CLV = m sum_{k>=1} (r / (1 + d))^k = m r / (1 + d - r).
 *
 * @param margin_per_period m, the margin of a surviving customer in each period.
 * @param retention r in [0, 1], the probability of surviving each churn decision.
 * @param discount_rate_per_period d > -1.
 * @throws std::invalid_argument when retention is outside [0, 1], the rate is not above -1,
 * or r >= 1 + d (the sum diverges, e.g. r = 1 with d = 0).
 */
[[nodiscard]] double clv_constant_retention(double margin_per_period, double retention,
                                            double discount_rate_per_period);

/**
 * @brief CLV of the first N periods after acquisition under constant retention:
 *
 *     CLV_N = m sum_{k=1..N} q^k = m q (1 - q^N) / (1 - q),   q = r / (1 + d),
 *
 * and m N when q = 1 (e.g. r = 1, d = 0). Computed so that it stays accurate for q near 1.
 * Converges to clv_constant_retention() as N grows when q < 1.
 * @throws std::invalid_argument when retention is outside [0, 1] or the rate is not above -1.
 */
[[nodiscard]] double clv_constant_retention_finite(double margin_per_period, double retention,
                                                   double discount_rate_per_period, std::uint32_t periods);

}  // namespace salesim::analysis
