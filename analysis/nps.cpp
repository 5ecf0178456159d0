// Net Promoter Score arithmetic.
#include "analysis/nps.h"

#include <limits>

namespace salesim::analysis {

double net_promoter_score(const NpsCounts& counts) {
  const std::uint64_t answers = counts.total();
  if (answers == 0) return std::numeric_limits<double>::quiet_NaN();
  return 100.0 * (static_cast<double>(counts.promoters) - static_cast<double>(counts.detractors)) /
         static_cast<double>(answers);
}

}  // namespace salesim::analysis
