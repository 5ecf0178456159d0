// Expected residual value of a customer over a finite horizon from any buy-till-you-die transaction model.
#pragma once

#include <cstdint>
#include <functional>

#include "analysis/customer_base/customer_history.h"

namespace salesim::analysis::customer_base {

/// E[Y(t) | history]: one customer's cumulative expected purchases over the next t time units
/// (the histories' unit), non-decreasing with E[Y(0)] = 0.
using CumulativeExpectedTransactions = std::function<double(double elapsed)>;

/// The future the residual value sums over: `periods` periods of `time_units_per_period` each
/// (4.345 weeks per month for CDNOW in weeks), discounted at `discount_rate_per_period`.
struct ResidualHorizon {
  std::uint32_t periods = 12;
  double time_units_per_period = 4.345;
  double discount_rate_per_period = 0.01;
};

/**
 * @brief Discounted expected residual transactions over the horizon, in discrete periods:
 * sum_{k=1..H} (E[Y(k u)] - E[Y((k-1) u)]) / (1 + d)^k. The discrete counterpart of DERT (Fader,
 * Hardie & Lee 2005, "RFM and CLV", JMR 42(4), which integrates over an infinite horizon in
 * continuous time); it is expected_residual_value with spend x margin = 1.
 * @throws std::invalid_argument when time_units_per_period is not > 0 or the rate is not above -1.
 */
[[nodiscard]] double discounted_expected_residual_transactions(
    const CumulativeExpectedTransactions& transactions, const ResidualHorizon& horizon);

/**
 * @brief Expected residual customer value over the horizon, as lifetimes' customer_lifetime_value
 * computes it: sum_{k=1..H} (E[Y(k u)] - E[Y((k-1) u)]) spend margin / (1 + d)^k, with the
 * purchases of period k discounted from its end. Spend is assumed independent of the purchase process
 * (the Gamma-Gamma assumption), so the expected value of a period is its expected purchases times the
 * expected spend.
 * @param expected_spend E[Z | history] per transaction, e.g. conditional_expected_spend().
 * @param margin the share of spend kept as margin (1 for revenue).
 * @throws std::invalid_argument as discounted_expected_residual_transactions.
 */
[[nodiscard]] double expected_residual_value(const CumulativeExpectedTransactions& transactions,
                                             double expected_spend, double margin,
                                             const ResidualHorizon& horizon);

/// The cumulative expectation of one customer under any transaction model with an overload of
/// conditional_expected_transactions(parameters, history, t) (BgNbdParameters, ParetoNbdParameters).
template <class TransactionModelParameters>
[[nodiscard]] CumulativeExpectedTransactions expected_transactions_of(
    const TransactionModelParameters& parameters, const CustomerHistory& history) {
  return [parameters, history](double elapsed) {
    return conditional_expected_transactions(parameters, history, elapsed);
  };
}

}  // namespace salesim::analysis::customer_base
