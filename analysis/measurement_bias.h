// What the firm's measurement system reports next to what is true (DESIGN §6).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/paired_difference.h"

namespace salesim::analysis {

/// A KPI management sees, and the summary metric that holds its true value.
struct MeasuredKpi {
  std::string kpi;       ///< what it is, for people
  std::string measured;  ///< summary metric management sees
  std::string truth;     ///< summary metric of the true value
};

/// The measured/true pairs every salesim run records (survey NPS; KPI-measured supplier effort).
[[nodiscard]] const std::vector<MeasuredKpi>& measured_kpis();

/// One row of the bias table: both means and measured - true, paired by replication.
struct MeasurementBias {
  MeasuredKpi pair;
  SummaryStatistics measured;
  SummaryStatistics truth;
  PairedComparison bias;  ///< of measured - true; significant when its CI excludes 0
};

/**
 * @brief The bias of each measured KPI whose values exist in these runs: `values_of(metric)`
 * returns a metric's value in each replication (NaN where the run has none). Pairs without a
 * single finite replication are left out (e.g. partnership KPIs of a market without partners).
 */
[[nodiscard]] std::vector<MeasurementBias> measurement_bias(
    const std::function<std::vector<double>(const std::string&)>& values_of);

}  // namespace salesim::analysis
