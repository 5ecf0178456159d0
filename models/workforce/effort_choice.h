// A sales rep's choice of effort under a pay plan, and the single-task linear contract as its oracle.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "sim/core/random_stream.h"

namespace salesim::models::workforce {

/// Who the rep is. Output is skill x effort + noise, so skill enters pay through the plan's pay function.
struct RepTraits {
  double skill = 1.0;
  double effort_cost = 1.0;     ///< c in the effort cost c e^2 / 2
  double risk_aversion = 0.0;   ///< CARA coefficient r; 0 is risk neutral
  double outside_option = 0.0;  ///< certainty equivalent of the best job elsewhere, per period
};

/// Pay of a period as a function of effort, summarised by its mean and variance (pay is taken as normal).
struct PayOfEffort {
  std::function<double(double)> expected_pay;
  std::function<double(double)> pay_variance;
};

/// @brief Certainty equivalent of normal pay with this mean and variance for a CARA rep: mean - r v / 2.
[[nodiscard]] double certainty_equivalent(double mean, double variance, double risk_aversion);

/// @brief What effort e is worth to the rep: CE of its pay minus the effort cost c e^2 / 2.
[[nodiscard]] double effort_utility(const PayOfEffort& pay, const RepTraits& rep, double effort);

/**
 * @brief The effort in [0, max_effort] that maximises effort_utility. A 64-point grid scan brackets the
 * best point (pay with steps, like a quota bonus, is not concave), then Boost's Brent search refines it
 * to 26 bits (half a double's 53: near a smooth optimum the utility is flat to second order, so more bits
 * buy nothing), about 1e-8 relative to the effort.
 * @throws std::invalid_argument when max_effort is not positive.
 */
[[nodiscard]] double choose_effort(const PayOfEffort& pay, const RepTraits& rep, double max_effort);

/**
 * @brief Logit choice probabilities: P(k) proportional to exp(U(k) / noise_scale), summing to 1.
 * @throws std::invalid_argument for no options or a noise scale that is not positive.
 */
[[nodiscard]] std::vector<double> logit_probabilities(std::span<const double> utilities, double noise_scale);

/// @brief The option a uniform draw in (0, 1) selects under these probabilities (inverse CDF).
[[nodiscard]] std::size_t sample_index(std::span<const double> probabilities, double uniform01);

/**
 * @brief Logit (quantal response, McKelvey & Palfrey 1995) choice over an effort grid: P(e) is
 * proportional to exp(U(e) / noise_scale), U = effort_utility. Small noise picks the best effort; large
 * noise spreads toward uniform. Probabilities sum to 1.
 * @throws std::invalid_argument for an empty grid or a noise scale that is not positive.
 */
[[nodiscard]] std::vector<double> logit_effort_probabilities(const PayOfEffort& pay, const RepTraits& rep,
                                                             std::span<const double> effort_grid,
                                                             double noise_scale);

/// @brief The grid effort that a uniform draw in (0, 1) selects under these probabilities (inverse CDF);
/// the caller draws the uniform from its own stream, so this stays pure. Grid and probabilities match.
[[nodiscard]] double sample_effort(std::span<const double> effort_grid, std::span<const double> probabilities,
                                   double uniform01);

// The single-task linear contract of Holmström & Milgrom (1991): pay = salary + beta x output,
// output = skill x e + N(0, sigma2). Under CARA the rep's CE is salary + beta skill e - r beta^2 sigma2 / 2.

/// @brief Effort under commission rate beta: beta x skill / c. Risk does not move it, only the premium.
[[nodiscard]] double linear_contract_effort(double commission_rate, double effort_cost, double skill = 1.0);

/// @brief The firm's optimal commission rate (skill 1): beta* = 1 / (1 + r sigma2 c).
[[nodiscard]] double optimal_commission_rate(double risk_aversion, double output_variance,
                                             double effort_cost);

/// @brief Firm's expected profit per rep-period when the salary makes the rep's CE meet the outside
/// option: skill e - c e^2 / 2 - r beta^2 sigma2 / 2 - outside option, with e = beta skill / c.
[[nodiscard]] double linear_contract_profit(double commission_rate, const RepTraits& rep,
                                            double output_variance);

/// Identical reps under one linear contract.
struct LinearContractMarket {
  RepTraits rep{};
  double output_variance = 1.0;  ///< sigma2
  std::uint32_t reps = 1000;
  std::uint32_t periods = 100;
  double max_effort = 10.0;  ///< upper end of the effort search
};

struct LinearContractOutcome {
  double effort = 0.0;                   ///< each rep's choice, from choose_effort (not the closed form)
  double salary = 0.0;                   ///< makes the rep's CE net of effort cost equal the outside option
  std::vector<double> profit_per_rep{};  ///< mean over periods of output - pay
  double mean_profit = 0.0;              ///< per rep-period
};

/**
 * @brief Simulates a linear contract: reps pick effort with choose_effort, output is drawn as
 * skill e + N(0, sigma2) from draws.block(rep, period), the firm keeps output - pay. The draws do not
 * depend on the commission rate, so one stream gives common random numbers across a sweep of rates.
 * @throws std::invalid_argument when max_effort is not positive.
 */
[[nodiscard]] LinearContractOutcome simulate_linear_contract(double commission_rate,
                                                             const LinearContractMarket& market,
                                                             const sim::core::RandomStream& draws);

}  // namespace salesim::models::workforce
