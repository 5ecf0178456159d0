// The monthly game between a buyer and its supplier: payoffs, contract transfers, incentives.
#pragma once

#include "models/partnership/partnership_params.h"

namespace salesim::models::partnership {

/// Each side's expected monthly payoff for a pair of actions, contract transfers included.
struct StagePayoffs {
  double buyer = 0.0;
  double supplier = 0.0;
};

/// What an opportunistic buyer takes each month by renegotiating the uncommitted volume.
[[nodiscard]] double holdup_taken(const PartnershipParams& params);

/// Expected KPI bonus minus penalty paid to the supplier when the KPIs' true level is
/// `true_level` and measurements carry normal noise of sd `noise_sd` (closed form).
[[nodiscard]] double expected_kpi_transfer(const ContractTerms& terms, double true_level, double noise_sd);

/// Expected monthly payoffs at the base price (no price indexation, no investment).
[[nodiscard]] StagePayoffs expected_payoffs(const PartnershipParams& params, bool supplier_cooperates,
                                            bool buyer_cooperates);

/// One side's incentive to keep cooperating: what defecting once gains now, and what
/// mutual cooperation is worth per month over mutual defection (R - P).
struct Temptation {
  double gain_now = 0.0;             ///< T - R
  double cooperation_premium = 0.0;  ///< R - P
};
[[nodiscard]] Temptation supplier_temptation(const PartnershipParams& params);
[[nodiscard]] Temptation buyer_temptation(const PartnershipParams& params);

/// Smallest monthly discount factor at which a side facing a grim-trigger partner keeps
/// cooperating: delta* = (T - R) / (T - P) (Friedman 1971); 0 when defecting gains nothing.
[[nodiscard]] double cooperation_threshold(const Temptation& temptation);

/// A side cooperates when the gain from defecting now is at most the trust-weighted value of
/// continued cooperation: T - R <= delta / (1 - delta) * trust * (R - P).
[[nodiscard]] double cooperation_margin(const Temptation& temptation, double delta, double trust);

/// Present value of `per_month` for `months` months at discount factor delta (first month discounted once).
[[nodiscard]] double annuity(double per_month, double delta, std::uint32_t months);

}  // namespace salesim::models::partnership
