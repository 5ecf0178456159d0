// The table of a run: metric, unit, mean, 95% confidence interval, n; for people or programs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analysis/measurement_bias.h"
#include "analysis/monte_carlo_stats.h"
#include "sim/cli/tidy_table_writer.h"

namespace salesim::sim::cli {

/// Prints one row per metric of `rows` (indices into `metric_names`) that has values: unit, mean,
/// 95% CI and n in readable numbers, grouped by part of the world; Markdown when `markdown`.
void print_summary_table(std::ostream& out, bool markdown, const std::string& title,
                         const std::vector<std::string>& metric_names, const std::vector<std::size_t>& rows,
                         const std::vector<analysis::SummaryStatistics>& statistics);

/// The same rows, values or not, as a tidy table: scenario, metric, unit, part, mean, sd, ci_low,
/// ci_high, n.
void write_summary_rows(std::ostream& out, TidyFormat format, const std::string& scenario,
                        const std::vector<std::string>& metric_names, const std::vector<std::size_t>& rows,
                        const std::vector<analysis::SummaryStatistics>& statistics);

/// Prints what management sees next to what is true: both means and the bias with its 95% CI.
void print_bias_table(std::ostream& out, const std::vector<analysis::MeasurementBias>& rows);

}  // namespace salesim::sim::cli
