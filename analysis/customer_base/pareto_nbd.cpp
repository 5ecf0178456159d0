// Pareto/NBD likelihood, fit and predictions (Schmittlein, Morrison & Colombo 1987; Hardie note 008).
#include "analysis/customer_base/pareto_nbd.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

#include <boost/math/special_functions/expm1.hpp>  // hypergeometric_pFq.hpp uses these without including them
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include "sim/core/parallel.h"

namespace salesim::analysis::customer_base {
namespace {

// Boost.Math's default promotes double to long double internally: several times slower, and
// no accuracy these likelihoods need. Its lgamma, unlike glibc's, writes no global (signgam).
using DoubleArithmetic = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

double log_gamma(double value) { return boost::math::lgamma(value, DoubleArithmetic()); }

double log_sum_exp(double log_a, double log_b) {
  const double larger = std::max(log_a, log_b);
  if (larger == kMinusInfinity) return larger;
  return larger + std::log1p(std::exp(std::min(log_a, log_b) - larger));
}

void require_valid(const ParetoNbdParameters& p) {
  const bool positive = p.r > 0.0 && p.alpha > 0.0 && p.s > 0.0 && p.beta > 0.0;
  if (!positive || !std::isfinite(p.r + p.alpha + p.s + p.beta))
    throw std::invalid_argument("Pareto/NBD parameters r, alpha, s, beta must be finite and > 0");
}

/**
 * log of one of the two terms of Hardie note 008's A0, evaluated at t = t_x or t = T:
 *   alpha >= beta:  2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+t)) / (alpha+t)^(r+s+x)
 *   beta > alpha:   2F1(r+s+x, r+x; r+s+x+1; (beta-alpha)/(beta+t)) / (beta+t)^(r+s+x)
 * so that z stays in [0, 1) (alpha = beta: z = 0, 2F1 = 1). Euler's transformation 2F1(A,B;C;z) =
 * (1-z)^(C-A-B) 2F1(C-A,C-B;C;z) (Abramowitz & Stegun 15.3.3) turns each into a 2F1(1, .; r+s+x+1; z)
 * bounded by 1/(1-z) for every x, with the powers taken in logs, so neither large x nor large T overflows.
 */
double log_dropout_integral_term(const ParetoNbdParameters& p, double frequency, double time) {
  const double lower = p.r + p.s + frequency + 1.0;
  if (p.alpha >= p.beta) {
    const double z = (p.alpha - p.beta) / (p.alpha + time);
    const double hypergeometric = boost::math::hypergeometric_pFq(
        {1.0, p.r + frequency}, {lower}, z, static_cast<double*>(nullptr), DoubleArithmetic());
    return -(p.r + frequency) * std::log(p.alpha + time) - p.s * std::log(p.beta + time) +
           std::log(hypergeometric);
  }
  const double z = (p.beta - p.alpha) / (p.beta + time);
  const double hypergeometric = boost::math::hypergeometric_pFq(
      {1.0, p.s + 1.0}, {lower}, z, static_cast<double*>(nullptr), DoubleArithmetic());
  return (1.0 - p.r - frequency) * std::log(p.alpha + time) - (p.s + 1.0) * std::log(p.beta + time) +
         std::log(hypergeometric);
}

/// The two terms of the likelihood's braces (Hardie note 008), as logs: alive at T, and died in (t_x, T].
struct LogLikelihoodTerms {
  double alive_at_age;
  double died_after_last_purchase;
};

/// The braces' terms from the dropout-integral terms at t_x and T (which a fit computes once per distinct
/// (x, t) pair): A0 = term(t_x) - term(T) > 0, taken as log term(t_x) + log(1 - term(T) / term(t_x)).
LogLikelihoodTerms log_likelihood_terms(const ParetoNbdParameters& p, const CustomerHistory& history,
                                        double log_term_at_recency, double log_term_at_age) {
  const double x = history.frequency;
  const double alive_at_age =
      -(p.r + x) * std::log(p.alpha + history.age) - p.s * std::log(p.beta + history.age);
  const double log_ratio = log_term_at_age - log_term_at_recency;
  const double log_a0 =
      log_ratio < 0.0 ? log_term_at_recency + std::log(-std::expm1(log_ratio)) : kMinusInfinity;
  return {alive_at_age, std::log(p.s) - std::log(p.r + p.s + x) + log_a0};
}

LogLikelihoodTerms log_likelihood_terms(const ParetoNbdParameters& p, const CustomerHistory& history) {
  return log_likelihood_terms(p, history, log_dropout_integral_term(p, history.frequency, history.recency),
                              log_dropout_integral_term(p, history.frequency, history.age));
}

// Hardie note 008: L = Gamma(r+x) alpha^r beta^s / Gamma(r)
//   { 1 / ((alpha+T)^(r+x) (beta+T)^s) + s / (r+s+x) A0 }.
double log_likelihood_from_terms(const ParetoNbdParameters& p, double log_gamma_ratio,
                                 const LogLikelihoodTerms& terms) {
  return log_gamma_ratio + p.r * std::log(p.alpha) + p.s * std::log(p.beta) +
         log_sum_exp(terms.alive_at_age, terms.died_after_last_purchase);
}

double log_gamma_ratio(const ParetoNbdParameters& p, double x) { return log_gamma(p.r + x) - log_gamma(p.r); }

/// Expected purchases in (T, T + t] of a customer alive at T: (r+x)/(alpha+T) (beta+T)
/// [1 - ((beta+T)/(beta+T+t))^(s-1)] / (s-1), with expm1 so s near 1 loses nothing and s = 1 is its limit.
double expected_transactions_if_alive(const ParetoNbdParameters& p, double frequency, double age,
                                      double elapsed) {
  if (!(elapsed >= 0.0)) throw std::invalid_argument("the prediction horizon t must be >= 0");
  const double rate = (p.r + frequency) / (p.alpha + age);
  const double log_growth = std::log1p(elapsed / (p.beta + age));
  const double shape = p.s - 1.0;
  const double survival_weighted_time = shape == 0.0 ? log_growth : -std::expm1(-shape * log_growth) / shape;
  return rate * (p.beta + age) * survival_weighted_time;
}

}  // namespace

double log_likelihood(const ParetoNbdParameters& p, const CustomerHistory& history) {
  require_valid(p);
  return log_likelihood_from_terms(p, log_gamma_ratio(p, history.frequency),
                                   log_likelihood_terms(p, history));
}

ParetoNbdFit fit_pareto_nbd(std::span<const CustomerHistory> histories, const FitOptions& options) {
  require_valid_histories(histories);
  // Indices into the distinct frequencies and (frequency, time) pairs: real bases share far more of
  // those than whole histories (CDNOW's 23,570 customers: 8,685 histories but 2,705 pairs).
  struct Row {
    WeightedHistory group;
    std::uint32_t frequency;
    std::uint32_t recency_point;
    std::uint32_t age_point;
  };
  std::vector<Row> rows;
  DistinctKeys<double> frequencies;
  DistinctKeys<std::pair<double, double>> points;
  for (const WeightedHistory& group : group_by_frequency_recency_age(histories)) {
    const CustomerHistory& h = group.history;
    rows.push_back({group, frequencies.index_of(h.frequency), points.index_of({h.frequency, h.recency}),
                    points.index_of({h.frequency, h.age})});
  }

  LikelihoodProblem problem;
  problem.model = "Pareto/NBD";
  problem.parameter_names = {"r", "alpha", "s", "beta"};
  problem.start = {1.0, 1.0, 1.0, 1.0};
  problem.customers = histories.size();
  problem.log_likelihood = [rows = std::move(rows), frequencies = frequencies.keys(),
                            points = points.keys()](std::span<const double> v) {
    const ParetoNbdParameters p{v[0], v[1], v[2], v[3]};
    std::vector<double> gamma_ratios(frequencies.size());
    for (std::size_t i = 0; i < frequencies.size(); ++i) gamma_ratios[i] = log_gamma_ratio(p, frequencies[i]);
    // The 2F1 evaluations dominate a fit's time; each slot is written by one block only.
    std::vector<double> dropout_terms(points.size());
    sim::core::for_each_block(points.size(), [&](std::size_t begin, std::size_t end, std::size_t) {
      for (std::size_t i = begin; i < end; ++i)
        dropout_terms[i] = log_dropout_integral_term(p, points[i].first, points[i].second);
    });
    return sum_in_fixed_blocks(rows.size(), [&](std::size_t i) {
      const Row& row = rows[i];
      const LogLikelihoodTerms terms = log_likelihood_terms(
          p, row.group.history, dropout_terms[row.recency_point], dropout_terms[row.age_point]);
      return row.group.customers * log_likelihood_from_terms(p, gamma_ratios[row.frequency], terms);
    });
  };
  ParetoNbdFit fit;
  fit.result = maximize_log_likelihood(problem, options);
  const auto& estimates = fit.result.parameters;
  fit.parameters = {estimates[0].value, estimates[1].value, estimates[2].value, estimates[3].value};
  return fit;
}

double probability_alive(const ParetoNbdParameters& p, const CustomerHistory& history) {
  require_valid(p);
  const LogLikelihoodTerms terms = log_likelihood_terms(p, history);
  return 1.0 / (1.0 + std::exp(terms.died_after_last_purchase - terms.alive_at_age));
}

// Schmittlein, Morrison & Colombo 1987: E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)].
double expected_transactions(const ParetoNbdParameters& p, double elapsed) {
  require_valid(p);
  return expected_transactions_if_alive(p, 0.0, 0.0, elapsed);
}

double conditional_expected_transactions(const ParetoNbdParameters& p, const CustomerHistory& history,
                                         double elapsed) {
  require_valid(p);
  return expected_transactions_if_alive(p, history.frequency, history.age, elapsed) *
         probability_alive(p, history);
}

}  // namespace salesim::analysis::customer_base
