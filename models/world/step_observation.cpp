// Combining the observations of disjoint blocks of customers.
#include "models/world/step_observation.h"

namespace salesim::models::world {

StepObservation& StepObservation::operator+=(const StepObservation& other) noexcept {
  active_at_start += other.active_at_start;
  acquired_by_marketing += other.acquired_by_marketing;
  acquired_by_sales += other.acquired_by_sales;
  acquired_by_referral += other.acquired_by_referral;
  churned += other.churned;
  active_at_end += other.active_at_end;
  purchases += other.purchases;
  referrals_made += other.referrals_made;
  revenue += other.revenue;
  margin += other.margin;
  cross_sell_revenue += other.cross_sell_revenue;
  service_cost += other.service_cost;
  acquisition_spend += other.acquisition_spend;
  satisfaction_sum += other.satisfaction_sum;
  true_answers += other.true_answers;
  survey_answers += other.survey_answers;
  surveys_sent += other.surveys_sent;
  return *this;
}

}  // namespace salesim::models::world
