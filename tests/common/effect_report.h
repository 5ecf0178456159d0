// Stylized-fact tests print the effect they prove, with its confidence interval.
#pragma once

#include <iostream>
#include <string>

#include "analysis/monte_carlo_stats.h"

namespace salesim::tests {

inline void report_effect(const std::string& effect, const analysis::SummaryStatistics& stats) {
  std::cout << "[effect] " << effect << ": " << stats.mean << " (95% CI " << stats.ci_low << " to "
            << stats.ci_high << ", n = " << stats.n << ")\n";
}

}  // namespace salesim::tests
