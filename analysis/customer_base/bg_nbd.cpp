// BG/NBD likelihood, fit and predictions (Fader, Hardie & Lee 2005).
#include "analysis/customer_base/bg_nbd.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <boost/math/special_functions/expm1.hpp>  // hypergeometric_pFq.hpp uses these without including them
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

namespace salesim::analysis::customer_base {
namespace {

// Boost.Math's default promotes double to long double internally: several times slower, and
// no accuracy these likelihoods need. Its lgamma, unlike glibc's, writes no global (signgam).
using DoubleArithmetic = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

double log_gamma(double value) { return boost::math::lgamma(value, DoubleArithmetic()); }

double log_sum_exp(double log_a, double log_b) {
  const double larger = std::max(log_a, log_b);
  if (larger == -std::numeric_limits<double>::infinity()) return larger;
  return larger + std::log1p(std::exp(std::min(log_a, log_b) - larger));
}

void require_valid(const BgNbdParameters& p) {
  const bool positive = p.r > 0.0 && p.alpha > 0.0 && p.a > 0.0 && p.b > 0.0;
  if (!positive || !std::isfinite(p.r + p.alpha + p.a + p.b))
    throw std::invalid_argument("BG/NBD parameters r, alpha, a, b must be finite and > 0");
}

/**
 * E[purchases in (T, T + t]] of a customer known to be alive at T after x repeat purchases: FHL 2005
 * eq. (10) without its P(alive) factor (with x = T = 0 it is E[X(t)]). The term
 * ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z), z = t/(alpha+T+t), is rewritten by Euler's
 * transformation 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A,C-B;C;z) (Abramowitz & Stegun 15.3.3) as
 * (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z): the same value, but a series that no longer grows like
 * (1-z)^-(r+x), so large x cannot overflow it. That series grows like (1-z)^-(a-1) instead, so where
 * a - 1 exceeds r + x (a fit whose dropout is nearly never, such as one of a handful of customers)
 * the original form is the one that cannot overflow, and is used.
 */
double expected_transactions_if_alive(const BgNbdParameters& p, double frequency, double age,
                                      double elapsed) {
  if (!(elapsed >= 0.0)) throw std::invalid_argument("the prediction horizon t must be >= 0");
  if (elapsed == 0.0) return 0.0;
  const double z = elapsed / (p.alpha + age + elapsed);
  const double log_one_minus_z = -std::log1p(elapsed / (p.alpha + age));
  const double lower = p.a + p.b + frequency - 1.0;
  if (std::abs(p.a - 1.0) < 1e-8) {
    // a = 1 makes the general form 0/0; its limit, expanding (1-z)^(a-1) and (a-1)_n to first order:
    // (b+x) [-ln(1-z) - sum_n (b-r)_n z^n / ((b+x)_n n)], the sum being z A/C 3F2(1, 1, A+1; 2, C+1; z).
    const double upper = p.b - p.r;
    const double series = z * upper / lower *
                          boost::math::hypergeometric_pFq({1.0, 1.0, upper + 1.0}, {2.0, lower + 1.0}, z,
                                                          static_cast<double*>(nullptr), DoubleArithmetic());
    return lower * (-log_one_minus_z - series);
  }
  const double shape = p.a - 1.0;
  if (shape > p.r + frequency) {
    const double original = boost::math::hypergeometric_pFq(
        {p.r + frequency, p.b + frequency}, {lower}, z, static_cast<double*>(nullptr), DoubleArithmetic());
    return lower / shape * (1.0 - std::exp((p.r + frequency) * log_one_minus_z) * original);
  }
  const double hypergeometric = boost::math::hypergeometric_pFq(
      {p.a + p.b - 1.0 - p.r, shape}, {lower}, z, static_cast<double*>(nullptr), DoubleArithmetic());
  return lower / shape * (1.0 - std::exp(shape * log_one_minus_z) * hypergeometric);
}

// FHL 2005: L = A1 A2 (A3 + [x > 0] A4) with
//   A1 = Gamma(r+x) alpha^r / Gamma(r),   A2 = Gamma(a+b) Gamma(b+x) / (Gamma(b) Gamma(a+b+x)),
//   A3 = (alpha+T)^-(r+x),                A4 = a / (b+x-1) (alpha+t_x)^-(r+x).
// Split in two so that a fit evaluates the gamma functions once per distinct x.
double log_gamma_part(const BgNbdParameters& p, double x) {
  return log_gamma(p.r + x) - log_gamma(p.r) + log_gamma(p.a + p.b) + log_gamma(p.b + x) - log_gamma(p.b) -
         log_gamma(p.a + p.b + x);
}

double log_power_part(const BgNbdParameters& p, const CustomerHistory& history) {
  const double x = history.frequency;
  const double log_a3 = -(p.r + x) * std::log(p.alpha + history.age);
  const double log_a4 =
      x > 0.0 ? std::log(p.a) - std::log(p.b + x - 1.0) - (p.r + x) * std::log(p.alpha + history.recency)
              : -std::numeric_limits<double>::infinity();
  return p.r * std::log(p.alpha) + log_sum_exp(log_a3, log_a4);
}

}  // namespace

double log_likelihood(const BgNbdParameters& p, const CustomerHistory& history) {
  require_valid(p);
  return log_gamma_part(p, history.frequency) + log_power_part(p, history);
}

BgNbdFit fit_bg_nbd(std::span<const CustomerHistory> histories, const FitOptions& options) {
  require_valid_histories(histories);
  struct Row {
    WeightedHistory group;
    std::uint32_t frequency;  // index into the distinct frequencies
  };
  std::vector<Row> rows;
  DistinctKeys<double> frequencies;
  for (const WeightedHistory& group : group_by_frequency_recency_age(histories))
    rows.push_back({group, frequencies.index_of(group.history.frequency)});

  LikelihoodProblem problem;
  problem.model = "BG/NBD";
  problem.parameter_names = {"r", "alpha", "a", "b"};
  problem.start = {1.0, 1.0, 1.0, 1.0};  // the search is over logs, so the start's scale matters little
  problem.customers = histories.size();
  problem.log_likelihood = [rows = std::move(rows),
                            frequencies = frequencies.keys()](std::span<const double> v) {
    const BgNbdParameters p{v[0], v[1], v[2], v[3]};
    std::vector<double> gamma_parts(frequencies.size());
    for (std::size_t i = 0; i < frequencies.size(); ++i) gamma_parts[i] = log_gamma_part(p, frequencies[i]);
    return sum_in_fixed_blocks(rows.size(), [&](std::size_t i) {
      return rows[i].group.customers *
             (gamma_parts[rows[i].frequency] + log_power_part(p, rows[i].group.history));
    });
  };
  BgNbdFit fit;
  fit.result = maximize_log_likelihood(problem, options);
  const auto& estimates = fit.result.parameters;
  fit.parameters = {estimates[0].value, estimates[1].value, estimates[2].value, estimates[3].value};
  return fit;
}

// Hardie note 021: P(alive) = 1 / (1 + [x > 0] a / (b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)).
double probability_alive(const BgNbdParameters& p, const CustomerHistory& history) {
  require_valid(p);
  const double x = history.frequency;
  if (x == 0.0) return 1.0;
  const double log_odds_of_death =
      std::log(p.a) - std::log(p.b + x - 1.0) +
      (p.r + x) * (std::log(p.alpha + history.age) - std::log(p.alpha + history.recency));
  return 1.0 / (1.0 + std::exp(log_odds_of_death));
}

// FHL 2005: E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))].
double expected_transactions(const BgNbdParameters& p, double elapsed) {
  require_valid(p);
  return expected_transactions_if_alive(p, 0.0, 0.0, elapsed);
}

// FHL 2005 eq. (10): E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1)
//   [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] P(alive | x, t_x, T).
double conditional_expected_transactions(const BgNbdParameters& p, const CustomerHistory& history,
                                         double elapsed) {
  require_valid(p);
  return expected_transactions_if_alive(p, history.frequency, history.age, elapsed) *
         probability_alive(p, history);
}

}  // namespace salesim::analysis::customer_base
