// The columns every tidy statistics table of run, compare and sweep shares, so that one pandas
// call reads them all: metric, unit, part, mean, sd, ci_low, ci_high, n.
#pragma once

#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "sim/cli/tidy_table_writer.h"

namespace salesim::sim::cli {

/// "metric", "unit", "part", "mean", "sd", "ci_low", "ci_high", "n", after `leading` columns.
[[nodiscard]] std::vector<std::string> statistics_columns(std::vector<std::string> leading);

/// The cells of statistics_columns() after the leading ones; unit and part from the metric registry.
void append_statistics_cells(std::vector<TidyCell>& cells, const std::string& metric,
                             const analysis::SummaryStatistics& statistics);

/// "mean", or "mean [ci_low, ci_high]" with two or more values, in readable numbers.
[[nodiscard]] std::string readable_mean_and_interval(const analysis::SummaryStatistics& statistics);

}  // namespace salesim::sim::cli
