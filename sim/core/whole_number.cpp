// Whole numbers and shards from text.
#include "sim/core/whole_number.h"

#include <charconv>
#include <limits>

namespace salesim::sim::core {

Digits read_digits(std::string_view text) {
  Digits digits;
  digits.digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits.digits_only) return digits;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), digits.value);
  digits.fits = error == std::errc{} && end == text.data() + text.size();
  return digits;
}

std::optional<std::uint64_t> parse_whole_number(std::string_view text) {
  const Digits digits = read_digits(text);
  if (!digits.digits_only || !digits.fits) return std::nullopt;
  return digits.value;
}

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = parse_whole_number(text.substr(0, slash));
  const auto count = parse_whole_number(text.substr(slash + 1));
  if (!index || !count || *index == 0 || *index > *count ||
      *count > std::numeric_limits<std::uint32_t>::max()) {
    return std::nullopt;
  }
  return Shard{static_cast<std::uint32_t>(*index), static_cast<std::uint32_t>(*count)};
}

}  // namespace salesim::sim::core
