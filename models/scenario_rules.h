// The rules that tie several scenario values together, in one place.
#pragma once

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

}  // namespace salesim::models
