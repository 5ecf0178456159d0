// The readable terminal table of a run: metric, mean, 95% confidence interval.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analysis/measurement_bias.h"
#include "analysis/monte_carlo_stats.h"

namespace salesim::sim::cli {

/// Prints one row per metric with its unit, mean, 95% CI and n, numbers aligned and grouped by
/// size. `units` holds one label per metric ("$", "share"), or is empty.
void print_summary_table(std::ostream& out, const std::string& title,
                         const std::vector<std::string>& metric_names, const std::vector<std::string>& units,
                         const std::vector<analysis::SummaryStatistics>& statistics);

/// Prints what management sees next to what is true: both means and the bias with its 95% CI.
void print_bias_table(std::ostream& out, const std::vector<analysis::MeasurementBias>& rows);

}  // namespace salesim::sim::cli
