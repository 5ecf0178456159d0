// YAML text of a resolved scenario.
#include "sim/io/scenario_writer.h"

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

template <typename Section>
void write_fields(std::string& out, const Section& section, const std::vector<schema::Field<Section>>& fields,
                  const std::string& indent) {
  for (const auto& field : fields) {
    const std::string value = std::visit(
        [&](auto member) -> std::string {
          const auto& v = section.*member;
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
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
    out += fmt::format("{}{}: {}\n", indent, field.key, value);
  }
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
