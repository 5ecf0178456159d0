// `salesim report`: one self-contained HTML page with tables and charts from a run or calibration file.
#pragma once

#include <string>

namespace salesim::sim::cli {

struct ReportOptions {
  std::string input_path;
  std::string output_path;  ///< empty: the input path with the extension .html
};

/// Returns the exit code: 0 written, 2 input missing or not a readable run or calibration file (the
/// message names it), 1 other failures.
int report_command(const ReportOptions& options);

}  // namespace salesim::sim::cli
