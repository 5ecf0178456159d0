// Reading a benchmark's whole-number arguments: a bad one is refused with the usage and exit 2.
#pragma once

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace salesim::bench {

/// argv[index] as a whole number in [low, high], `fallback` when it is not given. Anything else
/// prints `usage` and exits with 2.
inline unsigned long whole_argument(int argc, char** argv, int index, unsigned long fallback,
                                    unsigned long low, unsigned long high, const char* usage) {
  if (index >= argc) return fallback;
  const char* text = argv[index];
  unsigned long value = 0;
  const auto [end, error] = std::from_chars(text, text + std::strlen(text), value);
  if (error != std::errc() || *end != '\0' || value < low || value > high) {
    std::fprintf(stderr, "'%s': not a whole number from %lu to %lu\nusage: %s\n", text, low, high, usage);
    std::exit(2);
  }
  return value;
}

}  // namespace salesim::bench
