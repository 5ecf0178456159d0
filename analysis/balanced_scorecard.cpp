// Scoring a run against its Balanced Scorecard.
#include "analysis/balanced_scorecard.h"

#include <algorithm>
#include <cmath>

namespace salesim::analysis {

ScorecardScore score_scorecard(const std::vector<models::ScorecardKpi>& kpis,
                               const std::function<double(const std::string&)>& value_of) {
  ScorecardScore score;
  for (const models::ScorecardKpi& kpi : kpis) {
    const double value = value_of(kpi.metric);
    double attainment = 0.0;
    if (std::isfinite(value) && kpi.target != 0.0) {
      attainment = kpi.higher_is_better ? value / kpi.target : (value != 0.0 ? kpi.target / value : 1.0);
    }
    const double points = 100.0 * kpi.weight * std::clamp(attainment, 0.0, 1.0);
    score.by_perspective[static_cast<std::size_t>(kpi.perspective)] += points;
    score.total += points;
  }
  return score;
}

const std::array<const char*, 4>& perspective_names() {
  static const std::array<const char*, 4> names = {"financial", "customer", "internal_process",
                                                   "learning_growth"};
  return names;
}

}  // namespace salesim::analysis
