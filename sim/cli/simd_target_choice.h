// The SALESIM_SIMD_TARGET environment variable: which SIMD target the bulk random draws use.
#pragma once

#include <string>

namespace salesim::sim::cli {

/**
 * @brief With SALESIM_SIMD_TARGET set (e.g. "AVX2"), the bulk random draws run on that target
 * instead of the best one; for checking that every target gives the same files, since they all
 * draw the same numbers. Unset or empty: the best target.
 * @return the one line to print when the value is not a target this CPU runs, else empty.
 */
[[nodiscard]] std::string apply_simd_target_from_environment();

}  // namespace salesim::sim::cli
