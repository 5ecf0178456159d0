// Monte Carlo statistics across replications.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace salesim::analysis {

/// Mean, sample standard deviation and 95% Student-t confidence interval of the mean.
struct SummaryStatistics {
  double mean = 0.0;
  double sd = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
  std::uint64_t n = 0;
};

/**
 * @brief Summarizes replication values. With n < 2 the sd is 0 and the interval collapses
 * to the mean; non-finite values are skipped and not counted in n; with none left the mean
 * and interval are NaN.
 */
[[nodiscard]] SummaryStatistics summarize_replications(std::span<const double> values,
                                                       double confidence = 0.95);

/// Quantiles of the finite values (Hyndman & Fan type 7, as R and numpy by default); NaN
/// when there are none. @throws std::invalid_argument for a probability outside [0, 1].
[[nodiscard]] std::vector<double> quantiles(std::span<const double> values,
                                            std::span<const double> probabilities);

}  // namespace salesim::analysis
