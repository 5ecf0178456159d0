// Picks the SLEEF vector set that matches the SIMD target in use; the portable and SSE2 sets live here.
#include "sim/core/vector_math.h"

#include <atomic>
#include <mutex>
#include <string_view>

#include <sleef.h>

#include "sim/core/detail/vector_math_loops.h"
#include "sim/core/detail/vector_math_sets.h"
#include "sim/core/random_blocks.h"

namespace salesim::sim::core {
namespace detail {
namespace {

// SLEEF's portable C: one value at a time, the reference the vector sets are tested against.
struct PortableFloats {
  using Vector = float;
  static constexpr std::size_t lanes = 1;
  static Vector load(const float* p) noexcept { return *p; }
  static void store(float* p, Vector v) noexcept { *p = v; }
  static Vector exp(Vector v) noexcept { return Sleef_cinz_expf1_u10purec(v); }
  static Vector log(Vector v) noexcept { return Sleef_cinz_logf1_u10purec(v); }
  static Sleef_float_2 sincospi(Vector v) noexcept { return Sleef_cinz_sincospif1_u05purec(v); }
};

#ifdef SALESIM_X86_VECTOR_MATH
// SSE2 is in every x86-64 CPU, so this set needs no flags of its own.
struct Sse2Floats {
  using Vector = __m128;
  static constexpr std::size_t lanes = 4;
  static Vector load(const float* p) noexcept { return _mm_loadu_ps(p); }
  static void store(float* p, Vector v) noexcept { _mm_storeu_ps(p, v); }
  static Vector exp(Vector v) noexcept { return Sleef_cinz_expf4_u10sse2(v); }
  static Vector log(Vector v) noexcept { return Sleef_cinz_logf4_u10sse2(v); }
  static Sleef___m128_2 sincospi(Vector v) noexcept { return Sleef_cinz_sincospif4_u05sse2(v); }
};
#endif

}  // namespace

VectorMathSet portable_math_set() noexcept { return VectorMathLoops<PortableFloats>::functions("purec"); }

#ifdef SALESIM_X86_VECTOR_MATH
VectorMathSet sse2_math_set() noexcept { return VectorMathLoops<Sse2Floats>::functions("sse2"); }
#endif

namespace {

// The widest set whose instructions the Highway target also has (SSE4 implies SSE4.1, AVX2 AVX).
VectorMathSet set_for_target(std::string_view target) noexcept {
#ifdef SALESIM_X86_VECTOR_MATH
  if (target.starts_with("AVX3")) return avx512_math_set();
  if (target == "AVX2") return avx_math_set();
  if (target == "SSE4") return sse4_math_set();
  if (target == "SSSE3" || target == "SSE2") return sse2_math_set();
#endif
  (void)target;  // EMU128 and SCALAR, and every non-x86 CPU
  return portable_math_set();
}

// Chosen at the first call and again after use_simd_target changes the target.
std::atomic<bool> chosen_is_current{false};
std::mutex choosing;
VectorMathSet chosen{};

const VectorMathSet& current_set() noexcept {
  if (!chosen_is_current.load(std::memory_order_acquire)) {
    const std::scoped_lock lock(choosing);
    if (!chosen_is_current.load(std::memory_order_relaxed)) {
      chosen = set_for_target(simd_target());
      chosen_is_current.store(true, std::memory_order_release);
    }
  }
  return chosen;
}

}  // namespace

void forget_vector_math_set() noexcept { chosen_is_current.store(false, std::memory_order_release); }

}  // namespace detail

void exp_floats(const float* x, std::size_t count, float* out) noexcept {
  detail::current_set().exp(x, count, out);
}

void log_floats(const float* x, std::size_t count, float* out) noexcept {
  detail::current_set().log(x, count, out);
}

void sincospi_floats(const float* x, std::size_t count, float* sine, float* cosine) noexcept {
  detail::current_set().sincospi(x, count, sine, cosine);
}

std::string vector_math_set() { return detail::current_set().name; }

}  // namespace salesim::sim::core
