// The report page of a run file, made for its kind: a run, a comparison of scenarios, or a sweep.
#pragma once

#include <filesystem>

#include "analysis/report/html_report.h"
#include "sim/io/run_file_reader.h"

namespace salesim::sim::cli {

/**
 * @brief Provenance, a "partial" banner when runs are missing, the scenarios' descriptions, and
 * then per kind: a run's headline numbers, statistics by part of the world, time series with 95%
 * CIs, measured against true, whale curve and quota attainment; a comparison's side-by-side
 * statistics and time series, paired differences; a sweep's response curves, heat maps, tornado and
 * best design points. Metrics without a finite value are left out everywhere.
 * @throws io::RunFileFormatError when a dataset the layout promised cannot be read.
 */
[[nodiscard]] analysis::report::ReportPage run_file_page(const io::RunFileReader& reader,
                                                         const std::filesystem::path& input);

}  // namespace salesim::sim::cli
