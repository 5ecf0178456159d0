// Net Promoter Score (Reichheld 2003) from recommend answers.
#pragma once

#include "models/world/step_observation.h"

namespace salesim::analysis {

/// Answers counted as promoters (9-10), passives (7-8) and detractors (0-6).
using NpsCounts = models::world::RecommendCounts;

/// NPS in points: 100 (promoters - detractors) / answers, in [-100, 100]; NaN with no answers.
[[nodiscard]] double net_promoter_score(const NpsCounts& counts);

}  // namespace salesim::analysis
