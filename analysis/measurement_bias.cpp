// Measured-vs-true bias of the KPIs management sees.
#include "analysis/measurement_bias.h"

namespace salesim::analysis {

const std::vector<MeasuredKpi>& measured_kpis() {
  static const std::vector<MeasuredKpi> pairs = {
      {"NPS (survey vs every customer)", "surveyed_nps", "true_nps"},
      {"revenue (booked vs received)", "booked_revenue", "revenue"},
      {"acquisitions (credited to reps vs won by them)", "attributed_acquisitions", "won_by_reps"},
      {"CLV of initial customers (predicted vs realized)", "predicted_clv_initial", "realized_clv_initial"},
      {"supplier effort (KPIs vs actual)", "measured_effort_rate", "supplier_effort_rate"},
  };
  return pairs;
}

std::vector<MeasurementBias> measurement_bias(
    const std::function<std::vector<double>(const std::string&)>& values_of) {
  std::vector<MeasurementBias> rows;
  for (const MeasuredKpi& pair : measured_kpis()) {
    const std::vector<double> measured = values_of(pair.measured);
    const std::vector<double> truth = values_of(pair.truth);
    MeasurementBias row{pair, summarize_replications(measured), summarize_replications(truth),
                        compare_paired(truth, measured)};
    if (row.bias.paired.n > 0) rows.push_back(row);
  }
  return rows;
}

}  // namespace salesim::analysis
