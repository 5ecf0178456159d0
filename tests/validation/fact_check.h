// The validation battery's tools: replications of a scenario under common random numbers, effects
// with their 95% CI, and one row per fact and world written for VALIDATION.md.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/monte_carlo_stats.h"
#include "models/scenario.h"

namespace salesim::tests {

/// Summary metrics of replications 0..n-1 of a scenario, each replication on its own draws; the same
/// replication of another scenario sees the same draws (common random numbers).
using MetricRuns = std::map<std::string, std::vector<double>>;
[[nodiscard]] MetricRuns run_replications(const models::Scenario& scenario,
                                          const std::vector<std::string>& metrics,
                                          std::uint32_t replications);

/// @brief Per-replication percent change 100 (alternative / baseline - 1), summarised with its 95% CI.
[[nodiscard]] analysis::SummaryStatistics percent_change(const std::vector<double>& baseline,
                                                         const std::vector<double>& alternative);

/// @brief Per-replication difference alternative - baseline, summarised with its 95% CI.
[[nodiscard]] analysis::SummaryStatistics difference(const std::vector<double>& baseline,
                                                     const std::vector<double>& alternative);

/// @brief Per-replication ratio alternative / baseline, summarised with its 95% CI.
[[nodiscard]] analysis::SummaryStatistics ratio_of(const std::vector<double>& baseline,
                                                   const std::vector<double>& alternative);

/// @brief The values themselves, summarised with their 95% CI.
[[nodiscard]] analysis::SummaryStatistics level(const std::vector<double>& values);

/// One row of VALIDATION.md: a fact checked on one world.
struct FactRow {
  std::string fact;     ///< its number in the battery, with a letter for a part ("4a")
  std::string claim;    ///< the stylized fact, in a few words
  std::string source;   ///< who found it
  std::string world;    ///< distributor_world or consumer_world
  std::string measure;  ///< what the effect is, with its unit
  std::string band;     ///< the literature's band, as the test checks it
  analysis::SummaryStatistics effect{};
  bool passed = false;
};

/// @brief Prints the row and writes it as JSON to <binary dir>/validation/fact-<id>-<world>.json
/// (renamed into place), where the VALIDATION.md script reads it.
void record_fact(const FactRow& row);

}  // namespace salesim::tests
