// The readable terminal table of a run: metric, mean, 95% confidence interval.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"

namespace salesim::sim::cli {

/// Prints one row per metric with mean, 95% CI and n, numbers aligned and grouped by size.
void print_summary_table(std::ostream& out, const std::string& title,
                         const std::vector<std::string>& metric_names,
                         const std::vector<analysis::SummaryStatistics>& statistics);

}  // namespace salesim::sim::cli
