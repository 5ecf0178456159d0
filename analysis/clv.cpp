// Closed-form CLV oracles.
#include "analysis/clv.h"

#include <cmath>
#include <stdexcept>

namespace salesim::analysis {
namespace {

void require_valid_rate(double rate_per_period) {
  if (!std::isfinite(rate_per_period) || rate_per_period <= -1.0)
    throw std::invalid_argument("discount rate per period must be finite and above -1");
}

void require_valid_retention(double retention) {
  if (!(retention >= 0.0 && retention <= 1.0)) throw std::invalid_argument("retention must be in [0, 1]");
}

}  // namespace

double discount_factor(double rate_per_period, std::uint32_t periods) {
  require_valid_rate(rate_per_period);
  return std::pow(1.0 + rate_per_period, -static_cast<double>(periods));
}

double clv_constant_retention(double margin_per_period, double retention, double discount_rate_per_period) {
  require_valid_retention(retention);
  require_valid_rate(discount_rate_per_period);
  const double denominator = 1.0 + discount_rate_per_period - retention;
  if (denominator <= 0.0)
    throw std::invalid_argument("infinite-horizon CLV diverges: retention must be below 1 + discount rate");
  return margin_per_period * retention / denominator;
}

double clv_constant_retention_finite(double margin_per_period, double retention,
                                     double discount_rate_per_period, std::uint32_t periods) {
  require_valid_retention(retention);
  require_valid_rate(discount_rate_per_period);
  if (periods == 0) return 0.0;
  const double q = retention / (1.0 + discount_rate_per_period);
  // 1 - q taken from the inputs, not from q: near q = 1 the textbook (1 - q^N) / (1 - q)
  // cancels catastrophically, while -expm1(N log1p(-gap)) / gap keeps full precision.
  const double gap = (1.0 + discount_rate_per_period - retention) / (1.0 + discount_rate_per_period);
  if (gap == 0.0) return margin_per_period * static_cast<double>(periods);
  const double sum = q * -std::expm1(static_cast<double>(periods) * std::log1p(-gap)) / gap;
  return margin_per_period * sum;
}

}  // namespace salesim::analysis
