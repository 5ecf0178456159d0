// BG/NBD, Pareto/NBD and Gamma-Gamma fits against the published CDNOW estimates, their predictions
// against independent quadratures, and the residual value sums.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/beta.hpp>

#include "analysis/clv.h"
#include "analysis/customer_base/bg_nbd.h"
#include "analysis/customer_base/gamma_gamma.h"
#include "analysis/customer_base/pareto_nbd.h"
#include "analysis/customer_base/residual_value.h"
#include "tests/common/cdnow_summary.h"

using namespace salesim::analysis::customer_base;

namespace {

/// The CDNOW calibration summary, read once.
const std::vector<CustomerHistory>& cdnow_summary() {
  static const std::vector<CustomerHistory> histories = salesim::tests::cdnow_summary_histories();
  return histories;
}

void print_fit(const FitResult& fit) {
  std::printf("%s on %zu customers: LL = %.4f, %d evaluations, %s\n", fit.model.c_str(), fit.customers,
              fit.log_likelihood, fit.evaluations, fit.message.c_str());
  for (const auto& parameter : fit.parameters)
    std::printf("  %-6s = %10.6f  (SE %.6f)\n", parameter.name.c_str(), parameter.value,
                parameter.standard_error);
}

void check_standard_errors_are_finite_and_positive(const FitResult& fit) {
  for (const auto& parameter : fit.parameters) {
    INFO(parameter.name);
    CHECK(std::isfinite(parameter.standard_error));
    CHECK(parameter.standard_error > 0.0);
  }
}

const BgNbdFit& cdnow_bg_nbd() {
  static const BgNbdFit fit = fit_bg_nbd(cdnow_summary());
  return fit;
}

/// log of the Gamma(shape, rate) density.
double log_gamma_density(double value, double shape, double rate) {
  return shape * std::log(rate) + (shape - 1.0) * std::log(value) - rate * value - std::lgamma(shape);
}

/// A quadrature integrand from its log, 0 where quadrature nodes underflow to the ends of (0, inf).
double integrand_from_log(double value, double log_integrand) {
  return value > 0.0 && std::isfinite(value) ? std::exp(log_integrand) : 0.0;
}

/// Pareto/NBD likelihood by integrating the individual likelihood (Schmittlein, Morrison & Colombo 1987)
///   L(lambda, mu) = lambda^x mu/(lambda+mu) e^-(lambda+mu) t_x + lambda^(x+1)/(lambda+mu) e^-(lambda+mu) T
/// over the two gamma mixing distributions: no 2F1 involved.
double pareto_nbd_likelihood_by_quadrature(const ParetoNbdParameters& p, const CustomerHistory& h) {
  boost::math::quadrature::exp_sinh<double> integrator;
  const double infinity = std::numeric_limits<double>::infinity();
  auto over_mu = [&](double lambda) {
    return integrator.integrate(
        [&](double mu) {
          const double log_total = std::log(lambda + mu);
          const double died =
              h.frequency * std::log(lambda) + std::log(mu) - log_total - (lambda + mu) * h.recency;
          const double alive = (h.frequency + 1.0) * std::log(lambda) - log_total - (lambda + mu) * h.age;
          const double log_mixing =
              log_gamma_density(mu, p.s, p.beta) + log_gamma_density(lambda, p.r, p.alpha);
          return integrand_from_log(mu, died + log_mixing) + integrand_from_log(mu, alive + log_mixing);
        },
        0.0, infinity, 1e-12);
  };
  return integrator.integrate([&](double lambda) { return lambda > 0.0 ? over_mu(lambda) : 0.0; }, 0.0,
                              infinity, 1e-10);
}

}  // namespace

TEST_CASE("BG/NBD fit of the CDNOW sample reproduces Fader Hardie and Lee 2005", "[customer_base][bg_nbd]") {
  const BgNbdFit& fit = cdnow_bg_nbd();
  print_fit(fit.result);
  REQUIRE(fit.result.converged);
  CHECK(fit.result.customers == 2357);
  // FHL 2005: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4.
  CHECK(fit.parameters.r == Approx(0.243).epsilon(0).margin(5e-4));
  CHECK(fit.parameters.alpha == Approx(4.414).epsilon(0).margin(5e-4));
  CHECK(fit.parameters.a == Approx(0.793).epsilon(0).margin(5e-4));
  CHECK(fit.parameters.b == Approx(2.426).epsilon(0).margin(5e-4));
  CHECK(fit.result.log_likelihood == Approx(-9582.4).epsilon(0).margin(0.05));
  // lifetimes' BetaGeoFitter on the same file: r = 0.242593, alpha = 4.413597, a = 0.792919, b = 2.425873,
  // which this fit matches to 2e-4 with a likelihood at least as high (lifetimes stops a little earlier).
  const BgNbdParameters lifetimes{0.242593, 4.413597, 0.792919, 2.425873};
  CHECK(fit.parameters.r == Approx(lifetimes.r).epsilon(0).margin(2e-4));
  CHECK(fit.parameters.alpha == Approx(lifetimes.alpha).epsilon(0).margin(2e-4));
  CHECK(fit.parameters.a == Approx(lifetimes.a).epsilon(0).margin(2e-4));
  CHECK(fit.parameters.b == Approx(lifetimes.b).epsilon(0).margin(2e-4));
  double at_lifetimes = 0.0;
  for (const auto& history : cdnow_summary()) at_lifetimes += log_likelihood(lifetimes, history);
  CHECK(fit.result.log_likelihood >= at_lifetimes - 1e-9);
  check_standard_errors_are_finite_and_positive(fit.result);
  CHECK(fit.result.parameter("alpha").value == fit.parameters.alpha);
}

TEST_CASE("BG/NBD conditional expectation matches the Hardie spreadsheet value", "[customer_base][bg_nbd]") {
  const BgNbdParameters& p = cdnow_bg_nbd().parameters;
  // lifetimes' test of the same quantity: x = 2, t_x = 30.43, T = 38.86, t = 39 gives 1.226.
  const double expected = conditional_expected_transactions(p, {2.0, 30.43, 38.86, 0.0}, 39.0);
  std::printf("BG/NBD E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = %.6f\n", expected);
  CHECK(expected == Approx(1.226).epsilon(0).margin(5e-4));
  CHECK(conditional_expected_transactions(p, {2.0, 30.43, 38.86, 0.0}, 0.0) == 0.0);
}

TEST_CASE("BG/NBD customers without repeat purchases are alive for sure", "[customer_base][bg_nbd]") {
  const BgNbdParameters& p = cdnow_bg_nbd().parameters;
  CHECK(probability_alive(p, {0.0, 0.0, 38.86, 0.0}) == 1.0);
  CHECK(probability_alive(p, {0.0, 0.0, 1000.0, 0.0}) == 1.0);
  // A frequent buyer silent for a long time is probably gone; one who just bought is probably not.
  CHECK(probability_alive(p, {10.0, 5.0, 38.86, 0.0}) < 0.05);
  CHECK(probability_alive(p, {10.0, 38.5, 38.86, 0.0}) > 0.9);
}

/// E[X(t)] of BG/NBD by quadrature. FHL 2005: E[X(t) | lambda, p] = (1 - e^(-lambda p t)) / p; the
/// Gamma(r, alpha) mixture over lambda gives (1 - (alpha/(alpha + p t))^r) / p, then a Beta(a, b)
/// mixture over the dropout probability p.
double expected_transactions_by_quadrature(const BgNbdParameters& p, double t) {
  boost::math::quadrature::tanh_sinh<double> integrator;
  return integrator.integrate(
             [&](double dropout) {
               const double purchases = -std::expm1(-p.r * std::log1p(dropout * t / p.alpha)) / dropout;
               return purchases * std::pow(dropout, p.a - 1.0) * std::pow(1.0 - dropout, p.b - 1.0);
             },
             0.0, 1.0) /
         boost::math::beta(p.a, p.b);
}

TEST_CASE("BG/NBD unconditional expectation equals a quadrature over the dropout probability",
          "[customer_base][bg_nbd]") {
  const BgNbdParameters& p = cdnow_bg_nbd().parameters;
  for (const double t : {1.0, 39.0, 78.0}) {
    INFO("t = " << t);
    CHECK(expected_transactions(p, t) == Approx(expected_transactions_by_quadrature(p, t)).epsilon(1e-9));
  }
  // A new customer's conditional expectation is the unconditional one.
  CHECK(conditional_expected_transactions(p, {0.0, 0.0, 0.0, 0.0}, 39.0) ==
        Approx(expected_transactions(p, 39.0)).epsilon(1e-14));
}

TEST_CASE("BG/NBD expectations at a equal to 1 are the limit of their neighbours",
          "[customer_base][bg_nbd]") {
  const CustomerHistory history{3.0, 20.0, 38.0, 0.0};
  const auto at = [&](double a) {
    return conditional_expected_transactions(BgNbdParameters{0.4, 5.0, a, 2.0}, history, 39.0);
  };
  CHECK(at(1.0) == Approx(0.5 * (at(1.0 + 1e-5) + at(1.0 - 1e-5))).epsilon(1e-8));
  CHECK(expected_transactions(BgNbdParameters{0.4, 5.0, 1.0, 2.0}, 39.0) ==
        Approx(0.5 * (expected_transactions(BgNbdParameters{0.4, 5.0, 1.0 + 1e-5, 2.0}, 39.0) +
                      expected_transactions(BgNbdParameters{0.4, 5.0, 1.0 - 1e-5, 2.0}, 39.0)))
            .epsilon(1e-8));
}

TEST_CASE("BG/NBD predictions stay finite for very frequent buyers", "[customer_base][bg_nbd]") {
  const BgNbdParameters& p = cdnow_bg_nbd().parameters;
  const CustomerHistory heavy{5000.0, 999.0, 1000.0, 0.0};
  CHECK(std::isfinite(log_likelihood(p, heavy)));
  const double expected = conditional_expected_transactions(p, heavy, 10.0);
  // Buying at about (r + x) / (alpha + T) per week if alive; dropout within 10 weeks is rare.
  const double alive = probability_alive(p, heavy);
  CHECK(alive > 0.9);
  CHECK(expected == Approx(10.0 * (p.r + 5000.0) / (p.alpha + 1000.0) * alive).epsilon(0.01));
}

TEST_CASE("BG/NBD predictions stay finite when a is far above r + x", "[customer_base][bg_nbd]") {
  // A Beta(a, b) dropout with a in the thousands (the fit of a two-customer summary reaches a = 3009):
  // the transformed series grew like (1 - z)^-(a - 1) and overflowed.
  const BgNbdParameters steep{0.5, 5.0, 2000.0, 1.0};
  for (const double t : {1.0, 39.0}) {
    INFO("t = " << t);
    CHECK(expected_transactions(steep, t) ==
          Approx(expected_transactions_by_quadrature(steep, t)).epsilon(1e-8));
  }
  const BgNbdParameters two_customers{8.03, 54.18, 3008.78, 0.0003};
  const double expected = conditional_expected_transactions(two_customers, {1.0, 2.0, 3.0, 0.0}, 52.0);
  CHECK(std::isfinite(expected));
  CHECK(expected >= 0.0);
  // Either side of a - 1 = r + x, where the form switches, the expectation is continuous.
  const CustomerHistory history{2.0, 20.0, 38.0, 0.0};
  const auto at = [&](double a) {
    return conditional_expected_transactions(BgNbdParameters{0.5, 5.0, a, 2.0}, history, 39.0);
  };
  CHECK(at(3.5 + 1e-9) == Approx(at(3.5 - 1e-9)).epsilon(1e-8));
}

TEST_CASE("Gamma-Gamma fit of CDNOW repeat buyers reproduces Hardie note 025",
          "[customer_base][gamma_gamma]") {
  const GammaGammaFit fit = fit_gamma_gamma(cdnow_summary());
  print_fit(fit.result);
  REQUIRE(fit.result.converged);
  CHECK(fit.result.customers == 946);
  // Note 025: p = 6.25, q = 3.74, gamma = 15.44; lifetimes: 6.2502, 3.7451, 15.4476.
  CHECK(fit.parameters.p == Approx(6.25).epsilon(0).margin(5e-3));
  CHECK(fit.parameters.q == Approx(3.74).epsilon(0).margin(5e-3));
  // 15.4477 here and 15.4476 in lifetimes: the note's 15.44 is 0.008 lower (truncated, or from its
  // transaction-level data).
  CHECK(fit.parameters.gamma == Approx(15.44).epsilon(0).margin(1e-2));
  // lifetimes stops short of the optimum along the flat p direction: check we are at least as likely.
  const GammaGammaParameters lifetimes{6.2502, 3.7451, 15.4476};
  CHECK(fit.parameters.p == Approx(lifetimes.p).epsilon(0).margin(2e-3));
  CHECK(fit.parameters.q == Approx(lifetimes.q).epsilon(0).margin(1e-3));
  CHECK(fit.parameters.gamma == Approx(lifetimes.gamma).epsilon(0).margin(1e-3));
  double at_lifetimes = 0.0;
  for (const auto& history : cdnow_summary())
    if (history.frequency > 0.0) at_lifetimes += log_likelihood(lifetimes, history);
  CHECK(fit.result.log_likelihood >= at_lifetimes);
  check_standard_errors_are_finite_and_positive(fit.result);

  // The posterior mean spend shrinks a customer's mean towards the population mean p gamma / (q - 1).
  const GammaGammaParameters& p = fit.parameters;
  const double population_mean = p.p * p.gamma / (p.q - 1.0);
  CHECK(conditional_expected_spend(p, {0.0, 0.0, 38.0, 0.0}) == Approx(population_mean).epsilon(1e-14));
  const double spend = conditional_expected_spend(p, {2.0, 30.43, 38.86, 22.35});
  CHECK(spend == Approx(p.p * (p.gamma + 2.0 * 22.35) / (2.0 * p.p + p.q - 1.0)).epsilon(1e-14));
  CHECK(spend > 22.35);
  CHECK(spend < population_mean);
}

TEST_CASE("Pareto/NBD likelihood equals a quadrature over purchase and dropout rates",
          "[customer_base][pareto_nbd]") {
  // One parameter set per 2F1 representation (alpha > beta and beta > alpha) and the alpha = beta case.
  for (const ParetoNbdParameters p :
       {ParetoNbdParameters{1.3, 10.0, 1.6, 4.0}, ParetoNbdParameters{1.3, 4.0, 1.6, 10.0},
        ParetoNbdParameters{1.3, 6.0, 1.6, 6.0}}) {
    for (const CustomerHistory h :
         {CustomerHistory{3.0, 20.0, 38.0, 0.0}, CustomerHistory{0.0, 0.0, 30.0, 0.0},
          CustomerHistory{2.0, 30.0, 30.0, 0.0}}) {
      INFO("alpha = " << p.alpha << ", beta = " << p.beta << ", x = " << h.frequency
                      << ", t_x = " << h.recency);
      CHECK(log_likelihood(p, h) ==
            Approx(std::log(pareto_nbd_likelihood_by_quadrature(p, h))).epsilon(1e-8));
    }
  }
}

TEST_CASE("Pareto/NBD fit of the CDNOW sample reproduces Hardie note 008", "[customer_base][pareto_nbd]") {
  const ParetoNbdFit fit = fit_pareto_nbd(cdnow_summary());
  print_fit(fit.result);
  REQUIRE(fit.result.converged);
  // Note 008: r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9594.98.
  CHECK(fit.parameters.r == Approx(0.553).epsilon(0).margin(5e-4));
  CHECK(fit.parameters.alpha == Approx(10.578).epsilon(0).margin(5e-4));
  CHECK(fit.parameters.s == Approx(0.606).epsilon(0).margin(5e-4));
  // beta is the least determined parameter (largest relative SE): 11.6679 here.
  CHECK(fit.parameters.beta == Approx(11.669).epsilon(0).margin(2e-3));
  // -9594.974 here; the published estimates themselves give -9594.974 on this file (its times are
  // rounded to 0.01 week), so the 0.006 gap is in the data, not the search.
  CHECK(fit.result.log_likelihood == Approx(-9594.98).epsilon(0).margin(1e-2));
  double at_published = 0.0;
  for (const auto& history : cdnow_summary())
    at_published += log_likelihood(ParetoNbdParameters{0.553, 10.578, 0.606, 11.669}, history);
  CHECK(fit.result.log_likelihood >= at_published);
  check_standard_errors_are_finite_and_positive(fit.result);

  const ParetoNbdParameters& p = fit.parameters;
  // E[X(t)]: the Gamma(r, alpha) rate times E[(1 - e^(-mu t)) / mu] under Gamma(s, beta).
  boost::math::quadrature::exp_sinh<double> integrator;
  const double dropout_weighted_time = integrator.integrate(
      [&](double mu) {
        return -std::expm1(-mu * 39.0) / mu * integrand_from_log(mu, log_gamma_density(mu, p.s, p.beta));
      },
      0.0, std::numeric_limits<double>::infinity());
  CHECK(expected_transactions(p, 39.0) == Approx(p.r / p.alpha * dropout_weighted_time).epsilon(1e-8));
  // Over a short horizon a customer buys at its posterior rate (r + x)/(alpha + T) if alive.
  const CustomerHistory history{2.0, 30.43, 38.86, 0.0};
  const double alive = probability_alive(p, history);
  CHECK(alive > 0.0);
  CHECK(alive < 1.0);
  CHECK(conditional_expected_transactions(p, history, 1e-4) / 1e-4 ==
        Approx((p.r + 2.0) / (p.alpha + 38.86) * alive).epsilon(1e-4));
  CHECK(conditional_expected_transactions(p, {0.0, 0.0, 0.0, 0.0}, 39.0) ==
        Approx(expected_transactions(p, 39.0)).epsilon(1e-14));
  std::printf("Pareto/NBD P(alive | 2, 30.43, 38.86) = %.6f, E[Y(39) | same] = %.6f\n", alive,
              conditional_expected_transactions(p, history, 39.0));
}

TEST_CASE("Pareto/NBD predictions are continuous at s equal to 1 and finite for heavy buyers",
          "[customer_base][pareto_nbd]") {
  const CustomerHistory history{3.0, 20.0, 38.0, 0.0};
  const auto at = [&](double s) {
    return conditional_expected_transactions(ParetoNbdParameters{0.5, 10.0, s, 12.0}, history, 39.0);
  };
  CHECK(at(1.0) == Approx(0.5 * (at(1.0 + 1e-6) + at(1.0 - 1e-6))).epsilon(1e-10));
  // (r + x) ln((beta + t_x)/(alpha + t_x)) is far above 709 here: 2F1 of note 008 itself overflows a double.
  const ParetoNbdParameters wide{0.5, 1.0, 0.6, 20.0};
  const CustomerHistory heavy{5000.0, 999.0, 1000.0, 0.0};
  CHECK(std::isfinite(log_likelihood(wide, heavy)));
  const double alive = probability_alive(wide, heavy);
  CHECK(alive > 0.0);
  CHECK(alive <= 1.0);
  CHECK(std::isfinite(conditional_expected_transactions(wide, heavy, 39.0)));
}

TEST_CASE("fits of degenerate customer bases report failure instead of estimates", "[customer_base]") {
  const std::vector<CustomerHistory> none;
  const BgNbdFit empty = fit_bg_nbd(none);
  CHECK_FALSE(empty.result.converged);
  CHECK_FALSE(empty.result.message.empty());
  CHECK(empty.result.customers == 0);

  // Nobody repeats: the likelihood grows without bound as r -> 0 (or alpha -> infinity).
  std::vector<CustomerHistory> one_time_buyers;
  for (int i = 0; i < 200; ++i) one_time_buyers.push_back({0.0, 0.0, 20.0 + i % 20, 0.0});
  for (const FitResult& result : {fit_bg_nbd(one_time_buyers).result, fit_pareto_nbd(one_time_buyers).result,
                                  fit_gamma_gamma(one_time_buyers).result}) {
    print_fit(result);
    CHECK_FALSE(result.converged);
    CHECK_FALSE(result.message.empty());
  }
  const FitResult spend_of_none = fit_gamma_gamma(one_time_buyers).result;
  CHECK(spend_of_none.customers == 0);

  // Evaluation limit.
  FitOptions starved;
  starved.max_evaluations = 20;
  const FitResult stopped = fit_bg_nbd(cdnow_summary(), starved).result;
  CHECK_FALSE(stopped.converged);
  CHECK(stopped.message.find("evaluation limit") != std::string::npos);
}

TEST_CASE("impossible histories are refused", "[customer_base]") {
  const std::vector<CustomerHistory> recency_after_age{{1.0, 30.0, 20.0, 5.0}};
  CHECK_THROWS_AS(fit_bg_nbd(recency_after_age), std::invalid_argument);
  const std::vector<CustomerHistory> recency_without_purchase{{0.0, 3.0, 20.0, 0.0}};
  CHECK_THROWS_AS(fit_pareto_nbd(recency_without_purchase), std::invalid_argument);
  const std::vector<CustomerHistory> free_repeats{{2.0, 3.0, 20.0, 0.0}};
  CHECK_THROWS_AS(fit_gamma_gamma(free_repeats), std::invalid_argument);
  CHECK_THROWS_AS(probability_alive(BgNbdParameters{-1.0, 1.0, 1.0, 1.0}, {}), std::invalid_argument);
}

TEST_CASE("residual value of a constant purchase rate is a discounted annuity",
          "[customer_base][residual_value]") {
  // E[Y(t)] = 0.5 t with 4 time units per period: 2 purchases per period, worth 30 x 0.25 each.
  const CumulativeExpectedTransactions steady = [](double t) { return 0.5 * t; };
  const ResidualHorizon horizon{12, 4.0, 0.01};
  CHECK(discounted_expected_residual_transactions(steady, horizon) ==
        Approx(salesim::analysis::clv_constant_retention_finite(2.0, 1.0, 0.01, 12)).epsilon(1e-12));
  CHECK(expected_residual_value(steady, 30.0, 0.25, horizon) ==
        Approx(salesim::analysis::clv_constant_retention_finite(2.0 * 30.0 * 0.25, 1.0, 0.01, 12))
            .epsilon(1e-12));
  CHECK_THROWS_AS(discounted_expected_residual_transactions(steady, {12, 0.0, 0.01}), std::invalid_argument);
  CHECK_THROWS_AS(discounted_expected_residual_transactions(steady, {12, 4.0, -1.0}), std::invalid_argument);
}

TEST_CASE("residual value without discounting is the horizon's expected purchases times spend",
          "[customer_base][residual_value]") {
  const BgNbdParameters& bg_nbd = cdnow_bg_nbd().parameters;
  const ParetoNbdParameters pareto_nbd{0.553, 10.578, 0.606, 11.669};
  const CustomerHistory customer{2.0, 30.43, 38.86, 22.35};
  const ResidualHorizon undiscounted{12, 4.345, 0.0};
  const ResidualHorizon discounted{12, 4.345, 0.01};
  for (const auto& transactions :
       {expected_transactions_of(bg_nbd, customer), expected_transactions_of(pareto_nbd, customer)}) {
    CHECK(expected_residual_value(transactions, 40.0, 0.3, undiscounted) ==
          Approx(transactions(12 * 4.345) * 40.0 * 0.3).epsilon(1e-12));
    const double value = expected_residual_value(transactions, 40.0, 0.3, discounted);
    CHECK(value < expected_residual_value(transactions, 40.0, 0.3, undiscounted));
    CHECK(value > 0.0);
    std::printf("12-month residual value at 1%%/month, spend 40, margin 0.3: %.4f\n", value);
  }
}
