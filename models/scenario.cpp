// Small derived quantities of a scenario.
#include "models/scenario.h"

#include <cmath>

namespace salesim::models {

double monthly_discount_rate(double discount_rate_per_year) {
  return std::pow(1.0 + discount_rate_per_year, 1.0 / 12.0) - 1.0;
}

std::uint64_t market_size(const Scenario& scenario) {
  std::uint64_t total = 0;
  for (const SegmentParams& segment : scenario.segments) total += segment.size;
  return total;
}

}  // namespace salesim::models
