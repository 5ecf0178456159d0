// The chart sections of a run's and a comparison's report: time series with 95% CIs of the mean,
// measured against true values, the whale curve, quota attainment, paired differences.
#pragma once

#include <optional>
#include <vector>

#include "analysis/report/html_report.h"
#include "sim/cli/report_reading.h"

namespace salesim::sim::cli {

/// Headline numbers of the first design point: the metrics an instructor looks at first.
[[nodiscard]] std::vector<analysis::report::HeadlineNumber> headline_numbers(const io::RunFileReader& reader,
                                                                             const RunFileDesign& design);

/// Time series, one section per part of the world; with several points one colour per point, and
/// the first timeline change marked.
[[nodiscard]] std::vector<analysis::report::ChartSection> timeseries_sections(
    const io::RunFileReader& reader, const RunFileDesign& design, const RecordedTimeline& timeline);

/// What management sees next to what is true (survey NPS, booked revenue, predicted CLV, ...), one
/// panel per pair the file holds.
[[nodiscard]] std::optional<analysis::report::ChartFigure> measured_vs_true_chart(
    const io::RunFileReader& reader, const RunFileDesign& design);

/// The points of the whale curve the file records: the top fifth's profit share, and the peak.
[[nodiscard]] std::optional<analysis::report::ChartFigure> whale_curve_chart(const io::RunFileReader& reader,
                                                                             const RunFileDesign& design);

/// Quota attainment over reps and periods: 10th to 90th percentile, median, skill quintiles; nothing
/// when the scenario has no reps.
[[nodiscard]] std::optional<analysis::report::ChartFigure> attainment_chart(const io::RunFileReader& reader,
                                                                            const RunFileDesign& design);

/// Each later point's paired difference to the first, per metric, in % of the first's mean.
[[nodiscard]] analysis::report::ChartSection paired_difference_section(const io::RunFileReader& reader,
                                                                       const RunFileDesign& design);

}  // namespace salesim::sim::cli
