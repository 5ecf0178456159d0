// SLEEF's deterministic SSE4.1 functions over arrays; this file alone is compiled with -msse4.1.
#include <sleef.h>

#include "sim/core/detail/vector_math_loops.h"
#include "sim/core/detail/vector_math_sets.h"

namespace salesim::sim::core::detail {
namespace {

struct Sse4Floats {
  using Vector = __m128;
  static constexpr std::size_t lanes = 4;
  static Vector load(const float* p) noexcept { return _mm_loadu_ps(p); }
  static void store(float* p, Vector v) noexcept { _mm_storeu_ps(p, v); }
  static Vector exp(Vector v) noexcept { return Sleef_cinz_expf4_u10sse4(v); }
  static Vector log(Vector v) noexcept { return Sleef_cinz_logf4_u10sse4(v); }
  static Sleef___m128_2 sincospi(Vector v) noexcept { return Sleef_cinz_sincospif4_u05sse4(v); }
};

}  // namespace

VectorMathSet sse4_math_set() noexcept { return VectorMathLoops<Sse4Floats>::functions("sse4"); }

}  // namespace salesim::sim::core::detail
