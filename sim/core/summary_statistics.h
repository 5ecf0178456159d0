// What a run file records per metric and design point: the statistics of its replications.
#pragma once

#include <cstdint>

namespace salesim::sim::core {

/// Mean, sample standard deviation and Student-t confidence interval of the mean of the
/// finite values among n replications.
struct SummaryStatistics {
  double mean = 0.0;
  double sd = 0.0;  ///< sample standard deviation, divisor n - 1
  double ci_low = 0.0;
  double ci_high = 0.0;
  std::uint64_t n = 0;  ///< finite values used
};

}  // namespace salesim::sim::core
