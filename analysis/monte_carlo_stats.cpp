// Mean, standard deviation, Student-t intervals and quantiles across replications.
#include "analysis/monte_carlo_stats.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace salesim::analysis {

SummaryStatistics summarize_replications(std::span<const double> values, double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0))
    throw std::invalid_argument("confidence level must be strictly between 0 and 1");
  SummaryStatistics stats;
  double sum = 0.0;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    sum += v;
    ++stats.n;
  }
  if (stats.n == 0) {
    stats.mean = stats.ci_low = stats.ci_high = std::nan("");
    return stats;
  }
  const auto n = static_cast<double>(stats.n);
  stats.mean = sum / n;
  stats.ci_low = stats.ci_high = stats.mean;
  if (stats.n < 2) return stats;
  double squares = 0.0;
  for (double v : values) {
    if (std::isfinite(v)) squares += (v - stats.mean) * (v - stats.mean);
  }
  stats.sd = std::sqrt(squares / (n - 1.0));
  const boost::math::students_t t(n - 1.0);
  const double half_width = boost::math::quantile(t, 0.5 + confidence / 2.0) * stats.sd / std::sqrt(n);
  stats.ci_low = stats.mean - half_width;
  stats.ci_high = stats.mean + half_width;
  return stats;
}

std::vector<double> quantiles(std::span<const double> values, std::span<const double> probabilities) {
  std::vector<double> sorted;
  for (double v : values) {
    if (std::isfinite(v)) sorted.push_back(v);
  }
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> result;
  for (double p : probabilities) {
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantile probability outside [0, 1]");
    if (sorted.empty()) {
      result.push_back(std::nan(""));
      continue;
    }
    // Hyndman & Fan (1996) type 7, the default of R and numpy.
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - static_cast<double>(below);
    result.push_back(sorted[below] + weight * (sorted[above] - sorted[below]));
  }
  return result;
}

}  // namespace salesim::analysis
