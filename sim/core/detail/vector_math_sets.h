// The SLEEF vector sets salesim is built with, one translation unit each (compiled for its instructions).
#pragma once

#include <cstddef>

namespace salesim::sim::core::detail {

/// The three array functions of one SLEEF vector set.
struct VectorMathSet {
  const char* name;
  void (*exp)(const float* x, std::size_t count, float* out) noexcept;
  void (*log)(const float* x, std::size_t count, float* out) noexcept;
  void (*sincospi)(const float* x, std::size_t count, float* sine, float* cosine) noexcept;
};

// Each is defined only where CMake built its file; the caller checks that the CPU runs it.
[[nodiscard]] VectorMathSet avx512_math_set() noexcept;
[[nodiscard]] VectorMathSet avx_math_set() noexcept;
[[nodiscard]] VectorMathSet sse4_math_set() noexcept;
[[nodiscard]] VectorMathSet sse2_math_set() noexcept;
[[nodiscard]] VectorMathSet portable_math_set() noexcept;

/// Makes the next call choose again: use_simd_target calls it after changing the target.
void forget_vector_math_set() noexcept;

}  // namespace salesim::sim::core::detail
