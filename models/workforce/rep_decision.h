// A rep's monthly choice: how hard to sell, serve and coach, how deep to discount, whether to pull
// deals into the period — weighing expected pay under the plan against the cost of effort.
#pragma once

#include <cstdint>
#include <vector>

#include "models/workforce/incentive_plan.h"
#include "models/workforce/rep_exchange.h"
#include "models/workforce/workforce_params.h"

namespace salesim::models::workforce {

/// How a territory's purchases respond to a multiplier of every customer's purchase probability,
/// relative to the multiplier 1: concave where probabilities reach 1. Unknown: purchases in proportion.
struct DemandCurve {
  bool known = false;
  DemandAtFactors share{};  ///< revenue at each of demand_factors over revenue at factor 1
};

/// @brief The curve of a territory's outlook; unknown when it expects no revenue at factor 1.
[[nodiscard]] DemandCurve demand_curve(const DemandAtFactors& revenue_at_factor);

/// @brief Purchases relative to normal under a probability multiplier `factor`: the curve,
/// interpolated and flat beyond its last point, or `factor` itself when the curve is unknown.
[[nodiscard]] double purchases_at(const DemandCurve& demand, double factor);

/// What the rep knows and believes this month, with the plan's evaluation period in view.
struct RepOutlook {
  std::uint32_t months_left = 1;  ///< in the evaluation period, this month included
  double booked_revenue = 0.0;    ///< measured, period to date
  double booked_margin = 0.0;
  double quota = 0.0;                 ///< this period's, in the commission base's units
  double revenue_per_month = 0.0;     ///< expected at normal effort, no discount
  double margin_share = 0.0;          ///< margin / revenue without discount
  double productivity = 1.0;          ///< skill x learning curve
  double nps_at_normal_effort = 0.0;  ///< measured NPS the rep expects at normal service, no coaching
  double quota_value = 0.0;           ///< d E[next year's pay] / d quota (<= 0), see quota_value()
  double bookings_value_next = 0.0;   ///< d E[next period's pay] / d bookings, for pulling deals forward
  double prospects = 0.0;             ///< in the territory
  double prospect_clv = 0.0;          ///< predicted CLV of a prospect won, on average
  DemandCurve demand{};               ///< how its customers' purchases saturate
};

/// What the rep does this month. Efforts are in units of normal effort (1 = what service.level assumed).
struct RepChoice {
  double sell = 1.0;
  double service = 1.0;
  double coaching = 0.0;
  double discount = 0.0;
  double hunt = 0.0;          ///< effort spent winning new customers
  bool cherry_pick = false;   ///< works only its satisfied customers, neglecting the rest
  bool pull_forward = false;  ///< books part of next month's deals now (at a discount)
  bool push_out = false;      ///< holds part of this month's deals back into the next period (some are lost)
};

/// @brief Purchases relative to normal effort: productivity x effort^sell_elasticity, never below
/// the unattended share; 1 at effort 1 for a fully productive rep.
[[nodiscard]] double sell_factor(const EffortResponse& response, double productivity, double effort);

/// @brief Purchases relative to list price under a discount: (1 - discount)^-price_elasticity.
[[nodiscard]] double discount_factor(const EffortResponse& response, double discount);

/// @brief What selling effort e costs the rep a month: c (e^2 / 2 - baseline e), least at the baseline.
[[nodiscard]] double selling_cost(const RepProfile& rep, double effort);

/// @brief Team attainment a rep expects when it attains `own_attainment` and the others make quota.
[[nodiscard]] double team_attainment_believed(const WorkforceParams& params, double own_attainment);

/// Selling efforts a rep weighs, evenly from 0 to max_effort.
inline constexpr std::size_t effort_grid_points = 21;

/// @brief The plan's scorecard KPIs, in its order, from the measures reps are judged on
/// (`surveyed_nps`, `attainment`; any other name reads 0).
[[nodiscard]] std::vector<double> scorecard_values(const IncentivePlan& plan, double measured_nps,
                                                   double attainment);

/// @brief The effort levels a rep chooses among: effort_grid_points from 0 to max_effort.
[[nodiscard]] std::vector<double> effort_grid(double max_effort);

/// Uniform draws for the rep's noisy choices, from its own stream.
struct ChoiceDraws {
  double selling = 0.5;
  double serving = 0.5;
  double pulling = 0.5;
  double hunting = 0.5;
  double picking = 0.5;
};

/// How much measured NPS the rep believes a unit of service (or coaching) effort buys.
inline constexpr double nps_points_per_service = 12.0;

/**
 * @brief Expected pay of the evaluation period if the rep sells with `sell` effort and gives
 * `discount` this month and works normally after: pay_for_period() averaged over normal bookings
 * noise (10-point Gauss-Legendre over +-5 sd), plus the ratchet's shadow cost quota_value x (next quota -
 * quota) when the plan ratchets (Weitzman 1980: tomorrow's quota taxes today's overachievement).
 */
[[nodiscard]] double expected_period_pay(const WorkforceParams& params, const RepOutlook& outlook,
                                         double sell, double discount, double measured_nps,
                                         double extra_bookings = 0.0);

/// @brief Standard deviation of a fresh period's pay at normal effort: the risk a plan puts on the rep.
[[nodiscard]] double period_pay_sd(const WorkforceParams& params, double quota, double revenue_per_month,
                                   double margin_share, double productivity);

/// @brief d E[pay] / d quota over the periods within the rep's ratchet horizon at normal effort: how
/// much a higher quota, which a ratchet never lowers, costs the rep.
[[nodiscard]] double quota_value(const WorkforceParams& params, double quota, double revenue_per_month,
                                 double margin_share, double productivity);

/// @brief d E[pay of a fresh period] / d bookings at normal effort: what a deal is worth next period.
[[nodiscard]] double bookings_value(const WorkforceParams& params, double quota, double revenue_per_month,
                                    double margin_share, double productivity);

class PeriodPolicy;

/**
 * @brief The monthly salary at which a rep facing `typical` gets its outside option: the outside
 * option less the certainty equivalent, per month, of the plan's variable pay net of selling
 * effort cost (the period plan's value with no salary) and less what serving is worth to it for its
 * own sake. Under CARA the salary moves no choice, so the firm can set it last. At least 0.
 */
[[nodiscard]] double participation_salary(const WorkforceParams& params, const RepOutlook& typical);

/**
 * @brief The month's choice: service and coaching jointly (their pay comes through measured NPS
 * this period), selling effort and discount jointly from the period plan `policy` (planned afresh
 * from this outlook when empty), and at a period end whether pulling deals forward pays (Oyer
 * 1998). By best response or, with decision_noise > 0, by logit choice (McFadden 1974).
 */
[[nodiscard]] RepChoice choose_month(const WorkforceParams& params, const RepOutlook& outlook,
                                     const PeriodPolicy& policy, const ChoiceDraws& draws);

}  // namespace salesim::models::workforce
