// Drawing a rep's traits from the scenario's spreads, checking the spreads, describing them.
#include "models/workforce/rep_traits.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>

namespace salesim::models::workforce {
namespace {

using sim::core::Describe;
using sim::core::KeyProblem;
using sim::core::SectionDescription;

/// The beta on [low, high] with this mean and sd, as shape parameters.
std::pair<double, double> beta_shapes(double mean, double sd, double low, double high) {
  const double m = (mean - low) / (high - low), v = sd * sd / ((high - low) * (high - low));
  const double common = m * (1.0 - m) / v - 1.0;
  return {m * common, (1.0 - m) * common};
}

/// Quantile of `distribution` at u, truncated to [low, high] through its CDF.
template <class Distribution>
double truncated_quantile(const Distribution& distribution, double low, double high, double uniform01) {
  const double below = low > 0.0 || std::is_same_v<Distribution, boost::math::normal>
                           ? boost::math::cdf(distribution, low)
                           : 0.0;
  const double up_to = std::isfinite(high) ? boost::math::cdf(distribution, high) : 1.0;
  const double u = std::clamp(below + uniform01 * (up_to - below), 1e-15, 1.0 - 1e-15);
  return std::clamp(boost::math::quantile(distribution, u), low, high);
}

void check_spread(const std::string& key, const TraitSpread& spread, double mean,
                  std::vector<KeyProblem>& problems) {
  const double high = spread.high.value_or(HUGE_VAL);
  if (!(spread.low < high)) {
    problems.push_back({key + ".high", "the upper bound is not above the lower bound", "high > low"});
    return;
  }
  if (spread.distribution == TraitDistribution::lognormal && spread.sd > 0.0 && !(mean > 0.0)) {
    problems.push_back(
        {key + ".distribution",
         "a lognormal spread needs a positive mean, and the profile's is " + std::to_string(mean),
         "normal, or a positive profile value"});
  }
  if (spread.distribution == TraitDistribution::beta) {
    if (!spread.high) {
      problems.push_back({key + ".high", "a beta spread needs an upper bound", "a number above low"});
    } else if (!(mean > spread.low && mean < high)) {
      problems.push_back(
          {key + ".low",
           "the profile's value " + std::to_string(mean) + " is not inside the beta's [low, high]",
           "low < profile value < high"});
    } else if (spread.sd > 0.0) {
      const double m = (mean - spread.low) / (high - spread.low);
      const double most = (high - spread.low) * std::sqrt(m * (1.0 - m));
      if (!(spread.sd < most)) {
        problems.push_back({key + ".sd", "no beta on [low, high] with this mean has so large an sd",
                            "sd < " + std::to_string(most)});
      }
    }
  }
}

double drawn(double mean, const std::optional<TraitSpread>& spread, double uniform01) {
  return spread ? trait_quantile(mean, *spread, uniform01) : mean;
}

const SectionDescription& trait_spread_description() {
  static const SectionDescription section =
      Describe<TraitSpread>("how one trait spreads over reps around the profile's value (the mean)")
          .field("distribution", &TraitSpread::distribution,
                 {.meaning = "shape of the spread", .words = {"lognormal", "normal", "beta"}})
          .field("sd", &TraitSpread::sd,
                 {.min = 0, .unit = "trait units", .meaning = "standard deviation across reps"})
          .field("low", &TraitSpread::low,
                 {.min = 0, .unit = "trait units", .meaning = "no rep draws below this (truncated)"})
          .field("high", &TraitSpread::high,
                 {.min = 0,
                  .unit = "trait units",
                  .meaning = "no rep draws above this (absent: no bound; a beta needs one)"})
          .done();
  return section;
}

}  // namespace

double trait_quantile(double mean, const TraitSpread& spread, double uniform01) {
  const double high = spread.high.value_or(HUGE_VAL);
  if (spread.sd <= 0.0) return std::clamp(mean, spread.low, high);
  switch (spread.distribution) {
    case TraitDistribution::lognormal: {
      // Mean and sd of the trait itself: sigma^2 = log(1 + cv^2), location log(mean) - sigma^2 / 2.
      const double sigma2 = std::log1p(spread.sd * spread.sd / (mean * mean));
      const boost::math::lognormal distribution(std::log(mean) - sigma2 / 2.0, std::sqrt(sigma2));
      return truncated_quantile(distribution, spread.low, high, uniform01);
    }
    case TraitDistribution::normal:
      return truncated_quantile(boost::math::normal(mean, spread.sd), spread.low, high, uniform01);
    case TraitDistribution::beta: {
      const auto [a, b] = beta_shapes(mean, spread.sd, spread.low, high);
      return spread.low +
             (high - spread.low) * boost::math::quantile(boost::math::beta_distribution(a, b),
                                                         std::clamp(uniform01, 1e-15, 1 - 1e-15));
    }
  }
  return mean;
}

RepProfile draw_rep_profile(const RepProfile& mean, const RepSpread& spread, const TraitDraws& draws) {
  RepProfile rep = mean;
  rep.skill = std::max(1e-6 * mean.skill, drawn(mean.skill, spread.skill, draws.skill));
  rep.effort_cost =
      std::max(1e-6 * mean.effort_cost, drawn(mean.effort_cost, spread.effort_cost, draws.effort_cost));
  rep.risk_aversion = std::max(0.0, drawn(mean.risk_aversion, spread.risk_aversion, draws.risk_aversion));
  rep.outside_option = std::max(0.0, drawn(mean.outside_option, spread.outside_option, draws.outside_option));
  rep.starting_tenure_months =
      std::max(0.0, drawn(mean.starting_tenure_months, spread.starting_tenure_months, draws.starting_tenure));
  return rep;
}

std::vector<KeyProblem> validate(const RepSpread& spread, const RepProfile& mean) {
  std::vector<KeyProblem> problems;
  if (spread.skill) check_spread("skill", *spread.skill, mean.skill, problems);
  if (spread.effort_cost) check_spread("effort_cost", *spread.effort_cost, mean.effort_cost, problems);
  if (spread.risk_aversion)
    check_spread("risk_aversion", *spread.risk_aversion, mean.risk_aversion, problems);
  if (spread.outside_option)
    check_spread("outside_option", *spread.outside_option, mean.outside_option, problems);
  if (spread.starting_tenure_months) {
    check_spread("starting_tenure_months", *spread.starting_tenure_months, mean.starting_tenure_months,
                 problems);
  }
  return problems;
}

const SectionDescription& rep_spread_description() {
  static const SectionDescription section =
      Describe<RepSpread>("traits that vary across reps; each rep draws them when hired and keeps them")
          .optional("skill", &RepSpread::skill, trait_spread_description())
          .optional("effort_cost", &RepSpread::effort_cost, trait_spread_description())
          .optional("risk_aversion", &RepSpread::risk_aversion, trait_spread_description())
          .optional("outside_option", &RepSpread::outside_option, trait_spread_description())
          .optional("starting_tenure_months", &RepSpread::starting_tenure_months, trait_spread_description(),
                    {.meaning = "tenure of the starting team (new hires start at 0)"})
          .done();
  return section;
}

}  // namespace salesim::models::workforce
