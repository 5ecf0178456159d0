// exp, log and sincospi over arrays: the same bits on every SIMD target, and within an ulp of the truth.
#include "sim/core/vector_math.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/detail/vector_math_sets.h"
#include "sim/core/random_blocks.h"
#include "sim/core/random_stream.h"

using salesim::sim::core::exp_floats;
using salesim::sim::core::log_floats;
using salesim::sim::core::RandomStream;
using salesim::sim::core::simd_targets;
using salesim::sim::core::sincospi_floats;
using salesim::sim::core::Stream;
using salesim::sim::core::use_simd_target;
using salesim::sim::core::vector_math_set;
using salesim::sim::core::detail::portable_math_set;

namespace {

/// Floats over the ranges the customer step uses, every bit pattern at random, and the edges.
std::vector<float> test_inputs(float low, float high) {
  const RandomStream draws({7, 0, 0}, Stream{1});
  std::vector<float> x = {0.0f,
                          -0.0f,
                          1.0f,
                          -1.0f,
                          0.5f,
                          -0.5f,
                          std::numeric_limits<float>::denorm_min(),
                          std::numeric_limits<float>::min(),
                          std::numeric_limits<float>::max(),
                          -std::numeric_limits<float>::max(),
                          std::numeric_limits<float>::infinity(),
                          -std::numeric_limits<float>::infinity(),
                          std::numeric_limits<float>::quiet_NaN(),
                          88.72f,
                          88.73f,
                          -103.9f,
                          -104.0f};
  for (std::uint32_t k = 0; k < 20000; ++k) {
    const auto words = draws.block(k, 0);
    x.push_back(low + (high - low) * static_cast<float>(words[0]) * 0x1p-32f);
    x.push_back(std::bit_cast<float>(words[1]));
  }
  x.push_back(2.5f);  // an odd count, so the last vector of every set is partial
  return x;
}

bool same_bits(float a, float b) {
  return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b) ||
         (std::isnan(a) && std::isnan(b));
}

/// Distance in units of the last place between a float result and the double-precision truth.
double ulps_from(float result, double truth) {
  const float rounded = static_cast<float>(truth);
  const double ulp =
      std::nextafter(std::fabs(rounded), std::numeric_limits<float>::infinity()) - std::fabs(rounded);
  return std::fabs(static_cast<double>(result) - truth) / ulp;
}

struct Results {
  std::vector<float> exp, log, sine, cosine;
};

Results computed_now(const std::vector<float>& exp_in, const std::vector<float>& log_in,
                     const std::vector<float>& angle_in) {
  Results r{std::vector<float>(exp_in.size()), std::vector<float>(log_in.size()),
            std::vector<float>(angle_in.size()), std::vector<float>(angle_in.size())};
  exp_floats(exp_in.data(), exp_in.size(), r.exp.data());
  log_floats(log_in.data(), log_in.size(), r.log.data());
  sincospi_floats(angle_in.data(), angle_in.size(), r.sine.data(), r.cosine.data());
  return r;
}

}  // namespace

TEST_CASE("exp, log and sincospi give the portable set's bits on every SIMD target of this CPU",
          "[core][simd]") {
  const auto exp_in = test_inputs(-30.0f, 30.0f);
  const auto log_in = test_inputs(0.0f, 1.0f);
  const auto angle_in = test_inputs(-1.0f, 1.0f);
  const auto portable = portable_math_set();
  Results reference{std::vector<float>(exp_in.size()), std::vector<float>(log_in.size()),
                    std::vector<float>(angle_in.size()), std::vector<float>(angle_in.size())};
  portable.exp(exp_in.data(), exp_in.size(), reference.exp.data());
  portable.log(log_in.data(), log_in.size(), reference.log.data());
  portable.sincospi(angle_in.data(), angle_in.size(), reference.sine.data(), reference.cosine.data());

  for (const std::string& target : simd_targets()) {
    REQUIRE(use_simd_target(target));
    INFO("SIMD target " << target << ", vector set " << vector_math_set());
    const Results now = computed_now(exp_in, log_in, angle_in);
    std::size_t differing = 0;
    for (std::size_t k = 0; k < exp_in.size(); ++k)
      differing += same_bits(now.exp[k], reference.exp[k]) ? 0 : 1;
    for (std::size_t k = 0; k < log_in.size(); ++k)
      differing += same_bits(now.log[k], reference.log[k]) ? 0 : 1;
    for (std::size_t k = 0; k < angle_in.size(); ++k) {
      differing += same_bits(now.sine[k], reference.sine[k]) ? 0 : 1;
      differing += same_bits(now.cosine[k], reference.cosine[k]) ? 0 : 1;
    }
    CHECK(differing == 0);
    // Every count up to three vectors of 16, so each tail length of each set is run.
    for (std::size_t count = 0; count <= 48; ++count) {
      std::vector<float> out(count + 1, -7.0f);
      exp_floats(exp_in.data(), count, out.data());
      for (std::size_t k = 0; k < count; ++k) CHECK(same_bits(out[k], reference.exp[k]));
      CHECK(out[count] == -7.0f);  // nothing written past the end
    }
  }
  REQUIRE(use_simd_target(""));
  CHECK(std::string(portable.name) == "purec");
}

TEST_CASE("exp and log are within an ulp of the truth, sincospi within half an ulp", "[core][simd]") {
  const auto x = test_inputs(-80.0f, 80.0f);
  const auto u = test_inputs(0.0f, 1.0f);
  const auto a = test_inputs(-1.0f, 1.0f);
  const Results r = computed_now(x, u, a);
  double worst_exp = 0.0, worst_log = 0.0, worst_sin = 0.0, worst_cos = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double truth = std::exp(static_cast<double>(x[k]));
    if (std::isfinite(x[k]) && truth < std::numeric_limits<float>::max() &&
        truth > std::numeric_limits<float>::min())
      worst_exp = std::max(worst_exp, ulps_from(r.exp[k], truth));
  }
  for (std::size_t k = 0; k < u.size(); ++k) {
    if (std::isfinite(u[k]) && u[k] > 0.0f && u[k] != 1.0f)
      worst_log = std::max(worst_log, ulps_from(r.log[k], std::log(static_cast<double>(u[k]))));
  }
  // The truth from sin(pi t) with t exact: sin(pi a) = sin(pi (1 - a)) and cos(pi a) = sin(pi (1/2 - |a|))
  // (1 - |a| and 1/2 - |a| are exact in double), so the zeros at whole and half turns stay exact.
  const auto sin_pi = [](double t) {
    return static_cast<double>(std::sin(std::numbers::pi_v<long double> * static_cast<long double>(t)));
  };
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double angle = a[k], size = std::fabs(angle);
    // SLEEF's bound holds for results above the subnormal range (tiny angles lose up to 2 ulps).
    if (!(size <= 1.0) || (size != 0.0 && size < 0x1p-100)) continue;
    const double sine = std::copysign(sin_pi(size <= 0.5 ? size : 1.0 - size), angle);
    const double cosine = sin_pi(0.5 - size);
    if (sine == 0.0)
      CHECK(r.sine[k] == 0.0f);
    else
      worst_sin = std::max(worst_sin, ulps_from(r.sine[k], sine));
    if (cosine == 0.0)
      CHECK(r.cosine[k] == 0.0f);
    else
      worst_cos = std::max(worst_cos, ulps_from(r.cosine[k], cosine));
  }
  INFO("worst ulps: exp " << worst_exp << ", log " << worst_log << ", sin " << worst_sin << ", cos "
                          << worst_cos);
  CHECK(worst_exp <= 1.0);
  CHECK(worst_log <= 1.0);
  CHECK(worst_sin <= 0.51);
  CHECK(worst_cos <= 0.51);
  // The special values IEEE 754 gives.
  const float specials[] = {0.0f, -std::numeric_limits<float>::infinity(),
                            std::numeric_limits<float>::infinity(), 1.0f, -1.0f};
  float exps[5], logs[5];
  exp_floats(specials, 5, exps);
  log_floats(specials, 5, logs);
  CHECK(exps[0] == 1.0f);
  CHECK(exps[1] == 0.0f);
  CHECK(std::isinf(exps[2]));
  CHECK(logs[0] == -std::numeric_limits<float>::infinity());
  CHECK(std::isnan(logs[1]));
  CHECK(std::isinf(logs[2]));
  CHECK(logs[3] == 0.0f);
  CHECK(std::isnan(logs[4]));
}
