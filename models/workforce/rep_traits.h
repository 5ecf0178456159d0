// Reps who differ: each rep draws its skill, effort cost, risk aversion, outside option and starting
// tenure once, from the scenario's spreads around the profile's values, and keeps them until it leaves.
#pragma once

#include <vector>

#include "models/workforce/rep_spread.h"
#include "models/workforce/workforce_params.h"
#include "sim/core/section_description.h"

namespace salesim::models::workforce {

/// One uniform draw in (0, 1) per trait, from the rep's own stream.
struct TraitDraws {
  double skill = 0.5;
  double effort_cost = 0.5;
  double risk_aversion = 0.5;
  double outside_option = 0.5;
  double starting_tenure = 0.5;
};

/// @brief The trait value a uniform draw in (0, 1) gives: the spread's quantile at that draw (inverse CDF).
[[nodiscard]] double trait_quantile(double mean, const TraitSpread& spread, double uniform01);

/// @brief One rep's profile: the mean profile with each spread trait drawn. Skill and effort cost stay
/// positive (at least a millionth of their mean).
[[nodiscard]] RepProfile draw_rep_profile(const RepProfile& mean, const RepSpread& spread,
                                          const TraitDraws& draws);

/// @brief Every problem in the spreads against the profile's means (empty when valid); never throws.
/// Key paths are relative to `workforce.spread`.
[[nodiscard]] std::vector<sim::core::KeyProblem> validate(const RepSpread& spread, const RepProfile& mean);

/// @brief Keys, ranges and defaults of `workforce.spread`.
[[nodiscard]] const sim::core::SectionDescription& rep_spread_description();

}  // namespace salesim::models::workforce
