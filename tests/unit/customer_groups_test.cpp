// Customers banded by P(alive) and ranked into deciles, against hand-counted tables.
#include "analysis/customer_base/customer_groups.h"

#include <cmath>
#include <limits>
#include <span>
#include <vector>

#include <catch2/catch.hpp>

namespace cb = salesim::analysis::customer_base;

TEST_CASE("group_by_band counts customers per tenth of P(alive) with the last band closed at 1",
          "[customer_base][groups]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> alive = {0.0, 0.05, 0.1, 0.95, 1.0, nan, 1.5};
  const std::vector<double> expected = {1.0, 3.0, 2.0, 4.0, nan, 9.0, 9.0};
  const auto bands = cb::group_by_band(alive, {std::span<const double>(expected)}, 10);
  REQUIRE(bands.size() == 10);
  CHECK(bands[0].customers == 2);  // 0 and 0.05
  CHECK(bands[0].mean(0) == Approx(2.0));
  CHECK(bands[1].customers == 1);   // 0.1 opens the second band
  CHECK(bands[9].customers == 2);   // 0.95 and 1.0; NaN and 1.5 are in no band
  CHECK(bands[9].counted[0] == 1);  // 1.0's expectation is NaN: counted as a customer, not in the mean
  CHECK(bands[9].mean(0) == Approx(4.0));
  CHECK(std::isnan(bands[5].mean(0)));
  CHECK(bands[3].low == Approx(0.3));
  CHECK(bands[3].high == Approx(0.4));
}

TEST_CASE("group_by_rank splits the ranked customers into groups as equal as they can be, highest first",
          "[customer_base][groups]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> expected = {5.0, 1.0, 3.0, nan, 4.0, 2.0, 2.0};
  const std::vector<double> alive = {0.9, 0.1, 0.5, 0.5, 0.7, 0.2, 0.4};
  const auto groups = cb::group_by_rank(expected, {std::span<const double>(expected), alive}, 4);
  REQUIRE(groups.size() == 4);
  // Six ranked customers in four groups: 2, 2, 1, 1.
  CHECK(groups[0].customers == 2);
  CHECK(groups[0].high == 5.0);
  CHECK(groups[0].low == 4.0);
  CHECK(groups[0].mean(1) == Approx(0.8));
  CHECK(groups[1].customers == 2);
  CHECK(groups[1].sums[0] == Approx(5.0));  // 3 and the first 2
  CHECK(groups[1].mean(1) == Approx(0.35));
  CHECK(groups[2].customers == 1);
  CHECK(groups[2].mean(1) == Approx(0.4));  // the second 2 keeps its place after the first
  CHECK(groups[3].low == 1.0);

  const auto sparse = cb::group_by_rank(std::vector<double>{1.0}, {}, 3);
  CHECK(sparse[0].customers == 1);
  CHECK(sparse[2].customers == 0);
  CHECK(std::isnan(sparse[2].low));
  CHECK_THROWS_AS(cb::group_by_rank(expected, {std::span<const double>(alive).first(2)}, 4),
                  std::invalid_argument);
  CHECK_THROWS_AS(cb::group_by_band(expected, {}, 0), std::invalid_argument);
}
