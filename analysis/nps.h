// Net Promoter Score (Reichheld 2003) from 0-10 recommend answers.
#pragma once

#include <span>

#include "models/world/step_observation.h"

namespace salesim::analysis {

/// Answers counted as promoters (9-10), passives (7-8) and detractors (0-6). The same type
/// the world's observer fills, so the metric core reads its counts without conversion.
using NpsCounts = models::world::RecommendCounts;

/**
 * @brief Net Promoter Score in points, as Reichheld (2003), "The one number you need to grow",
 * Harvard Business Review 81(12), defines it:
 *
 *     NPS = 100 (promoters - detractors) / (promoters + passives + detractors),  in [-100, 100].
 *
 * With no answers the score is undefined and the result is NaN, not 0: a month in which no
 * one answered the survey must not read as a neutral score, and summarize_replications()
 * skips NaN rather than averaging it in.
 */
[[nodiscard]] double net_promoter_score(const NpsCounts& counts);

/**
 * @brief Counts 0-10 answers into promoters (9-10), passives (7-8) and detractors (0-6).
 * @throws std::invalid_argument when an answer is outside 0..10.
 */
[[nodiscard]] NpsCounts classify_answers(std::span<const int> answers_0_to_10);

/**
 * @brief The 0-10 recommend answer of a customer with latent satisfaction s on the 0-10 scale:
 * s rounded half up (6.5 -> 7, 8.5 -> 9), then clamped to 0..10.
 *
 * This is the very function the customer world uses for every served customer's true answer
 * (and, with answer noise added to s, for survey answers): it forwards to
 * models::customer::recommend_answer(), which works in single precision because the world
 * stores satisfaction as float. So a value within float rounding of a half (6.4999999999)
 * rounds as its float does.
 * @throws std::invalid_argument when satisfaction is NaN.
 */
[[nodiscard]] int nps_answer_from_satisfaction(double satisfaction_0_10);

}  // namespace salesim::analysis
