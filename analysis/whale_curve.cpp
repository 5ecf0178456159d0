// The whale curve of customer profitability.
#include "analysis/whale_curve.h"

#include <algorithm>
#include <functional>

namespace salesim::analysis {

WhaleCurve whale_curve(std::span<const double> profit_per_customer) {
  WhaleCurve curve;
  std::vector<double> ranked(profit_per_customer.begin(), profit_per_customer.end());
  std::sort(ranked.begin(), ranked.end(), std::greater<>());
  double total = 0.0;
  for (double profit : ranked) total += profit;
  if (ranked.empty() || total == 0.0) return curve;
  double running = 0.0;
  for (double profit : ranked) {
    running += profit;
    curve.cumulative_share.push_back(running / total);
  }
  const std::size_t top = (ranked.size() + 4) / 5;
  curve.top_20_percent_share = curve.cumulative_share[top - 1];
  curve.peak_share = *std::max_element(curve.cumulative_share.begin(), curve.cumulative_share.end());
  return curve;
}

}  // namespace salesim::analysis
