// Readable numbers.
#include "analysis/readable_number.h"

#include <cmath>

#include <fmt/format.h>

namespace salesim::analysis {

std::string readable_number(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::abs(value);
  if (magnitude >= 1000.0) return fmt::format("{:.0f}", value);
  if (magnitude >= 100.0) return fmt::format("{:.1f}", value);
  if (magnitude >= 1.0) return fmt::format("{:.2f}", value);
  return fmt::format("{:.4f}", value);
}

}  // namespace salesim::analysis
