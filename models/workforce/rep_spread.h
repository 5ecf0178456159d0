// How reps differ: the spread of each trait over reps, around the profile's value.
#pragma once

#include <optional>

namespace salesim::models::workforce {

enum class TraitDistribution { lognormal, normal, beta };

/**
 * @brief How one trait spreads over reps. The profile's value is the mean; `sd` the standard deviation
 * across reps. Draws fall in [low, high]: the distribution is truncated there (by its CDF, so no mass
 * piles up at a bound). Without `high` there is no upper bound; a beta spans exactly [low, high] and
 * needs one.
 */
struct TraitSpread {
  TraitDistribution distribution = TraitDistribution::lognormal;
  double sd = 0.0;
  double low = 0.0;
  std::optional<double> high{};
};

/// Which traits vary across reps; an absent one is the profile's value for every rep.
struct RepSpread {
  std::optional<TraitSpread> skill{};
  std::optional<TraitSpread> effort_cost{};
  std::optional<TraitSpread> risk_aversion{};
  std::optional<TraitSpread> outside_option{};
  std::optional<TraitSpread> starting_tenure_months{};
};

}  // namespace salesim::models::workforce
