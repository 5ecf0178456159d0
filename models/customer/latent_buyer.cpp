// Draws of a heterogeneous customer's lifelong traits.
#include "models/customer/latent_buyer.h"

#include <boost/random/beta_distribution.hpp>

namespace salesim::models::customer {

BuyerTraits draw_buyer_traits(const LatentBuyers& buyers, sim::core::StreamEngine& engine) {
  // Gamma(shape, rate) in the papers' notation is Boost's Gamma(shape, scale = 1 / rate).
  BuyerTraits traits;
  const double per_day = 1.0 / buyers.time_unit_days;
  boost::random::gamma_distribution<double> lambda(buyers.r, 1.0 / buyers.alpha);
  traits.purchase_rate_per_day = static_cast<float>(lambda(engine) * per_day);
  if (buyers.model == BuyerModel::bg_nbd) {
    boost::random::beta_distribution<double> dropout(buyers.a, buyers.b);
    traits.dropout = static_cast<float>(dropout(engine));
  } else {
    boost::random::gamma_distribution<double> mu(buyers.s, 1.0 / buyers.beta);
    traits.dropout = static_cast<float>(mu(engine) * per_day);
  }
  if (buyers.spend) {
    boost::random::gamma_distribution<double> nu(buyers.spend->q, 1.0 / buyers.spend->gamma);
    traits.spend_rate = static_cast<float>(nu(engine));
  }
  return traits;
}

std::optional<BuyerTraits> draw_buyer_traits_given(const LatentBuyers& buyers, const BuyerHistory& history,
                                                   sim::core::StreamEngine& engine) {
  if (!(sim::core::uniform_open01(engine()) < history.probability_alive)) return std::nullopt;
  const double x = history.frequency;
  const double age = history.age;
  BuyerTraits traits;
  const double per_day = 1.0 / buyers.time_unit_days;
  boost::random::gamma_distribution<double> lambda(buyers.r + x, 1.0 / (buyers.alpha + age));
  traits.purchase_rate_per_day = static_cast<float>(lambda(engine) * per_day);
  if (buyers.model == BuyerModel::bg_nbd) {
    boost::random::beta_distribution<double> dropout(buyers.a, buyers.b + x);
    traits.dropout = static_cast<float>(dropout(engine));
  } else {
    boost::random::gamma_distribution<double> mu(buyers.s, 1.0 / (buyers.beta + age));
    traits.dropout = static_cast<float>(mu(engine) * per_day);
  }
  if (buyers.spend) {
    const GammaGammaSpend& spend = *buyers.spend;
    const double known = history.mean_spend > 0.0f ? x : 0.0;
    boost::random::gamma_distribution<double> nu(spend.p * known + spend.q,
                                                 1.0 / (spend.gamma + known * history.mean_spend));
    traits.spend_rate = static_cast<float>(nu(engine));
  }
  return traits;
}

}  // namespace salesim::models::customer
