// The initial customers of a segment of latent buyers, started from their purchase histories.
#pragma once

#include <filesystem>
#include <vector>

#include "models/scenario.h"
#include "sim/core/section_description.h"

namespace salesim::sim::run {

/**
 * @brief Reads `segments[].buyers.history` of every segment that names one (relative to `folder`),
 * and fills its buyers' histories with each customer's x, t_x, T, mean spend and P(alive) under the
 * segment's own model and parameters.
 * @return The problems of the scenario's keys: a missing file, or a history whose customers are not
 * the segment's initial customers. A file that is no valid summary throws io::InputError, located in it.
 */
[[nodiscard]] std::vector<core::KeyProblem> attach_buyer_histories(models::Scenario& scenario,
                                                                   const std::filesystem::path& folder);

}  // namespace salesim::sim::run
