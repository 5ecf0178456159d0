// The rules that tie several scenario values together, in one place.
#pragma once

#include <cstdint>
#include <vector>

#include "models/scenario.h"
#include "sim/core/section_description.h"

namespace salesim::models {

/**
 * @brief Every problem that no single key shows: names, shares that sum to 1, a market that holds
 * its initial customers, a workforce with customers to serve, a plan the reps can be paid on.
 * Each problem names the key path it is about; never throws for bad values.
 */
[[nodiscard]] std::vector<sim::core::KeyProblem> scenario_problems(const Scenario& scenario);

/**
 * @brief The most contacts per member (`referrals.mean_degree`) a market of `members` allows: fewer
 * than the members, and at most members - 2 in a rewired small world, whose rewired contacts go to
 * a member outside the k + 1 of the ring's window (with none, the generator would search forever).
 * A small world also needs an even number, which scenario_problems checks apart.
 */
[[nodiscard]] std::uint64_t most_contacts(const ReferralParams& referrals, std::uint64_t members);

}  // namespace salesim::models
