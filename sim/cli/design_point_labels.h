// What a run file's design points are called in exported tables: scenario names for a run or a
// comparison, "parameter=value, ..." for a sweep, never the codes 0.0, 1.0 of /design/params.
#pragma once

#include <string>
#include <vector>

#include "sim/io/run_file_reader.h"

namespace salesim::sim::cli {

struct DesignPointLabels {
  std::string column;               ///< "scenario" (run, compare) or "point" (sweep)
  std::vector<std::string> labels;  ///< one per design point, all different
  /// The varied parameters of a sweep, each its own column; empty for a run or a comparison.
  std::vector<std::string> parameter_names;
  std::vector<double> parameter_values;  ///< [points x parameters], row-major
};

/**
 * @brief Labels of the file's design points. A comparison's points are its scenarios, named by the
 * `name:` of each stored scenario document and, when two share a name, by the `--set N:...`
 * overrides of the recorded command line (as `salesim compare` heads its columns), else a number.
 * @throws io::RunFileFormatError when /design/params cannot be read.
 */
[[nodiscard]] DesignPointLabels design_point_labels(const io::RunFileReader& reader);

/// The top-level `name:` of each document of a stored scenario text, in order. A line scan: only
/// sim/io parses YAML, and the text is salesim's own resolved output.
[[nodiscard]] std::vector<std::string> stored_scenario_names(const std::string& yaml);

}  // namespace salesim::sim::cli
