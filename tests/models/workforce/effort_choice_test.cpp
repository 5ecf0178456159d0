// Effort choice against the Holmström & Milgrom (1991) linear contract: closed forms and a simulated sweep.
#include "models/workforce/effort_choice.h"

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/monte_carlo_stats.h"
#include "models/random_streams.h"
#include "sim/core/random_stream.h"
#include "tests/common/effect_report.h"

using namespace salesim::models::workforce;

namespace {

/// Pay = beta x skill x e with variance beta^2 sigma2: the linear contract at salary 0.
PayOfEffort linear_pay(double beta, double sigma2, double skill = 1.0) {
  return {[=](double e) { return beta * skill * e; }, [=](double) { return beta * beta * sigma2; }};
}

std::vector<double> tenth_steps_to_one() {
  std::vector<double> grid;
  for (int k = 0; k <= 10; ++k) grid.push_back(k / 10.0);
  return grid;
}

}  // namespace

TEST_CASE("under a linear contract the rep chooses effort beta/c whatever the risk", "[workforce][oracle]") {
  struct Row {
    double beta, c, r, sigma2;
  };
  const std::vector<Row> table = {{0.0, 1.0, 2.0, 0.5},    {0.1, 1.0, 0.0, 1.0},   {0.5, 2.0, 2.0, 0.5},
                                  {0.9, 0.5, 5.0, 3.0},    {1.0, 0.25, 1.0, 10.0}, {0.3, 1.5, 0.5, 0.0},
                                  {2.0 / 3, 0.5, 1.0, 1.0}};
  for (const Row& row : table) {
    CAPTURE(row.beta, row.c, row.r, row.sigma2);
    const RepTraits rep{.skill = 1.0, .effort_cost = row.c, .risk_aversion = row.r, .outside_option = 0.0};
    const double effort = choose_effort(linear_pay(row.beta, row.sigma2), rep, 10.0);
    CHECK(effort == Approx(row.beta / row.c).margin(1e-6));
    CHECK(linear_contract_effort(row.beta, row.c) == Approx(row.beta / row.c));
  }
  const RepTraits skilled{.skill = 2.0, .effort_cost = 0.5, .risk_aversion = 1.0, .outside_option = 0.0};
  CHECK(choose_effort(linear_pay(0.4, 1.0, 2.0), skilled, 10.0) == Approx(1.6).margin(1e-6));
  CHECK(linear_contract_effort(0.4, 0.5, 2.0) == Approx(1.6));
}

TEST_CASE("certainty equivalent of normal pay is the mean less half of r times the variance",
          "[workforce][oracle]") {
  CHECK(certainty_equivalent(100.0, 40.0, 0.5) == Approx(90.0));
  CHECK(certainty_equivalent(100.0, 40.0, 0.0) == Approx(100.0));
  // Pay 2 + 0.5 e with variance 0.25 at e = 1, r = 2, c = 1: CE 2.25, utility 1.75.
  const PayOfEffort pay{[](double e) { return 2.0 + 0.5 * e; }, [](double) { return 0.25; }};
  CHECK(effort_utility(pay, {.skill = 1.0, .effort_cost = 1.0, .risk_aversion = 2.0, .outside_option = 0.0},
                       1.0) == Approx(1.75));
}

TEST_CASE("logit effort choice concentrates on the best effort as noise vanishes and spreads as it grows",
          "[workforce][oracle]") {
  const RepTraits rep{.skill = 1.0, .effort_cost = 1.0, .risk_aversion = 1.0, .outside_option = 0.0};
  const PayOfEffort pay = linear_pay(0.5, 1.0);  // best effort 0.5, grid index 5
  const std::vector<double> grid = tenth_steps_to_one();
  double previous_top = 1.0 + 1e-12;
  for (const double noise : {1e-4, 1e-2, 1e-1, 1.0, 1e4}) {
    CAPTURE(noise);
    const std::vector<double> p = logit_effort_probabilities(pay, rep, grid, noise);
    CHECK(std::accumulate(p.begin(), p.end(), 0.0) == Approx(1.0).margin(1e-12));
    CHECK(p[5] == Approx(*std::max_element(p.begin(), p.end())));
    CHECK(p[5] < previous_top);
    previous_top = p[5];
  }
  CHECK(logit_effort_probabilities(pay, rep, grid, 1e-4)[5] > 0.999);
  for (const double p : logit_effort_probabilities(pay, rep, grid, 1e4))
    CHECK(p == Approx(1.0 / 11).margin(1e-4));
  CHECK(sample_effort(grid, logit_effort_probabilities(pay, rep, grid, 1e-4), 0.3) == 0.5);

  // Evenly spaced uniforms pick each grid effort with its probability.
  const std::vector<double> p = logit_effort_probabilities(pay, rep, grid, 0.05);
  std::vector<double> frequency(grid.size(), 0.0);
  const int draws = 100'000;
  for (int k = 0; k < draws; ++k) {
    const double e = sample_effort(grid, p, (k + 0.5) / draws);
    frequency[static_cast<std::size_t>(e * 10.0 + 0.5)] += 1.0 / draws;
  }
  for (std::size_t k = 0; k < grid.size(); ++k) CHECK(frequency[k] == Approx(p[k]).margin(1e-4));
  CHECK_THROWS_AS(logit_effort_probabilities(pay, rep, grid, 0.0), std::invalid_argument);
}

TEST_CASE("A sweep over beta finds the simulated optimum within 5% of beta* = 1/(1 + r sigma^2 c)",
          "[workforce][oracle]") {
  struct Case {
    double r, sigma2, c;
  };
  for (const Case& params : {Case{2.0, 0.5, 1.0}, Case{1.0, 1.0, 0.5}}) {
    CAPTURE(params.r, params.sigma2, params.c);
    const LinearContractMarket market{
        .rep = {.skill = 1.0, .effort_cost = params.c, .risk_aversion = params.r, .outside_option = 0.2},
        .output_variance = params.sigma2,
        .reps = 2'000,
        .periods = 50,
        .max_effort = 5.0};
    // One stream for every beta: common random numbers.
    const salesim::sim::core::RandomStream draws({.seed = 20240611, .design_point = 0, .replication = 0},
                                                 salesim::models::streams::workforce);
    double best_beta = 0.0;
    LinearContractOutcome best{.mean_profit = -1e300};
    for (int k = 1; k <= 50; ++k) {
      const double beta = 0.02 * k;
      LinearContractOutcome outcome = simulate_linear_contract(beta, market, draws);
      if (outcome.mean_profit > best.mean_profit) best_beta = beta, best = std::move(outcome);
    }
    const double beta_star = optimal_commission_rate(params.r, params.sigma2, params.c);
    std::cout << "[effect] simulated profit-maximising commission rate (r = " << params.r
              << ", sigma2 = " << params.sigma2 << ", c = " << params.c << "): " << best_beta
              << " vs beta* = " << beta_star << " (relative gap " << (best_beta - beta_star) / beta_star
              << ")\n";
    const auto stats = salesim::analysis::summarize_replications(best.profit_per_rep);
    salesim::tests::report_effect(
        "firm profit per rep-period at the simulated optimum (oracle " +
            std::to_string(linear_contract_profit(best_beta, market.rep, params.sigma2)) + ")",
        stats);
    CHECK(best_beta == Approx(beta_star).epsilon(0.05));
    CHECK(best.effort == Approx(linear_contract_effort(best_beta, params.c)).margin(1e-6));
    CHECK(stats.ci_low <= linear_contract_profit(best_beta, market.rep, params.sigma2));
    CHECK(stats.ci_high >= linear_contract_profit(best_beta, market.rep, params.sigma2));
  }
}
