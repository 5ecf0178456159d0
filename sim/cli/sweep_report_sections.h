// The sections of a sweep's report: response curves, heat maps of 2-parameter grids, the tornado of
// /sensitivity, and the best design point per metric.
#pragma once

#include <vector>

#include "analysis/report/html_report.h"
#include "sim/cli/report_reading.h"

namespace salesim::sim::cli {

struct SweepSections {
  std::vector<analysis::report::ChartSection> charts;
  analysis::report::TextTable best_points;
};

/// Every kept summary metric with a finite mean enters; the rest are left out everywhere.
[[nodiscard]] SweepSections sweep_sections(const io::RunFileReader& reader, const RunFileDesign& design);

}  // namespace salesim::sim::cli
