// Adding up territories over the customer world's blocks.
#include "models/workforce/rep_exchange.h"

namespace salesim::models::workforce {

TerritoryMonth& TerritoryMonth::operator+=(const TerritoryMonth& other) {
  for (std::size_t rep = 0; rep < revenue.size(); ++rep) {
    revenue[rep] += other.revenue[rep];
    margin[rep] += other.margin[rep];
    survey[rep] += other.survey[rep];
    truth[rep] += other.truth[rep];
    expected_revenue_next[rep] += other.expected_revenue_next[rep];
    expected_margin_next[rep] += other.expected_margin_next[rep];
    for (std::size_t f = 0; f < demand_factors.size(); ++f)
      revenue_at_factor[rep][f] += other.revenue_at_factor[rep][f];
    churned_sales[rep] += other.churned_sales[rep];
    prospects[rep] += other.prospects[rep];
    prospect_clv[rep] += other.prospect_clv[rep];
    won_by_rep[rep] += other.won_by_rep[rep];
    won_clv[rep] += other.won_clv[rep];
    attributed[rep] += other.attributed[rep];
  }
  return *this;
}

}  // namespace salesim::models::workforce
