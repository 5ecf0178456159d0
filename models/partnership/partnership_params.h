// Parameters of buyer-supplier relationships: the network, the contract, behaviour and trust.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace salesim::models::partnership {

enum class KpiKind { on_time_delivery, quality, cost_reduction, responsiveness };

/// One contract KPI: observed each month with noise; bonus above target, penalty below.
struct ContractKpi {
  KpiKind kind = KpiKind::on_time_delivery;
  double target = 0.95;            ///< on the KPI's 0-1 scale
  double bonus_per_point = 0.0;    ///< paid to the supplier per percentage point above target
  double penalty_per_point = 0.0;  ///< paid by the supplier per percentage point below target

  friend bool operator==(const ContractKpi&, const ContractKpi&) = default;
};

inline constexpr std::size_t max_kpis = 4;

/// The contract every relationship is written under (DESIGN §6, B2B contracts).
struct ContractTerms {
  double price_per_month = 100.0;          ///< fixed payment for the contracted volume
  double price_adjustment_per_year = 0.0;  ///< price indexation
  /// Share of the volume fixed in the contract: an opportunistic buyer can renegotiate only
  /// the rest, so a commitment shields the supplier from hold-up (Klein, Crawford & Alchian 1978).
  double volume_commitment = 0.0;
  std::uint32_t duration_months = 12;
  bool renewal = true;                     ///< renewed at expiry while both sides cooperate
  std::vector<ContractKpi> kpis;           ///< at most max_kpis
  double kpi_noise_sd = 0.0;               ///< sd of measurement noise on each KPI (0-1 scale)
  double gain_share = 0.0;                 ///< supplier's share of the cost savings it creates
  bool open_book = false;                  ///< costs shared: gain-sharing savings measured exactly
  std::uint32_t termination_breaches = 0;  ///< consecutive measured breaches that end it (0: never)
  /// Present: time and materials (cost plus). The buyer pays the supplier's production cost of the
  /// month plus this fee instead of the price: effort is not billable and the savings of an
  /// investment pass to the buyer, so the contract itself rewards neither.
  std::optional<double> cost_plus_fee{};
  /// Monitoring and enforcement (Williamson 1985): what measuring one KPI costs the buyer a month,
  /// and what each side spends on one contested penalty.
  double monitoring_cost_per_kpi = 0.0;
  double dispute_cost = 0.0;

  friend bool operator==(const ContractTerms&, const ContractTerms&) = default;
};

/// When a timeline's new contract terms reach a running relationship.
enum class ContractChange {
  immediately,  ///< every relationship, from the change's month (a clause removed mid-relationship)
  at_renewal,   ///< each relationship when its term ends and it renews (renegotiation at renewal)
};

/// What the stage game between a buyer and its supplier is worth each month.
struct StageGame {
  double buyer_value_cooperative = 130.0;  ///< value to the buyer when the supplier puts in effort
  double buyer_value_defecting = 100.0;    ///< ... and when it does not
  double supplier_cost = 70.0;             ///< production cost of the contracted volume
  double effort_cost = 10.0;               ///< supplier's extra cost of cooperating (effort, sharing)
  double holdup_gain = 15.0;               ///< what an opportunistic buyer takes by renegotiating
  double kpi_cooperative = 0.97;           ///< true KPI level when the supplier cooperates
  double kpi_defecting = 0.85;             ///< ... and when it does not
};

/// Relationship-specific investment (Williamson 1985): a one-off cost for a monthly saving.
struct InvestmentParams {
  double cost = 0.0;              ///< 0: no investment opportunity
  double saving_per_month = 0.0;  ///< lowers the supplier's cost while the contract runs
  double holdup_share = 0.5;      ///< share of the saving an opportunistic buyer captures
};

/// How partners decide and how their trust moves.
struct BehaviourParams {
  double continuation_probability = 0.98;  ///< monthly chance the relationship is not ended by outside events
  double initial_trust = 0.8;              ///< 0-1: belief that the partner reciprocates
  double trust_learning_rate = 0.2;        ///< share of the gap to the latest signal closed each month
  bool grim_trigger = false;               ///< punish any observed defection forever
  double opportunism = 0.0;                ///< buyer's propensity to renegotiate opportunistically (0-1)
  double decision_noise = 0.0;             ///< logit noise on the cooperate/defect choice (0: best response)
  /// Graded trust: a month's signal moves trust in proportion to what was at stake, and counts fully
  /// once the stake reaches this share of the monthly price; 0: every signal counts fully.
  double trust_stake_share = 0.0;
  /// Cooperation that the contract alone makes pay this month builds this much less trust
  /// (attribution to the contract, not the partner: Malhotra & Murnighan 2002).
  double contract_attribution = 0.0;
};

/// A network of key accounts (buyers) and suppliers (Boost.Graph), one contract per pair.
struct PartnershipParams {
  std::uint32_t buyers = 0;  ///< 0: no partnerships in the scenario
  std::uint32_t suppliers = 1;
  std::uint32_t suppliers_per_buyer = 1;  ///< relationships each buyer holds at once
  bool switching = true;                  ///< after a breakdown the buyer contracts another supplier
  double switching_cost = 0.0;            ///< the buyer's cost of finding and qualifying a new supplier
  /// The workforce's reps manage the key accounts (the buyers): what a cooperating supplier delivers
  /// follows its account manager's service effort, which the manager's pay plan drives.
  bool key_account_managers = false;
  ContractChange contract_changes = ContractChange::immediately;
  ContractTerms contract;
  StageGame game;
  InvestmentParams investment;
  BehaviourParams behaviour;
};

}  // namespace salesim::models::partnership
