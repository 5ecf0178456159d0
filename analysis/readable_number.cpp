// Readable numbers.
#include "analysis/readable_number.h"

#include <cmath>

#include <fmt/format.h>

namespace salesim::analysis {
namespace {

/// "1234567" -> "1,234,567"; a sign and a fraction stay where they are.
std::string with_thousands_separators(std::string digits) {
  const std::size_t first = digits.find_first_of("0123456789");
  std::size_t point = digits.find('.');
  if (point == std::string::npos) point = digits.size();
  for (std::size_t at = point; at > first + 3; at -= 3) digits.insert(at - 3, 1, ',');
  return digits;
}

}  // namespace

std::string readable_number(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double magnitude = std::abs(value);
  if (magnitude >= 1000.0) return with_thousands_separators(fmt::format("{:.0f}", value));
  if (magnitude >= 100.0) return fmt::format("{:.1f}", value);
  if (magnitude >= 1.0) return fmt::format("{:.2f}", value);
  return fmt::format("{:.4f}", value);
}

}  // namespace salesim::analysis
