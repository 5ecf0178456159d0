// The scenario schema: every key of every section, its type and its allowed range.
// configs/scenario-schema.md documents the same table for users.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "models/scenario.h"

namespace salesim::sim::io::schema {

inline constexpr double unbounded = std::numeric_limits<double>::infinity();

/// A typed pointer to the struct member a key fills. An optional member is present only when its key
/// is written (an optional term of an incentive plan), and is written back only when present.
template <typename Section>
using Member =
    std::variant<double Section::*, std::optional<double> Section::*, std::uint32_t Section::*,
                 std::uint64_t Section::*, bool Section::*, std::string Section::*,
                 models::NetworkKind Section::*, models::partnership::KpiKind Section::*,
                 models::workforce::Organization Section::*, models::workforce::EvaluationPeriod Section::*,
                 models::workforce::CommissionBase Section::*, models::workforce::TerritoryRule Section::*>;

/// One scalar key of a section: its name, member and numeric range.
template <typename Section>
struct Field {
  std::string_view key;
  Member<Section> member;
  double min = -unbounded;
  double max = unbounded;
  bool min_exclusive = false;  ///< the range excludes `min` (e.g. a price index > 0)
};

const std::vector<Field<models::RunParams>>& run_fields();
const std::vector<Field<models::SegmentParams>>& segment_fields();
const std::vector<Field<models::SpendDistribution>>& spend_fields();
const std::vector<Field<models::MarketingParams>>& marketing_fields();
const std::vector<Field<models::ReferralParams>>& referral_fields();
const std::vector<Field<models::SatisfactionParams>>& satisfaction_fields();
const std::vector<Field<models::ServiceParams>>& service_fields();
const std::vector<Field<models::PricingParams>>& pricing_fields();
const std::vector<Field<models::SurveyParams>>& survey_fields();

const std::vector<Field<models::partnership::PartnershipParams>>& partnership_fields();
const std::vector<Field<models::partnership::ContractTerms>>& contract_fields();
const std::vector<Field<models::partnership::ContractKpi>>& kpi_fields();
const std::vector<Field<models::partnership::StageGame>>& game_fields();
const std::vector<Field<models::partnership::InvestmentParams>>& investment_fields();
const std::vector<Field<models::partnership::BehaviourParams>>& behaviour_fields();
/// Names of the KPI kinds, in KpiKind order.
const std::vector<std::string>& kpi_kind_names();

// The `workforce:` section: its scalars, the reps' profile and response, and the incentive plan with
// its optional terms (each a nested mapping, present only when written).
const std::vector<Field<models::workforce::WorkforceParams>>& workforce_fields();
const std::vector<Field<models::workforce::RepProfile>>& rep_profile_fields();
const std::vector<Field<models::workforce::EffortResponse>>& effort_response_fields();
const std::vector<Field<models::workforce::IncentivePlan>>& plan_fields();
/// `workforce.plan.quota_per_month`: written in the plan, stored in WorkforceParams.
const Field<models::workforce::WorkforceParams>& plan_quota_field();
const std::vector<Field<models::workforce::Commission>>& commission_fields();
const std::vector<Field<models::workforce::CommissionTier>>& commission_tier_fields();
const std::vector<Field<models::workforce::Clawback>>& clawback_fields();
const std::vector<Field<models::workforce::NpsBonus>>& nps_bonus_fields();
const std::vector<Field<models::workforce::ScorecardBonus>>& scorecard_bonus_fields();
const std::vector<Field<models::workforce::ScorecardTarget>>& scorecard_target_fields();
const std::vector<Field<models::workforce::TeamBonus>>& team_bonus_fields();
/// Keys of `workforce.plan` that hold a nested mapping (an optional term) or a WorkforceParams value.
const std::vector<std::string>& plan_nested_keys();
/// Names of the organisations, the evaluation periods and the commission bases, in enum order.
const std::vector<std::string>& organization_names();
const std::vector<std::string>& period_names();
const std::vector<std::string>& commission_base_names();
const std::vector<std::string>& territory_rule_names();

/// Top-level keys of a scenario, in the order a resolved scenario is written.
const std::vector<std::string>& top_level_keys();
/// The nested mapping inside a segment.
inline constexpr std::string_view spend_key = "spend_per_purchase";

/// Names of the network generators, in NetworkKind order.
const std::vector<std::string>& network_names();

/// The words of an enumeration, in its order.
template <typename Enum>
const std::vector<std::string>& enum_names() {
  if constexpr (std::is_same_v<Enum, models::NetworkKind>) {
    return network_names();
  } else if constexpr (std::is_same_v<Enum, models::partnership::KpiKind>) {
    return kpi_kind_names();
  } else if constexpr (std::is_same_v<Enum, models::workforce::Organization>) {
    return organization_names();
  } else if constexpr (std::is_same_v<Enum, models::workforce::EvaluationPeriod>) {
    return period_names();
  } else if constexpr (std::is_same_v<Enum, models::workforce::TerritoryRule>) {
    return territory_rule_names();
  } else {
    static_assert(std::is_same_v<Enum, models::workforce::CommissionBase>, "an enum without names");
    return commission_base_names();
  }
}

/// Keys of a field table, for suggestions and messages.
template <typename Section>
std::vector<std::string> keys_of(const std::vector<Field<Section>>& fields) {
  std::vector<std::string> keys;
  for (const auto& field : fields) keys.emplace_back(field.key);
  return keys;
}

}  // namespace salesim::sim::io::schema
