// Net Promoter Score arithmetic and answer classes.
#include "analysis/nps.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "models/customer/customer_response.h"

namespace salesim::analysis {

double net_promoter_score(const NpsCounts& counts) { return counts.net_promoter_score(); }

NpsCounts classify_answers(std::span<const int> answers_0_to_10) {
  NpsCounts counts;
  for (const int answer : answers_0_to_10) {
    if (answer < 0 || answer > 10)
      throw std::invalid_argument("recommend answer " + std::to_string(answer) + " is outside 0..10");
    counts.add(answer);
  }
  return counts;
}

int nps_answer_from_satisfaction(double satisfaction_0_10) {
  if (std::isnan(satisfaction_0_10)) throw std::invalid_argument("satisfaction is NaN");
  // Clamping to the scale first changes no answer (the model clamps after rounding) but keeps
  // infinities and huge values away from an undefined float-to-int conversion.
  const double bounded = std::clamp(satisfaction_0_10, 0.0, 10.0);
  return models::customer::recommend_answer(static_cast<float>(bounded));
}

}  // namespace salesim::analysis
