// The array loops of one SLEEF vector set, written once over a traits type that each set's file defines.
#pragma once

#include <cstddef>

#include "sim/core/detail/vector_math_sets.h"

namespace salesim::sim::core::detail {

/**
 * @brief Whole vectors straight from the arrays; the last few values through a padded buffer.
 *
 * `Set` gives `Vector`, `lanes`, load, store, exp, log and sincospi. Each set's file defines its
 * `Set` in an anonymous namespace, so these instantiations stay inside the file compiled for
 * that set's instructions and are never merged with another set's copy at link time.
 */
template <class Set>
struct VectorMathLoops {
  // A neutral value for the unused lanes of the last vector: finite under every function.
  static constexpr float padding = 1.0f;

  // The last count < lanes values as one whole vector, and back.
  static typename Set::Vector load_tail(const float* x, std::size_t count) noexcept {
    float in[Set::lanes];
    for (std::size_t k = 0; k < Set::lanes; ++k) in[k] = k < count ? x[k] : padding;
    return Set::load(in);
  }
  static void store_tail(float* out, std::size_t count, typename Set::Vector v) noexcept {
    float result[Set::lanes];
    Set::store(result, v);
    for (std::size_t k = 0; k < count; ++k) out[k] = result[k];
  }

  static void exp(const float* x, std::size_t count, float* out) noexcept {
    std::size_t k = 0;
    for (; k + Set::lanes <= count; k += Set::lanes) Set::store(out + k, Set::exp(Set::load(x + k)));
    if (k < count) store_tail(out + k, count - k, Set::exp(load_tail(x + k, count - k)));
  }

  static void log(const float* x, std::size_t count, float* out) noexcept {
    std::size_t k = 0;
    for (; k + Set::lanes <= count; k += Set::lanes) Set::store(out + k, Set::log(Set::load(x + k)));
    if (k < count) store_tail(out + k, count - k, Set::log(load_tail(x + k, count - k)));
  }

  static void sincospi(const float* x, std::size_t count, float* sine, float* cosine) noexcept {
    std::size_t k = 0;
    for (; k + Set::lanes <= count; k += Set::lanes) {
      const auto both = Set::sincospi(Set::load(x + k));
      Set::store(sine + k, both.x);
      Set::store(cosine + k, both.y);
    }
    if (k == count) return;
    const auto both = Set::sincospi(load_tail(x + k, count - k));
    store_tail(sine + k, count - k, both.x);
    store_tail(cosine + k, count - k, both.y);
  }

  static VectorMathSet functions(const char* name) noexcept { return {name, &exp, &log, &sincospi}; }
};

}  // namespace salesim::sim::core::detail
