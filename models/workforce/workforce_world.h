// The reps of one run: their monthly choices, their measured results, pay, quotas, quits and hires.
#pragma once

#include <cstdint>
#include <vector>

#include "models/workforce/period_policy.h"
#include "models/workforce/rep_decision.h"
#include "models/workforce/rep_exchange.h"
#include "models/workforce/workforce_observation.h"
#include "models/workforce/workforce_params.h"
#include "sim/core/random_stream.h"

namespace salesim::models::workforce {

/**
 * @brief Each month every rep chooses effort, discount and deal timing from its plan and what it
 * believes (decide), the customer world responds, and the measurement system books what each
 * territory did (settle): bookings with pulled deals, survey NPS with coached answers. At the end
 * of an evaluation period the plan pays on those measured KPIs, quotas ratchet, and reps whose
 * certainty-equivalent pay stays below their outside option quit; a vacancy is refilled after
 * the hiring lag by a new hire who still has to learn.
 */
class WorkforceWorld {
 public:
  WorkforceWorld(const WorkforceParams& params, const sim::core::RunAddress& run);

  /// The reps' choices for `month`, given what their territories did and promise (last month).
  const DeliveredService& decide(std::uint32_t month, const TerritoryMonth& outlook);

  /// Books the month's results, pays at period ends, ratchets quotas, handles quits and hires. With
  /// `closes_period` (the run's last month, or the last before the plan changes) a period still open
  /// is settled pro rata (prorated()), so its pay counts, and the next month starts a new period.
  WorkforceMonth settle(std::uint32_t month, const TerritoryMonth& territories, bool closes_period = false);

  /**
   * @brief From the next month on, the workforce works under `terms` (a timeline change). Reps keep
   * their traits, tenure, beliefs and books; quotas keep their monthly level, or take the new
   * plan's when it sets a different quota_per_month. A plan change follows settle(..., true).
   */
  void change_terms(const WorkforceParams& terms);

  [[nodiscard]] std::uint32_t reps() const noexcept { return params_.reps; }
  /// The traits of the rep now in slot `rep` (drawn when it was hired).
  [[nodiscard]] const RepProfile& profile_of(std::uint32_t rep) const { return rep_params_[rep].profile; }
  /// Quota attainment of every rep at every period end so far, in order.
  [[nodiscard]] const std::vector<double>& attainments() const noexcept { return attainments_; }

 private:
  /// The quota a rep starts a plan with (QuotaSetting), for a whole period.
  [[nodiscard]] double starting_quota(std::uint32_t rep) const;
  [[nodiscard]] double productivity(std::uint32_t rep) const;
  /// The workforce's parameters with this rep's own traits in the profile.
  [[nodiscard]] const WorkforceParams& params_of(std::uint32_t rep) const { return rep_params_[rep]; }
  /// Draws the traits of the rep who now fills slot `rep` (its hires_[rep]-th occupant).
  void draw_traits(std::uint32_t rep);
  /// One rep's choice for the month; touches only that rep's columns.
  void decide_rep(std::uint32_t rep, std::uint32_t month, const TerritoryMonth& outlook);
  /// Pays the period that ends now (`share_of_period` < 1: the run ends it early) and, at a full
  /// period end, ratchets the quota and lets the rep quit.
  void pay_period(std::uint32_t rep, double team_attainment, double share_of_period,
                  WorkforceMonth& observed);
  /// Adds this month's selling effort and any period-end attainment (period_attainment_) of the top
  /// and bottom skill fifths among the `employed` reps.
  void tally_quintiles(const std::vector<std::uint8_t>& employed, WorkforceMonth& observed) const;
  /// At a full period's end: whether the rep's pay keeps it above its outside option, and its next quota.
  void settle_career(std::uint32_t rep, const PayBreakdown& pay, double attained, const IncentivePlan& plan);
  /// Months from `month` to the calendar end of its period, `month` included.
  [[nodiscard]] std::uint32_t months_left_in_period(std::uint32_t month) const;
  void hire(std::uint32_t rep);
  /// Sets the salary that meets a typical rep's outside option at a period's start
  /// (plan.salary_meets_outside_option).
  void set_participation_salary(const TerritoryMonth& outlook);

  WorkforceParams params_;
  sim::core::RandomStream draws_;
  sim::core::RandomStream trait_draws_;
  std::vector<WorkforceParams> rep_params_;  ///< per rep: params_ with its own profile
  std::vector<std::uint32_t> hires_;         ///< occupants of each slot so far, the current one included
  std::uint32_t months_per_period_;
  std::uint32_t period_start_ = 1;  ///< first month of the open period
  /// The open period's length as a share of a full one: below 1 only for a period a plan change
  /// started after its calendar start (periods end with the calendar: months 12, 24, ...).
  double period_share_ = 1.0;
  DeliveredService delivered_;
  std::vector<RepChoice> choices_;
  // Rep columns.
  std::vector<std::uint8_t> employed_;
  std::vector<std::uint32_t> vacancy_months_left_;
  std::vector<std::uint32_t> tenure_months_;
  std::vector<double> quota_;
  std::vector<double> booked_revenue_;  ///< measured, period to date
  std::vector<double> booked_margin_;
  std::vector<double> churned_sales_;  ///< period to date, for the clawback
  std::vector<double> won_clv_;        ///< predicted CLV of customers won, period to date
  std::vector<double> won_count_;      ///< customers won, period to date (a SPIFF pays on it)
  std::vector<world::RecommendCounts> period_survey_;
  std::vector<double> pulled_revenue_;  ///< booked early at the last period end, out of this month's books
  std::vector<double> pulled_margin_;
  std::vector<double> pushed_revenue_;  ///< held back at the last period end and not lost: this month's books
  std::vector<double> pushed_margin_;
  std::vector<double> effort_cost_in_period_;
  std::vector<double> pay_ema_;  ///< monthly pay, smoothed over periods
  std::vector<double> months_below_option_;
  std::vector<PeriodPolicy> policies_;  ///< each rep's plan for the current period
  std::vector<double> quota_value_;     ///< of this period, computed at its start
  std::vector<double> bookings_value_;
  std::vector<double> expected_revenue_;  ///< last month's belief of a month's revenue at normal effort
  std::vector<double> margin_share_;
  std::vector<double> period_attainment_;  ///< this month's attainment per rep, NaN where no period ended
  std::vector<double> attainments_;
};

}  // namespace salesim::models::workforce
