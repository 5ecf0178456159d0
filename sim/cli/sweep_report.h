// The terminal report of a sweep: each design point's headline metrics, then sensitivities.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "analysis/sensitivity.h"
#include "sim/cli/table_format.h"
#include "sim/io/sweep_loader.h"
#include "sim/run/experiment_design.h"

namespace salesim::sim::cli {

/// The headline metrics an instructor looks at first, as indices into `names` (at most three).
[[nodiscard]] std::vector<std::size_t> headline_metrics(const std::vector<std::string>& names);

/**
 * @brief table/markdown: one row per design point, its parameter values and the metrics of `rows`
 * (mean [95% CI], readable numbers); csv/json: one row per design point and metric, the parameter
 * values in their own columns, then the statistics columns.
 */
void print_sweep_table(std::ostream& out, TableFormat format, const io::SweepDefinition& sweep,
                       const std::vector<run::DesignPoint>& design,
                       const std::vector<std::string>& summary_names, const std::vector<std::size_t>& rows,
                       const std::vector<std::vector<analysis::SummaryStatistics>>& statistics);

/// One row per metric: R² and the standardized regression coefficient of each parameter.
void print_sensitivity_table(std::ostream& out, const std::vector<std::string>& parameter_names,
                             const std::vector<std::string>& metric_names,
                             const std::vector<analysis::Sensitivity>& sensitivities);

}  // namespace salesim::sim::cli
