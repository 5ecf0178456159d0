// Monte Carlo statistics across replications.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/core/summary_statistics.h"

namespace salesim::analysis {

/// The statistics a run file records (declared in sim/core, which HDF5 code may include).
using sim::core::SummaryStatistics;

/**
 * @brief Summarizes replication values: mean m, sample sd s (divisor n - 1) and the two-sided
 * Student-t interval m +- t s / sqrt(n), t the (1 + confidence) / 2 quantile of Student's t
 * with n - 1 degrees of freedom (from Boost.Math).
 *
 * Non-finite values (failed or undefined replications, e.g. an NPS with no answers) are
 * skipped and not counted in n. With n = 1 the sd is 0 and the interval collapses to the
 * mean; with n = 0 the mean and the interval are NaN.
 * @throws std::invalid_argument when confidence is not strictly between 0 and 1.
 */
[[nodiscard]] SummaryStatistics summarize_replications(std::span<const double> values,
                                                       double confidence = 0.95);

/**
 * @brief Quantiles of the finite values, one per probability, by Hyndman & Fan (1996) type 7
 * (the default of R and numpy): with the n values sorted as x[0..n-1], h = (n - 1) p and j = floor(h),
 * Q(p) = x[j] + (h - j) (x[j+1] - x[j]). NaN when no value is finite.
 * @throws std::invalid_argument for a probability outside [0, 1] (NaN included).
 */
[[nodiscard]] std::vector<double> quantiles(std::span<const double> values,
                                            std::span<const double> probabilities);

}  // namespace salesim::analysis
