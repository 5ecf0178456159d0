// `partnerships:`: the buyer-supplier network, its contract, the stage game, investment and behaviour.
#include "models/partnership/partnership_description.h"

#include "models/partnership/partnership_params.h"

namespace salesim::models::partnership {
namespace {

/// Why the network's size cannot change in a timeline.
constexpr const char* network_laid_out =
    "the network's buyers, suppliers and relationship slots exist from month 0";

using sim::core::Describe;
using sim::core::SectionDescription;
using sim::core::unbounded;

const SectionDescription& kpi_description() {
  static const SectionDescription section =
      Describe<ContractKpi>("one KPI of the contract, measured each month with noise")
          .field("kind", &ContractKpi::kind,
                 {.meaning = "what is measured",
                  .words = {"on_time_delivery", "quality", "cost_reduction", "responsiveness"}})
          .field("target", &ContractKpi::target,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "target level on the KPI's 0-1 scale"})
          .field("bonus_per_point", &ContractKpi::bonus_per_point,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "paid to the supplier per percentage point above target"})
          .field("penalty_per_point", &ContractKpi::penalty_per_point,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "paid by the supplier per percentage point below target"})
          .done();
  return section;
}

const SectionDescription& contract_description() {
  static const SectionDescription section =
      Describe<ContractTerms>("the contract every relationship is written under")
          .field(
              "price_per_month", &ContractTerms::price_per_month,
              {.min = 0, .unit = "currency per month", .meaning = "fixed payment for the contracted volume"})
          .field("price_adjustment_per_year", &ContractTerms::price_adjustment_per_year,
                 {.min = -0.5, .max = 1, .unit = "share per year", .meaning = "price indexation"})
          .field("volume_commitment", &ContractTerms::volume_commitment,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "share of the volume fixed in the contract, shielded from hold-up",
                  .source = "Klein, Crawford & Alchian 1978"})
          .field("duration_months", &ContractTerms::duration_months,
                 {.min = 1, .max = 1200, .unit = "months", .meaning = "length of one contract term"})
          .field("renewal", &ContractTerms::renewal,
                 {.meaning = "renewed at expiry while both sides cooperate"})
          .field("kpi_noise_sd", &ContractTerms::kpi_noise_sd,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "sd of measurement noise on each KPI (0-1 scale)"})
          .field("gain_share", &ContractTerms::gain_share,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "supplier's share of the cost savings it creates"})
          .field("open_book", &ContractTerms::open_book,
                 {.meaning = "costs shared: gain-sharing savings measured exactly"})
          .field("termination_breaches", &ContractTerms::termination_breaches,
                 {.min = 0,
                  .max = 1200,
                  .unit = "months",
                  .meaning = "consecutive measured breaches that end the contract (0: never)"})
          .field(
              "cost_plus_fee", &ContractTerms::cost_plus_fee,
              {.min = 0,
               .unit = "currency per month",
               .meaning = "present: time and materials, the buyer pays the supplier's production cost plus "
                          "this fee instead of the price (effort unbillable, savings to the buyer)"})
          .field("monitoring_cost_per_kpi", &ContractTerms::monitoring_cost_per_kpi,
                 {.min = 0,
                  .unit = "currency per month",
                  .meaning = "what measuring one KPI costs the buyer each month",
                  .source = "Williamson 1985 (monitoring as a transaction cost); no default figure"})
          .field("dispute_cost", &ContractTerms::dispute_cost,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "what each side spends on one contested penalty",
                  .source = "Williamson 1985 (enforcement as a transaction cost); no default figure"})
          .list("kpis", &ContractTerms::kpis, kpi_description(),
                {.meaning = "the KPIs the contract measures", .max_items = max_kpis, .item_noun = "KPIs"})
          .done();
  return section;
}

const SectionDescription& game_description() {
  static const SectionDescription section =
      Describe<StageGame>("what the monthly stage game between a buyer and its supplier is worth")
          .field("buyer_value_cooperative", &StageGame::buyer_value_cooperative,
                 {.min = 0,
                  .unit = "currency per month",
                  .meaning = "value to the buyer when the supplier puts in effort"})
          .field("buyer_value_defecting", &StageGame::buyer_value_defecting,
                 {.min = 0, .unit = "currency per month", .meaning = "value to the buyer when it does not"})
          .field(
              "supplier_cost", &StageGame::supplier_cost,
              {.min = 0, .unit = "currency per month", .meaning = "production cost of the contracted volume"})
          .field("effort_cost", &StageGame::effort_cost,
                 {.min = 0, .unit = "currency per month", .meaning = "supplier's extra cost of cooperating"})
          .field("holdup_gain", &StageGame::holdup_gain,
                 {.min = 0,
                  .unit = "currency per month",
                  .meaning = "what an opportunistic buyer takes by renegotiating"})
          .field(
              "kpi_cooperative", &StageGame::kpi_cooperative,
              {.min = 0, .max = 1, .unit = "share", .meaning = "true KPI level when the supplier cooperates"})
          .field("kpi_defecting", &StageGame::kpi_defecting,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "true KPI level when it does not"})
          .done();
  return section;
}

const SectionDescription& investment_description() {
  static const SectionDescription section =
      Describe<InvestmentParams>(
          "relationship-specific investment: a one-off cost for a monthly saving "
          "(Williamson 1985)")
          .field("cost", &InvestmentParams::cost,
                 {.min = 0, .unit = "currency", .meaning = "one-off cost; 0: no investment opportunity"})
          .field("saving_per_month", &InvestmentParams::saving_per_month,
                 {.min = 0,
                  .unit = "currency per month",
                  .meaning = "lowers the supplier's cost while the contract runs"})
          .field("holdup_share", &InvestmentParams::holdup_share,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "share of the saving an opportunistic buyer captures"})
          .done();
  return section;
}

const SectionDescription& behaviour_description() {
  static const SectionDescription section =
      Describe<BehaviourParams>("how partners decide and how their trust moves")
          .field("continuation_probability", &BehaviourParams::continuation_probability,
                 {.min = 0,
                  .max = 1,
                  .min_exclusive = true,
                  .unit = "probability per month",
                  .meaning =
                      "chance the relationship is not ended by outside events (the shadow of the future)"})
          .field("initial_trust", &BehaviourParams::initial_trust,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "belief that the partner reciprocates, at the start"})
          .field("trust_learning_rate", &BehaviourParams::trust_learning_rate,
                 {.min = 0,
                  .max = 1,
                  .unit = "share per month",
                  .meaning = "share of the gap to the latest signal closed each month"})
          .field("grim_trigger", &BehaviourParams::grim_trigger,
                 {.meaning = "punish any observed defection forever"})
          .field("opportunism", &BehaviourParams::opportunism,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "buyer's propensity to renegotiate opportunistically"})
          .field("decision_noise", &BehaviourParams::decision_noise,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "logit noise on the cooperate/defect choice (0: best response)"})
          .field(
              "trust_stake_share", &BehaviourParams::trust_stake_share,
              {.min = 0,
               .max = 100,
               .unit = "share of the monthly price",
               .meaning = "graded trust: a signal counts fully once its stake (an unfair penalty, a "
                          "hold-up, a shortfall, a bonus) reaches this share of the price, smaller ones in "
                          "proportion; 0: every signal counts fully",
               .source =
                   "modelling choice; stakes as diagnosticity of a trust signal (Lewicki & Bunker 1995)"})
          .field("contract_attribution", &BehaviourParams::contract_attribution,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "how much less trust cooperation builds when the contract alone makes it pay",
                  .source = "Malhotra & Murnighan 2002 (direction); the size is a modelling choice"})
          .done();
  return section;
}

}  // namespace

const SectionDescription& partnership_description() {
  static const SectionDescription section =
      Describe<PartnershipParams>("a network of key accounts (buyers) and suppliers, one contract per pair")
          .field("buyers", &PartnershipParams::buyers,
                 {.min = 0,
                  .max = 1'000'000,
                  .unit = "buyers",
                  .meaning = "key accounts; 0: no partnerships",
                  .fixed_in_run = network_laid_out})
          .field("suppliers", &PartnershipParams::suppliers,
                 {.min = 1,
                  .max = 1'000'000,
                  .unit = "suppliers",
                  .meaning = "suppliers in the network",
                  .fixed_in_run = network_laid_out})
          .field("suppliers_per_buyer", &PartnershipParams::suppliers_per_buyer,
                 {.min = 1,
                  .max = 100,
                  .unit = "suppliers",
                  .meaning = "relationships each buyer holds at once",
                  .fixed_in_run = network_laid_out})
          .field("contract_changes", &PartnershipParams::contract_changes,
                 {.meaning = "when a timeline's new contract terms reach a running relationship: at once, or "
                             "when its term ends and it renews",
                  .words = {"immediately", "at_renewal"}})
          .field("switching", &PartnershipParams::switching,
                 {.meaning = "after a breakdown the buyer contracts another supplier"})
          .field("switching_cost", &PartnershipParams::switching_cost,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "the buyer's cost of finding and qualifying a new supplier"})
          .field("key_account_managers", &PartnershipParams::key_account_managers,
                 {.meaning = "the workforce's reps manage the buyers; what a cooperating supplier delivers "
                             "follows its manager's service effort"})
          .mapping("contract", &PartnershipParams::contract, contract_description())
          .mapping("game", &PartnershipParams::game, game_description())
          .mapping("investment", &PartnershipParams::investment, investment_description())
          .mapping("behaviour", &PartnershipParams::behaviour, behaviour_description())
          .done();
  return section;
}

}  // namespace salesim::models::partnership
