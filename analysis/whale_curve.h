// Customer profitability: the whale curve (Kaplan & Narayanan 2001).
#pragma once

#include <span>
#include <vector>

namespace salesim::analysis {

struct WhaleCurve {
  /// Cumulative profit share after the k most profitable customers, k = 1..n.
  std::vector<double> cumulative_share;
  double top_20_percent_share = 0.0;  ///< profit share of the most profitable fifth (rounded up)
  double peak_share = 0.0;            ///< the curve's maximum: > 1 when some customers lose money
};

/// Ranks customers by profit, highest first, and accumulates shares of total profit.
/// Empty input or a zero total gives an empty curve with zero shares.
[[nodiscard]] WhaleCurve whale_curve(std::span<const double> profit_per_customer);

}  // namespace salesim::analysis
