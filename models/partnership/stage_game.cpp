// Payoffs and incentives of the buyer-supplier stage game.
#include "models/partnership/stage_game.h"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/normal.hpp>

namespace salesim::models::partnership {
namespace {

/// E[max(0, X - t)] for X ~ N(mu, sd^2).
double expected_excess(double mu, double threshold, double sd) {
  if (sd <= 0.0) return std::max(0.0, mu - threshold);
  const boost::math::normal standard;
  const double z = (mu - threshold) / sd;
  return sd * boost::math::pdf(standard, z) + (mu - threshold) * boost::math::cdf(standard, z);
}

}  // namespace

double holdup_taken(const PartnershipParams& params) {
  return params.game.holdup_gain * (1.0 - params.contract.volume_commitment);
}

double expected_kpi_transfer(const ContractTerms& terms, double true_level, double noise_sd) {
  double transfer = 0.0;
  for (const ContractKpi& kpi : terms.kpis) {
    const double above = expected_excess(true_level, kpi.target, noise_sd);
    const double below = expected_excess(kpi.target, true_level, noise_sd);  // symmetric normal
    transfer += 100.0 * (kpi.bonus_per_point * above - kpi.penalty_per_point * below);
  }
  return transfer;
}

StagePayoffs expected_payoffs(const PartnershipParams& params, bool supplier_cooperates,
                              bool buyer_cooperates) {
  const StageGame& game = params.game;
  const ContractTerms& terms = params.contract;
  const double value = supplier_cooperates ? game.buyer_value_cooperative : game.buyer_value_defecting;
  const double level = supplier_cooperates ? game.kpi_cooperative : game.kpi_defecting;
  const double gain_share = terms.gain_share * (value - game.buyer_value_defecting);
  // Cost plus pays the production cost and a fee; the effort cost is the supplier's own.
  const double base = terms.cost_plus_fee ? game.supplier_cost + *terms.cost_plus_fee : terms.price_per_month;
  double payment = base + expected_kpi_transfer(terms, level, terms.kpi_noise_sd) + gain_share;
  if (!buyer_cooperates) payment -= holdup_taken(params);
  const double supplier_cost = game.supplier_cost + (supplier_cooperates ? game.effort_cost : 0.0);
  return {value - payment, payment - supplier_cost};
}

Temptation supplier_temptation(const PartnershipParams& params) {
  const double reward = expected_payoffs(params, true, true).supplier;
  const double temptation = expected_payoffs(params, false, true).supplier;
  const double punishment = expected_payoffs(params, false, false).supplier;
  return {temptation - reward, reward - punishment};
}

Temptation buyer_temptation(const PartnershipParams& params) {
  const double reward = expected_payoffs(params, true, true).buyer;
  const double temptation = expected_payoffs(params, true, false).buyer;
  const double punishment = expected_payoffs(params, false, false).buyer;
  return {temptation - reward, reward - punishment};
}

double cooperation_threshold(const Temptation& temptation) {
  if (temptation.gain_now <= 0.0) return 0.0;
  if (temptation.cooperation_premium <= 0.0) return 1.0;
  return temptation.gain_now / (temptation.gain_now + temptation.cooperation_premium);
}

double cooperation_margin(const Temptation& temptation, double delta, double trust) {
  // A premium at or below zero promises nothing: only a side that gains nothing by defecting cooperates.
  const double premium = std::max(0.0, temptation.cooperation_premium);
  const double future = delta >= 1.0 ? 1e300 : delta / (1.0 - delta) * trust * premium;
  return future - temptation.gain_now;
}

double annuity(double per_month, double delta, std::uint32_t months) {
  if (std::abs(1.0 - delta) < 1e-12) return per_month * months;
  return per_month * delta * (1.0 - std::pow(delta, months)) / (1.0 - delta);
}

}  // namespace salesim::models::partnership
