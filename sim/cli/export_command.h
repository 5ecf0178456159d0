// `salesim export FILE.h5`: a run file as tidy tables that open in Excel and pandas.
#pragma once

#include <string>

namespace salesim::sim::cli {

struct ExportOptions {
  std::string input_path;
  std::string format;       ///< "csv" or "json"; empty: from the extension of -o, else csv
  std::string output_path;  ///< the summary table; empty: the input with .csv or .json
};

/**
 * @brief Writes two tables next to each other: OUT (one row per design point, replication and
 * summary metric: scenario or point label, the sweep's parameter values, replication, metric,
 * value, unit) and OUT_timeseries (the same per month). Only finished runs are written. Each is
 * written under a temporary name and renamed when complete; neither may be the input.
 * @return the exit code: 0, 2 for a bad option or a file that is not a salesim run file, 1 when
 * writing fails.
 */
int export_command(const ExportOptions& options);

}  // namespace salesim::sim::cli
