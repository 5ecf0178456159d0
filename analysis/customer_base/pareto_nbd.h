// The Pareto/NBD model of repeat buying with unobserved dropout at any time (Schmittlein, Morrison &
// Colombo 1987).
#pragma once

#include <span>

#include "analysis/customer_base/customer_history.h"
#include "analysis/customer_base/model_fit.h"

namespace salesim::analysis::customer_base {

/**
 * @brief Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987, "Counting your customers: who
 * are they and what will they do next?", Management Science 33(1)): purchase rates lambda ~ Gamma(r,
 * alpha), dropout rates mu ~ Gamma(s, beta), alpha and beta in the histories' time unit.
 */
struct ParetoNbdParameters {
  double r = 1.0;
  double alpha = 1.0;
  double s = 1.0;
  double beta = 1.0;
};

/// A Pareto/NBD fit: the estimates as parameters, and the fit's report (names r, alpha, s, beta).
struct ParetoNbdFit {
  ParetoNbdParameters parameters;
  FitResult result;
};

/**
 * @brief log L(r, alpha, s, beta | x, t_x, T) of one customer (Fader, Hardie & Lee 2005, "A note on
 * implementing the Pareto/NBD model in MATLAB", Hardie note 008): the 2F1 form whose
 * argument stays in [0, 1) (alpha >= beta or beta > alpha; alpha = beta gives 2F1 = 1), in log space so
 * that large x or T cannot overflow.
 * @throws std::runtime_error (Boost.Math) when a 2F1 series cannot be evaluated.
 */
[[nodiscard]] double log_likelihood(const ParetoNbdParameters& parameters, const CustomerHistory& history);

/**
 * @brief Maximum-likelihood Pareto/NBD fit (Hardie note 008's CDNOW estimates: r = 0.553, alpha =
 * 10.578, s = 0.606, beta = 11.669, LL = -9594.98). Identical histories are counted once.
 * @throws std::invalid_argument for an impossible history (see require_valid_histories).
 */
[[nodiscard]] ParetoNbdFit fit_pareto_nbd(std::span<const CustomerHistory> histories,
                                          const FitOptions& options = {});

/// P(alive | x, t_x, T), Hardie note 008: [1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0]^-1.
/// @throws std::runtime_error (Boost.Math) when a 2F1 series cannot be evaluated.
[[nodiscard]] double probability_alive(const ParetoNbdParameters& parameters, const CustomerHistory& history);

/// E[X(t)], the expected repeat purchases of a new customer in (0, t] (Schmittlein, Morrison &
/// Colombo 1987; Hardie note 008): r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)], its limit at s = 1.
[[nodiscard]] double expected_transactions(const ParetoNbdParameters& parameters, double elapsed);

/// E[Y(t) | x, t_x, T], the expected purchases in (T, T + t] of a customer with this history
/// (Schmittlein, Morrison & Colombo 1987; Hardie note 008): (r+x)(beta+T) / ((alpha+T)(s-1))
/// [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive | x, t_x, T), its limit at s = 1.
/// @throws std::runtime_error (Boost.Math) when a 2F1 series cannot be evaluated.
[[nodiscard]] double conditional_expected_transactions(const ParetoNbdParameters& parameters,
                                                       const CustomerHistory& history, double elapsed);

}  // namespace salesim::analysis::customer_base
