// `workforce:`: the reps, how customers respond to them, and the incentive plan with its optional terms.
#include "models/workforce/workforce_description.h"

#include "models/workforce/rep_traits.h"
#include "models/workforce/workforce_params.h"

namespace salesim::models::workforce {
namespace {

using sim::core::Describe;
using sim::core::SectionDescription;

const SectionDescription& profile_description() {
  static const SectionDescription section =
      Describe<RepProfile>("who the reps are")
          .field("skill", &RepProfile::skill,
                 {.min = 0,
                  .max = 10,
                  .min_exclusive = true,
                  .unit = "multiplier",
                  .meaning = "multiplies what effort achieves"})
          .field("effort_cost", &RepProfile::effort_cost,
                 {.min = 0,
                  .min_exclusive = true,
                  .unit = "currency per month",
                  .meaning = "c: effort e of one activity costs c e^2 / 2 a month"})
          .field("baseline_sell_effort", &RepProfile::baseline_sell_effort,
                 {.min = 0,
                  .max = 100,
                  .unit = "effort units",
                  .meaning = "selling effort given when pay does not depend on it (professional norms); "
                             "selling costs c (e^2 / 2 - baseline e)",
                  .source = "a modelling choice, not a published figure: sets what a salaried rep sells"})
          .field("service_norm", &RepProfile::service_norm,
                 {.min = 0,
                  .unit = "currency per month",
                  .meaning = "what a unit of service effort is worth to the rep for its own sake"})
          .field("risk_aversion", &RepProfile::risk_aversion,
                 {.min = 0, .unit = "per currency", .meaning = "CARA coefficient r on pay"})
          .field("outside_option", &RepProfile::outside_option,
                 {.min = 0,
                  .unit = "currency per month",
                  .meaning = "certainty-equivalent monthly pay elsewhere"})
          .field("new_hire_productivity", &RepProfile::new_hire_productivity,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "share of full productivity in the first month"})
          .field("months_to_learn", &RepProfile::months_to_learn,
                 {.min = 0,
                  .max = 1200,
                  .min_exclusive = true,
                  .unit = "months",
                  .meaning = "tenure at which the productivity gap has shrunk to 1/e"})
          .field("ratchet_horizon_months", &RepProfile::ratchet_horizon_months,
                 {.min = 1,
                  .max = 1200,
                  .unit = "months",
                  .meaning = "how far ahead a rep weighs a ratcheted quota, which never comes back down",
                  .source = "a modelling choice, not a published figure (Weitzman 1980 for the ratchet)"})
          .field("starting_tenure_months", &RepProfile::starting_tenure_months,
                 {.min = 0,
                  .max = 1200,
                  .unit = "months",
                  .meaning = "tenure of the starting team; new hires start at 0"})
          .done();
  return section;
}

const SectionDescription& response_description() {
  static const SectionDescription section =
      Describe<EffortResponse>("how customers respond to what reps do")
          .field("hunt_rate", &EffortResponse::hunt_rate,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability per month",
                  .meaning = "chance a prospect is won per unit of hunting effort"})
          .field(
              "sell_elasticity", &EffortResponse::sell_elasticity,
              {.min = 0,
               .max = 2,
               .unit = "elasticity",
               .meaning = "purchases x productivity x sell effort^elasticity",
               .source =
                   "Albers, Mantrala & Sridhar 2010 (meta-analysis): mean personal-selling elasticity 0.34"})
          .field(
              "unattended_sales_share", &EffortResponse::unattended_sales_share,
              {.min = 0,
               .max = 1,
               .unit = "share",
               .meaning = "purchases of customers nobody sells to (vacancy, neglect), as a share of normal"})
          .field("service_lift", &EffortResponse::service_lift,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "experience gained per unit of service effort"})
          .field("coaching_lift", &EffortResponse::coaching_lift,
                 {.min = 0,
                  .max = 10,
                  .unit = "answer points",
                  .meaning = "survey answer points per unit of coaching effort"})
          .field("cherry_pick_gain", &EffortResponse::cherry_pick_gain,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "extra bookings from working only satisfied customers"})
          .field(
              "price_elasticity", &EffortResponse::price_elasticity,
              {.min = 0,
               .max = 20,
               .unit = "elasticity",
               .meaning = "purchases x (1 - discount)^-elasticity",
               .source = "Bijmolt, van Heerde & Pieters 2005 (meta-analysis): mean price elasticity -2.62"})
          .field("bookings_noise", &EffortResponse::bookings_noise,
                 {.meaning = "whether bookings noise grows with what is booked or stays at normal bookings' "
                             "(additive, as in the linear LEN model)",
                  .words = {"proportional", "additive"}})
          .field("bookings_cv", &EffortResponse::bookings_cv,
                 {.min = 0,
                  .max = 10,
                  .unit = "ratio",
                  .meaning = "reps' belief of the monthly sd of bookings over their mean"})
          .field("pull_forward_share", &EffortResponse::pull_forward_share,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "share of next month's bookings a rep can pull into a period end"})
          .field("pull_forward_cost", &EffortResponse::pull_forward_cost,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "discount needed to pull a deal forward"})
          .field("push_out_share", &EffortResponse::push_out_share,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "share of a period end's bookings a rep can hold back into the next period"})
          .field("push_out_loss", &EffortResponse::push_out_loss,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability",
                  .meaning = "chance a deal held back past a period end is lost",
                  .source = "a modelling choice, not a published figure"})
          .done();
  return section;
}

const SectionDescription& tier_description() {
  static const SectionDescription section =
      Describe<CommissionTier>("from this attainment up to the next tier's, bookings earn this rate")
          .field("from_attainment", &CommissionTier::from_attainment,
                 {.min = 0, .unit = "ratio to quota", .meaning = "where the tier starts"})
          .field("rate", &CommissionTier::rate,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "commission on the slice of bookings in the tier"})
          .done();
  return section;
}

const SectionDescription& commission_description() {
  static const SectionDescription section =
      Describe<Commission>("commission on bookings with marginal tiers")
          .field("base", &Commission::base,
                 {.meaning = "what commission is paid on", .words = {"revenue", "margin"}})
          .list("tiers", &Commission::tiers, tier_description(),
                {.meaning = "tiers in increasing from_attainment; accelerators and decelerators are tiers"})
          .done();
  return section;
}

const SectionDescription& clawback_description() {
  static const SectionDescription section =
      Describe<Clawback>("commission on sales to customers who churn within the window is repaid")
          .field("window_months", &Clawback::window_months,
                 {.min = 1,
                  .max = 1200,
                  .unit = "months",
                  .meaning = "a churn this soon after the sale claws back"})
          .field("share", &Clawback::share,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "share of that commission repaid"})
          .done();
  return section;
}

const SectionDescription& nps_bonus_description() {
  static const SectionDescription section =
      Describe<NpsBonus>("a bonus on measured (survey) NPS, which reps can coach (Holmström & Milgrom 1991)")
          .field("target", &NpsBonus::target,
                 {.min = -100, .max = 100, .unit = "NPS points", .meaning = "NPS above which the bonus pays"})
          .field("per_point", &NpsBonus::per_point,
                 {.min = 0,
                  .unit = "currency per NPS point",
                  .meaning = "paid per point above target, each period"})
          .field("max_amount", &NpsBonus::max_amount,
                 {.min = 0, .unit = "currency", .meaning = "largest bonus of a period (absent: no limit)"})
          .done();
  return section;
}

const SectionDescription& scorecard_target_description() {
  static const SectionDescription section =
      Describe<ScorecardTarget>("one KPI of the scorecard bonus")
          .field("name", &ScorecardTarget::name,
                 {.meaning = "the rep's measured KPI", .words = rep_kpi_names()})
          .field("target", &ScorecardTarget::target,
                 {.min = 0,
                  .min_exclusive = true,
                  .unit = "KPI units",
                  .meaning = "achievement is value / target"})
          .field("weight", &ScorecardTarget::weight,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "weights of all KPIs sum to 1"})
          .field("higher_is_better", &ScorecardTarget::higher_is_better,
                 {.meaning = "false: achievement is target / value"})
          .done();
  return section;
}

const SectionDescription& scorecard_bonus_description() {
  static const SectionDescription section =
      Describe<ScorecardBonus>("pays amount x the weighted achievement of several measures")
          .field(
              "amount", &ScorecardBonus::amount,
              {.min = 0, .unit = "currency", .meaning = "paid at full achievement of every KPI, each period"})
          .field("max_achievement", &ScorecardBonus::max_achievement,
                 {.min = 0,
                  .min_exclusive = true,
                  .unit = "ratio",
                  .meaning = "each achievement is capped here"})
          .list("kpis", &ScorecardBonus::kpis, scorecard_target_description(),
                {.meaning = "the KPIs paid on"})
          .done();
  return section;
}

const SectionDescription& team_bonus_description() {
  static const SectionDescription section =
      Describe<TeamBonus>("the rep's share of a team pool")
          .field("pool", &TeamBonus::pool,
                 {.min = 0, .unit = "currency", .meaning = "the pool at team attainment 1"})
          .field("share", &TeamBonus::share,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "the rep's share of the pool"})
          .field(
              "min_attainment", &TeamBonus::min_attainment,
              {.min = 0, .unit = "ratio to quota", .meaning = "team attainment below which nothing is paid"})
          .field("max_ratio", &TeamBonus::max_ratio,
                 {.min = 0,
                  .unit = "ratio to quota",
                  .meaning = "team attainment above which the pool stops growing"})
          .done();
  return section;
}

const SectionDescription& spiff_description() {
  static const SectionDescription section =
      Describe<Spiff>("a fixed payment per new customer the rep wins (a SPIFF)")
          .field("per_customer_won", &Spiff::per_customer_won,
                 {.min = 0,
                  .unit = "currency per customer",
                  .meaning = "paid for each customer the rep's hunting wins"})
          .done();
  return section;
}

const SectionDescription& describe_plan() {
  static const SectionDescription section =
      Describe<IncentivePlan>("the reps' pay plan; amounts are per evaluation period except the salary")
          .field("period", &IncentivePlan::period,
                 {.meaning = "evaluation period of quota and bonuses", .words = {"month", "quarter", "year"}})
          .field("salary_per_month", &IncentivePlan::salary_per_month,
                 {.min = 0, .unit = "currency per month", .meaning = "fixed pay"})
          .field("salary_meets_outside_option", &IncentivePlan::salary_meets_outside_option,
                 {.meaning =
                      "the firm sets the salary so a typical rep's certainty-equivalent pay net of effort "
                      "cost meets the outside option (salary_per_month is then ignored)",
                  .source = "Holmstrom & Milgrom 1987: the participation constraint of the LEN model"})
          .field("quota_ratchet", &IncentivePlan::quota_ratchet,
                 {.min = 0,
                  .unit = "ratio",
                  .meaning =
                      "next quota x (1 + ratchet x (attainment - 1)) after overachievement; 0: fixed quota",
                  .source = "Misra & Nair 2011"})
          .field("quota_floor", &IncentivePlan::quota_floor,
                 {.min = 0, .unit = "currency", .meaning = "a ratcheted quota never falls below this"})
          .field("quota_bonus", &IncentivePlan::quota_bonus,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "lump sum at attainment >= 1 (Oyer 1998: pays reps to time sales)"})
          .field("variable_pay_cap", &IncentivePlan::variable_pay_cap,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "cap on all variable pay of a period, before clawback"})
          .field("clv_commission_rate", &IncentivePlan::clv_commission_rate,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "commission on the predicted CLV of new customers"})
          .field("quota_per_month", &IncentivePlan::quota_per_month,
                 {.min = 0,
                  .unit = "currency per month",
                  .meaning = "each rep's starting quota, in the commission base's units"})
          .field("quota_setting", &IncentivePlan::quota_setting,
                 {.meaning = "same quota for every rep, or by_rep: in proportion to each rep's skill, what "
                             "its customers buy at its normal effort (as quotas set from each rep's past "
                             "sales are)",
                  .words = {"same", "by_rep"}})
          .optional("commission", &IncentivePlan::commission, commission_description())
          .optional("clawback", &IncentivePlan::clawback, clawback_description())
          .optional("nps_bonus", &IncentivePlan::nps_bonus, nps_bonus_description())
          .optional("scorecard_bonus", &IncentivePlan::scorecard_bonus, scorecard_bonus_description())
          .optional("team_bonus", &IncentivePlan::team_bonus, team_bonus_description())
          .optional("spiff", &IncentivePlan::spiff, spiff_description())
          .done();
  return section;
}

}  // namespace

const SectionDescription& plan_description() { return describe_plan(); }

const std::vector<std::string>& rep_kpi_names() {
  static const std::vector<std::string> names = {"surveyed_nps", "attainment"};
  return names;
}

const SectionDescription& workforce_description() {
  static const SectionDescription section =
      Describe<WorkforceParams>("the customer-facing workforce: reps, decision rights, information, pay")
          .field("reps", &WorkforceParams::reps,
                 {.min = 0,
                  .max = 4294967295.0,
                  .unit = "reps",
                  .meaning = "0: no workforce, service.level applies",
                  .fixed_in_run = "territories and reps' state are laid out for the whole run"})
          .field("max_effort", &WorkforceParams::max_effort,
                 {.min = 0,
                  .max = 100,
                  .min_exclusive = true,
                  .unit = "effort units",
                  .meaning = "effort per activity and month, in units of normal effort"})
          .field("decision_noise", &WorkforceParams::decision_noise,
                 {.min = 0,
                  .unit = "currency",
                  .meaning = "logit noise scale on effort choices (0: best response)"})
          .field("discount_authority", &WorkforceParams::discount_authority,
                 {.min = 0,
                  .max = 0.9,
                  .unit = "share",
                  .meaning = "largest discount a rep may give without approval"})
          .field("coaching_possible", &WorkforceParams::coaching_possible,
                 {.meaning = "reps can coach customers' survey answers"})
          .field("cherry_picking_possible", &WorkforceParams::cherry_picking_possible,
                 {.meaning = "reps can work only their easy (satisfied) customers"})
          .field("clv_scores_visible", &WorkforceParams::clv_scores_visible,
                 {.meaning = "reps see each customer's CLV score"})
          .field("clv_score_noise", &WorkforceParams::clv_score_noise,
                 {.min = 0,
                  .max = 10,
                  .unit = "ratio",
                  .meaning = "sd of the score's error, relative to the true value"})
          .field("territories", &WorkforceParams::territories,
                 {.meaning = "how customers are dealt out to reps", .words = {"round_robin", "by_segment"}})
          .field("organization", &WorkforceParams::organization,
                 {.meaning = "one rep per product line, or customer managers who cross-sell",
                  .words = {"product_centric", "customer_centric"}})
          .field("product_lines", &WorkforceParams::product_lines,
                 {.min = 1, .max = 1000, .unit = "lines", .meaning = "lines a customer can buy"})
          .field("cross_sell_share", &WorkforceParams::cross_sell_share,
                 {.min = 0,
                  .max = 10,
                  .unit = "share",
                  .meaning = "extra spend per additional line sold, as a share of a purchase"})
          .field("coordination_cost_per_customer", &WorkforceParams::coordination_cost_per_customer,
                 {.min = 0, .unit = "currency per month", .meaning = "customer-centric organizations only"})
          .field("relationship_lift", &WorkforceParams::relationship_lift,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "experience a customer manager adds at normal service (customer-centric, "
                             "several lines; Lee et al. 2015)"})
          .field("product_focus_gain", &WorkforceParams::product_focus_gain,
                 {.min = 0,
                  .max = 10,
                  .unit = "share",
                  .meaning = "extra purchases a product specialist's selling gets (product-centric, several "
                             "lines; Rust, Moorman & Bhalla 2010)"})
          .field("hiring_lag_months", &WorkforceParams::hiring_lag_months,
                 {.min = 0, .max = 120, .unit = "months", .meaning = "a vacancy stays open this long"})
          .field("quit_patience_months", &WorkforceParams::quit_patience_months,
                 {.min = 0,
                  .max = 1200,
                  .unit = "months",
                  .meaning = "how long expected pay may trail the outside option"})
          .mapping("profile", &WorkforceParams::profile, profile_description(),
                   {.fixed_in_run = "each rep's traits are drawn when it is hired"})
          .mapping("spread", &WorkforceParams::spread, rep_spread_description(),
                   {.meaning = "how reps differ around the profile",
                    .omit_when_default = true,
                    .fixed_in_run = "each rep's traits are drawn when it is hired"})
          .mapping("response", &WorkforceParams::response, response_description())
          .mapping("plan", &WorkforceParams::plan, describe_plan())
          .done();
  return section;
}

}  // namespace salesim::models::workforce
