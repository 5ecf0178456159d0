// The BG/NBD model of repeat buying with dropout after a purchase (Fader, Hardie & Lee 2005).
#pragma once

#include <span>

#include "analysis/customer_base/customer_history.h"
#include "analysis/customer_base/model_fit.h"

namespace salesim::analysis::customer_base {

/**
 * @brief BG/NBD parameters (Fader, Hardie & Lee 2005, "Counting your customers the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2)): purchase rates lambda ~ Gamma(r,
 * alpha) (alpha in the histories' time unit), dropout probability after each purchase p ~ Beta(a, b).
 */
struct BgNbdParameters {
  double r = 1.0;
  double alpha = 1.0;
  double a = 1.0;
  double b = 1.0;
};

/// A BG/NBD fit: the estimates as parameters, and the fit's report (names r, alpha, a, b).
struct BgNbdFit {
  BgNbdParameters parameters;
  FitResult result;
};

/// log L(r, alpha, a, b | x, t_x, T) of one customer, the individual likelihood of FHL 2005,
/// summed in log space.
[[nodiscard]] double log_likelihood(const BgNbdParameters& parameters, const CustomerHistory& history);

/**
 * @brief Maximum-likelihood BG/NBD fit (FHL 2005; their CDNOW estimates are
 * r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4). Identical histories are counted once.
 * @throws std::invalid_argument for an impossible history (see require_valid_histories).
 */
[[nodiscard]] BgNbdFit fit_bg_nbd(std::span<const CustomerHistory> histories, const FitOptions& options = {});

/// P(alive | x, t_x, T) (Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model", Hardie
/// note 021): 1 when x = 0, since a BG/NBD customer can only drop out right after a repeat purchase.
[[nodiscard]] double probability_alive(const BgNbdParameters& parameters, const CustomerHistory& history);

/// E[X(t)], the expected repeat purchases of a new customer in (0, t], FHL 2005
/// (the expectation that eq. (10) conditions).
/// @throws std::runtime_error (Boost.Math) when the 2F1 series cannot be evaluated.
[[nodiscard]] double expected_transactions(const BgNbdParameters& parameters, double elapsed);

/// E[Y(t) | x, t_x, T], the expected purchases in (T, T + t] of a customer with this history,
/// FHL 2005 eq. (10). @throws std::runtime_error (Boost.Math) when the 2F1 series cannot be evaluated.
[[nodiscard]] double conditional_expected_transactions(const BgNbdParameters& parameters,
                                                       const CustomerHistory& history, double elapsed);

}  // namespace salesim::analysis::customer_base
