// The buy-till-you-die purchase process of one heterogeneous customer (BG/NBD or Pareto/NBD).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include <Random123/boxmuller.hpp>
#include <boost/random/gamma_distribution.hpp>

#include "models/scenario.h"
#include "sim/core/stream_engine.h"

namespace salesim::models::customer {

/// What a customer draws once, for life, from its segment's mixing distributions.
struct BuyerTraits {
  float purchase_rate_per_day = 0.0f;  ///< lambda
  float dropout = 0.0f;                ///< BG/NBD: p per repeat purchase; Pareto/NBD: mu per day
  float spend_rate = 0.0f;             ///< Gamma-Gamma nu (0 with lognormal spend)
};

/// Spend per transaction at list price: Gamma(p, nu) with the customer's nu, or the segment's lognormal.
struct SpendModel {
  bool gamma_gamma = false;
  double shape = 0.0;  ///< Gamma-Gamma p
  float log_mu = 0.0f;
  float log_sigma = 0.0f;
};

/// More purchases than this in one month by one customer are not simulated: it bounds the draws one
/// (customer, month) address consumes to well under its 1024 words (sim/core/stream_engine.h).
inline constexpr std::uint32_t max_purchases_per_month = 100;

[[nodiscard]] BuyerTraits draw_buyer_traits(const LatentBuyers& buyers, sim::core::StreamEngine& engine);

/**
 * @brief A customer with a purchase history: alive with its P(alive), and if so its traits drawn from
 * their posterior given that it is alive after x repeat purchases, the last at t_x, by age T (Fader,
 * Hardie & Lee 2005; Schmittlein, Morrison & Colombo 1987): lambda ~ Gamma(r + x, alpha + T); BG/NBD
 * p ~ Beta(a, b + x) (no dropout after any of its x purchases); Pareto/NBD mu ~ Gamma(s, beta + T);
 * Gamma-Gamma nu ~ Gamma(p x + q, gamma + x zbar) when zbar is known. Nothing when it is not alive.
 */
[[nodiscard]] std::optional<BuyerTraits> draw_buyer_traits_given(const LatentBuyers& buyers,
                                                                 const BuyerHistory& history,
                                                                 sim::core::StreamEngine& engine);

/// One transaction's spend at list price.
[[nodiscard]] inline double draw_spend(const SpendModel& spend, const BuyerTraits& traits,
                                       sim::core::StreamEngine& engine) {
  if (spend.gamma_gamma) {
    boost::random::gamma_distribution<double> amount(spend.shape, 1.0 / traits.spend_rate);
    return amount(engine);
  }
  const float normal = r123::boxmuller(engine(), engine()).x;
  return std::exp(static_cast<double>(spend.log_mu) + static_cast<double>(spend.log_sigma * normal));
}

/// What a customer did in one stretch of time.
struct BuyerInterval {
  std::uint32_t purchases = 0;
  bool dropped_out = false;
};

/**
 * @brief Simulates [start_day, end_day) of the process: purchases arrive as a Poisson process at
 * lambda * rate_multiplier; under BG/NBD the customer drops out after each purchase with
 * p * dropout_multiplier (capped at 1), under Pareto/NBD at the end of an exponential lifetime of
 * rate mu * dropout_multiplier. on_purchase(day, spend at list price) books each purchase.
 */
template <typename OnPurchase>
BuyerInterval simulate_buyer_interval(BuyerModel model, const BuyerTraits& traits, double rate_multiplier,
                                      double dropout_multiplier, double start_day, double end_day,
                                      const SpendModel& spend, sim::core::StreamEngine& engine,
                                      OnPurchase&& on_purchase) {
  BuyerInterval result;
  const auto exponential = [&engine](double rate) {
    return rate > 0.0 ? -std::log(sim::core::uniform_open01(engine())) / rate : HUGE_VAL;
  };
  double stop = end_day;
  if (model == BuyerModel::pareto_nbd) {
    const double death = start_day + exponential(traits.dropout * dropout_multiplier);
    if (death < end_day) {
      stop = death;
      result.dropped_out = true;
    }
  }
  const double rate = traits.purchase_rate_per_day * rate_multiplier;
  const double dropout = std::min(1.0, traits.dropout * dropout_multiplier);
  double day = start_day;
  while (result.purchases < max_purchases_per_month) {
    day += exponential(rate);
    if (day >= stop) break;
    ++result.purchases;
    on_purchase(day, draw_spend(spend, traits, engine));
    if (model == BuyerModel::bg_nbd && sim::core::uniform_open01(engine()) < dropout) {
      result.dropped_out = true;
      break;
    }
  }
  return result;
}

}  // namespace salesim::models::customer
