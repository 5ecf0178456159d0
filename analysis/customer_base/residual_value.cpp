// Discounted sums of a transaction model's expected purchases, period by period.
#include "analysis/customer_base/residual_value.h"

#include <cmath>
#include <stdexcept>

#include "analysis/clv.h"

namespace salesim::analysis::customer_base {

// lifetimes (Davidson-Pilon et al.), utils._customer_lifetime_value: period k's purchases are the
// difference of cumulative expectations, discounted by (1 + d)^k.
double discounted_expected_residual_transactions(const CumulativeExpectedTransactions& transactions,
                                                 const ResidualHorizon& horizon) {
  if (!(horizon.time_units_per_period > 0.0) || !std::isfinite(horizon.time_units_per_period))
    throw std::invalid_argument("a residual horizon needs time_units_per_period finite and > 0");
  if (!(horizon.discount_rate_per_period > -1.0) || !std::isfinite(horizon.discount_rate_per_period))
    throw std::invalid_argument("discount rate per period must be finite and above -1");
  double total = 0.0;
  double cumulative_before = 0.0;  // E[Y(0)] = 0
  for (std::uint32_t k = 1; k <= horizon.periods; ++k) {
    const double cumulative = transactions(k * horizon.time_units_per_period);
    total += (cumulative - cumulative_before) * discount_factor(horizon.discount_rate_per_period, k);
    cumulative_before = cumulative;
  }
  return total;
}

double expected_residual_value(const CumulativeExpectedTransactions& transactions, double expected_spend,
                               double margin, const ResidualHorizon& horizon) {
  return expected_spend * margin * discounted_expected_residual_transactions(transactions, horizon);
}

}  // namespace salesim::analysis::customer_base
