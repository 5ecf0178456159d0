// Sweep designs: grid products, Latin hypercube strata, Sobol points.
#include "sim/run/experiment_design.h"

#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

using namespace salesim::sim::run;

TEST_CASE("a grid is the Cartesian product of the levels, first parameter slowest", "[run][design]") {
  const std::vector<VariedParameter> parameters = {{"service.level", {"0.3", "0.9"}},
                                                   {"pricing.price_index", {}, 1.0, 2.0, 3},
                                                   {"referrals.network", {"small_world", "random"}}};
  const auto design = make_design(DesignKind::grid, parameters, 0, 1);
  REQUIRE(design.size() == 12);
  CHECK(design[0].values == std::vector<std::string>{"0.3", "1", "small_world"});
  CHECK(design[1].values == std::vector<std::string>{"0.3", "1", "random"});
  CHECK(design[2].values == std::vector<std::string>{"0.3", "1.5", "small_world"});
  CHECK(design[11].values == std::vector<std::string>{"0.9", "2", "random"});
  CHECK(design[11].codes == std::vector<double>{0.9, 2.0, 1.0});  // words are coded by level index
}

TEST_CASE("each Latin hypercube stratum of each parameter holds exactly one point", "[run][design]") {
  constexpr std::uint32_t points = 37, dimensions = 4;
  const auto samples = unit_latin_hypercube(points, dimensions, 2026);
  for (std::uint32_t d = 0; d < dimensions; ++d) {
    std::set<std::uint32_t> strata;
    for (std::uint32_t p = 0; p < points; ++p) {
      const double u = samples[p * dimensions + d];
      REQUIRE(u >= 0.0);
      REQUIRE(u < 1.0);
      strata.insert(static_cast<std::uint32_t>(u * points));
    }
    CHECK(strata.size() == points);
  }
  CHECK(samples != unit_latin_hypercube(points, dimensions, 2027));
  CHECK(samples == unit_latin_hypercube(points, dimensions, 2026));
}

TEST_CASE("Sobol points match the published Joe-Kuo sequence", "[run][design]") {
  // Joe & Kuo (2008), new-joe-kuo-6.21201, dimensions 1-3, points 1-7 (the origin skipped).
  const std::vector<double> expected = {0.5,   0.5,   0.5,   0.75,  0.25,  0.25,  0.25,
                                        0.75,  0.75,  0.375, 0.375, 0.625, 0.875, 0.875,
                                        0.125, 0.625, 0.125, 0.875, 0.125, 0.625, 0.375};
  CHECK(unit_sobol(7, 3) == expected);
}

TEST_CASE("sampled designs map the unit cube onto ranges and levels", "[run][design]") {
  const std::vector<VariedParameter> parameters = {
      {"marketing.budget_per_month", {}, 1000.0, 5000.0, 0, true},
      {"referrals.network", {"small_world", "scale_free", "random"}}};
  for (const DesignKind kind : {DesignKind::random, DesignKind::latin_hypercube, DesignKind::sobol}) {
    const auto design = make_design(kind, parameters, 30, 5);
    REQUIRE(design.size() == 30);
    for (const auto& point : design) {
      CHECK(point.codes[0] >= 1000.0);
      CHECK(point.codes[0] <= 5000.0);
      CHECK(point.codes[0] == std::round(point.codes[0]));
      CHECK(std::set<std::string>{"small_world", "scale_free", "random"}.count(point.values[1]) == 1);
    }
  }
  CHECK_THROWS_AS(make_design(DesignKind::grid, {{"service.level", {}, 0.5, 0.5}}, 0, 1),
                  std::invalid_argument);
}
