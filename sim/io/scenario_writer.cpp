// YAML text of a resolved scenario.
#include "sim/io/scenario_writer.h"

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/balanced_scorecard.h"
#include "sim/io/scenario_schema.h"

namespace salesim::sim::io {
namespace {

/// A double-quoted YAML scalar (JSON escaping is valid YAML).
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

template <typename T>
inline constexpr bool is_optional = false;
template <typename T>
inline constexpr bool is_optional<std::optional<T>> = true;

/// Writes each field as `key: value`; an absent optional member is left out.
template <typename Section>
void write_fields(std::string& out, const Section& section, const std::vector<schema::Field<Section>>& fields,
                  const std::string& indent) {
  for (const auto& field : fields) {
    const std::optional<std::string> value = std::visit(
        [&](auto member) -> std::optional<std::string> {
          const auto& v = section.*member;
          using T = std::decay_t<decltype(v)>;
          if constexpr (is_optional<T>) {
            if (!v) return std::nullopt;
            return fmt::format("{}", *v);
          } else if constexpr (std::is_same_v<T, std::string>) {
            return quoted(v);
          } else if constexpr (std::is_same_v<T, bool>) {
            return v ? "true" : "false";
          } else if constexpr (std::is_enum_v<T>) {
            return schema::enum_names<T>()[static_cast<std::size_t>(v)];
          } else {
            return fmt::format("{}", v);
          }
        },
        field.member);
    if (value) out += fmt::format("{}{}: {}\n", indent, field.key, *value);
  }
}

/// Writes `key:` and its items as a block list (`key: []` when empty), the key at `indent`.
template <typename Item>
void write_list(std::string& out, const std::string& key, const std::vector<Item>& items,
                const std::vector<schema::Field<Item>>& fields, const std::string& indent) {
  if (items.empty()) {
    out += fmt::format("{}{}: []\n", indent, key);
    return;
  }
  out += fmt::format("{}{}:\n", indent, key);
  const std::string item_indent = indent + "    ";
  for (const auto& item : items) {
    std::string text;
    write_fields(text, item, fields, item_indent);
    text.replace(0, item_indent.size(), indent + "  - ");
    out += text;
  }
}

/// The `workforce:` section; the plan's optional terms only when present.
std::string workforce_yaml(const models::workforce::WorkforceParams& workforce) {
  std::string out = "workforce:\n";
  write_fields(out, workforce, schema::workforce_fields(), "  ");
  out += "  profile:\n";
  write_fields(out, workforce.profile, schema::rep_profile_fields(), "    ");
  out += "  response:\n";
  write_fields(out, workforce.response, schema::effort_response_fields(), "    ");
  const auto& plan = workforce.plan;
  out += "  plan:\n";
  write_fields(out, plan, schema::plan_fields(), "    ");
  write_fields(out, workforce, {schema::plan_quota_field()}, "    ");
  if (plan.commission) {
    out += "    commission:\n";
    write_fields(out, *plan.commission, schema::commission_fields(), "      ");
    write_list(out, "tiers", plan.commission->tiers, schema::commission_tier_fields(), "      ");
  }
  if (plan.clawback) {
    out += "    clawback:\n";
    write_fields(out, *plan.clawback, schema::clawback_fields(), "      ");
  }
  if (plan.nps_bonus) {
    out += "    nps_bonus:\n";
    write_fields(out, *plan.nps_bonus, schema::nps_bonus_fields(), "      ");
  }
  if (plan.scorecard_bonus) {
    out += "    scorecard_bonus:\n";
    write_fields(out, *plan.scorecard_bonus, schema::scorecard_bonus_fields(), "      ");
    write_list(out, "kpis", plan.scorecard_bonus->kpis, schema::scorecard_target_fields(), "      ");
  }
  if (plan.team_bonus) {
    out += "    team_bonus:\n";
    write_fields(out, *plan.team_bonus, schema::team_bonus_fields(), "      ");
  }
  return out;
}

template <typename Section>
void write_section(std::string& out, const char* name, const Section& section,
                   const std::vector<schema::Field<Section>>& fields) {
  out += fmt::format("{}:\n", name);
  write_fields(out, section, fields, "  ");
}

}  // namespace

std::string scenario_to_yaml(const models::Scenario& scenario) {
  std::string out;
  out += fmt::format("name: {}\n", quoted(scenario.name));
  out += fmt::format("description: {}\n", quoted(scenario.description));
  write_section(out, "run", scenario.run, schema::run_fields());
  if (!scenario.segments.empty()) out += "segments:\n";
  for (const auto& segment : scenario.segments) {
    std::string item;
    write_fields(item, segment, schema::segment_fields(), "    ");
    item.replace(0, 4, "  - ");
    out += item;
    out += fmt::format("    {}:\n", schema::spend_key);
    write_fields(out, segment.spend_per_purchase, schema::spend_fields(), "      ");
  }
  write_section(out, "marketing", scenario.marketing, schema::marketing_fields());
  write_section(out, "referrals", scenario.referrals, schema::referral_fields());
  write_section(out, "satisfaction", scenario.satisfaction, schema::satisfaction_fields());
  write_section(out, "service", scenario.service, schema::service_fields());
  write_section(out, "pricing", scenario.pricing, schema::pricing_fields());
  write_section(out, "survey", scenario.survey, schema::survey_fields());
  const auto& partners = scenario.partnerships;
  if (partners.buyers > 0) {
    out += "partnerships:\n";
    write_fields(out, partners, schema::partnership_fields(), "  ");
    out += "  contract:\n";
    write_fields(out, partners.contract, schema::contract_fields(), "    ");
    out += "    kpis:\n";
    for (const auto& kpi : partners.contract.kpis) {
      std::string item;
      write_fields(item, kpi, schema::kpi_fields(), "        ");
      item.replace(0, 8, "      - ");
      out += item;
    }
    if (partners.contract.kpis.empty()) out.replace(out.size() - 1, 1, " []\n");
    out += "  game:\n";
    write_fields(out, partners.game, schema::game_fields(), "    ");
    out += "  investment:\n";
    write_fields(out, partners.investment, schema::investment_fields(), "    ");
    out += "  behaviour:\n";
    write_fields(out, partners.behaviour, schema::behaviour_fields(), "    ");
  }
  // Written when it has reps, or when any of its values differs from the defaults, so that the
  // resolved YAML loads back to the same scenario; a scenario without a workforce is written as before.
  static const std::string default_workforce = workforce_yaml({});
  if (std::string workforce = workforce_yaml(scenario.workforce);
      scenario.workforce.reps > 0 || workforce != default_workforce) {
    out += workforce;
  }
  if (!scenario.scorecard.empty()) {
    out += "scorecard:\n";
    for (const auto& kpi : scenario.scorecard) {
      out += fmt::format(
          "  - perspective: {}\n    metric: {}\n    target: {}\n    weight: {}\n    direction: {}\n",
          analysis::perspective_names()[static_cast<std::size_t>(kpi.perspective)], kpi.metric, kpi.target,
          kpi.weight, kpi.higher_is_better ? "higher_is_better" : "lower_is_better");
    }
  }
  return out;
}

}  // namespace salesim::sim::io
