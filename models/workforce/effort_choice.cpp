// A sales rep's choice of effort under a pay plan, and the single-task linear contract as its oracle.
#include "models/workforce/effort_choice.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include <Random123/boxmuller.hpp>
#include <boost/math/tools/minima.hpp>

namespace salesim::models::workforce {
namespace {

constexpr int scan_points = 64;
constexpr int brent_bits = 26;  // std::numeric_limits<double>::digits / 2

}  // namespace

double certainty_equivalent(double mean, double variance, double risk_aversion) {
  return mean - risk_aversion * variance / 2.0;
}

double effort_utility(const PayOfEffort& pay, const RepTraits& rep, double effort) {
  return certainty_equivalent(pay.expected_pay(effort), pay.pay_variance(effort), rep.risk_aversion) -
         rep.effort_cost * effort * effort / 2.0;
}

double choose_effort(const PayOfEffort& pay, const RepTraits& rep, double max_effort) {
  if (!(max_effort > 0.0)) throw std::invalid_argument("choose_effort: max_effort must be positive");
  const double step = max_effort / scan_points;
  int best = 0;
  double best_utility = effort_utility(pay, rep, 0.0);
  for (int k = 1; k <= scan_points; ++k) {
    const double utility = effort_utility(pay, rep, k * step);
    if (utility > best_utility) best = k, best_utility = utility;
  }
  const double low = std::max(0, best - 1) * step, high = std::min(scan_points, best + 1) * step;
  std::uintmax_t max_iterations = 200;
  const auto [effort, negative_utility] = boost::math::tools::brent_find_minima(
      [&](double e) { return -effort_utility(pay, rep, e); }, low, high, brent_bits, max_iterations);
  // Brent only probes the interior; a corner optimum (a step paid exactly at a grid point) stays.
  return -negative_utility >= best_utility ? effort : best * step;
}

std::vector<double> logit_probabilities(std::span<const double> utilities, double noise_scale) {
  if (utilities.empty()) throw std::invalid_argument("logit choice over no options");
  if (!(noise_scale > 0.0)) throw std::invalid_argument("logit choice: noise scale must be > 0");
  std::vector<double> probabilities(utilities.size());
  std::ranges::transform(utilities, probabilities.begin(), [&](double u) { return u / noise_scale; });
  // Subtracting the largest exponent keeps exp finite as the noise scale goes to 0.
  const double top = std::ranges::max(probabilities);
  double total = 0.0;
  for (double& p : probabilities) total += (p = std::exp(p - top));
  for (double& p : probabilities) p /= total;
  return probabilities;
}

std::size_t sample_index(std::span<const double> probabilities, double uniform01) {
  double cumulative = 0.0;
  for (std::size_t k = 0; k + 1 < probabilities.size(); ++k) {
    cumulative += probabilities[k];
    if (uniform01 < cumulative) return k;
  }
  return probabilities.size() - 1;
}

std::vector<double> logit_effort_probabilities(const PayOfEffort& pay, const RepTraits& rep,
                                               std::span<const double> effort_grid, double noise_scale) {
  if (effort_grid.empty()) throw std::invalid_argument("logit_effort_probabilities: empty effort grid");
  std::vector<double> utilities(effort_grid.size());
  std::ranges::transform(effort_grid, utilities.begin(),
                         [&](double e) { return effort_utility(pay, rep, e); });
  return logit_probabilities(utilities, noise_scale);
}

double sample_effort(std::span<const double> effort_grid, std::span<const double> probabilities,
                     double uniform01) {
  return effort_grid[sample_index(probabilities, uniform01)];
}

double linear_contract_effort(double commission_rate, double effort_cost, double skill) {
  return commission_rate * skill / effort_cost;
}

double optimal_commission_rate(double risk_aversion, double output_variance, double effort_cost) {
  return 1.0 / (1.0 + risk_aversion * output_variance * effort_cost);
}

double linear_contract_profit(double commission_rate, const RepTraits& rep, double output_variance) {
  const double effort = linear_contract_effort(commission_rate, rep.effort_cost, rep.skill);
  return rep.skill * effort - rep.effort_cost * effort * effort / 2.0 -
         rep.risk_aversion * commission_rate * commission_rate * output_variance / 2.0 - rep.outside_option;
}

LinearContractOutcome simulate_linear_contract(double commission_rate, const LinearContractMarket& market,
                                               const sim::core::RandomStream& draws) {
  const RepTraits& rep = market.rep;
  // Under CARA the salary shifts the CE one for one and leaves effort alone (no wealth effect), so the
  // rep chooses effort at salary 0 and the firm then pays what lifts its utility to the outside option.
  const PayOfEffort commission_only{
      [&](double e) { return commission_rate * rep.skill * e; },
      [&](double) { return commission_rate * commission_rate * market.output_variance; }};
  LinearContractOutcome outcome;
  outcome.effort = choose_effort(commission_only, rep, market.max_effort);
  outcome.salary = rep.outside_option - effort_utility(commission_only, rep, outcome.effort);
  const double noise_sd = std::sqrt(market.output_variance);
  outcome.profit_per_rep.resize(market.reps);
  double total = 0.0;
  for (std::uint32_t r = 0; r < market.reps; ++r) {
    double rep_total = 0.0;
    for (std::uint32_t t = 0; t < market.periods; ++t) {
      const auto block = draws.block(r, t);
      const auto normal = r123::boxmuller((std::uint64_t{block[0]} << 32) | block[1],
                                          (std::uint64_t{block[2]} << 32) | block[3]);
      const double output = rep.skill * outcome.effort + noise_sd * normal.x;
      rep_total += output - (outcome.salary + commission_rate * output);
    }
    outcome.profit_per_rep[r] = rep_total / std::max(market.periods, 1u);
    total += rep_total;
  }
  const double rep_periods = static_cast<double>(market.reps) * market.periods;
  outcome.mean_profit = rep_periods > 0.0 ? total / rep_periods : 0.0;
  return outcome;
}

}  // namespace salesim::models::workforce
