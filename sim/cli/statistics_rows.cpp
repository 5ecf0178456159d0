// Shared statistics columns.
#include "sim/cli/statistics_rows.h"

#include <limits>

#include <fmt/format.h>

#include "analysis/metric_registry.h"
#include "analysis/readable_number.h"

namespace salesim::sim::cli {

std::vector<std::string> statistics_columns(std::vector<std::string> leading) {
  for (const char* column : {"metric", "unit", "part", "mean", "sd", "ci_low", "ci_high", "n"})
    leading.emplace_back(column);
  return leading;
}

void append_statistics_cells(std::vector<TidyCell>& cells, const std::string& metric,
                             const analysis::SummaryStatistics& statistics) {
  const auto* definition = analysis::find_metric(metric);
  cells.emplace_back(metric);
  cells.emplace_back(definition == nullptr ? std::string()
                                           : std::string(analysis::unit_label(definition->unit)));
  cells.emplace_back(definition == nullptr ? std::string()
                                           : std::string(analysis::part_name(definition->part)));
  for (double value : {statistics.mean, statistics.sd, statistics.ci_low, statistics.ci_high})
    cells.emplace_back(statistics.n == 0 ? std::numeric_limits<double>::quiet_NaN() : value);
  cells.emplace_back(std::uint64_t{statistics.n});
}

std::string readable_mean_and_interval(const analysis::SummaryStatistics& statistics) {
  using analysis::readable_number;
  if (statistics.n < 2) return readable_number(statistics.mean);
  return fmt::format("{} [{}, {}]", readable_number(statistics.mean), readable_number(statistics.ci_low),
                     readable_number(statistics.ci_high));
}

}  // namespace salesim::sim::cli
