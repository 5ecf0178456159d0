// Closed-form customer lifetime value under constant retention (Gupta & Lehmann 2003).
#pragma once

#include <cstdint>

namespace salesim::analysis {

/**
 * salesim's timing: a customer won in period t0 first risks churn in t0 + 1; each period k it
 * survives (probability r each) it yields margin m, discounted by (1 + d)^-k.
 */

/// (1 + d)^-periods.
[[nodiscard]] double discount_factor(double rate_per_period, std::uint32_t periods);

/// Infinite horizon: CLV = m r / (1 + d - r). Requires d > r - 1, i.e. a convergent sum.
[[nodiscard]] double clv_constant_retention(double margin_per_period, double retention,
                                            double discount_rate_per_period);

/// First N periods only: CLV = m sum_{k=1..N} q^k with q = r / (1 + d), i.e.
/// m q (1 - q^N) / (1 - q), or m N when q = 1.
[[nodiscard]] double clv_constant_retention_finite(double margin_per_period, double retention,
                                                   double discount_rate_per_period, std::uint32_t periods);

}  // namespace salesim::analysis
