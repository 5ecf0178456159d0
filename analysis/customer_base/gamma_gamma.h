// The Gamma-Gamma model of repeat buyers' spend per transaction (Fader, Hardie & Lee 2005, JMR).
#pragma once

#include <span>

#include "analysis/customer_base/customer_history.h"
#include "analysis/customer_base/model_fit.h"

namespace salesim::analysis::customer_base {

/**
 * @brief Gamma-Gamma parameters (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves for
 * customer base analysis", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary value",
 * Hardie note 025): each transaction's value ~ Gamma(p, nu), the customer's scale nu ~ Gamma(q, gamma),
 * gamma in the histories' currency. Spend is assumed independent of the transaction process.
 */
struct GammaGammaParameters {
  double p = 1.0;
  double q = 1.0;
  double gamma = 1.0;
};

/// A Gamma-Gamma fit: the estimates as parameters, and the fit's report (names p, q, gamma).
struct GammaGammaFit {
  GammaGammaParameters parameters;
  FitResult result;
};

/// log f(zbar | p, q, gamma; x) of one repeat buyer's mean spend (x > 0, zbar > 0), Hardie note 025:
/// Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q x^(px) zbar^(px-1) / (gamma + x zbar)^(px+q).
/// @throws std::invalid_argument when x <= 0 or zbar <= 0.
[[nodiscard]] double log_likelihood(const GammaGammaParameters& parameters, const CustomerHistory& history);

/**
 * @brief Maximum-likelihood Gamma-Gamma fit on the repeat buyers; customers with x = 0 carry no spend
 * and are skipped (FitResult::customers counts the repeat buyers). CDNOW estimates (Hardie note 025):
 * p = 6.25, q = 3.74, gamma = 15.44.
 * @throws std::invalid_argument for an impossible history, or a repeat buyer with mean_spend <= 0.
 */
[[nodiscard]] GammaGammaFit fit_gamma_gamma(std::span<const CustomerHistory> histories,
                                            const FitOptions& options = {});

/// E[Z | x, zbar] = p (gamma + x zbar) / (px + q - 1) (FHL 2005, JMR; Hardie note 025): a weighted mean of
/// the population mean p gamma / (q - 1) and the customer's zbar. Also right for x = 0 (the population mean).
/// +inf when px + q <= 1, where the posterior mean does not exist.
[[nodiscard]] double conditional_expected_spend(const GammaGammaParameters& parameters,
                                                const CustomerHistory& history);

}  // namespace salesim::analysis::customer_base
