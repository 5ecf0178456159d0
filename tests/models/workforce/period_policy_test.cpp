// The period plan's oracles: a CARA rep values a linear plan at its exact certainty equivalent,
// however large the risk, and the participation salary leaves the typical rep its outside option.
#include "models/workforce/period_policy.h"

#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "models/workforce/rep_decision.h"

using namespace salesim::models::workforce;

namespace {

/// One rep under a monthly revenue commission, sales linear in effort, noise that does not grow with it.
WorkforceParams linear_plan(double rate, double risk_aversion) {
  WorkforceParams params;
  params.reps = 1;
  params.plan.commission = Commission{CommissionBase::revenue, {{0.0, rate}}};
  params.response.sell_elasticity = 1.0;
  params.response.unattended_sales_share = 0.0;
  params.response.bookings_noise = BookingsNoise::additive;
  params.response.pull_forward_share = 0.0;
  params.profile.baseline_sell_effort = 0.0;
  params.profile.effort_cost = 8000.0;
  params.profile.risk_aversion = risk_aversion;
  return params;
}

RepOutlook month_ahead(double revenue_per_month) {
  RepOutlook outlook;
  outlook.months_left = 1;
  outlook.revenue_per_month = revenue_per_month;
  outlook.margin_share = 0.3;
  return outlook;
}

}  // namespace

TEST_CASE("a CARA rep values a linear plan at mean pay less r beta^2 sigma^2 / 2, even for large risk",
          "[workforce][policy]") {
  // r beta sigma = 3: what the rep fears lies 3 sd below the mean, where an untilted rule has few nodes.
  const double revenue = 20000.0, rate = 0.5, cv = 0.25;
  const double sigma = cv * revenue, r = 3.0 / (rate * sigma);
  const WorkforceParams params = linear_plan(rate, r);
  const PeriodPolicy policy(params, month_ahead(revenue), 0.0);
  const auto options = policy.option_values(0.0, 1);
  REQUIRE(options.size() == policy.sells().size());
  for (std::size_t k = 0; k < options.size(); ++k) {
    const double e = policy.sells()[k];
    const double exact =
        rate * revenue * e - r * rate * rate * sigma * sigma / 2.0 - params.profile.effort_cost * e * e / 2.0;
    // Bookings stay far above zero where it matters from effort 1.5 on; below, commission's floor at 0 helps.
    if (e >= 1.5) CHECK(options[k] == Approx(exact).margin(0.002 * rate * revenue * e));
  }
}

TEST_CASE("the participation salary leaves the typical rep exactly its outside option",
          "[workforce][policy]") {
  const double revenue = 20000.0, rate = 0.4;
  WorkforceParams params = linear_plan(rate, 0.0);
  params.profile.outside_option = 9000.0;
  const double salary = participation_salary(params, month_ahead(revenue));
  // Risk neutral, linear: effort beta R / c, worth (beta R)^2 / (2 c) to the rep over its cost.
  const double e = rate * revenue / params.profile.effort_cost;
  const double surplus = rate * revenue * e - params.profile.effort_cost * e * e / 2.0;
  CHECK(salary == Approx(params.profile.outside_option - surplus).epsilon(0.01));
  // A salary is never negative, however generous the commission.
  params.profile.outside_option = 100.0;
  CHECK(participation_salary(params, month_ahead(revenue)) == 0.0);
}
