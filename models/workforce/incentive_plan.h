// Incentive plans for sales reps: composable terms and the pay they produce for measured KPIs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/section_description.h"

namespace salesim::models::workforce {

// Members without a default carry `{}`: GCC 12 warns (-Wmissing-field-initializers) on designated
// initializers that skip them.

enum class EvaluationPeriod { month, quarter, year };
enum class CommissionBase { revenue, margin };
/// How each rep's starting quota is set: the same for every rep, or in proportion to the rep's skill,
/// what its own customers buy at its normal effort (quotas set from each rep's sales history).
enum class QuotaSetting { same, by_rep };

/// From attainment `from_attainment` up to the next tier's, bookings earn `rate`.
struct CommissionTier {
  double from_attainment = 0.0;
  double rate = 0.0;

  friend bool operator==(const CommissionTier&, const CommissionTier&) = default;
};

/// Commission on bookings with marginal tiers, like tax brackets: each tier's rate applies only to the
/// slice of bookings whose attainment falls in its band. Accelerators and decelerators are tiers, not
/// separate multipliers: a decelerator is a low rate from 0 to a threshold, an accelerator a higher
/// rate from attainment 1 (e.g. {0, 2%}, {0.5, 5%}, {1.0, 8%}). Below the first tier nothing is paid.
/// The quota is in the base's units (a margin quota under a margin base); bookings <= 0 pay nothing.
struct Commission {
  CommissionBase base = CommissionBase::revenue;
  std::vector<CommissionTier> tiers{};  ///< strictly increasing from_attainment

  friend bool operator==(const Commission&, const Commission&) = default;
};

/// Repays commission on sales to customers who churned within `window_months` of the sale.
struct Clawback {
  std::uint32_t window_months = 12;  ///< the measurement system uses it to pick the sales
  double share = 1.0;                ///< share of that commission repaid

  friend bool operator==(const Clawback&, const Clawback&) = default;
};

/// `per_point` for each measured NPS point above `target`, at most `max_amount`; pays on the survey,
/// which reps can coach, not on latent satisfaction (Holmström & Milgrom 1991).
struct NpsBonus {
  double target = 0.0;
  double per_point = 0.0;
  std::optional<double> max_amount{};

  friend bool operator==(const NpsBonus&, const NpsBonus&) = default;
};

/// One KPI of the scorecard bonus; achievement is value/target (target/value when lower is better).
struct ScorecardTarget {
  std::string name{};
  double target = 1.0;
  double weight = 0.0;  ///< weights of all KPIs sum to 1
  bool higher_is_better = true;

  friend bool operator==(const ScorecardTarget&, const ScorecardTarget&) = default;
};

/// Pays amount x sum of weight x achievement, each achievement in [0, max_achievement]. Paying on
/// several measures keeps effort from flowing only to the one that is paid (Holmström & Milgrom 1991).
struct ScorecardBonus {
  double amount = 0.0;
  std::vector<ScorecardTarget> kpis{};
  double max_achievement = 1.5;

  friend bool operator==(const ScorecardBonus&, const ScorecardBonus&) = default;
};

/// The rep's share of a team pool: share x pool x min(team attainment, max_ratio), once the team
/// reaches min_attainment.
struct TeamBonus {
  double pool = 0.0;
  double share = 0.0;
  double min_attainment = 1.0;
  double max_ratio = 1.0;

  friend bool operator==(const TeamBonus&, const TeamBonus&) = default;
};

/// A SPIFF (sales performance incentive fund): a fixed payment per new customer the rep wins in the
/// period, whatever the customer turns out to be worth. Paying on the count, not the value, is what
/// makes it a lesson on quantity over quality (Holmström & Milgrom 1991: reps do what is measured).
struct Spiff {
  double per_customer_won = 0.0;

  friend bool operator==(const Spiff&, const Spiff&) = default;
};

/// A rep's pay plan. Each optional term is absent unless set; amounts are per evaluation period
/// except the salary.
struct IncentivePlan {
  EvaluationPeriod period = EvaluationPeriod::month;
  double salary_per_month = 0.0;
  /// The firm sets the salary at each period's start so that a typical rep's certainty-equivalent
  /// pay net of its effort cost meets the outside option (the participation constraint of LEN models).
  bool salary_meets_outside_option = false;
  std::optional<Commission> commission{};
  /// Lump sum paid when attainment >= 1. A step like this pays reps to time sales around the period
  /// end (Oyer 1998), which is why the evaluation period matters.
  std::optional<double> quota_bonus{};
  std::optional<double> variable_pay_cap{};  ///< on all variable pay of a period, before clawback
  std::optional<Clawback> clawback{};
  std::optional<NpsBonus> nps_bonus{};
  std::optional<ScorecardBonus> scorecard_bonus{};
  std::optional<TeamBonus> team_bonus{};
  std::optional<double> clv_commission_rate{};  ///< on predicted CLV of new customers
  double quota_ratchet = 0.0;                   ///< 0: fixed quota
  double quota_floor = 0.0;
  double quota_per_month = 0.0;  ///< each rep's starting quota, in the commission base's units
  QuotaSetting quota_setting = QuotaSetting::same;  ///< by_rep: quota_per_month x skill / the profile's
  std::optional<Spiff> spiff{};

  friend bool operator==(const IncentivePlan&, const IncentivePlan&) = default;
};

/// What the measurement system reports for one rep and one evaluation period.
struct PeriodKpis {
  double booked_revenue = 0.0;
  double booked_margin = 0.0;
  double quota = 0.0;               ///< in the commission base's units; <= 0 means attainment 0
  double nps = 0.0;                 ///< measured (survey) NPS, -100..100
  std::vector<double> scorecard{};  ///< measured value of each scorecard KPI, in the plan's order
  double team_attainment = 0.0;
  double predicted_clv_new_customers = 0.0;
  double churned_sales_commission = 0.0;  ///< earned on sales to customers who churned within the window
  double customers_won = 0.0;             ///< new customers the rep's hunting won in the period
};

/// Pay for one period; deductions are negative, so total is the plain sum of the other fields.
struct PayBreakdown {
  double salary = 0.0;
  double commission = 0.0;
  double quota_bonus = 0.0;
  double nps_bonus = 0.0;
  double scorecard_bonus = 0.0;
  double team_bonus = 0.0;
  double clv_commission = 0.0;
  double spiff = 0.0;
  double cap_reduction = 0.0;  ///< <= 0
  double clawback = 0.0;       ///< <= 0
  double total = 0.0;

  /// Adds each term, so the books can sum a plan's pay term by term over reps and months.
  PayBreakdown& operator+=(const PayBreakdown& other) noexcept;
};

/// One problem in a plan, located by a key path relative to the plan ("commission.tiers[1].rate").
using PlanProblem = sim::core::KeyProblem;

/// @brief Months in one evaluation period: 1, 3 or 12.
[[nodiscard]] std::uint32_t months_in(EvaluationPeriod period);

/// @brief Attainment of the period: bookings in the commission base over quota (revenue without a
/// commission term); 0 when the quota is not positive.
[[nodiscard]] double attainment(const IncentivePlan& plan, const PeriodKpis& kpis);

/**
 * @brief Pay of one evaluation period for the measured KPIs. Variable pay (everything but salary and
 * clawback) is capped first, then the clawback is deducted, so the cap never absorbs a repayment.
 * Total may be negative when the clawback exceeds the rest.
 * @throws std::invalid_argument when kpis.scorecard does not match the plan's scorecard KPIs.
 */
[[nodiscard]] PayBreakdown pay_for_period(const IncentivePlan& plan, const PeriodKpis& kpis);

/// @brief The commission rate on the next unit of bookings at this attainment (the higher tier at a
/// boundary); 0 without commission. Ignores the cap, which depends on the other terms.
[[nodiscard]] double marginal_commission_rate(const IncentivePlan& plan, double attainment);

/**
 * @brief Next period's quota: quota x (1 + ratchet x (attainment - 1)) after overachievement,
 * unchanged otherwise, never below `floor`. Ratcheting taxes today's effort with tomorrow's quota,
 * which reps anticipate by shading effort (Misra & Nair 2011).
 */
[[nodiscard]] double next_quota(double current_quota, double attainment, double ratchet, double floor = 0.0);

/**
 * @brief The plan for a period cut short to `share` of its length (the run ends inside it): the
 * salary, lump sums, caps and per-period amounts scale by `share`; commission rates stay, and the
 * caller prorates the quota, so commission tiers fall where they would have.
 */
[[nodiscard]] IncentivePlan prorated(const IncentivePlan& plan, double share);

/// @brief Whether month `month` (numbered from 1) closes an evaluation period; false for month 0.
[[nodiscard]] bool is_period_end(EvaluationPeriod period, std::uint32_t month);

/// @brief Every problem in the plan (empty when valid); never throws for bad values.
[[nodiscard]] std::vector<PlanProblem> validate(const IncentivePlan& plan);

}  // namespace salesim::models::workforce
