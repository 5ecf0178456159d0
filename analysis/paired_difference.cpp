// Paired and Welch intervals of a difference.
#include "analysis/paired_difference.h"

#include <cmath>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace salesim::analysis {

PairedComparison compare_paired(std::span<const double> baseline, std::span<const double> alternative,
                                double confidence) {
  std::vector<double> differences, base, alt;
  for (std::size_t r = 0; r < std::min(baseline.size(), alternative.size()); ++r) {
    if (!std::isfinite(baseline[r]) || !std::isfinite(alternative[r])) continue;
    differences.push_back(alternative[r] - baseline[r]);
    base.push_back(baseline[r]);
    alt.push_back(alternative[r]);
  }
  PairedComparison result;
  result.paired = summarize_replications(differences, confidence);
  result.significant = result.paired.n >= 2 && (result.paired.ci_low > 0.0 || result.paired.ci_high < 0.0);
  result.unpaired_ci_low = result.unpaired_ci_high = result.paired.mean;
  const SummaryStatistics a = summarize_replications(base, confidence);
  const SummaryStatistics b = summarize_replications(alt, confidence);
  if (a.n < 2) return result;
  const double n = static_cast<double>(a.n);
  const double va = a.sd * a.sd / n, vb = b.sd * b.sd / n;
  const double standard_error = std::sqrt(va + vb);
  if (standard_error == 0.0) return result;
  // Welch-Satterthwaite degrees of freedom.
  const double dof = (va + vb) * (va + vb) / (va * va / (n - 1.0) + vb * vb / (n - 1.0));
  const double t = boost::math::quantile(boost::math::students_t(dof), 0.5 + confidence / 2.0);
  result.unpaired_ci_low = b.mean - a.mean - t * standard_error;
  result.unpaired_ci_high = b.mean - a.mean + t * standard_error;
  return result;
}

}  // namespace salesim::analysis
