// The field tables of the scenario schema.
#include "sim/io/scenario_schema.h"

namespace salesim::sim::io::schema {

using namespace models;

const std::vector<Field<RunParams>>& run_fields() {
  static const std::vector<Field<RunParams>> fields = {
      {"horizon_months", &RunParams::horizon_months, 1, 1200},
      {"discount_rate_per_year", &RunParams::discount_rate_per_year, 0, 1},
      {"replications", &RunParams::replications, 1, 1'000'000},
      {"seed", &RunParams::seed, 0, 18446744073709551615.0},
      {"common_random_numbers", &RunParams::common_random_numbers},
  };
  return fields;
}

const std::vector<Field<SegmentParams>>& segment_fields() {
  static const std::vector<Field<SegmentParams>> fields = {
      {"name", &SegmentParams::name},
      {"size", &SegmentParams::size, 1, 4294967295.0},
      {"initial_customers", &SegmentParams::initial_customers, 0, 4294967295.0},
      {"purchase_rate_per_month", &SegmentParams::purchase_rate_per_month, 0, 1},
      {"gross_margin", &SegmentParams::gross_margin, 0, 1},
      {"price_sensitivity", &SegmentParams::price_sensitivity, 0, 10},
      {"service_sensitivity", &SegmentParams::service_sensitivity, 0, 10},
      {"base_churn_hazard_per_month", &SegmentParams::base_churn_hazard_per_month, 0, 1},
      {"referral_propensity", &SegmentParams::referral_propensity, 0, 1},
      {"acquisition_cost", &SegmentParams::acquisition_cost, 0, unbounded},
      {"marketing_share", &SegmentParams::marketing_share, 0, 1},
      {"initial_satisfaction", &SegmentParams::initial_satisfaction, 0, 10},
      {"satisfaction_baseline", &SegmentParams::satisfaction_baseline, 0, 10},
  };
  return fields;
}

const std::vector<Field<SpendDistribution>>& spend_fields() {
  static const std::vector<Field<SpendDistribution>> fields = {
      {"mean", &SpendDistribution::mean, 0, unbounded, true},
      {"cv", &SpendDistribution::cv, 0, 10},
  };
  return fields;
}

const std::vector<Field<MarketingParams>>& marketing_fields() {
  static const std::vector<Field<MarketingParams>> fields = {
      {"budget_per_month", &MarketingParams::budget_per_month, 0, unbounded},
  };
  return fields;
}

const std::vector<Field<ReferralParams>>& referral_fields() {
  static const std::vector<Field<ReferralParams>> fields = {
      {"network", &ReferralParams::network},
      {"mean_degree", &ReferralParams::mean_degree, 2, 1000},
      {"rewiring_probability", &ReferralParams::rewiring_probability, 0, 1},
      {"power_law_exponent", &ReferralParams::power_law_exponent, 1, 5, true},
      {"conversion_probability", &ReferralParams::conversion_probability, 0, 1},
      {"reward", &ReferralParams::reward, 0, unbounded},
  };
  return fields;
}

const std::vector<Field<SatisfactionParams>>& satisfaction_fields() {
  static const std::vector<Field<SatisfactionParams>> fields = {
      {"reference", &SatisfactionParams::reference, 0, 10},
      {"adjustment_rate", &SatisfactionParams::adjustment_rate, 0, 1},
      {"shock_sd", &SatisfactionParams::shock_sd, 0, 5},
      {"churn_sensitivity", &SatisfactionParams::churn_sensitivity, 0, 5},
      {"purchase_sensitivity", &SatisfactionParams::purchase_sensitivity, 0, 10},
      {"referral_threshold", &SatisfactionParams::referral_threshold, 0, 10},
  };
  return fields;
}

const std::vector<Field<ServiceParams>>& service_fields() {
  static const std::vector<Field<ServiceParams>> fields = {
      {"level", &ServiceParams::level, 0, 1},
      {"cost_per_customer_per_month", &ServiceParams::cost_per_customer_per_month, 0, unbounded},
  };
  return fields;
}

const std::vector<Field<PricingParams>>& pricing_fields() {
  static const std::vector<Field<PricingParams>> fields = {
      {"price_index", &PricingParams::price_index, 0, 10, true},
  };
  return fields;
}

const std::vector<Field<SurveyParams>>& survey_fields() {
  static const std::vector<Field<SurveyParams>> fields = {
      {"sample_rate", &SurveyParams::sample_rate, 0, 1},
      {"response_rate", &SurveyParams::response_rate, 0, 1},
      {"nonresponse_bias", &SurveyParams::nonresponse_bias, -1, 1},
      {"answer_noise_sd", &SurveyParams::answer_noise_sd, 0, 5},
  };
  return fields;
}

using namespace models::partnership;

const std::vector<Field<PartnershipParams>>& partnership_fields() {
  static const std::vector<Field<PartnershipParams>> fields = {
      {"buyers", &PartnershipParams::buyers, 0, 1'000'000},
      {"suppliers", &PartnershipParams::suppliers, 1, 1'000'000},
      {"suppliers_per_buyer", &PartnershipParams::suppliers_per_buyer, 1, 100},
      {"switching", &PartnershipParams::switching},
      {"switching_cost", &PartnershipParams::switching_cost, 0, unbounded},
      {"key_account_managers", &PartnershipParams::key_account_managers},
  };
  return fields;
}

const std::vector<Field<ContractTerms>>& contract_fields() {
  static const std::vector<Field<ContractTerms>> fields = {
      {"price_per_month", &ContractTerms::price_per_month, 0, unbounded},
      {"price_adjustment_per_year", &ContractTerms::price_adjustment_per_year, -0.5, 1},
      {"volume_commitment", &ContractTerms::volume_commitment, 0, 1},
      {"duration_months", &ContractTerms::duration_months, 1, 1200},
      {"renewal", &ContractTerms::renewal},
      {"kpi_noise_sd", &ContractTerms::kpi_noise_sd, 0, 1},
      {"gain_share", &ContractTerms::gain_share, 0, 1},
      {"open_book", &ContractTerms::open_book},
      {"termination_breaches", &ContractTerms::termination_breaches, 0, 1200},
  };
  return fields;
}

const std::vector<Field<ContractKpi>>& kpi_fields() {
  static const std::vector<Field<ContractKpi>> fields = {
      {"kind", &ContractKpi::kind},
      {"target", &ContractKpi::target, 0, 1},
      {"bonus_per_point", &ContractKpi::bonus_per_point, 0, unbounded},
      {"penalty_per_point", &ContractKpi::penalty_per_point, 0, unbounded},
  };
  return fields;
}

const std::vector<Field<StageGame>>& game_fields() {
  static const std::vector<Field<StageGame>> fields = {
      {"buyer_value_cooperative", &StageGame::buyer_value_cooperative, 0, unbounded},
      {"buyer_value_defecting", &StageGame::buyer_value_defecting, 0, unbounded},
      {"supplier_cost", &StageGame::supplier_cost, 0, unbounded},
      {"effort_cost", &StageGame::effort_cost, 0, unbounded},
      {"holdup_gain", &StageGame::holdup_gain, 0, unbounded},
      {"kpi_cooperative", &StageGame::kpi_cooperative, 0, 1},
      {"kpi_defecting", &StageGame::kpi_defecting, 0, 1},
  };
  return fields;
}

const std::vector<Field<InvestmentParams>>& investment_fields() {
  static const std::vector<Field<InvestmentParams>> fields = {
      {"cost", &InvestmentParams::cost, 0, unbounded},
      {"saving_per_month", &InvestmentParams::saving_per_month, 0, unbounded},
      {"holdup_share", &InvestmentParams::holdup_share, 0, 1},
  };
  return fields;
}

const std::vector<Field<BehaviourParams>>& behaviour_fields() {
  static const std::vector<Field<BehaviourParams>> fields = {
      {"continuation_probability", &BehaviourParams::continuation_probability, 0, 1, true},
      {"initial_trust", &BehaviourParams::initial_trust, 0, 1},
      {"trust_learning_rate", &BehaviourParams::trust_learning_rate, 0, 1},
      {"grim_trigger", &BehaviourParams::grim_trigger},
      {"opportunism", &BehaviourParams::opportunism, 0, 1},
      {"decision_noise", &BehaviourParams::decision_noise, 0, unbounded},
  };
  return fields;
}

const std::vector<std::string>& kpi_kind_names() {
  static const std::vector<std::string> names = {"on_time_delivery", "quality", "cost_reduction",
                                                 "responsiveness"};
  return names;
}

const std::vector<std::string>& top_level_keys() {
  static const std::vector<std::string> keys = {
      "name",    "description", "run",    "segments",  "marketing",    "referrals", "satisfaction",
      "service", "pricing",     "survey", "scorecard", "partnerships", "workforce"};
  return keys;
}

using namespace models::workforce;

const std::vector<Field<WorkforceParams>>& workforce_fields() {
  static const std::vector<Field<WorkforceParams>> fields = {
      {"reps", &WorkforceParams::reps, 0, 4294967295.0},
      {"max_effort", &WorkforceParams::max_effort, 0, 100, true},
      {"decision_noise", &WorkforceParams::decision_noise, 0, unbounded},
      {"discount_authority", &WorkforceParams::discount_authority, 0, 0.9},
      {"coaching_possible", &WorkforceParams::coaching_possible},
      {"cherry_picking_possible", &WorkforceParams::cherry_picking_possible},
      {"clv_scores_visible", &WorkforceParams::clv_scores_visible},
      {"clv_score_noise", &WorkforceParams::clv_score_noise, 0, 10},
      {"territories", &WorkforceParams::territories},
      {"organization", &WorkforceParams::organization},
      {"product_lines", &WorkforceParams::product_lines, 1, 1000},
      {"cross_sell_share", &WorkforceParams::cross_sell_share, 0, 10},
      {"coordination_cost_per_customer", &WorkforceParams::coordination_cost_per_customer, 0, unbounded},
      {"hiring_lag_months", &WorkforceParams::hiring_lag_months, 0, 120},
      {"quit_patience_months", &WorkforceParams::quit_patience_months, 0, 1200},
  };
  return fields;
}

const std::vector<Field<RepProfile>>& rep_profile_fields() {
  static const std::vector<Field<RepProfile>> fields = {
      {"skill", &RepProfile::skill, 0, 10, true},
      {"effort_cost", &RepProfile::effort_cost, 0, unbounded, true},
      {"service_norm", &RepProfile::service_norm, 0, unbounded},
      {"risk_aversion", &RepProfile::risk_aversion, 0, unbounded},
      {"outside_option", &RepProfile::outside_option, 0, unbounded},
      {"new_hire_productivity", &RepProfile::new_hire_productivity, 0, 1},
      {"months_to_learn", &RepProfile::months_to_learn, 0, 1200, true},
  };
  return fields;
}

const std::vector<Field<EffortResponse>>& effort_response_fields() {
  static const std::vector<Field<EffortResponse>> fields = {
      {"hunt_rate", &EffortResponse::hunt_rate, 0, 1},
      {"sell_lift", &EffortResponse::sell_lift, 0, 10},
      {"service_lift", &EffortResponse::service_lift, 0, 10},
      {"coaching_lift", &EffortResponse::coaching_lift, 0, 10},
      {"cherry_pick_gain", &EffortResponse::cherry_pick_gain, 0, 1},
      {"discount_elasticity", &EffortResponse::discount_elasticity, 0, 100},
      {"bookings_cv", &EffortResponse::bookings_cv, 0, 10},
      {"pull_forward_share", &EffortResponse::pull_forward_share, 0, 1},
      {"pull_forward_cost", &EffortResponse::pull_forward_cost, 0, 1},
  };
  return fields;
}

const std::vector<Field<IncentivePlan>>& plan_fields() {
  static const std::vector<Field<IncentivePlan>> fields = {
      {"period", &IncentivePlan::period},
      {"salary_per_month", &IncentivePlan::salary_per_month, 0, unbounded},
      {"quota_ratchet", &IncentivePlan::quota_ratchet, 0, unbounded},
      {"quota_floor", &IncentivePlan::quota_floor, 0, unbounded},
      {"quota_bonus", &IncentivePlan::quota_bonus, 0, unbounded},
      {"variable_pay_cap", &IncentivePlan::variable_pay_cap, 0, unbounded},
      {"clv_commission_rate", &IncentivePlan::clv_commission_rate, 0, 1},
  };
  return fields;
}

const Field<WorkforceParams>& plan_quota_field() {
  static const Field<WorkforceParams> field = {"quota_per_month", &WorkforceParams::quota_per_month, 0,
                                               unbounded};
  return field;
}

const std::vector<Field<Commission>>& commission_fields() {
  static const std::vector<Field<Commission>> fields = {
      {"base", &Commission::base},
  };
  return fields;
}

const std::vector<Field<CommissionTier>>& commission_tier_fields() {
  static const std::vector<Field<CommissionTier>> fields = {
      {"from_attainment", &CommissionTier::from_attainment, 0, unbounded},
      {"rate", &CommissionTier::rate, 0, 1},
  };
  return fields;
}

const std::vector<Field<Clawback>>& clawback_fields() {
  static const std::vector<Field<Clawback>> fields = {
      {"window_months", &Clawback::window_months, 1, 1200},
      {"share", &Clawback::share, 0, 1},
  };
  return fields;
}

const std::vector<Field<NpsBonus>>& nps_bonus_fields() {
  static const std::vector<Field<NpsBonus>> fields = {
      {"target", &NpsBonus::target, -100, 100},
      {"per_point", &NpsBonus::per_point, 0, unbounded},
      {"max_amount", &NpsBonus::max_amount, 0, unbounded},
  };
  return fields;
}

const std::vector<Field<ScorecardBonus>>& scorecard_bonus_fields() {
  static const std::vector<Field<ScorecardBonus>> fields = {
      {"amount", &ScorecardBonus::amount, 0, unbounded},
      {"max_achievement", &ScorecardBonus::max_achievement, 0, unbounded, true},
  };
  return fields;
}

const std::vector<Field<ScorecardTarget>>& scorecard_target_fields() {
  static const std::vector<Field<ScorecardTarget>> fields = {
      {"name", &ScorecardTarget::name},
      {"target", &ScorecardTarget::target, 0, unbounded, true},
      {"weight", &ScorecardTarget::weight, 0, 1},
      {"higher_is_better", &ScorecardTarget::higher_is_better},
  };
  return fields;
}

const std::vector<Field<TeamBonus>>& team_bonus_fields() {
  static const std::vector<Field<TeamBonus>> fields = {
      {"pool", &TeamBonus::pool, 0, unbounded},
      {"share", &TeamBonus::share, 0, 1},
      {"min_attainment", &TeamBonus::min_attainment, 0, unbounded},
      {"max_ratio", &TeamBonus::max_ratio, 0, unbounded},
  };
  return fields;
}

const std::vector<std::string>& plan_nested_keys() {
  static const std::vector<std::string> keys = {"quota_per_month", "commission",      "clawback",
                                                "nps_bonus",       "scorecard_bonus", "team_bonus"};
  return keys;
}

const std::vector<std::string>& territory_rule_names() {
  static const std::vector<std::string> names = {"round_robin", "by_segment"};
  return names;
}

const std::vector<std::string>& organization_names() {
  static const std::vector<std::string> names = {"product_centric", "customer_centric"};
  return names;
}

const std::vector<std::string>& period_names() {
  static const std::vector<std::string> names = {"month", "quarter", "year"};
  return names;
}

const std::vector<std::string>& commission_base_names() {
  static const std::vector<std::string> names = {"revenue", "margin"};
  return names;
}

const std::vector<std::string>& network_names() {
  static const std::vector<std::string> names = {"small_world", "scale_free", "random"};
  return names;
}

}  // namespace salesim::sim::io::schema
