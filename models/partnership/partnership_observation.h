// What the observer records of the buyer-supplier network each month.
#pragma once

#include <cstdint>

namespace salesim::models::partnership {

struct PartnershipMonth {
  std::uint64_t relationships = 0;       ///< active at the start of the month
  std::uint64_t mutual_cooperation = 0;  ///< both sides cooperated
  std::uint64_t supplier_cooperated = 0;
  std::uint64_t buyer_cooperated = 0;
  std::uint64_t effort_seen = 0;  ///< months the contract's measures showed the supplier's effort
  double joint_surplus = 0.0;     ///< buyer value - supplier costs - investment
  double buyer_profit = 0.0;
  double supplier_profit = 0.0;
  double payments = 0.0;         ///< buyer to supplier: price, KPI transfers, gain share, hold-up
  double buyer_value = 0.0;      ///< what the supplies were worth to the buyers
  double supplier_costs = 0.0;   ///< production, effort and investment, net of savings
  double switching_spend = 0.0;  ///< buyers' cost of replacing suppliers
  std::uint64_t switches = 0;    ///< relationships replaced by one with another supplier
  double trust_buyer_sum = 0.0;  ///< buyers' trust in their suppliers, end of month
  double trust_supplier_sum = 0.0;
  std::uint64_t penalties = 0;        ///< months with a net KPI penalty
  std::uint64_t disputes = 0;         ///< penalties charged to a supplier that cooperated (contested)
  double disputed_amount = 0.0;       ///< the size of those penalties
  double monitoring_spend = 0.0;      ///< the buyer's cost of measuring the KPIs
  double dispute_spend = 0.0;         ///< what each side spent on contested penalties
  std::uint64_t breakdowns = 0;       ///< ended by termination or failed renewal
  std::uint64_t exits = 0;            ///< ended by outside events
  std::uint64_t contract_starts = 0;  ///< new contracts and renewals
  std::uint64_t investments = 0;      ///< contract starts with relationship-specific investment
  double investment_spend = 0.0;
  double ended_relationship_months = 0.0;  ///< total age of relationships that ended
  std::uint64_t ended_relationships = 0;

  PartnershipMonth& operator+=(const PartnershipMonth& other) noexcept;
};

}  // namespace salesim::models::partnership
