// Reads SALESIM_SIMD_TARGET and hands it to sim/core's dispatch.
#include "sim/cli/simd_target_choice.h"

#include <cstdlib>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sim/core/random_blocks.h"

namespace salesim::sim::cli {

std::string apply_simd_target_from_environment() {
  const char* value = std::getenv("SALESIM_SIMD_TARGET");
  if (value == nullptr || *value == '\0') return {};
  if (core::use_simd_target(value)) return {};
  return fmt::format("SALESIM_SIMD_TARGET: '{}' is not a SIMD target this CPU runs (allowed: {})", value,
                     fmt::join(core::simd_targets(), ", "));
}

}  // namespace salesim::sim::cli
