// The metric core on hand-computed cases: NPS, closed-form CLV, Monte Carlo statistics.
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/balanced_scorecard.h"
#include "analysis/clv.h"
#include "analysis/markov_clv.h"
#include "analysis/measurement_bias.h"
#include "analysis/monte_carlo_stats.h"
#include "analysis/nps.h"
#include "analysis/whale_curve.h"
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

TEST_CASE("Markov-chain CLV equals the closed form under constant retention", "[analysis][clv][markov]") {
  for (const double retention : {0.5, 0.8, 0.95, 0.99}) {
    for (const double d : {0.0, 0.008, 0.1}) {
      const Eigen::Vector2d rewards(120.0, 0.0);
      const auto later = markov_clv(retention_chain(retention), rewards, d, RewardTiming::after_first_period);
      const auto at_once = markov_clv(retention_chain(retention), rewards, d, RewardTiming::at_once);
      CHECK(std::abs(later(0) - clv_constant_retention(120.0, retention, d)) < 1e-9);
      CHECK(std::abs(at_once(0) - 120.0 * (1 + d) / (1 + d - retention)) < 1e-9);
      CHECK(std::abs(later(1)) < 1e-12);  // the lost state is worth nothing
    }
  }
  CHECK_THROWS_AS(
      markov_clv(Eigen::MatrixXd::Identity(2, 3), Eigen::Vector2d(1, 0), 0.1, RewardTiming::at_once),
      std::invalid_argument);
}

TEST_CASE("Markov-chain CLV of a recency chain matches a hand computation", "[analysis][clv][markov]") {
  // Pfeifer & Carraway's recency states: bought this period, 1 period ago, lost.
  Eigen::Matrix3d chain;
  chain << 0.6, 0.4, 0.0,  //
      0.3, 0.0, 0.7,       //
      0.0, 0.0, 1.0;
  const Eigen::Vector3d rewards(50.0, -5.0, 0.0);
  const auto v = markov_clv(chain, rewards, 0.0, RewardTiming::at_once);
  // V0 = 50 + 0.6 V0 + 0.4 V1, V1 = -5 + 0.3 V0: V0 = 48 / 0.28, V1 = -5 + 0.3 V0.
  CHECK(v(0) == Approx(48.0 / 0.28).epsilon(1e-12));
  CHECK(v(1) == Approx(-5.0 + 0.3 * 48.0 / 0.28).epsilon(1e-12));
}

TEST_CASE("the whale curve ranks customers and finds the top fifth's share", "[analysis][whale]") {
  // Ten customers: profits 50, 30, 20, 10, 5, 0, -5, -10, 0, 0 sum to 100.
  const std::vector<double> profit = {0, 10, -5, 50, 0, 20, -10, 30, 5, 0};
  const auto curve = whale_curve(profit);
  REQUIRE(curve.cumulative_share.size() == 10);
  CHECK(curve.top_20_percent_share == Approx(0.8));  // 50 + 30 of 100
  CHECK(curve.peak_share == Approx(1.15));           // before the loss makers: 115 of 100
  CHECK(curve.cumulative_share.back() == Approx(1.0));
  CHECK(whale_curve(std::vector<double>{}).cumulative_share.empty());
}

TEST_CASE("a Balanced Scorecard scores weighted attainment per perspective", "[analysis][scorecard]") {
  using salesim::models::Perspective;
  const std::vector<salesim::models::ScorecardKpi> kpis = {
      {Perspective::financial, "profit", 1000.0, 0.4, true},               // 800 / 1000 -> 0.8 x 40 = 32
      {Perspective::customer, "true_nps", 20.0, 0.3, true},                // 30 / 20 capped at 1 -> 30
      {Perspective::internal_process, "cost_to_serve", 10.0, 0.2, false},  // 10 / 12.5 = 0.8 -> 16
      {Perspective::learning_growth, "referrals_made", 50.0, 0.1, true},   // NaN earns nothing -> 0
  };
  const auto score = score_scorecard(kpis, [](const std::string& metric) {
    if (metric == "profit") return 800.0;
    if (metric == "true_nps") return 30.0;
    if (metric == "cost_to_serve") return 12.5;
    return std::nan("");
  });
  CHECK(score.by_perspective[0] == Approx(32.0));
  CHECK(score.by_perspective[1] == Approx(30.0));
  CHECK(score.by_perspective[2] == Approx(16.0));
  CHECK(score.by_perspective[3] == 0.0);
  CHECK(score.total == Approx(78.0));
  // A negative value never earns credit toward a positive target.
  const auto negative = score_scorecard({kpis[1]}, [](const std::string&) { return -5.0; });
  CHECK(negative.total == 0.0);
}

TEST_CASE("classify_answers counts promoters, passives and detractors exactly", "[analysis][nps]") {
  const std::vector<int> answers = {10, 9, 8, 7, 6, 0, 9};
  const NpsCounts counts = classify_answers(answers);
  CHECK(counts.promoters == 3);
  CHECK(counts.passives == 2);
  CHECK(counts.detractors == 2);
  CHECK(counts.total() == 7);
  CHECK(net_promoter_score(counts) == Approx(100.0 * (3 - 2) / 7.0).epsilon(1e-15));

  // Every class edge lands in its class.
  const NpsCounts edges = classify_answers(std::vector<int>{0, 6, 7, 8, 9, 10});
  CHECK(edges.detractors == 2);
  CHECK(edges.passives == 2);
  CHECK(edges.promoters == 2);

  const NpsCounts none = classify_answers(std::vector<int>{});
  CHECK(none.total() == 0);
  CHECK(std::isnan(net_promoter_score(none)));
}

TEST_CASE("classify_answers rejects answers outside 0..10", "[analysis][nps]") {
  CHECK_THROWS_AS(classify_answers(std::vector<int>{-1}), std::invalid_argument);
  CHECK_THROWS_AS(classify_answers(std::vector<int>{11}), std::invalid_argument);
  // A bad answer after good ones still throws rather than being counted or skipped.
  CHECK_THROWS_AS(classify_answers(std::vector<int>{9, 10, 0, 11}), std::invalid_argument);
  CHECK_THROWS_AS(classify_answers(std::vector<int>{5, -1, 7}), std::invalid_argument);
  CHECK_NOTHROW(classify_answers(std::vector<int>{0, 10}));
}

TEST_CASE("nps_answer_from_satisfaction rounds half up and clamps to 0..10", "[analysis][nps]") {
  CHECK(nps_answer_from_satisfaction(6.5) == 7);
  CHECK(nps_answer_from_satisfaction(6.49) == 6);
  CHECK(nps_answer_from_satisfaction(8.5) == 9);
  CHECK(nps_answer_from_satisfaction(8.49) == 8);
  CHECK(nps_answer_from_satisfaction(0.0) == 0);
  CHECK(nps_answer_from_satisfaction(10.0) == 10);
  CHECK(nps_answer_from_satisfaction(-3.0) == 0);
  CHECK(nps_answer_from_satisfaction(12.0) == 10);
  CHECK(nps_answer_from_satisfaction(1e300) == 10);
  CHECK(nps_answer_from_satisfaction(-1e300) == 0);
  CHECK(nps_answer_from_satisfaction(std::numeric_limits<double>::infinity()) == 10);
  CHECK(nps_answer_from_satisfaction(-std::numeric_limits<double>::infinity()) == 0);
}

TEST_CASE("nps_answer_from_satisfaction gives the world's recommend_answer on the scale", "[analysis][nps]") {
  using salesim::models::customer::recommend_answer;
  for (int i = -20; i <= 120; ++i) {
    const float s = static_cast<float>(i) / 10.0f + 0.05f;
    CAPTURE(s);
    CHECK(nps_answer_from_satisfaction(static_cast<double>(s)) == recommend_answer(s));
  }
}

TEST_CASE("nps_answer_from_satisfaction rejects NaN satisfaction", "[analysis][nps]") {
  CHECK_THROWS_AS(nps_answer_from_satisfaction(std::numeric_limits<double>::quiet_NaN()),
                  std::invalid_argument);
}

TEST_CASE("discount_factor rejects rates that are not finite or not above -1", "[analysis][clv]") {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  constexpr double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(discount_factor(-1.0, 3), std::invalid_argument);
  CHECK_THROWS_AS(discount_factor(-2.0, 3), std::invalid_argument);
  CHECK_THROWS_AS(discount_factor(nan, 3), std::invalid_argument);
  CHECK_THROWS_AS(discount_factor(inf, 3), std::invalid_argument);
  CHECK_THROWS_AS(discount_factor(-inf, 3), std::invalid_argument);
  CHECK(discount_factor(-0.5, 1) == 2.0);  // just above -1 is a valid (negative) rate
  CHECK(discount_factor(0.1, 0) == 1.0);
}

TEST_CASE("CLV functions reject retention outside [0, 1]", "[analysis][clv]") {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  for (const double retention : {nan, -0.1, -1e-300, 1.1, 1.0 + 1e-15}) {
    CAPTURE(retention);
    CHECK_THROWS_AS(clv_constant_retention(100.0, retention, 0.1), std::invalid_argument);
    CHECK_THROWS_AS(clv_constant_retention_finite(100.0, retention, 0.1, 10), std::invalid_argument);
  }
  // The ends of [0, 1] are valid.
  CHECK(clv_constant_retention(100.0, 0.0, 0.1) == 0.0);
  CHECK(clv_constant_retention_finite(100.0, 0.0, 0.1, 10) == 0.0);
  CHECK(clv_constant_retention(100.0, 1.0, 0.25) == Approx(400.0).epsilon(1e-15));
}

TEST_CASE("CLV functions reject rates that are not finite or not above -1", "[analysis][clv]") {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  constexpr double inf = std::numeric_limits<double>::infinity();
  for (const double rate : {-1.0, -1.5, nan, inf, -inf}) {
    CAPTURE(rate);
    CHECK_THROWS_AS(clv_constant_retention(100.0, 0.8, rate), std::invalid_argument);
    CHECK_THROWS_AS(clv_constant_retention_finite(100.0, 0.8, rate, 10), std::invalid_argument);
  }
}

TEST_CASE("infinite-horizon CLV rejects a divergent sum with retention at or above 1 + d",
          "[analysis][clv]") {
  CHECK_THROWS_AS(clv_constant_retention(100.0, 1.0, 0.0), std::invalid_argument);   // r = 1 + d
  CHECK_THROWS_AS(clv_constant_retention(100.0, 0.5, -0.5), std::invalid_argument);  // r = 1 + d, d < 0
  CHECK_THROWS_AS(clv_constant_retention(100.0, 1.0, -0.1), std::invalid_argument);  // r > 1 + d
  CHECK_THROWS_AS(clv_constant_retention(100.0, 0.9, -0.2), std::invalid_argument);  // r > 1 + d
  // Just below 1 + d converges.
  CHECK(clv_constant_retention(1.0, 0.5, -0.4) == Approx(0.5 / 0.1).epsilon(1e-12));
}

TEST_CASE("finite-horizon CLV is zero for zero periods", "[analysis][clv]") {
  CHECK(clv_constant_retention_finite(100.0, 0.8, 0.1, 0) == 0.0);
  CHECK(clv_constant_retention_finite(100.0, 1.0, 0.0, 0) == 0.0);
  CHECK(clv_constant_retention_finite(100.0, 1.0, -0.1, 0) == 0.0);
}

TEST_CASE("finite-horizon CLV is m N with full retention and no discount", "[analysis][clv]") {
  for (const std::uint32_t periods : {1u, 2u, 7u, 1000u, 1000000u}) {
    CAPTURE(periods);
    CHECK(clv_constant_retention_finite(12.5, 1.0, 0.0, periods) == 12.5 * static_cast<double>(periods));
  }
  // No divergence check over a finite horizon: q = r / (1 + d) > 1 is a plain finite sum.
  const double q = 1.0 / 0.9;
  CHECK(clv_constant_retention_finite(1.0, 1.0, -0.1, 3) == Approx(q + q * q + q * q * q).epsilon(1e-12));
}

TEST_CASE("finite-horizon CLV stays accurate for retention a hair below 1", "[analysis][clv]") {
  const double margin = 3.0;
  const std::uint32_t periods = 1000;
  for (const double gap : {1e-12, 1e-10, 1e-14, 1e-8}) {
    const double retention = 1.0 - gap;
    CAPTURE(gap);
    // Direct summation of sum_{k=1..N} q^k (q = r with d = 0) in extended precision.
    long double term = 1.0L;
    long double direct = 0.0L;
    for (std::uint32_t k = 1; k <= periods; ++k) {
      term *= static_cast<long double>(retention);
      direct += term;
    }
    const double expected = static_cast<double>(static_cast<long double>(margin) * direct);
    const double got = clv_constant_retention_finite(margin, retention, 0.0, periods);
    CHECK(std::abs(got - expected) <= 1e-12 * expected);
    CHECK(got < margin * periods);  // strictly below the q = 1 value
  }
}

TEST_CASE("finite-horizon CLV converges to the infinite-horizon value", "[analysis][clv]") {
  for (const double retention : {0.5, 0.9, 0.99}) {
    for (const double d : {0.01, 0.1}) {
      CAPTURE(retention, d);
      const double infinite = clv_constant_retention(50.0, retention, d);
      CHECK(clv_constant_retention_finite(50.0, retention, d, 100000) == Approx(infinite).epsilon(1e-12));
      // Partial sums of positive terms climb toward the limit from below.
      const double at_10 = clv_constant_retention_finite(50.0, retention, d, 10);
      const double at_100 = clv_constant_retention_finite(50.0, retention, d, 100);
      CHECK(at_10 < at_100);
      CHECK(at_100 <= infinite);
    }
  }
}

TEST_CASE("summarize_replications rejects a confidence level outside (0, 1)", "[analysis][stats]") {
  const std::vector<double> values = {1, 2, 3, 4, 5};
  for (const double confidence : {0.0, 1.0, std::numeric_limits<double>::quiet_NaN(), -0.5, 1.5}) {
    CAPTURE(confidence);
    CHECK_THROWS_AS(summarize_replications(values, confidence), std::invalid_argument);
    CHECK_THROWS_AS(summarize_replications(std::vector<double>{}, confidence), std::invalid_argument);
  }
  // A valid level other than the default gives a narrower interval for a lower level.
  const auto at_90 = summarize_replications(values, 0.9);
  const auto at_95 = summarize_replications(values, 0.95);
  CHECK(at_90.ci_high - at_90.ci_low < at_95.ci_high - at_95.ci_low);
  CHECK(at_90.ci_high == Approx(3.0 + 2.1318467863266499 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-12));
}

TEST_CASE("the bias table pairs each measured KPI with its truth, replication by replication",
          "[analysis][bias]") {
  // Surveyed NPS reads 2, 3 and 4 points above the truth; every other KPI is absent (NaN), as in
  // a run without a workforce or partners.
  const std::vector<double> absent(3, std::numeric_limits<double>::quiet_NaN());
  const std::map<std::string, std::vector<double>> runs = {{"surveyed_nps", {12.0, 23.0, 34.0}},
                                                           {"true_nps", {10.0, 20.0, 30.0}}};
  const auto rows = salesim::analysis::measurement_bias([&](const std::string& metric) {
    const auto found = runs.find(metric);
    return found == runs.end() ? absent : found->second;
  });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].pair.measured == "surveyed_nps");
  CHECK(rows[0].measured.mean == Approx(23.0));
  CHECK(rows[0].truth.mean == Approx(20.0));
  CHECK(rows[0].bias.paired.mean == Approx(3.0));  // (2 + 3 + 4) / 3
  CHECK(rows[0].bias.paired.sd == Approx(1.0));
  // 3 +- t(0.975, 2) x 1 / sqrt(3) = 3 +- 2.484: the interval leaves 0 out.
  CHECK(rows[0].bias.paired.ci_low == Approx(3.0 - 4.302652729749464 / std::sqrt(3.0)));
  CHECK(rows[0].bias.significant);
}
