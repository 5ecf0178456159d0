// Buyer-supplier relationships under contracts: decisions, measured KPIs, trust, renewal, switching.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "models/partnership/partnership_observation.h"
#include "models/partnership/partnership_params.h"
#include "models/partnership/stage_game.h"
#include "sim/core/random_stream.h"

namespace salesim::models::partnership {

/// Buyers 0..B-1 and suppliers B..B+S-1; an edge is a running relationship.
using SupplyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

/**
 * @brief Each buyer holds `suppliers_per_buyer` relationship slots. Each month, in every
 * running relationship: outside events may end it; each side cooperates when the trust-weighted
 * value of continuing beats the gain from defecting now (or punishes for good under grim
 * trigger); KPIs are measured with noise and paid on; trust moves with what each side observes;
 * at expiry contracts renew only after mutual cooperation. A broken relationship is replaced by
 * one with another supplier when switching is on.
 */
class PartnershipWorld {
 public:
  PartnershipWorld(const PartnershipParams& params, double discount_rate_per_month,
                   const sim::core::RunAddress& run);

  /// Simulates `month`. With `key_account_service` (per key-account manager: effective service
  /// effort, 1 = normal), buyer b is managed by manager b mod its size, and a cooperating supplier
  /// delivers only the share of the cooperative KPI level and value its manager's effort reaches.
  PartnershipMonth advance(std::uint32_t month, const std::vector<float>* key_account_service = nullptr);

  /// From the next month on, relationships run under `terms` (a timeline change): the game and
  /// behaviour change at once, the contract at once or at each relationship's renewal
  /// (PartnershipParams::contract_changes); who is partnered with whom, trust, punishment and the
  /// months left of each term carry over.
  void change_terms(const PartnershipParams& terms);

  [[nodiscard]] const SupplyGraph& network() const noexcept { return network_; }
  /// Relationships running now (each one an edge of network()).
  [[nodiscard]] std::size_t active_relationships() const noexcept;
  /// Monthly discount factor of continuing: continuation probability / (1 + discount rate).
  [[nodiscard]] double delta() const noexcept { return delta_; }

 private:
  struct Slot {
    std::uint32_t supplier = 0;
    bool active = false;
    std::uint32_t age_months = 0;
    std::uint32_t months_left = 0;
    double trust_buyer = 0.0;
    double trust_supplier = 0.0;
    bool buyer_punishing = false;
    bool supplier_punishing = false;
    std::uint32_t consecutive_breaches = 0;
    bool invested = false;
    std::uint32_t contract = 0;  ///< index in contracts_ of the terms this relationship runs under
  };

  /// A contract some relationships run under, and what it makes each side's incentives this month.
  struct ContractVersion {
    ContractTerms terms;
    Temptation supplier;
    Temptation buyer;
    double holdup = 0.0;  ///< what an opportunistic buyer takes under these terms
  };
  /// The incentives of `terms` under the current game and behaviour.
  [[nodiscard]] ContractVersion version_of(const ContractTerms& terms) const;

  /// What the contract measures of one month's delivery.
  struct MeasuredDelivery {
    double kpi_transfer = 0.0;       ///< KPI bonuses minus penalties, to the supplier
    bool breach = false;             ///< a KPI measured below its target
    double gain = 0.0;               ///< measured value added by the supplier's effort
    bool looks_cooperative = false;  ///< what the buyer concludes about the supplier's effort
  };
  /// `delivered`: share of the cooperative improvement delivered (0 when the supplier defects).
  [[nodiscard]] MeasuredDelivery measure(const ContractTerms& terms, double delivered, std::uint32_t slot,
                                         std::uint32_t month) const;

  void start_relationship(std::uint32_t slot, std::uint32_t supplier, PartnershipMonth& observed);
  void start_contract_term(Slot& slot, PartnershipMonth& observed);
  void end_relationship(std::uint32_t slot, std::uint32_t month, bool breakdown, PartnershipMonth& observed);
  [[nodiscard]] bool decides_to_cooperate(double margin, std::uint32_t unit_draw) const;

  PartnershipParams params_;
  double discount_rate_per_month_;
  double delta_;
  sim::core::RandomStream draws_;
  std::vector<Slot> slots_;
  SupplyGraph network_;
  std::vector<ContractVersion> contracts_;  ///< the scenario's contract, then each new one of the timeline
  PartnershipMonth opening_;                ///< contracts signed before month 1, reported with month 1
};

}  // namespace salesim::models::partnership
