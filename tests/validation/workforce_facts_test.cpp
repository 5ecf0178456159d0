// The workforce's validation battery: each stylized fact of sales compensation checked for its size
// against the literature's band, on both worlds of validation_worlds.h, under common random numbers.
// Every check prints the effect with its 95% CI and writes a row of VALIDATION.md.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "tests/validation/fact_check.h"
#include "tests/validation/validation_worlds.h"

using namespace salesim;
using models::workforce::CommissionBase;
using models::workforce::CommissionTier;
using models::workforce::EvaluationPeriod;

namespace {

constexpr std::uint32_t replications = 16;

double rate_of(const models::Scenario& world) { return world.workforce.plan.commission->tiers.front().rate; }

/// Misra & Nair's old plan on a world: a quarterly quota, commission from half the quota up to 133% of
/// it and none above (the cap), and a quota that ratchets up after overachievement. At quota it pays
/// what the world's linear commission pays.
models::Scenario capped_ratcheting(models::Scenario world) {
  world.workforce.plan.period = EvaluationPeriod::quarter;
  world.workforce.plan.commission->tiers = {{0.0, 0.0}, {0.5, 2.0 * rate_of(world)}, {1.33, 0.0}};
  world.workforce.plan.quota_ratchet = 0.5;
  return world;
}

models::Scenario without_cap(models::Scenario world) {
  world.workforce.plan.commission->tiers.resize(2);
  return world;
}

models::Scenario without_ratchet(models::Scenario world) {
  world.workforce.plan.quota_ratchet = 0.0;
  return world;
}

std::string percent(double value) { return fmt::format("{:+.1f}%", value); }

bool inside(const analysis::SummaryStatistics& effect, double low, double high) {
  return effect.ci_low >= low && effect.ci_high <= high;
}

/// Fact 1: removing the cap and the ratchet raises revenue by 3 to 20 percent.
void fact_1(const models::Scenario& world) {
  const auto before = tests::run_replications(capped_ratcheting(world), {"revenue"}, replications);
  const auto after = tests::run_replications(without_ratchet(without_cap(capped_ratcheting(world))),
                                             {"revenue"}, replications);
  const auto effect = tests::percent_change(before.at("revenue"), after.at("revenue"));
  const bool passed = inside(effect, 3.0, 20.0);
  tests::record_fact({"1", "removing the pay cap and the quota ratchet raises revenue", "Misra & Nair 2011",
                      world.name, "revenue change, %", "+3% to +20% (field: +9%)", effect, passed});
  CHECK(passed);
}

// Known gap, stated in the README: the ratchet costs more revenue than the cap (about -8% against
// -7%). Reps weigh a ratcheted quota over the next year; with only the next period in view the
// ratchet costs 1.6% to 1.8% and fact 1 falls to +2.0% to +2.3%. Its test cases are marked to fail: when the
// model reaches the band they go red, and the mark must go.
/// Fact 2: a ratchet costs revenue, less than the cap does.
void fact_2(const models::Scenario& world) {
  const auto both = capped_ratcheting(world);
  const std::vector<std::string> metrics = {"revenue", "sell_effort"};
  const auto ratcheting = tests::run_replications(without_cap(both), metrics, replications);
  const auto fixed = tests::run_replications(without_ratchet(without_cap(both)), metrics, replications);
  const auto capped = tests::run_replications(without_ratchet(both), metrics, replications);
  const auto ratchet = tests::percent_change(fixed.at("revenue"), ratcheting.at("revenue"));
  const auto cap = tests::percent_change(fixed.at("revenue"), capped.at("revenue"));
  const bool passed = ratchet.ci_high < 0.0 && ratchet.mean > cap.mean;
  tests::record_fact(
      {"2", "a ratcheting quota makes reps ahead hold back: revenue falls, less than under a cap",
       "Leone, Misra & Zimmerman 2004; Misra & Nair 2011", world.name, "revenue change from the ratchet, %",
       "below 0 and smaller than the cap's (" + percent(cap.mean) + ")", ratchet, passed});
  CHECK(passed);
}

// Known gap, stated in the README: the bend comes from pulled deals only. A rep planning the year
// expects a booking to be worth the same in every month, and effort is concave in that worth: as the
// bonus spreads it across reps (large near quota, nothing far from it), mean effort falls.
/// Fact 3: an annual quota bonus bends bookings into the last quarter, by effort and timing.
void fact_3(const models::Scenario& world) {
  auto linear = world;
  linear.workforce.plan.period = EvaluationPeriod::year;
  auto bonus = linear;
  // Half the commission moves into a lump sum for making the annual quota.
  bonus.workforce.plan.commission->tiers = {{0.0, rate_of(world) / 2.0}};
  bonus.workforce.plan.quota_bonus = rate_of(world) / 2.0 * 12.0 * world.workforce.plan.quota_per_month;
  // Without deals to pull in or push out, any bend left comes from effort.
  auto effort_only = bonus, linear_effort_only = linear;
  effort_only.workforce.response.pull_forward_share = 0.0;
  linear_effort_only.workforce.response.pull_forward_share = 0.0;
  effort_only.workforce.response.push_out_share = 0.0;
  linear_effort_only.workforce.response.push_out_share = 0.0;
  const std::vector<std::string> metrics = {"last_quarter_share", "pull_forwards"};
  const auto flat = tests::run_replications(linear, metrics, replications);
  const auto bent = tests::run_replications(bonus, metrics, replications);
  const auto flat_effort = tests::run_replications(linear_effort_only, metrics, replications);
  const auto bent_effort = tests::run_replications(effort_only, metrics, replications);
  const auto bend = tests::difference(flat.at("last_quarter_share"), bent.at("last_quarter_share"));
  const auto by_effort =
      tests::difference(flat_effort.at("last_quarter_share"), bent_effort.at("last_quarter_share"));
  const auto pulls = tests::level(bent.at("pull_forwards"));
  const bool passed = bend.ci_low > 0.0 && by_effort.ci_low > 0.0 && pulls.mean > 0.0;
  tests::record_fact(
      {"3", "an annual quota bonus bends bookings into the last quarter", "Oyer 1998", world.name,
       "last-quarter share of yearly bookings, bonus - linear",
       fmt::format("above 0, and above 0 with no deal moved too (effort alone: {:+.3f})", by_effort.mean),
       bend, passed});
  CHECK(passed);
}

/// Fact 6: salaried reps sell less, but they still sell.
void fact_6(const models::Scenario& world) {
  auto salary = world;
  salary.workforce.plan.commission.reset();
  // The same expected pay as salary alone.
  salary.workforce.plan.salary_per_month += rate_of(world) * world.workforce.plan.quota_per_month;
  const std::vector<std::string> metrics = {"sell_effort", "revenue"};
  const auto commission = tests::run_replications(world, metrics, replications);
  const auto salaried = tests::run_replications(salary, metrics, replications);
  const auto effort = tests::ratio_of(commission.at("sell_effort"), salaried.at("sell_effort"));
  const bool passed = effort.ci_low > 0.0 && effort.ci_high < 1.0;
  tests::record_fact(
      {"6", "salary only lowers selling effort, which stays positive",
       "Holmstrom 1979; Basu, Lal, Srinivasan & Staelin 1985", world.name,
       "sell effort under salary / under commission",
       fmt::format("between 0 and 1 (revenue {})",
                   percent(tests::percent_change(commission.at("revenue"), salaried.at("revenue")).mean)),
       effort, passed});
  CHECK(passed);
}

/// Fact 7: risk-averse reps quit commission-heavy plans more, and turnover stays plausible.
void fact_7(const models::Scenario& world) {
  // Most pay at risk: a third of the salary, commission raised to keep expected pay.
  auto heavy = world;
  const double moved = world.workforce.plan.salary_per_month * 2.0 / 3.0;
  heavy.workforce.plan.salary_per_month -= moved;
  heavy.workforce.plan.commission->tiers.front().rate += moved / world.workforce.plan.quota_per_month;
  auto averse = heavy;
  averse.workforce.profile.risk_aversion *= 4.0;
  averse.workforce.spread.risk_aversion->sd *= 4.0;
  const auto calm = tests::run_replications(heavy, {"quits"}, replications);
  const auto anxious = tests::run_replications(averse, {"quits"}, replications);
  const auto more = tests::difference(calm.at("quits"), anxious.at("quits"));
  // Annual turnover of the risk-averse team: quits per rep and year.
  const double rep_years = world.workforce.reps * world.run.horizon_months / 12.0;
  std::vector<double> turnover;
  for (double quits : anxious.at("quits")) turnover.push_back(100.0 * quits / rep_years);
  const auto yearly = tests::level(turnover);
  const bool passed = more.ci_low > 0.0 && yearly.ci_high < 100.0;
  tests::record_fact(
      {"7", "risk-averse reps quit a commission-heavy plan more often",
       "Holmstrom & Milgrom 1987; Lo, Ghosh & Lafontaine 2011", world.name, "quits, risk aversion x4 - x1",
       fmt::format("above 0, annual turnover below 100% (it is {:.0f}%)", yearly.mean), more, passed});
  CHECK(passed);
}

/// Fact 9: revenue commission with discount authority discounts deeper and earns less margin.
void fact_9(const models::Scenario& world) {
  const double gross_margin = world.segments.front().gross_margin;
  auto on_revenue = world;
  on_revenue.workforce.discount_authority = 0.8 * gross_margin;
  auto on_margin = on_revenue;
  // The same pay at list price: the rate on margin is the revenue rate over the gross margin.
  on_margin.workforce.plan.commission =
      models::workforce::Commission{CommissionBase::margin, {{0.0, rate_of(world) / gross_margin}}};
  on_margin.workforce.plan.quota_per_month = world.workforce.plan.quota_per_month * gross_margin;
  const std::vector<std::string> metrics = {"discount_depth", "margin"};
  const auto margin_plan = tests::run_replications(on_margin, metrics, replications);
  const auto revenue_plan = tests::run_replications(on_revenue, metrics, replications);
  const auto deeper = tests::difference(margin_plan.at("discount_depth"), revenue_plan.at("discount_depth"));
  const auto margin = tests::percent_change(margin_plan.at("margin"), revenue_plan.at("margin"));
  const auto left = tests::level(revenue_plan.at("margin"));
  const bool passed = deeper.ci_low > 0.0 && margin.ci_high < 0.0 && left.ci_low > 0.0;
  tests::record_fact(
      {"9", "revenue commission with discount authority: deeper discounts, lower margin",
       "Lal 1986; Bhardwaj 2001", world.name, "margin change, revenue - margin commission, %",
       fmt::format("below 0 with the margin still positive (discount depth {:+.3f})", deeper.mean), margin,
       passed});
  CHECK(passed);
}

/// Fact 4a: overachievement commissions keep the top reps selling after quota.
void fact_4a(const models::Scenario& world) {
  auto stop_at_quota = world;
  stop_at_quota.workforce.plan.period = EvaluationPeriod::quarter;
  stop_at_quota.workforce.plan.commission->tiers = {{0.0, rate_of(world)}, {1.0, 0.0}};
  auto overachievement = stop_at_quota;
  overachievement.workforce.plan.commission->tiers = {{0.0, rate_of(world)}, {1.0, 2.0 * rate_of(world)}};
  const std::vector<std::string> metrics = {"sell_effort_top_quintile", "sell_effort_bottom_quintile"};
  const auto stopped = tests::run_replications(stop_at_quota, metrics, replications);
  const auto kept = tests::run_replications(overachievement, metrics, replications);
  const auto top =
      tests::percent_change(stopped.at("sell_effort_top_quintile"), kept.at("sell_effort_top_quintile"));
  const auto bottom = tests::percent_change(stopped.at("sell_effort_bottom_quintile"),
                                            kept.at("sell_effort_bottom_quintile"));
  const bool passed = top.ci_low > 0.0 && top.mean > bottom.mean;
  tests::record_fact({"4a", "overachievement commissions keep the top fifth of reps selling after quota",
                      "Chung, Steenburgh & Sudhir 2014", world.name,
                      "top-fifth sell effort, overachievement tier - none above quota, %",
                      fmt::format("above 0 and above the bottom fifth's ({})", percent(bottom.mean)), top,
                      passed});
  CHECK(passed);
}

// Known gap on the consumer bank (+0.2%, CI -1.8% to +2.1%): its weakest fifth attains about 0.6
// of quota, too far below even a quarter's quota for either bonus to move it. The distributor's
// weakest, nearer their quota, sell 8% harder under quarterly bonuses.
/// Fact 4b: quarterly bonuses pace the weakest reps.
void fact_4b(const models::Scenario& world) {
  // The same bonus money, paid for making a yearly quota or for each quarter's.
  const double yearly_bonus = rate_of(world) / 2.0 * 12.0 * world.workforce.plan.quota_per_month;
  auto annual = world;
  annual.workforce.plan.period = EvaluationPeriod::year;
  annual.workforce.plan.commission->tiers = {{0.0, rate_of(world) / 2.0}};
  annual.workforce.plan.quota_bonus = yearly_bonus;
  auto quarterly = annual;
  quarterly.workforce.plan.period = EvaluationPeriod::quarter;
  quarterly.workforce.plan.quota_bonus = yearly_bonus / 4.0;
  const std::vector<std::string> metrics = {"sell_effort_bottom_quintile"};
  const auto yearly = tests::run_replications(annual, metrics, replications);
  const auto paced = tests::run_replications(quarterly, metrics, replications);
  const auto bottom = tests::percent_change(yearly.at("sell_effort_bottom_quintile"),
                                            paced.at("sell_effort_bottom_quintile"));
  const bool passed = bottom.ci_low > 0.0;
  tests::record_fact({"4b", "quarterly bonuses keep the bottom fifth of reps selling",
                      "Chung, Steenburgh & Sudhir 2014", world.name,
                      "bottom-fifth sell effort, quarterly - annual bonus, %", "above 0", bottom, passed});
  CHECK(passed);
}

// Known gap on both worlds: the linear commission lifts the top fifth more (+15% to +16% attainment)
// than the bottom (+2% to +8%). Under the bonus the top reps sit above quota with a quarter of the
// commission at the margin, so the full rate moves them most; the weakest, far below quota, gain
// only what selling harder buys at an elasticity of 0.34. Pull-forwards do fall, as Kishore et al.
// found.
/// Fact 5: a linear commission instead of a lumpy bonus lifts the weakest reps most and cuts timing.
void fact_5(const models::Scenario& world) {
  auto lumpy = world;
  lumpy.workforce.plan.period = EvaluationPeriod::quarter;
  lumpy.workforce.plan.commission->tiers = {{0.0, rate_of(world) / 4.0}};
  lumpy.workforce.plan.quota_bonus = 0.75 * rate_of(world) * 3.0 * world.workforce.plan.quota_per_month;
  auto linear = lumpy;
  linear.workforce.plan.commission->tiers = {{0.0, rate_of(world)}};
  linear.workforce.plan.quota_bonus.reset();
  const std::vector<std::string> metrics = {"attainment_top_quintile", "attainment_bottom_quintile",
                                            "pull_forwards"};
  const auto bonus = tests::run_replications(lumpy, metrics, replications);
  const auto smooth = tests::run_replications(linear, metrics, replications);
  const auto bottom =
      tests::percent_change(bonus.at("attainment_bottom_quintile"), smooth.at("attainment_bottom_quintile"));
  const auto top =
      tests::percent_change(bonus.at("attainment_top_quintile"), smooth.at("attainment_top_quintile"));
  const auto timing = tests::difference(bonus.at("pull_forwards"), smooth.at("pull_forwards"));
  const bool passed = bottom.ci_low > 0.0 && bottom.mean > top.mean && timing.ci_high < 0.0;
  tests::record_fact({"5", "a linear commission instead of a lumpy bonus lifts the weakest reps most",
                      "Kishore, Rao, Narasimhan & John 2013", world.name,
                      "bottom-fifth attainment, linear - bonus, %",
                      fmt::format("above 0 and above the top fifth's ({}), fewer pull-forwards ({:+.1f})",
                                  percent(top.mean), timing.mean),
                      bottom, passed});
  CHECK(passed);
}

/// The firm's best commission on margin among `rates`: the highest mean profit after pay, every rate
/// on the same draws.
double best_rate(models::Scenario scenario, const std::vector<double>& rates) {
  double best = rates.front(), best_profit = -HUGE_VAL;
  for (double rate : rates) {
    scenario.workforce.plan.commission->tiers = {{0.0, rate}};
    const double profit =
        tests::level(tests::run_replications(scenario, {"profit_after_pay"}, 6).at("profit_after_pay")).mean;
    if (profit > best_profit) best = rate, best_profit = profit;
  }
  return best;
}

std::vector<double> rate_grid(double from, double to, double step) {
  std::vector<double> rates;
  for (double rate = from; rate <= to + 1e-9; rate += step) rates.push_back(rate);
  return rates;
}

/// A world under LEN's terms: a monthly margin commission and a salary that meets the outside
/// option, so the firm pays for risk and effort and picks the commission that trades them off.
models::Scenario len_terms(models::Scenario world) {
  auto& plan = world.workforce.plan;
  // An outside option worth the margin a rep brings in keeps the salary above 0 at every rate
  // tried: a salary floor would make high rates dear and move the optimum.
  world.workforce.profile.outside_option = world.segments.front().gross_margin * plan.quota_per_month;
  const double rate = rate_of(world) / world.segments.front().gross_margin;
  plan = {};
  plan.commission = models::workforce::Commission{CommissionBase::margin, {{0.0, rate}}};
  plan.salary_meets_outside_option = true;
  world.workforce.response.pull_forward_share = 0.0;
  // LEN's reps take the job once and stay: met in expectation, the participation constraint would
  // otherwise send every rep whose pay ran below it for a few months away.
  world.workforce.quit_patience_months = 1200.0;
  world.run.horizon_months = 12;
  return world;
}

/// LEN's single-task linear case on a world: sales linear in effort, noise that does not grow with
/// effort, reps alike and giving no effort unpaid; effort cost and risk aversion set so that
/// beta* = 1 / (1 + r c cv^2) = 0.8 and effort there is normal. (At beta* = 1/2 a CARA rep's
/// certainty equivalent would be decided where bookings reach zero and commission stops falling.)
models::Scenario len_linear(models::Scenario world) {
  // A rep's margin a month at normal effort (the world's quota is what its customers then buy):
  // effort e = beta a / c is then 1 at beta = 0.8.
  const double margin_per_rep = world.segments.front().gross_margin * world.workforce.plan.quota_per_month;
  world = len_terms(world);
  auto& workforce = world.workforce;
  workforce.spread = {};
  workforce.response.sell_elasticity = 1.0;
  workforce.response.unattended_sales_share = 0.0;
  workforce.response.bookings_noise = models::workforce::BookingsNoise::additive;
  workforce.profile.baseline_sell_effort = 0.0;
  workforce.profile.effort_cost = 0.8 * margin_per_rep;
  const double cv = workforce.response.bookings_cv;
  workforce.profile.risk_aversion = 0.25 / (workforce.profile.effort_cost * cv * cv);
  return world;
}

/// Fact 8a: in LEN's single-task linear case the full model's best commission is beta* within 10%.
void fact_8a(const models::Scenario& world) {
  const models::Scenario linear = len_linear(world);
  const auto& profile = linear.workforce.profile;
  const double cv = linear.workforce.response.bookings_cv;
  const double beta_star = 1.0 / (1.0 + profile.risk_aversion * profile.effort_cost * cv * cv);
  const double best = best_rate(linear, rate_grid(0.5, 1.0, 0.025));
  const analysis::SummaryStatistics effect{
      .mean = best / beta_star, .ci_low = best / beta_star, .ci_high = best / beta_star, .n = 6};
  const bool passed = std::abs(best / beta_star - 1.0) <= 0.1;
  tests::record_fact(
      {"8a", "in LEN's single-task linear case the best commission is beta* = 1 / (1 + r c sigma^2)",
       "Holmstrom & Milgrom 1987", world.name,
       fmt::format("best commission on margin / beta* (best {:.3f} on a 0.025 grid, beta* {:.3f})", best,
                   beta_star),
       "0.9 to 1.1", effect, passed});
  CHECK(passed);
}

// Known gap on the consumer bank: the best commission falls with r (0.40 to 0.20) and sigma^2 (to
// 0.30) but not with the effort cost (0.40 at c x2, on a 0.025 grid): with many small customers a
// rep's bookings respond so little to effort (elasticity 0.34) that the dearer effort barely
// changes what the commission buys.
/// Fact 8b: under LEN's terms in the full model the best commission falls as r, sigma^2 and c rise.
void fact_8b(const models::Scenario& world) {
  const models::Scenario base = len_terms(world);
  const auto rates = rate_grid(0.1, 0.7, 0.025);
  const double at_base = best_rate(base, rates);
  auto averse = base, noisy = base, costly = base;
  averse.workforce.profile.risk_aversion *= 4.0;
  averse.workforce.spread.risk_aversion->sd *= 4.0;
  noisy.workforce.response.bookings_cv *= std::sqrt(2.0);
  costly.workforce.profile.effort_cost *= 2.0;
  costly.workforce.spread.effort_cost->sd *= 2.0;
  const double with_r = best_rate(averse, rates), with_noise = best_rate(noisy, rates),
               with_cost = best_rate(costly, rates);
  const double lowest_fall = std::min({at_base - with_r, at_base - with_noise, at_base - with_cost});
  const bool passed = lowest_fall > 0.0;
  tests::record_fact({"8b",
                      "the best commission falls as risk aversion, noise and effort cost rise",
                      "Holmstrom & Milgrom 1987",
                      world.name,
                      fmt::format("smallest fall of the best commission on margin (base {:.2f}; r x4 {:.2f}, "
                                  "sigma^2 x2 {:.2f}, c x2 {:.2f})",
                                  at_base, with_r, with_noise, with_cost),
                      "above 0 for each",
                      {.mean = lowest_fall, .ci_low = lowest_fall, .ci_high = lowest_fall, .n = 6},
                      passed});
  CHECK(passed);
}

}  // namespace

TEST_CASE("fact 8a on the distributor: the profit-maximizing commission is beta* in LEN's linear case",
          "[validation]") {
  fact_8a(tests::distributor_world());
}
TEST_CASE("fact 8a on the consumer bank: the profit-maximizing commission is beta* in LEN's linear case",
          "[validation]") {
  fact_8a(tests::consumer_world());
}
TEST_CASE("fact 8b on the distributor: the profit-maximizing commission falls with r, sigma^2 and c",
          "[validation]") {
  fact_8b(tests::distributor_world());
}
TEST_CASE("fact 8b on the consumer bank: the profit-maximizing commission falls with r, sigma^2 and c",
          "[validation][!shouldfail]") {
  fact_8b(tests::consumer_world());
}

// One test case per fact and world, so a known gap is marked exactly where it is.
TEST_CASE("fact 1 on the distributor: removing the cap and the ratchet raises revenue by 3 to 20 percent",
          "[validation]") {
  fact_1(tests::distributor_world());
}
TEST_CASE("fact 1 on the consumer bank: removing the cap and the ratchet raises revenue by 3 to 20 percent",
          "[validation]") {
  fact_1(tests::consumer_world());
}

TEST_CASE("fact 2 on the distributor: a ratchet costs revenue, less than the cap does",
          "[validation][!shouldfail]") {
  fact_2(tests::distributor_world());
}
TEST_CASE("fact 2 on the consumer bank: a ratchet costs revenue, less than the cap does",
          "[validation][!shouldfail]") {
  fact_2(tests::consumer_world());
}

TEST_CASE(
    "fact 3 on the distributor: an annual quota bonus bends bookings into the last quarter, by effort and "
    "timing",
    "[validation][!shouldfail]") {
  fact_3(tests::distributor_world());
}
TEST_CASE(
    "fact 3 on the consumer bank: an annual quota bonus bends bookings into the last quarter, by effort and "
    "timing",
    "[validation][!shouldfail]") {
  fact_3(tests::consumer_world());
}

TEST_CASE("fact 4a on the distributor: overachievement commissions keep the top reps selling after quota",
          "[validation]") {
  fact_4a(tests::distributor_world());
}
TEST_CASE("fact 4a on the consumer bank: overachievement commissions keep the top reps selling after quota",
          "[validation]") {
  fact_4a(tests::consumer_world());
}

TEST_CASE("fact 4b on the distributor: quarterly bonuses pace the weakest reps", "[validation]") {
  fact_4b(tests::distributor_world());
}
TEST_CASE("fact 4b on the consumer bank: quarterly bonuses pace the weakest reps",
          "[validation][!shouldfail]") {
  fact_4b(tests::consumer_world());
}

TEST_CASE(
    "fact 5 on the distributor: a linear commission instead of a lumpy bonus lifts the weakest reps most and "
    "cuts timing",
    "[validation][!shouldfail]") {
  fact_5(tests::distributor_world());
}
TEST_CASE(
    "fact 5 on the consumer bank: a linear commission instead of a lumpy bonus lifts the weakest reps most "
    "and cuts timing",
    "[validation][!shouldfail]") {
  fact_5(tests::consumer_world());
}

TEST_CASE("fact 6 on the distributor: salaried reps sell less, but they still sell", "[validation]") {
  fact_6(tests::distributor_world());
}
TEST_CASE("fact 6 on the consumer bank: salaried reps sell less, but they still sell", "[validation]") {
  fact_6(tests::consumer_world());
}

TEST_CASE(
    "fact 7 on the distributor: risk-averse reps quit commission-heavy plans more, and turnover stays "
    "plausible",
    "[validation]") {
  fact_7(tests::distributor_world());
}
TEST_CASE(
    "fact 7 on the consumer bank: risk-averse reps quit commission-heavy plans more, and turnover stays "
    "plausible",
    "[validation]") {
  fact_7(tests::consumer_world());
}

TEST_CASE(
    "fact 9 on the distributor: revenue commission with discount authority discounts deeper and earns less "
    "margin",
    "[validation]") {
  fact_9(tests::distributor_world());
}
TEST_CASE(
    "fact 9 on the consumer bank: revenue commission with discount authority discounts deeper and earns less "
    "margin",
    "[validation]") {
  fact_9(tests::consumer_world());
}
