// Benchmark of the customer-base fits on a CDNOW-sized base: the 2,357-customer CDNOW summary
// replicated 10 times (23,570 customers), each fit timed as the best of several runs. A second,
// "distinct" set shifts each replicate's times and spend by 1e-4 so that no two customers share a
// history: it shows the cost when grouping identical histories cannot help.
// Usage: salesim_bench_customer_base_fits [replicates] [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/customer_base/bg_nbd.h"
#include "analysis/customer_base/gamma_gamma.h"
#include "analysis/customer_base/pareto_nbd.h"
#include "tests/bench/bench_arguments.h"
#include "tests/common/cdnow_summary.h"

namespace {

using salesim::analysis::customer_base::CustomerHistory;
using salesim::analysis::customer_base::FitResult;
using Clock = std::chrono::steady_clock;

std::vector<CustomerHistory> read_cdnow_summary() { return salesim::tests::cdnow_summary_histories(); }

std::vector<CustomerHistory> replicate(const std::vector<CustomerHistory>& base, int replicates,
                                       bool distinct) {
  std::vector<CustomerHistory> out;
  out.reserve(base.size() * static_cast<std::size_t>(replicates));
  for (int k = 0; k < replicates; ++k) {
    const double shift = distinct ? 1e-4 * k : 0.0;
    for (CustomerHistory h : base) {
      h.age += shift;
      if (h.frequency > 0.0) {
        h.recency += shift;  // keeps t_x <= T, and t_x = 0 for those who never repeated
        h.mean_spend += shift;
      }
      out.push_back(h);
    }
  }
  return out;
}

template <class Fit>
void time_fit(const char* label, int runs, Fit fit) {
  double best = 1e300;
  FitResult result;
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    result = fit().result;
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::printf("  %-12s %-9s %8.1f ms  LL %.4f  %3d evaluations  converged %s\n", result.model.c_str(), label,
              best * 1e3, result.log_likelihood, result.evaluations, result.converged ? "yes" : "no");
  std::printf("               ");
  for (const auto& parameter : result.parameters)
    std::printf(" %s = %.6f (%.6f)", parameter.name.c_str(), parameter.value, parameter.standard_error);
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace salesim::analysis::customer_base;
  const char* usage = "salesim_bench_customer_base_fits [replicates of CDNOW (10)] [runs (5)]";
  const int replicates = static_cast<int>(salesim::bench::whole_argument(argc, argv, 1, 10, 1, 1000, usage));
  const int runs = static_cast<int>(salesim::bench::whole_argument(argc, argv, 2, 5, 1, 1000, usage));
  const std::vector<CustomerHistory> base = read_cdnow_summary();
  for (const bool distinct : {false, true}) {
    const std::vector<CustomerHistory> customers = replicate(base, replicates, distinct);
    std::printf("%zu customers (CDNOW x %d, %s), best of %d runs:\n", customers.size(), replicates,
                distinct ? "every history distinct" : "replicated", runs);
    const char* label = distinct ? "distinct" : "replicated";
    time_fit(label, runs, [&] { return fit_bg_nbd(customers); });
    time_fit(label, runs, [&] { return fit_pareto_nbd(customers); });
    time_fit(label, runs, [&] { return fit_gamma_gamma(customers); });
  }
  return 0;
}
