// exp, log and sincospi over arrays of floats, on the CPU's SIMD lanes, with the same bits on every target.
#pragma once

#include <cstddef>
#include <string>

namespace salesim::sim::core {

/**
 * @brief out[k] = e^x[k] for k < count, within 1 ulp.
 *
 * SLEEF's deterministic functions without fused multiply-adds (`Sleef_cinz_*`) do the work, on the
 * widest vector set of the SIMD target in use (use_simd_target in random_blocks.h): AVX-512,
 * AVX, SSE4, SSE2 or portable C. They round every step alike, so each set gives the same bits;
 * tests/unit/vector_math_test.cpp compares every set this CPU runs with the portable one.
 * `x` and `out` may be the same array.
 */
void exp_floats(const float* x, std::size_t count, float* out) noexcept;

/// out[k] = ln x[k] for k < count, within 1 ulp; -inf at 0, NaN below. As exp_floats otherwise.
void log_floats(const float* x, std::size_t count, float* out) noexcept;

/// sine[k] = sin(pi x[k]) and cosine[k] = cos(pi x[k]) for k < count, within 0.506 ulp.
void sincospi_floats(const float* x, std::size_t count, float* sine, float* cosine) noexcept;

/// The SLEEF vector set the functions above use now: "avx512fnofma", "avx", "sse4", "sse2" or "purec".
[[nodiscard]] std::string vector_math_set();

}  // namespace salesim::sim::core
