// Fact 10 of the validation battery: customer managers against product managers, on both worlds of
// validation_worlds.h, under common random numbers. Each check prints the effect with its 95% CI and
// writes a row of VALIDATION.md.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "tests/validation/fact_check.h"
#include "tests/validation/validation_worlds.h"

using namespace salesim;
using models::workforce::Organization;

namespace {

constexpr std::uint32_t replications = 16;
constexpr std::uint32_t lines = 3;

/// The world selling three product lines, organised by product. Coordinating the lines around a
/// customer costs a customer-centric firm a tenth of an account's monthly gross margin: a choice of
/// the world's design, since Lee, Sridhar, Henderson & Palmatier (2015) find the cost but give no
/// figure per customer.
models::Scenario by_product(models::Scenario world) {
  const models::SegmentParams& segment = world.segments.front();
  const double monthly_margin =
      segment.purchase_rate_per_month * segment.spend_per_purchase.mean * segment.gross_margin;
  world.workforce.product_lines = lines;
  world.workforce.coordination_cost_per_customer = 0.1 * monthly_margin;
  world.workforce.organization = Organization::product_centric;
  return world;
}

models::Scenario by_customer(models::Scenario world) {
  world = by_product(std::move(world));
  world.workforce.organization = Organization::customer_centric;
  return world;
}

/// What each organization's customers bought of the reps' own line (revenue less cross-selling).
std::vector<double> own_line_revenue(const tests::MetricRuns& runs) {
  std::vector<double> own;
  for (std::size_t r = 0; r < runs.at("revenue").size(); ++r)
    own.push_back(runs.at("revenue")[r] - runs.at("cross_sell_revenue")[r]);
  return own;
}

/// Fact 10: customer managers keep customers longer and make them worth more, net of coordination cost.
void fact_10(const models::Scenario& world) {
  const std::vector<std::string> metrics = {"retention_rate", "mean_clv", "revenue", "cross_sell_revenue"};
  const auto products = tests::run_replications(by_product(world), metrics, replications);
  const auto customers = tests::run_replications(by_customer(world), metrics, replications);
  auto retention = tests::difference(products.at("retention_rate"), customers.at("retention_rate"));
  // In percentage points of monthly retention.
  retention.mean *= 100.0;
  retention.ci_low *= 100.0;
  retention.ci_high *= 100.0;
  const auto clv = tests::percent_change(products.at("mean_clv"), customers.at("mean_clv"));
  const auto own_line = tests::percent_change(own_line_revenue(products), own_line_revenue(customers));

  // The short run the product organization is said to win: its first quarter, on the reps' own line.
  auto quarter_world = world;
  quarter_world.run.horizon_months = 3;
  const auto quarter_products = tests::run_replications(by_product(quarter_world), metrics, replications);
  const auto quarter_customers = tests::run_replications(by_customer(quarter_world), metrics, replications);
  const auto first_quarter =
      tests::percent_change(own_line_revenue(quarter_products), own_line_revenue(quarter_customers));
  fmt::print(
      "fact 10, {}: own-line revenue, customer - product managers: first quarter {:+.1f}% ({:+.1f}% to "
      "{:+.1f}%), two years {:+.1f}%\n",
      world.name, first_quarter.mean, first_quarter.ci_low, first_quarter.ci_high, own_line.mean);

  const bool retains = retention.ci_low > 0.0;
  tests::record_fact({"10a", "customer managers keep customers longer than product managers",
                      "Lee, Sridhar, Henderson & Palmatier 2015; Rust, Moorman & Bhalla 2010", world.name,
                      "monthly retention, customer - product managers, percentage points",
                      fmt::format("above 0 (own-line revenue under customer managers: {:+.1f}% in the first "
                                  "quarter, {:+.1f}% over two years)",
                                  first_quarter.mean, own_line.mean),
                      retention, retains});
  // How much of the gain is cross-selling alone: customer managers without the relationship's satisfaction.
  auto cross_selling_only = by_customer(world);
  cross_selling_only.workforce.relationship_lift = 0.0;
  const auto cross_sold = tests::run_replications(cross_selling_only, {"mean_clv"}, replications);
  const auto clv_by_cross_selling = tests::percent_change(products.at("mean_clv"), cross_sold.at("mean_clv"));
  const bool worth_more = clv.ci_low > 0.0;
  tests::record_fact({"10b", "customer managers make customers worth more, net of coordination cost",
                      "Lee, Sridhar, Henderson & Palmatier 2015; Kumar, George & Pancras 2008", world.name,
                      "mean CLV net of coordination cost, customer - product managers, %",
                      fmt::format("above 0 (cross-selling alone, without the relationship: {:+.1f}%)",
                                  clv_by_cross_selling.mean),
                      clv, worth_more});
  CHECK(retains);
  CHECK(worth_more);
}

}  // namespace

TEST_CASE("fact 10 on the distributor: customer managers keep customers longer and make them worth more",
          "[validation]") {
  fact_10(tests::distributor_world());
}
TEST_CASE("fact 10 on the consumer bank: customer managers keep customers longer and make them worth more",
          "[validation]") {
  fact_10(tests::consumer_world());
}
