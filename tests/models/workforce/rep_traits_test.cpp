// Reps who differ: trait quantiles have the spread's mean and sd, stay in bounds, are checked, and a
// rep keeps its draws until a new hire in its slot draws afresh.
#include "models/workforce/rep_traits.h"

#include <cmath>
#include <numeric>
#include <vector>

#include <catch2/catch.hpp>

#include "models/random_streams.h"
#include "models/workforce/workforce_world.h"

using namespace salesim::models::workforce;

namespace {

/// Mean and sd of the trait over an even grid of uniforms: the distribution itself, without sampling noise.
std::pair<double, double> moments(double mean, const TraitSpread& spread) {
  constexpr int points = 20000;
  std::vector<double> values;
  for (int k = 0; k < points; ++k) values.push_back(trait_quantile(mean, spread, (k + 0.5) / points));
  const double m = std::accumulate(values.begin(), values.end(), 0.0) / points;
  double square = 0.0;
  for (double v : values) square += (v - m) * (v - m);
  return {m, std::sqrt(square / points)};
}

}  // namespace

TEST_CASE("a lognormal, normal or beta spread has the profile's value as mean and the sd asked for",
          "[workforce][traits]") {
  const auto [lognormal_mean, lognormal_sd] =
      moments(200.0, {.distribution = TraitDistribution::lognormal, .sd = 60.0});
  CHECK(lognormal_mean == Approx(200.0).epsilon(0.005));
  CHECK(lognormal_sd == Approx(60.0).epsilon(0.01));
  const auto [normal_mean, normal_sd] =
      moments(3000.0, {.distribution = TraitDistribution::normal, .sd = 400.0});
  CHECK(normal_mean == Approx(3000.0).epsilon(0.001));
  CHECK(normal_sd == Approx(400.0).epsilon(0.01));
  const TraitSpread beta{.distribution = TraitDistribution::beta, .sd = 0.1, .low = 0.0, .high = 1.0};
  const auto [beta_mean, beta_sd] = moments(0.6, beta);
  CHECK(beta_mean == Approx(0.6).epsilon(0.001));
  CHECK(beta_sd == Approx(0.1).epsilon(0.01));
}

TEST_CASE("draws stay inside low and high, and no spread means every rep has the profile's value",
          "[workforce][traits]") {
  const TraitSpread bounded{
      .distribution = TraitDistribution::normal, .sd = 1000.0, .low = 2000.0, .high = 3500.0};
  for (double u : {1e-9, 0.01, 0.5, 0.99, 1.0 - 1e-9}) {
    const double value = trait_quantile(3000.0, bounded, u);
    CHECK(value >= 2000.0);
    CHECK(value <= 3500.0);
  }
  // Truncated by the CDF, not clamped: the lowest draws are spread out, not piled at the bound.
  CHECK(trait_quantile(3000.0, bounded, 0.001) < trait_quantile(3000.0, bounded, 0.01));
  CHECK(trait_quantile(3000.0, bounded, 0.001) > 2000.0);
  const RepProfile mean;
  const RepProfile same = draw_rep_profile(mean, RepSpread{}, {0.01, 0.2, 0.5, 0.8, 0.99});
  CHECK(same.skill == mean.skill);
  CHECK(same.effort_cost == mean.effort_cost);
  CHECK(same.outside_option == mean.outside_option);
  CHECK(same.starting_tenure_months == mean.starting_tenure_months);
}

TEST_CASE("spreads that no distribution can have are refused with their key", "[workforce][traits]") {
  RepProfile mean;
  RepSpread spread;
  spread.skill = TraitSpread{.distribution = TraitDistribution::beta, .sd = 0.1};
  spread.risk_aversion = TraitSpread{.sd = 0.001};  // lognormal around a mean of 0
  spread.outside_option =
      TraitSpread{.distribution = TraitDistribution::beta, .sd = 1200.0, .low = 2000.0, .high = 4000.0};
  spread.effort_cost = TraitSpread{.sd = 10.0, .low = 300.0, .high = 100.0};
  const auto problems = validate(spread, mean);
  std::vector<std::string> keys;
  for (const auto& problem : problems) keys.push_back(problem.key_path);
  CHECK(keys == std::vector<std::string>{"skill.high", "effort_cost.high", "risk_aversion.distribution",
                                         "outside_option.sd"});
}

TEST_CASE("each rep keeps its own draws, the same on every run of the address, and a new hire draws afresh",
          "[workforce][traits]") {
  WorkforceParams params;
  params.reps = 6;
  params.spread.skill = TraitSpread{.sd = 0.3};
  params.profile.outside_option = 1e9;  // nobody stays: every rep quits at its first period end
  params.quit_patience_months = 1.0;
  params.hiring_lag_months = 0;
  const salesim::sim::core::RunAddress run{7, 0, 3};
  WorkforceWorld first(params, run), again(params, run);
  std::vector<double> skills;
  for (std::uint32_t rep = 0; rep < params.reps; ++rep) {
    skills.push_back(first.profile_of(rep).skill);
    CHECK(again.profile_of(rep).skill == skills.back());
  }
  CHECK(std::adjacent_find(skills.begin(), skills.end()) == skills.end());  // reps differ

  TerritoryMonth territories(params.reps);
  std::fill(territories.expected_revenue_next.begin(), territories.expected_revenue_next.end(), 10000.0);
  std::fill(territories.revenue.begin(), territories.revenue.end(), 10000.0);
  (void)first.decide(1, territories);
  const WorkforceMonth quit_month = first.settle(1, territories);
  CHECK(quit_month.quits == params.reps);
  for (std::uint32_t rep = 0; rep < params.reps; ++rep) CHECK(first.profile_of(rep).skill == skills[rep]);
  (void)first.decide(2, territories);
  const WorkforceMonth hire_month = first.settle(2, territories);
  CHECK(hire_month.hires == params.reps);
  for (std::uint32_t rep = 0; rep < params.reps; ++rep) CHECK(first.profile_of(rep).skill != skills[rep]);
}
