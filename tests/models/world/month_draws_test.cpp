// A batch's draws are RandomStream's blocks, and its floats are Box-Muller normals, churn
// multipliers and lognormal spends of the right law, whatever the SIMD target.
#include "models/world/month_draws.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <Random123/boxmuller.hpp>

#include "sim/core/random_blocks.h"

using salesim::models::customer::CustomerStatus;
using salesim::models::world::MonthDraws;
using salesim::models::world::SegmentConstants;
using salesim::sim::core::RandomStream;
using salesim::sim::core::Stream;

namespace {

constexpr std::uint32_t month = 5;

struct Market {
  std::vector<CustomerStatus> status;
  std::vector<float> satisfaction;
  std::vector<std::uint8_t> segment;
  std::vector<SegmentConstants> segments;
};

/// Statuses, satisfactions and segments mixed at random, as a market has them after a few months.
Market mixed_market(std::size_t members) {
  const RandomStream mix({11, 0, 0}, Stream{9});
  Market market;
  market.segments.resize(2);
  market.segments[0].log_spend_mu = 5.0f;
  market.segments[0].log_spend_sigma = 0.6f;
  market.segments[1].log_spend_mu = 8.0f;
  market.segments[1].log_spend_sigma = 0.3f;
  for (std::uint32_t i = 0; i < members; ++i) {
    const auto words = mix.block(i, 0);
    market.status.push_back(static_cast<CustomerStatus>(words[0] % 3));
    market.satisfaction.push_back(10.0f * static_cast<float>(words[1]) * 0x1p-32f);
    market.segment.push_back(static_cast<std::uint8_t>(words[2] % 2));
  }
  return market;
}

double ulps(float value, double truth) {
  const auto rounded = static_cast<float>(truth);
  return std::fabs(static_cast<double>(value) - truth) /
         (std::nextafter(std::fabs(rounded), std::numeric_limits<float>::infinity()) - std::fabs(rounded));
}

}  // namespace

TEST_CASE("a batch's lists and blocks are each member's own, and its floats the laws they stand for",
          "[world][simd]") {
  const Market market = mixed_market(3000);  // 11 whole batches and a partial one
  const RandomStream behaviour({3, 0, 0}, Stream{1});
  const RandomStream acquisition({3, 0, 0}, Stream{2});
  const float churn_sensitivity = 0.3f, reference = 7.0f;
  MonthDraws draws;
  double sum_x = 0.0, sum_xx = 0.0, sum_y = 0.0, sum_yy = 0.0, sum_xy = 0.0;
  double worst_normal_gap = 0.0, worst_churn_ulps = 0.0, worst_spend_ulps = 0.0;
  std::size_t actives = 0;
  for (std::size_t begin = 0; begin < market.status.size(); begin += MonthDraws::batch) {
    const std::size_t end = std::min(market.status.size(), begin + MonthDraws::batch);
    draws.draw(behaviour, acquisition, market.status, begin, end, month);
    draws.evaluate(market.satisfaction, market.segment, market.segments, churn_sensitivity, reference);
    std::size_t prospect = 0, active = 0;
    for (std::size_t i = begin; i < end; ++i) {
      if (market.status[i] == CustomerStatus::prospect) {
        REQUIRE(draws.prospect_id(prospect) == i);
        CHECK(draws.acquisition(prospect) == acquisition.block(static_cast<std::uint32_t>(i), month));
        ++prospect;
      }
      if (market.status[i] != CustomerStatus::active) continue;
      const auto id = static_cast<std::uint32_t>(i);
      REQUIRE(draws.active_id(active) == i);
      const auto block = behaviour.block(id, month, 0);
      CHECK(draws.behaviour(active) == block);
      CHECK(draws.more_behaviour(active) == behaviour.block(id, month, 1));
      // Random123's pair, whose angle is rounded to a float before its sine: a few 1e-7 apart.
      const auto pair = r123::boxmuller(block[2], block[3]);
      const float x = draws.normal_x(active), y = draws.normal_y(active);
      worst_normal_gap = std::max({worst_normal_gap, std::fabs(static_cast<double>(x - pair.x)),
                                   std::fabs(static_cast<double>(y - pair.y))});
      const double exponent = static_cast<double>(churn_sensitivity * (reference - market.satisfaction[i]));
      worst_churn_ulps = std::max(worst_churn_ulps, ulps(draws.churn_multiplier(active), std::exp(exponent)));
      const SegmentConstants& seg = market.segments[market.segment[i]];
      const double log_spend = static_cast<double>(seg.log_spend_mu + seg.log_spend_sigma * x);
      worst_spend_ulps = std::max(worst_spend_ulps, ulps(draws.spend(active), std::exp(log_spend)));
      sum_x += x;
      sum_xx += static_cast<double>(x) * x;
      sum_y += y;
      sum_yy += static_cast<double>(y) * y;
      sum_xy += static_cast<double>(x) * y;
      ++active;
    }
    REQUIRE(draws.prospects() == prospect);
    REQUIRE(draws.actives() == active);
    actives += active;
  }
  const auto n = static_cast<double>(actives);
  INFO(actives << " active customers; worst normal gap to Random123 " << worst_normal_gap << ", churn "
               << worst_churn_ulps << " ulps, spend " << worst_spend_ulps << " ulps");
  CHECK(worst_normal_gap < 1e-5);
  CHECK(worst_churn_ulps <= 1.0);
  CHECK(worst_spend_ulps <= 1.0);
  // About 1,000 standard normal pairs: means within 4 standard errors of 0, variances of 1,
  // the two members of a pair uncorrelated.
  const double se = 4.0 / std::sqrt(n);
  CHECK(std::fabs(sum_x / n) < se);
  CHECK(std::fabs(sum_y / n) < se);
  CHECK(std::fabs(sum_xx / n - 1.0) < 4.0 * std::sqrt(2.0 / n));
  CHECK(std::fabs(sum_yy / n - 1.0) < 4.0 * std::sqrt(2.0 / n));
  CHECK(std::fabs(sum_xy / n) < se);
}

TEST_CASE("a batch's floats are the same on every SIMD target of this CPU", "[world][simd]") {
  const Market market = mixed_market(1000);
  const RandomStream behaviour({5, 0, 0}, Stream{1});
  const RandomStream acquisition({5, 0, 0}, Stream{2});
  std::vector<std::vector<std::uint32_t>> first;
  for (const std::string& target : salesim::sim::core::simd_targets()) {
    REQUIRE(salesim::sim::core::use_simd_target(target));
    std::vector<std::vector<std::uint32_t>> floats;
    MonthDraws draws;
    for (std::size_t begin = 0; begin < market.status.size(); begin += MonthDraws::batch) {
      draws.draw(behaviour, acquisition, market.status, begin,
                 std::min(market.status.size(), begin + MonthDraws::batch), month);
      draws.evaluate(market.satisfaction, market.segment, market.segments, 0.4f, 6.5f);
      for (std::size_t k = 0; k < draws.actives(); ++k) {
        floats.push_back({std::bit_cast<std::uint32_t>(draws.normal_x(k)),
                          std::bit_cast<std::uint32_t>(draws.normal_y(k)),
                          std::bit_cast<std::uint32_t>(draws.churn_multiplier(k)),
                          std::bit_cast<std::uint32_t>(draws.spend(k))});
      }
    }
    INFO("SIMD target " << target);
    if (first.empty()) first = floats;
    CHECK(floats == first);  // bit for bit
  }
  REQUIRE(salesim::sim::core::use_simd_target(""));
}
