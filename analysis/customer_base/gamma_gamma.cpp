// Gamma-Gamma likelihood, fit and conditional expected spend (Fader, Hardie & Lee 2005, JMR).
#include "analysis/customer_base/gamma_gamma.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <boost/math/special_functions/gamma.hpp>
#include <fmt/format.h>

namespace salesim::analysis::customer_base {
namespace {

// Boost.Math without promotion to long double: its lgamma, unlike glibc's, writes no global (signgam).
using DoubleArithmetic = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

double log_gamma(double value) { return boost::math::lgamma(value, DoubleArithmetic()); }

void require_valid(const GammaGammaParameters& p) {
  const bool positive = p.p > 0.0 && p.q > 0.0 && p.gamma > 0.0;
  if (!positive || !std::isfinite(p.p + p.q + p.gamma))
    throw std::invalid_argument("Gamma-Gamma parameters p, q, gamma must be finite and > 0");
}

// Hardie note 025, split so that a fit evaluates the gamma functions once per distinct x.
double log_gamma_part(const GammaGammaParameters& p, double x) {
  const double shape = p.p * x;
  return log_gamma(shape + p.q) - log_gamma(shape) - log_gamma(p.q);
}

double log_power_part(const GammaGammaParameters& p, const CustomerHistory& history) {
  const double x = history.frequency;
  const double spend = history.mean_spend;
  const double shape = p.p * x;
  return p.q * std::log(p.gamma) + (shape - 1.0) * std::log(spend) + shape * std::log(x) -
         (shape + p.q) * std::log(p.gamma + x * spend);
}

}  // namespace

double log_likelihood(const GammaGammaParameters& p, const CustomerHistory& history) {
  require_valid(p);
  if (!(history.frequency > 0.0) || !(history.mean_spend > 0.0))
    throw std::invalid_argument(
        "the Gamma-Gamma likelihood needs a repeat buyer (x > 0) with mean spend > 0");
  return log_gamma_part(p, history.frequency) + log_power_part(p, history);
}

GammaGammaFit fit_gamma_gamma(std::span<const CustomerHistory> histories, const FitOptions& options) {
  require_valid_histories(histories);
  for (std::size_t i = 0; i < histories.size(); ++i)
    if (histories[i].frequency > 0.0 && !(histories[i].mean_spend > 0.0))
      throw std::invalid_argument(
          fmt::format("customer {} repeats but has mean spend {}: Gamma-Gamma needs spend > 0", i,
                      histories[i].mean_spend));
  struct Row {
    WeightedHistory group;
    std::uint32_t frequency;  // index into the distinct frequencies
  };
  std::vector<Row> rows;
  DistinctKeys<double> frequencies;
  LikelihoodProblem problem;
  for (const WeightedHistory& group : group_repeat_buyers_by_spend(histories)) {
    rows.push_back({group, frequencies.index_of(group.history.frequency)});
    problem.customers += static_cast<std::size_t>(group.customers);
  }
  problem.model = "Gamma-Gamma";
  problem.parameter_names = {"p", "q", "gamma"};
  problem.start = {1.0, 1.0, 1.0};
  problem.log_likelihood = [rows = std::move(rows),
                            frequencies = frequencies.keys()](std::span<const double> v) {
    const GammaGammaParameters p{v[0], v[1], v[2]};
    std::vector<double> gamma_parts(frequencies.size());
    for (std::size_t i = 0; i < frequencies.size(); ++i) gamma_parts[i] = log_gamma_part(p, frequencies[i]);
    return sum_in_fixed_blocks(rows.size(), [&](std::size_t i) {
      return rows[i].group.customers *
             (gamma_parts[rows[i].frequency] + log_power_part(p, rows[i].group.history));
    });
  };
  GammaGammaFit fit;
  fit.result = maximize_log_likelihood(problem, options);
  const auto& estimates = fit.result.parameters;
  fit.parameters = {estimates[0].value, estimates[1].value, estimates[2].value};
  return fit;
}

double conditional_expected_spend(const GammaGammaParameters& p, const CustomerHistory& history) {
  require_valid(p);
  const double x = history.frequency;
  const double denominator = p.p * x + p.q - 1.0;
  if (denominator <= 0.0) return std::numeric_limits<double>::infinity();
  return p.p * (p.gamma + x * history.mean_spend) / denominator;
}

}  // namespace salesim::analysis::customer_base
