// The metric core on hand-computed cases: NPS, closed-form CLV, Monte Carlo statistics.
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/clv.h"
#include "analysis/monte_carlo_stats.h"
#include "analysis/nps.h"
#include "models/customer/customer_response.h"

using namespace salesim::analysis;

TEST_CASE("NPS is exact on a known answer distribution", "[analysis][nps]") {
  NpsCounts counts;
  // 0-10 answers: 20 detractors (0-6), 30 passives (7-8), 50 promoters (9-10).
  for (int i = 0; i < 20; ++i) counts.add(i % 7);
  for (int i = 0; i < 30; ++i) counts.add(7 + i % 2);
  for (int i = 0; i < 50; ++i) counts.add(9 + i % 2);
  CHECK(counts.detractors == 20);
  CHECK(counts.passives == 30);
  CHECK(counts.promoters == 50);
  CHECK(net_promoter_score(counts) == 30.0);
  CHECK(net_promoter_score({0, 0, 4}) == -100.0);
  CHECK(net_promoter_score({3, 1, 0}) == 75.0);
  CHECK(std::isnan(net_promoter_score({})));
}

TEST_CASE("recommend answers round latent satisfaction half up at the class edges", "[analysis][nps]") {
  using salesim::models::customer::recommend_answer;
  CHECK(recommend_answer(6.49f) == 6);
  CHECK(recommend_answer(6.5f) == 7);
  CHECK(recommend_answer(8.49f) == 8);
  CHECK(recommend_answer(8.5f) == 9);
  CHECK(recommend_answer(-1.0f) == 0);
  CHECK(recommend_answer(10.4f) == 10);
}

TEST_CASE("closed-form CLV matches hand values and a direct sum", "[analysis][clv]") {
  // m r / (1 + d - r) with m = 100, r = 0.8, d = 0.1: 80 / 0.3.
  CHECK(clv_constant_retention(100, 0.8, 0.1) == Approx(266.6666666667));
  // Three periods: 100 (0.8/1.1 + (0.8/1.1)^2 + (0.8/1.1)^3).
  const double q = 0.8 / 1.1;
  CHECK(clv_constant_retention_finite(100, 0.8, 0.1, 3) ==
        Approx(100 * (q + q * q + q * q * q)).epsilon(1e-12));
  double direct = 0.0;
  for (int k = 1; k <= 500; ++k)
    direct += 100 * std::pow(0.8, k) * discount_factor(0.1, static_cast<std::uint32_t>(k));
  CHECK(clv_constant_retention_finite(100, 0.8, 0.1, 500) == Approx(direct).epsilon(1e-12));
  CHECK(clv_constant_retention_finite(100, 0.8, 0.1, 500) ==
        Approx(clv_constant_retention(100, 0.8, 0.1)).epsilon(1e-12));
  CHECK(clv_constant_retention_finite(10, 1.0, 0.0, 7) == 70.0);
  CHECK(discount_factor(0.1, 2) == Approx(1 / 1.21));
}

TEST_CASE("Monte Carlo summaries use the Student-t interval", "[analysis][stats]") {
  const std::vector<double> values = {1, 2, 3, 4, 5};
  const auto s = summarize_replications(values);
  CHECK(s.n == 5);
  CHECK(s.mean == 3.0);
  CHECK(s.sd == Approx(std::sqrt(2.5)));
  const double half = 2.7764451051977987 * std::sqrt(2.5) / std::sqrt(5.0);  // t(0.975, 4)
  CHECK(s.ci_low == Approx(3.0 - half).epsilon(1e-12));
  CHECK(s.ci_high == Approx(3.0 + half).epsilon(1e-12));

  const std::vector<double> with_gaps = {1, NAN, 3, INFINITY};
  CHECK(summarize_replications(with_gaps).n == 2);
  const std::vector<double> single = {7};
  const auto one = summarize_replications(single);
  CHECK(one.sd == 0.0);
  CHECK(one.ci_low == 7.0);
  CHECK(std::isnan(summarize_replications(std::vector<double>{}).mean));
}

TEST_CASE("quantiles follow the type-7 rule", "[analysis][stats]") {
  const std::vector<double> values = {4, 1, 3, 2, 5};
  const std::vector<double> probabilities = {0.0, 0.25, 0.5, 0.9, 1.0};
  const auto q = quantiles(values, probabilities);
  CHECK(q == std::vector<double>{1.0, 2.0, 3.0, 4.6, 5.0});
  CHECK_THROWS_AS(quantiles(values, std::vector<double>{1.5}), std::invalid_argument);
}
