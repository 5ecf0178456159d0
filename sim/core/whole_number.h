// Whole numbers read from text as integers, never through a double, so every 64-bit value is exact;
// and the shard "K/N" that sweeps, their files and the command line share.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace salesim::sim::core {

/// What decimal text holds: whether it is digits only (no sign, point, exponent or space), and
/// whether those digits fit 64 bits.
struct Digits {
  bool digits_only = false;
  bool fits = false;
  std::uint64_t value = 0;
};

/// @brief Reads `text` as decimal digits.
[[nodiscard]] Digits read_digits(std::string_view text);

/// @brief The value of `text` when it is digits only and fits 64 bits; nullopt otherwise.
[[nodiscard]] std::optional<std::uint64_t> parse_whole_number(std::string_view text);

/// One slice of a sweep: slice `index` (1-based) of `count`.
struct Shard {
  std::uint32_t index = 1;
  std::uint32_t count = 1;
};

/// @brief "K/N", both digits only, with 1 <= K <= N; anything else ("1/2/3", "0/16") is nullopt.
[[nodiscard]] std::optional<Shard> parse_shard(std::string_view text);

}  // namespace salesim::sim::core
