// Adding up months of the buyer-supplier network.
#include "models/partnership/partnership_observation.h"

#include <algorithm>

namespace salesim::models::partnership {

PartnershipMonth& PartnershipMonth::operator+=(const PartnershipMonth& other) noexcept {
  relationships += other.relationships;
  mutual_cooperation += other.mutual_cooperation;
  supplier_cooperated += other.supplier_cooperated;
  buyer_cooperated += other.buyer_cooperated;
  effort_seen += other.effort_seen;
  joint_surplus += other.joint_surplus;
  buyer_profit += other.buyer_profit;
  supplier_profit += other.supplier_profit;
  payments += other.payments;
  buyer_value += other.buyer_value;
  supplier_costs += other.supplier_costs;
  switching_spend += other.switching_spend;
  switches += other.switches;
  trust_buyer_sum += other.trust_buyer_sum;
  trust_supplier_sum += other.trust_supplier_sum;
  penalties += other.penalties;
  disputes += other.disputes;
  disputed_amount += other.disputed_amount;
  monitoring_spend += other.monitoring_spend;
  dispute_spend += other.dispute_spend;
  breakdowns += other.breakdowns;
  exits += other.exits;
  contract_starts += other.contract_starts;
  investments += other.investments;
  investment_spend += other.investment_spend;
  ended_relationship_months += other.ended_relationship_months;
  ended_relationships += other.ended_relationships;
  return *this;
}

}  // namespace salesim::models::partnership
