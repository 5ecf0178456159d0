// The terminal report of a sweep: each design point's headline metrics, then sensitivities.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "analysis/sensitivity.h"
#include "sim/io/sweep_loader.h"
#include "sim/run/experiment_design.h"

namespace salesim::sim::cli {

/// One row per design point: parameter values and up to three headline metrics (mean, 95% CI).
void print_sweep_table(std::ostream& out, const io::SweepDefinition& sweep,
                       const std::vector<run::DesignPoint>& design,
                       const std::vector<std::string>& summary_names,
                       const std::vector<std::vector<analysis::SummaryStatistics>>& statistics);

/// One row per metric: R² and the standardized regression coefficient of each parameter.
void print_sensitivity_table(std::ostream& out, const std::vector<std::string>& parameter_names,
                             const std::vector<std::string>& metric_names,
                             const std::vector<analysis::Sensitivity>& sensitivities);

}  // namespace salesim::sim::cli
