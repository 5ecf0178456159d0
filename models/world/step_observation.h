// What the observer records each month: true aggregates and what the survey measured.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "models/partnership/partnership_observation.h"
#include "models/workforce/workforce_observation.h"

namespace salesim::models::world {

/// Counts of customers by their 0-10 recommend answer (promoter 9-10, passive 7-8, detractor 0-6).
struct RecommendCounts {
  std::uint64_t promoters = 0;
  std::uint64_t passives = 0;
  std::uint64_t detractors = 0;

  // Without branches: answers fall in the three groups at random, so a branch mispredicts.
  void add(int answer) noexcept {
    promoters += answer >= 9 ? 1 : 0;
    passives += answer >= 7 && answer < 9 ? 1 : 0;
    detractors += answer < 7 ? 1 : 0;
  }
  [[nodiscard]] std::uint64_t total() const noexcept { return promoters + passives + detractors; }
  /// Net Promoter Score in points, 100 (promoters - detractors) / answers; NaN without answers.
  [[nodiscard]] double net_promoter_score() const noexcept {
    if (total() == 0) return std::numeric_limits<double>::quiet_NaN();
    return 100.0 * (static_cast<double>(promoters) - static_cast<double>(detractors)) /
           static_cast<double>(total());
  }
  RecommendCounts& operator+=(const RecommendCounts& other) noexcept {
    promoters += other.promoters;
    passives += other.passives;
    detractors += other.detractors;
    return *this;
  }
};

/// One month of the world. Counts of customers satisfy
/// active_at_start + acquired() - churned = active_at_end.
struct StepObservation {
  std::uint64_t active_at_start = 0;
  std::uint64_t acquired_by_marketing = 0;
  std::uint64_t acquired_by_referral = 0;
  std::uint64_t acquired_by_sales = 0;  ///< won by reps' hunting
  std::uint64_t churned = 0;
  std::uint64_t active_at_end = 0;
  std::uint64_t purchases = 0;
  std::uint64_t referrals_made = 0;
  double revenue = 0.0;
  double margin = 0.0;              ///< gross margin, before service and acquisition cost
  double cross_sell_revenue = 0.0;  ///< the part of revenue from other lines a customer manager sold
  double service_cost = 0.0;
  double acquisition_spend = 0.0;  ///< marketing spend plus referral rewards
  // Customers served this month (active at its start, not churned) are the population the
  // survey samples from; customers won this month are counted from next month on.
  double satisfaction_sum = 0.0;   ///< over customers served this month
  RecommendCounts true_answers;    ///< every served customer's answer from latent satisfaction
  RecommendCounts survey_answers;  ///< what the survey's respondents said
  std::uint64_t surveys_sent = 0;

  /// Customers won this month, by every channel.
  [[nodiscard]] std::uint64_t acquired() const noexcept {
    return acquired_by_marketing + acquired_by_referral + acquired_by_sales;
  }

  /// Adds another block's counts and sums (used by the deterministic block reduction).
  StepObservation& operator+=(const StepObservation& other) noexcept;
};

/// Everything a run leaves for the metric core.
struct RunObservation {
  std::vector<StepObservation> months;                ///< months 1..horizon
  std::vector<double> realized_clv;                   ///< per customer ever active, discounted to acquisition
  std::vector<std::uint8_t> clv_is_initial_customer;  ///< 1 where the customer was there at month 0
  double customer_equity = 0.0;  ///< realized value of all customers, discounted to month 0
  std::uint64_t initial_customers = 0;
  double predicted_clv_initial = 0.0;  ///< summed over initial customers, for the horizon (segment averages)
  bool has_customer_market = false;    ///< false for a scenario of partnerships alone
  std::vector<partnership::PartnershipMonth> partnership_months;  ///< empty without partnerships
  std::vector<workforce::WorkforceMonth> workforce_months;        ///< empty without a workforce
  std::vector<double> quota_attainments;  ///< every rep's attainment at every period end
};

}  // namespace salesim::models::world
