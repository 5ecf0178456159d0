// SLEEF's deterministic AVX-512F (no FMA) functions over arrays; this file alone is compiled with -mavx512f.
#include <sleef.h>

#include "sim/core/detail/vector_math_loops.h"
#include "sim/core/detail/vector_math_sets.h"

namespace salesim::sim::core::detail {
namespace {

struct Avx512Floats {
  using Vector = __m512;
  static constexpr std::size_t lanes = 16;
  static Vector load(const float* p) noexcept { return _mm512_loadu_ps(p); }
  static void store(float* p, Vector v) noexcept { _mm512_storeu_ps(p, v); }
  static Vector exp(Vector v) noexcept { return Sleef_cinz_expf16_u10avx512fnofma(v); }
  static Vector log(Vector v) noexcept { return Sleef_cinz_logf16_u10avx512fnofma(v); }
  static Sleef___m512_2 sincospi(Vector v) noexcept { return Sleef_cinz_sincospif16_u05avx512fnofma(v); }
};

}  // namespace

VectorMathSet avx512_math_set() noexcept { return VectorMathLoops<Avx512Floats>::functions("avx512fnofma"); }

}  // namespace salesim::sim::core::detail
