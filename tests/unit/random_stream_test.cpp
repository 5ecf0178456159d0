// Counter-based random streams: known answers, purity, independence.
#include "sim/core/random_stream.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include <Random123/philox.h>

#include "models/random_streams.h"

using salesim::sim::core::RandomStream;
using salesim::sim::core::RunAddress;
using salesim::sim::core::Stream;
using salesim::sim::core::uniform_open01;

namespace {

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

TEST_CASE("Philox4x32-10 reproduces Random123's published known-answer vectors", "[core][rng]") {
  // Random123 1.14, tests/kat_vectors: philox4x32 10 <counter> <key> <expected output>.
  struct Vector {
    r123::Philox4x32::ctr_type counter;
    r123::Philox4x32::key_type key;
    r123::Philox4x32::ctr_type expected;
  };
  const Vector vectors[] = {
      {{{0u, 0u, 0u, 0u}}, {{0u, 0u}}, {{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}}},
      {{{0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}},
       {{0xffffffffu, 0xffffffffu}},
       {{0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu}}},
      {{{0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u}},
       {{0xa4093822u, 0x299f31d0u}},
       {{0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u}}},
  };
  for (const Vector& v : vectors) {
    CHECK(r123::Philox4x32()(v.counter, v.key) == v.expected);
  }
}

TEST_CASE("a stream's block is Philox of its documented counter layout", "[core][rng]") {
  const RunAddress run{0x299f31d0a4093822ull, 3, 7};
  const RandomStream stream(run, salesim::models::streams::survey);
  const auto block = stream.block(11, 13, 2);
  const r123::Philox4x32::ctr_type counter = {{11u, 13u, 7u, (3u << 12) | (3u << 8) | 2u}};
  const r123::Philox4x32::key_type key = {{0xa4093822u, 0x299f31d0u}};
  const auto expected = r123::Philox4x32()(counter, key);
  for (int k = 0; k < 4; ++k) CHECK(block[k] == expected[k]);
}

TEST_CASE("draws are pure functions of their address", "[core][rng]") {
  const RandomStream a(RunAddress{42, 0, 1}, salesim::models::streams::customer_behaviour);
  const RandomStream b(RunAddress{42, 0, 1}, salesim::models::streams::customer_behaviour);
  CHECK(a.block(5, 9) == b.block(5, 9));
  CHECK(a.block(5, 9) != a.block(5, 10));
  CHECK(a.block(5, 9) != a.block(6, 9));
  CHECK(a.block(5, 9, 0) != a.block(5, 9, 1));
  CHECK(a.block(5, 9) !=
        RandomStream(RunAddress{42, 0, 2}, salesim::models::streams::customer_behaviour).block(5, 9));
  CHECK(a.block(5, 9) !=
        RandomStream(RunAddress{43, 0, 1}, salesim::models::streams::customer_behaviour).block(5, 9));
  CHECK(a.block(5, 9) !=
        RandomStream(RunAddress{42, 1, 1}, salesim::models::streams::customer_behaviour).block(5, 9));
  CHECK(a.block(5, 9) !=
        RandomStream(RunAddress{42, 0, 1}, salesim::models::streams::acquisition).block(5, 9));
}

TEST_CASE("streams of neighbouring entities and steps are uncorrelated", "[core][rng]") {
  const RandomStream stream(RunAddress{2026, 0, 0}, salesim::models::streams::customer_behaviour);
  constexpr std::uint32_t n = 100000;
  std::vector<double> here(n), next_entity(n), next_step(n), next_word(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto block = stream.block(i, 17);
    here[i] = uniform_open01(block[0]);
    next_word[i] = uniform_open01(block[1]);
    next_entity[i] = uniform_open01(stream.block(i + 1, 17)[0]);
    next_step[i] = uniform_open01(stream.block(i, 18)[0]);
  }
  // Under independence the sample correlation is about N(0, 1/n): 5 sd is 0.0158.
  const double bound = 5.0 / std::sqrt(static_cast<double>(n));
  INFO("entity " << correlation(here, next_entity) << ", step " << correlation(here, next_step) << ", word "
                 << correlation(here, next_word));
  CHECK(std::abs(correlation(here, next_entity)) < bound);
  CHECK(std::abs(correlation(here, next_step)) < bound);
  CHECK(std::abs(correlation(here, next_word)) < bound);
}

TEST_CASE("uniforms fill (0, 1) evenly", "[core][rng]") {
  const RandomStream stream(RunAddress{7, 0, 0}, salesim::models::streams::acquisition);
  constexpr int bins = 20;
  constexpr std::uint32_t n = 200000;
  std::vector<double> count(bins, 0.0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const float u = uniform_open01(stream.block(i, 1)[0]);
    REQUIRE(u > 0.0f);
    REQUIRE(u < 1.0f);
    ++count[static_cast<int>(u * bins)];
  }
  double chi_square = 0.0;
  const double expected = static_cast<double>(n) / bins;
  for (double c : count) chi_square += (c - expected) * (c - expected) / expected;
  // 19 degrees of freedom: the 0.999 quantile is 43.8.
  INFO("chi-square " << chi_square);
  CHECK(chi_square < 43.8);
  CHECK(uniform_open01(0u) > 0.0f);
  CHECK(uniform_open01(0xffffffffu) < 1.0f);
  CHECK(uniform_open01(0u, 0u) > 0.0);
  CHECK(uniform_open01(0xffffffffu, 0xffffffffu) < 1.0);
}

TEST_CASE("a design point beyond the counter layout is refused", "[core][rng]") {
  CHECK_THROWS_AS(
      RandomStream(RunAddress{1, RandomStream::max_design_points, 0}, salesim::models::streams::survey),
      std::invalid_argument);
}
