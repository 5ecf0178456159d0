// Parameters of the customer-facing workforce: reps, their plan, decision rights, information.
#pragma once

#include <cstdint>

#include "models/workforce/incentive_plan.h"
#include "models/workforce/rep_spread.h"

namespace salesim::models::workforce {

enum class Organization { product_centric, customer_centric };
enum class TerritoryRule { round_robin, by_segment };

/// Who the reps are: the mean rep, from which each rep's own traits are drawn (workforce.spread).
/// Skill multiplies what their effort achieves; effort costs c (e^2 / 2 - baseline e) per activity and
/// month; risk aversion (CARA) prices the variance of pay in every choice and when they weigh quitting.
struct RepProfile {
  double skill = 1.0;
  double effort_cost = 200.0;  ///< c: effort e of one activity costs c e^2 / 2 a month, in money
  /// Selling effort a rep gives when pay does not depend on it (professional norms, supervision): the
  /// cost of selling is c (e^2 / 2 - baseline e), least at the baseline. Not from a published figure:
  /// it sets how much a salaried rep still sells, and the README says so.
  double baseline_sell_effort = 0.6;
  /// What a unit of service effort is worth to the rep for its own sake (professional norms,
  /// intrinsic motivation), in money a month; 0: reps serve only as far as the plan pays for it.
  double service_norm = 0.0;
  double risk_aversion = 0.0;          ///< CARA r per unit of money
  double outside_option = 3000.0;      ///< certainty-equivalent monthly pay elsewhere
  double new_hire_productivity = 0.6;  ///< share of full productivity in the first month
  double months_to_learn = 6.0;        ///< tenure at which the productivity gap has shrunk to 1/e
  /// How far ahead a rep weighs a ratcheted quota, which never comes back down (Weitzman 1980). A
  /// modelling choice: with one period ahead the ratchet costs far less (README, validation).
  double ratchet_horizon_months = 12.0;
  double starting_tenure_months = 24.0;  ///< tenure of the starting team; new hires start at 0
};

/// How the month-to-month noise of bookings scales: with what is booked (selling harder risks more
/// pay), or fixed at normal bookings (the additive noise of the linear LEN model).
enum class BookingsNoise { proportional, additive };

/// How customers respond to what reps do (the true world; reps believe the same averages).
struct EffortResponse {
  double hunt_rate = 0.004;  ///< chance a prospect is won per month and unit of hunting effort
  /// Purchases x productivity x sell effort^elasticity. Albers, Mantrala & Sridhar (2010), a
  /// meta-analysis of 506 estimates: mean personal-selling elasticity 0.34.
  double sell_elasticity = 0.34;
  /// Purchases of customers nobody sells to (a vacant territory, customers a rep neglects), as a share
  /// of what normal selling gets; selling never does worse than this.
  double unattended_sales_share = 0.5;
  double service_lift = 1.5;   ///< satisfaction points of experience per unit of service effort
  double coaching_lift = 2.0;  ///< survey answer points per unit of coaching effort
  /// Purchases x (1 - discount)^-elasticity. Bijmolt, van Heerde & Pieters (2005), a meta-analysis of
  /// 1,851 estimates: mean price elasticity -2.62.
  double price_elasticity = 2.6;
  double bookings_cv = 0.25;  ///< reps' belief of the month-to-month sd of bookings over their mean
  BookingsNoise bookings_noise = BookingsNoise::proportional;  ///< how the noise scales with bookings
  double pull_forward_share = 0.3;  ///< share of next month's bookings a rep can pull into a period end
  double cherry_pick_gain = 0.15;   ///< extra bookings from working only satisfied customers, as a share
  double pull_forward_cost = 0.1;   ///< discount needed to pull a deal forward
  double push_out_share = 0.3;      ///< share of a month's bookings a rep can hold back into the next period
  /// Chance a deal held back past a period end is lost. A modelling choice, not a published figure.
  double push_out_loss = 0.1;
};

/**
 * @brief The workforce that serves the customer market (DESIGN §6, employees). With reps > 0,
 * customers receive the service their rep delivers instead of service.level, and buy more when
 * their rep sells.
 */
struct WorkforceParams {
  std::uint32_t reps = 0;  ///< 0: no workforce, the fixed service level of `service:` applies
  RepProfile profile;
  RepSpread spread;  ///< how each rep's traits differ from the profile's
  EffortResponse response;
  IncentivePlan plan;
  double max_effort = 3.0;               ///< effort per activity and month, in units of normal effort
  double decision_noise = 0.0;           ///< logit noise scale on effort choices, in money (0: best response)
  double discount_authority = 0.0;       ///< largest discount a rep may give without approval
  bool coaching_possible = false;        ///< reps can coach customers' survey answers
  bool cherry_picking_possible = false;  ///< reps can work only their easy (satisfied) customers
  bool clv_scores_visible = false;       ///< reps see each customer's CLV score
  double clv_score_noise = 0.0;          ///< sd of the score's error, relative to the true value
  TerritoryRule territories = TerritoryRule::round_robin;  ///< how customers are dealt out to reps
  Organization organization = Organization::product_centric;
  std::uint32_t product_lines = 1;  ///< lines a customer can buy; customer managers cross-sell
  double cross_sell_share = 0.3;    ///< extra spend per additional line sold, as a share of a purchase
  double coordination_cost_per_customer = 0.0;  ///< per month, customer-centric only
  /// Satisfaction points of experience a customer manager adds at normal service effort, with several
  /// lines: one contact for every line and no hand-offs between product reps. Lee, Sridhar, Henderson &
  /// Palmatier (2015) find that a customer-centric structure raises customer satisfaction (and adds
  /// coordination cost); they give no size in this unit, so half a point of the 0-10 scale is a
  /// modelling choice (README). It lowers churn through the satisfaction hazard.
  double relationship_lift = 0.5;
  /// Extra purchases of its own line a product specialist's selling gets, with several lines, as a
  /// share. Rust, Moorman & Bhalla (2010): product managers push their own line in the short run; the
  /// size (10%) is a modelling choice (README).
  double product_focus_gain = 0.1;
  std::uint32_t hiring_lag_months = 2;  ///< a vacancy stays open this long
  double quit_patience_months = 3.0;    ///< how long expected pay may trail the outside option
};

}  // namespace salesim::models::workforce
