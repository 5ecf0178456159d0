// The monthly step of buyer-supplier relationships.
#include "models/partnership/partnership_world.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <Random123/boxmuller.hpp>

#include "models/partnership/trust_update.h"
#include "models/random_streams.h"

namespace salesim::models::partnership {
namespace {

using sim::core::uniform_open01;

/// Draw blocks of a slot in a month.
enum DrawBlock : std::uint32_t { decisions = 0, kpi_noise = 1, kpi_noise_more = 2, switching = 3 };

}  // namespace

PartnershipWorld::PartnershipWorld(const PartnershipParams& params, double discount_rate_per_month,
                                   const sim::core::RunAddress& run)
    : params_(params),
      discount_rate_per_month_(discount_rate_per_month),
      delta_(params.behaviour.continuation_probability / (1.0 + discount_rate_per_month)),
      draws_(run, streams::partnership),
      slots_(std::size_t{params.buyers} * params.suppliers_per_buyer),
      network_(params.buyers + params.suppliers) {
  contracts_.push_back(version_of(params.contract));
  // Slot k of buyer b starts with supplier (b * per_buyer + k) mod S: spread over suppliers.
  for (std::uint32_t slot = 0; slot < slots_.size(); ++slot) {
    start_relationship(slot, slot % params.suppliers, opening_);
  }
}

PartnershipWorld::ContractVersion PartnershipWorld::version_of(const ContractTerms& terms) const {
  PartnershipParams under = params_;
  under.contract = terms;
  return {terms, supplier_temptation(under), buyer_temptation(under), holdup_taken(under)};
}

void PartnershipWorld::change_terms(const PartnershipParams& terms) {
  params_ = terms;
  delta_ = params_.behaviour.continuation_probability / (1.0 + discount_rate_per_month_);
  // Every contract still in force faces the new game and behaviour.
  for (ContractVersion& version : contracts_) version = version_of(version.terms);
  if (!(params_.contract == contracts_.back().terms)) contracts_.push_back(version_of(params_.contract));
  if (params_.contract_changes == ContractChange::at_renewal) return;
  const auto latest = static_cast<std::uint32_t>(contracts_.size() - 1);
  for (Slot& slot : slots_) slot.contract = latest;
}

void PartnershipWorld::start_relationship(std::uint32_t slot_id, std::uint32_t supplier,
                                          PartnershipMonth& observed) {
  Slot& slot = slots_[slot_id];
  slot = Slot{};
  slot.supplier = supplier;
  slot.active = true;
  slot.trust_buyer = slot.trust_supplier = params_.behaviour.initial_trust;
  boost::add_edge(slot_id / params_.suppliers_per_buyer, params_.buyers + supplier, network_);
  start_contract_term(slot, observed);
}

void PartnershipWorld::start_contract_term(Slot& slot, PartnershipMonth& observed) {
  // A new term is written under the contract now offered (a renewal renegotiates).
  slot.contract = static_cast<std::uint32_t>(contracts_.size() - 1);
  slot.months_left = params_.contract.duration_months;
  ++observed.contract_starts;
  // Invest when the saving over this term, discounted, weighted by trust and by what a
  // renegotiating buyer would leave, repays the cost (hold-up: Klein, Crawford & Alchian 1978).
  const InvestmentParams& investment = params_.investment;
  slot.invested = false;
  if (investment.cost <= 0.0) return;
  const double kept = 1.0 - params_.behaviour.opportunism * investment.holdup_share;
  const double expected =
      slot.trust_supplier * kept * annuity(investment.saving_per_month, delta_, slot.months_left);
  if (expected >= investment.cost) {
    slot.invested = true;
    ++observed.investments;
    observed.investment_spend += investment.cost;
    observed.supplier_costs += investment.cost;
    observed.joint_surplus -= investment.cost;
    observed.supplier_profit -= investment.cost;
  }
}

void PartnershipWorld::end_relationship(std::uint32_t slot_id, std::uint32_t month, bool breakdown,
                                        PartnershipMonth& observed) {
  Slot& slot = slots_[slot_id];
  const std::uint32_t buyer = slot_id / params_.suppliers_per_buyer;
  boost::remove_edge(buyer, params_.buyers + slot.supplier, network_);
  observed.ended_relationship_months += slot.age_months;
  ++observed.ended_relationships;
  (breakdown ? observed.breakdowns : observed.exits) += 1;
  slot.active = false;
  if (!params_.switching) return;
  // Another supplier, uniform over those the buyer neither just left nor already holds.
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t supplier = 0; supplier < params_.suppliers; ++supplier) {
    if (supplier != slot.supplier && !boost::edge(buyer, params_.buyers + supplier, network_).second)
      candidates.push_back(supplier);
  }
  if (candidates.empty()) return;
  const auto draw = draws_.block(slot_id, month, switching);
  const auto pick =
      static_cast<std::size_t>(uniform_open01(draw[0], draw[1]) * static_cast<double>(candidates.size()));
  ++observed.switches;
  observed.switching_spend += params_.switching_cost;
  observed.buyer_profit -= params_.switching_cost;
  observed.joint_surplus -= params_.switching_cost;
  start_relationship(slot_id, candidates[std::min(pick, candidates.size() - 1)], observed);
}

std::size_t PartnershipWorld::active_relationships() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(slots_.begin(), slots_.end(), [](const Slot& slot) { return slot.active; }));
}

bool PartnershipWorld::decides_to_cooperate(double margin, std::uint32_t unit_draw) const {
  const double noise = params_.behaviour.decision_noise;
  if (noise <= 0.0) return margin >= 0.0;
  // Logit choice (McFadden 1974): the larger the margin, the likelier cooperation.
  return uniform_open01(unit_draw) < 1.0 / (1.0 + std::exp(-margin / noise));
}

PartnershipWorld::MeasuredDelivery PartnershipWorld::measure(const ContractTerms& terms, double delivered,
                                                             std::uint32_t slot_id,
                                                             std::uint32_t month) const {
  const StageGame& game = params_.game;
  const auto noise = draws_.block(slot_id, month, kpi_noise);
  const auto more_noise = draws_.block(slot_id, month, kpi_noise_more);
  const auto a = r123::boxmuller(noise[0], noise[1]), b = r123::boxmuller(noise[2], noise[3]);
  const auto c = r123::boxmuller(more_noise[0], more_noise[1]);
  // One independent normal per KPI (at most four) and one for the measured gain.
  const double normals[max_kpis + 1] = {a.x, a.y, b.x, b.y, c.x};
  MeasuredDelivery measured;
  const double true_kpi = game.kpi_defecting + delivered * (game.kpi_cooperative - game.kpi_defecting);
  for (std::size_t k = 0; k < terms.kpis.size(); ++k) {
    const ContractKpi& kpi = terms.kpis[k];
    const double gap_points = 100.0 * (true_kpi + terms.kpi_noise_sd * normals[k] - kpi.target);
    measured.kpi_transfer +=
        gap_points >= 0.0 ? kpi.bonus_per_point * gap_points : kpi.penalty_per_point * gap_points;
    measured.breach = measured.breach || gap_points < 0.0;
  }
  // Gain sharing pays on the value the supplier's effort adds: exact under open books,
  // otherwise measured with the KPIs' signal-to-noise ratio.
  const double value_gap = game.buyer_value_cooperative - game.buyer_value_defecting;
  const double kpi_gap = std::max(1e-9, game.kpi_cooperative - game.kpi_defecting);
  const double value_noise =
      terms.open_book ? 0.0 : terms.kpi_noise_sd / kpi_gap * value_gap * normals[max_kpis];
  measured.gain = delivered * value_gap + value_noise;
  // Without KPIs the buyer judges effort by the gain it sees.
  measured.looks_cooperative = terms.kpis.empty() ? measured.gain >= 0.5 * value_gap : !measured.breach;
  return measured;
}

PartnershipMonth PartnershipWorld::advance(std::uint32_t month,
                                           const std::vector<float>* key_account_service) {
  // The first month also carries the opening contracts (and their investments).
  PartnershipMonth observed = std::exchange(opening_, PartnershipMonth{});
  const StageGame& game = params_.game;
  const BehaviourParams& behaviour = params_.behaviour;
  const std::uint32_t full_years = (month - 1) / 12;

  for (std::uint32_t slot_id = 0; slot_id < slots_.size(); ++slot_id) {
    Slot& slot = slots_[slot_id];
    if (!slot.active) continue;
    ++observed.relationships;
    const auto draw = draws_.block(slot_id, month, decisions);
    if (uniform_open01(draw[0]) >= behaviour.continuation_probability) {
      end_relationship(slot_id, month, false, observed);
      continue;
    }
    ++slot.age_months;
    const ContractVersion& contract = contracts_[slot.contract];
    const ContractTerms& terms = contract.terms;

    const bool supplier_cooperates =
        !slot.supplier_punishing &&
        decides_to_cooperate(cooperation_margin(contract.supplier, delta_, slot.trust_supplier), draw[1]);
    const bool opportunistic = uniform_open01(draw[2]) < behaviour.opportunism;
    const bool buyer_cooperates =
        !slot.buyer_punishing && !opportunistic &&
        decides_to_cooperate(cooperation_margin(contract.buyer, delta_, slot.trust_buyer), draw[3]);

    // What cooperation delivers: all of it, or as much as the account's manager puts in.
    const double delivered =
        !supplier_cooperates ? 0.0
        : key_account_service == nullptr
            ? 1.0
            : std::clamp(static_cast<double>((*key_account_service)[(slot_id / params_.suppliers_per_buyer) %
                                                                    key_account_service->size()]),
                         0.0, 1.0);
    const MeasuredDelivery measured = measure(terms, delivered, slot_id, month);
    const double value =
        game.buyer_value_defecting + delivered * (game.buyer_value_cooperative - game.buyer_value_defecting);
    double supplier_cost = game.supplier_cost + (supplier_cooperates ? game.effort_cost : 0.0);
    if (slot.invested) supplier_cost -= params_.investment.saving_per_month;
    // Cost plus bills the production cost (net of an investment's saving) and the fee, not the effort.
    const double price =
        terms.cost_plus_fee
            ? game.supplier_cost - (slot.invested ? params_.investment.saving_per_month : 0.0) +
                  *terms.cost_plus_fee
            : terms.price_per_month * std::pow(1.0 + terms.price_adjustment_per_year, full_years);
    double payment = price + measured.kpi_transfer + terms.gain_share * measured.gain;
    if (!buyer_cooperates) {
      payment -= contract.holdup;
      if (slot.invested) payment -= params_.investment.holdup_share * params_.investment.saving_per_month;
    }
    observed.payments += payment;
    observed.buyer_value += value;
    observed.supplier_costs += supplier_cost;
    observed.buyer_profit += value - payment;
    observed.supplier_profit += payment - supplier_cost;
    observed.joint_surplus += value - supplier_cost;
    observed.supplier_cooperated += supplier_cooperates ? 1 : 0;
    observed.buyer_cooperated += buyer_cooperates ? 1 : 0;
    observed.effort_seen += measured.looks_cooperative ? 1 : 0;
    observed.mutual_cooperation += supplier_cooperates && buyer_cooperates ? 1 : 0;

    // The supplier sees renegotiation, and any penalty charged although it cooperated:
    // a false alarm it contests (a dispute) and holds against the buyer.
    const bool penalized = measured.kpi_transfer < 0.0;
    const bool unfair_penalty = penalized && supplier_cooperates;
    observed.penalties += penalized ? 1 : 0;
    observed.disputes += unfair_penalty ? 1 : 0;
    const double unfair_amount = unfair_penalty ? -measured.kpi_transfer : 0.0;
    observed.disputed_amount += unfair_amount;
    // Measuring the KPIs costs the buyer; a contested penalty costs both sides.
    const double monitoring = terms.monitoring_cost_per_kpi * static_cast<double>(terms.kpis.size());
    const double dispute = unfair_penalty ? terms.dispute_cost : 0.0;
    observed.monitoring_spend += monitoring;
    observed.dispute_spend += dispute;
    observed.buyer_profit -= monitoring + dispute;
    observed.supplier_profit -= dispute;
    observed.joint_surplus -= monitoring + 2.0 * dispute;
    const bool supplier_sees_cooperation = buyer_cooperates && !unfair_penalty;
    // What each side saw, and how much rode on it (trust_update.h).
    const double value_gap = game.buyer_value_cooperative - game.buyer_value_defecting;
    const double gain_seen = std::clamp(measured.gain, 0.0, value_gap);
    const TrustSignal buyer_sees{measured.looks_cooperative,
                                 measured.looks_cooperative ? gain_seen : value_gap - gain_seen,
                                 contract.supplier.gain_now <= 0.0};
    const double holdup = buyer_cooperates ? 0.0 : contract.holdup;
    const TrustSignal supplier_sees{supplier_sees_cooperation,
                                    supplier_sees_cooperation ? price : holdup + unfair_amount,
                                    contract.buyer.gain_now <= 0.0};
    slot.trust_buyer = updated_trust(slot.trust_buyer, buyer_sees, behaviour, price);
    slot.trust_supplier = updated_trust(slot.trust_supplier, supplier_sees, behaviour, price);
    if (behaviour.grim_trigger) {
      slot.buyer_punishing = slot.buyer_punishing || !measured.looks_cooperative;
      slot.supplier_punishing = slot.supplier_punishing || !supplier_sees_cooperation;
    }
    observed.trust_buyer_sum += slot.trust_buyer;
    observed.trust_supplier_sum += slot.trust_supplier;

    slot.consecutive_breaches = measured.breach ? slot.consecutive_breaches + 1 : 0;
    if (terms.termination_breaches > 0 && slot.consecutive_breaches >= terms.termination_breaches) {
      end_relationship(slot_id, month, true, observed);
      continue;
    }
    if (--slot.months_left == 0) {
      const bool mutual = supplier_cooperates && buyer_cooperates;
      if (terms.renewal && mutual) {
        start_contract_term(slot, observed);
      } else {
        end_relationship(slot_id, month, !mutual, observed);
      }
    }
  }
  return observed;
}

}  // namespace salesim::models::partnership
