// What reps hand the customer world each month, and what it hands back per rep.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/world/step_observation.h"

namespace salesim::models::workforce {

/// Per rep (index = rep id): what its customers receive this month. A vacant territory gets nothing.
struct DeliveredService {
  std::vector<float> purchase_factor;            ///< x purchase probability: selling effort and discount
  std::vector<float> price_factor;               ///< 1 - discount
  std::vector<float> service;                    ///< effective service effort (1: what service.level assumed)
  std::vector<float> answer_shift;               ///< survey answer points from coaching
  std::vector<float> cross_sell;                 ///< extra spend per purchase, as a share (customer managers)
  std::vector<float> relationship;               ///< satisfaction points of experience (customer managers)
  std::vector<float> neglected_purchase_factor;  ///< for unhappy customers of a cherry-picking rep
  std::vector<std::uint8_t> cherry_pick;         ///< 1: the rep works only its satisfied customers
  std::vector<float> hunt;                       ///< chance each prospect of the territory is won this month

  explicit DeliveredService(std::size_t reps = 0)
      : purchase_factor(reps, 1.0f),
        price_factor(reps, 1.0f),
        service(reps, 1.0f),
        answer_shift(reps, 0.0f),
        cross_sell(reps, 0.0f),
        relationship(reps, 0.0f),
        neglected_purchase_factor(reps, 1.0f),
        cherry_pick(reps, 0),
        hunt(reps, 0.0f) {}
};

/// Multipliers of every customer's purchase probability at which a territory's outlook says what its
/// customers would buy: a probability cannot pass 1, so demand saturates.
inline constexpr std::array<double, 8> demand_factors = {0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0};
using DemandAtFactors = std::array<double, demand_factors.size()>;

/// Per rep: what its territory did this month (true revenue and margin, survey and true answers),
/// and what it is expected to buy next month at normal effort.
struct TerritoryMonth {
  std::vector<double> revenue;
  std::vector<double> margin;
  std::vector<world::RecommendCounts> survey;
  std::vector<world::RecommendCounts> truth;
  std::vector<double> expected_revenue_next;  ///< at normal effort and no discount
  std::vector<double> expected_margin_next;
  /// Expected revenue next month were every purchase probability multiplied by each demand factor
  /// (and capped at 1).
  std::vector<DemandAtFactors> revenue_at_factor;
  std::vector<double> churned_sales;  ///< commissionable sales to customers who churned within the window
  std::vector<double> prospects;      ///< prospects in the territory (outlook)
  std::vector<double> prospect_clv;   ///< their predicted CLV, summed (outlook)
  std::vector<double> won_by_rep;     ///< customers the rep's hunting won
  std::vector<double> won_clv;        ///< their predicted CLV, summed
  std::vector<double> attributed;     ///< every customer won in the territory, whoever won it

  explicit TerritoryMonth(std::size_t reps = 0)
      : revenue(reps, 0.0),
        margin(reps, 0.0),
        survey(reps),
        truth(reps),
        expected_revenue_next(reps, 0.0),
        expected_margin_next(reps, 0.0),
        revenue_at_factor(reps, DemandAtFactors{}),
        churned_sales(reps, 0.0),
        prospects(reps, 0.0),
        prospect_clv(reps, 0.0),
        won_by_rep(reps, 0.0),
        won_clv(reps, 0.0),
        attributed(reps, 0.0) {}

  TerritoryMonth& operator+=(const TerritoryMonth& other);
};

}  // namespace salesim::models::workforce
