// Differences between two scenarios run with common random numbers.
#pragma once

#include <span>

#include "analysis/monte_carlo_stats.h"

namespace salesim::analysis {

struct PairedComparison {
  SummaryStatistics paired;      ///< of alternative_r - baseline_r over replications r
  double unpaired_ci_low = 0.0;  ///< Welch interval of the difference of means, same runs
  double unpaired_ci_high = 0.0;
  bool significant = false;  ///< the paired interval excludes 0
};

/**
 * @brief Paired comparison: replication r of both scenarios saw the same random draws, so the
 * per-replication differences cancel shared noise (Law 2015, ch. 10). The Welch interval on
 * the same runs shows what pairing gains. Pairs with a non-finite value are left out.
 */
[[nodiscard]] PairedComparison compare_paired(std::span<const double> baseline,
                                              std::span<const double> alternative, double confidence = 0.95);

}  // namespace salesim::analysis
