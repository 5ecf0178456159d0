// Common random numbers sharpen comparisons: paired intervals are narrower than unpaired ones.
#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/paired_difference.h"
#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "tests/common/effect_report.h"
#include "tests/common/scenario_builders.h"

using namespace salesim;

TEST_CASE("common random numbers make the paired CI of a difference narrower than the unpaired one",
          "[models][crn][stylized]") {
  auto baseline = tests::lively_market();
  auto better = baseline;
  better.service.level = 0.75;
  const auto names = analysis::customer_metric_catalog(baseline.run.horizon_months).summary_names;
  const auto profit =
      static_cast<std::size_t>(std::find(names.begin(), names.end(), "profit") - names.begin());

  std::vector<double> a, b_common, b_independent;
  for (std::uint32_t r = 0; r < 30; ++r) {
    const std::uint64_t seed = baseline.run.seed;
    a.push_back(
        analysis::customer_run_record(models::world::simulate_run(baseline, {seed, 0, r})).summary[profit]);
    b_common.push_back(
        analysis::customer_run_record(models::world::simulate_run(better, {seed, 0, r})).summary[profit]);
    b_independent.push_back(
        analysis::customer_run_record(models::world::simulate_run(better, {seed, 1, r})).summary[profit]);
  }
  const auto common = analysis::compare_paired(a, b_common);
  const auto independent = analysis::compare_paired(a, b_independent);
  const double paired_width = common.paired.ci_high - common.paired.ci_low;
  const double unpaired_width = common.unpaired_ci_high - common.unpaired_ci_low;
  tests::report_effect("profit, service 0.75 - 0.7, paired under CRN", common.paired);
  tests::report_effect("profit, service 0.75 - 0.7, paired without CRN", independent.paired);
  std::cout << "[effect] CI width paired " << paired_width << " vs unpaired " << unpaired_width << '\n';
  CHECK(paired_width < 0.5 * unpaired_width);
  CHECK(paired_width < 0.5 * (independent.paired.ci_high - independent.paired.ci_low));
  // Both estimate the same difference.
  CHECK(common.paired.mean == Approx(independent.paired.mean).margin(unpaired_width));
}
