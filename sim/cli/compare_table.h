// The table of `salesim compare`: each scenario's means and each alternative's paired difference
// from the baseline, for people (table, markdown) or programs (csv, json).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "analysis/paired_difference.h"
#include "sim/cli/table_format.h"

namespace salesim::sim::cli {

struct CompareTableInput {
  std::string title;
  /// Full label per scenario: its name and the --set overrides addressed to it alone, so that a
  /// scenario compared with itself under an override is told apart.
  std::vector<std::string> scenario_labels;
  std::vector<std::string> scenario_paths;
  std::vector<std::string> metric_names;
  std::vector<std::size_t> rows;  ///< indices into metric_names, in the order to show
  std::vector<std::vector<analysis::SummaryStatistics>> statistics;  ///< [metric][scenario]
  std::vector<std::vector<analysis::PairedComparison>> comparisons;  ///< [metric][scenario - 1]
};

/**
 * @brief table/markdown: columns headed "[k] label" (cut with '~' to fit, the full label in a
 * legend below), rows grouped by part, metrics without values left out; csv/json: one row per
 * scenario and metric with the statistics and, for alternatives, the paired difference from the
 * baseline and its 95% CI.
 */
void print_compare_table(std::ostream& out, TableFormat format, const CompareTableInput& input);

}  // namespace salesim::sim::cli
