// Closed-form CLV oracles.
#include "analysis/clv.h"

#include <cmath>

namespace salesim::analysis {

double discount_factor(double rate_per_period, std::uint32_t periods) {
  return std::pow(1.0 + rate_per_period, -static_cast<double>(periods));
}

double clv_constant_retention(double margin_per_period, double retention, double discount_rate_per_period) {
  return margin_per_period * retention / (1.0 + discount_rate_per_period - retention);
}

double clv_constant_retention_finite(double margin_per_period, double retention,
                                     double discount_rate_per_period, std::uint32_t periods) {
  const double q = retention / (1.0 + discount_rate_per_period);
  if (std::abs(1.0 - q) < 1e-12) return margin_per_period * periods;
  return margin_per_period * q * (1.0 - std::pow(q, periods)) / (1.0 - q);
}

}  // namespace salesim::analysis
