// SLEEF's deterministic AVX functions over arrays; this file alone is compiled with -mavx.
#include <sleef.h>

#include "sim/core/detail/vector_math_loops.h"
#include "sim/core/detail/vector_math_sets.h"

namespace salesim::sim::core::detail {
namespace {

struct AvxFloats {
  using Vector = __m256;
  static constexpr std::size_t lanes = 8;
  static Vector load(const float* p) noexcept { return _mm256_loadu_ps(p); }
  static void store(float* p, Vector v) noexcept { _mm256_storeu_ps(p, v); }
  static Vector exp(Vector v) noexcept { return Sleef_cinz_expf8_u10avx(v); }
  static Vector log(Vector v) noexcept { return Sleef_cinz_logf8_u10avx(v); }
  static Sleef___m256_2 sincospi(Vector v) noexcept { return Sleef_cinz_sincospif8_u05avx(v); }
};

}  // namespace

VectorMathSet avx_math_set() noexcept { return VectorMathLoops<AvxFloats>::functions("avx"); }

}  // namespace salesim::sim::core::detail
