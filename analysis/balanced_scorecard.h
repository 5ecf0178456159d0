// Balanced Scorecard scoring (Kaplan & Norton 1992): weighted KPI attainment per perspective.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "models/scenario.h"

namespace salesim::analysis {

struct ScorecardScore {
  double total = 0.0;  ///< 0-100 points: sum over KPIs of weight x min(attainment, 1) x 100
  /// Points earned in each perspective, in Perspective order; they add up to `total`.
  std::array<double, 4> by_perspective{};
};

/**
 * @brief Attainment of a KPI is value / target when higher is better and target / value when
 * lower is better, kept in [0, 1] (no credit beyond the target, none for the wrong sign).
 * A KPI whose value is not finite earns nothing.
 */
[[nodiscard]] ScorecardScore score_scorecard(const std::vector<models::ScorecardKpi>& kpis,
                                             const std::function<double(const std::string&)>& value_of);

/// "financial", "customer", "internal_process", "learning_growth".
[[nodiscard]] const std::array<const char*, 4>& perspective_names();

}  // namespace salesim::analysis
