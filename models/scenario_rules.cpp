// Cross-field rules of a scenario. Single keys are checked against their descriptions when read.
#include "models/scenario_rules.h"

#include <cmath>
#include <set>
#include <string>

#include <fmt/format.h>

#include "models/workforce/rep_traits.h"
#include "sim/core/file_name.h"

namespace salesim::models {
namespace {

using sim::core::KeyProblem;

void check_segments(const Scenario& scenario, std::vector<KeyProblem>& problems) {
  if (scenario.segments.empty() && scenario.partnerships.buyers == 0) {
    problems.push_back(
        {"segments", "missing required key 'segments'", "a list of segments, each with name and size"});
  }
  std::set<std::string> names;
  double share_total = 0.0;
  for (std::size_t i = 0; i < scenario.segments.size(); ++i) {
    const SegmentParams& segment = scenario.segments[i];
    const std::string path = fmt::format("segments[{}]", i);
    if (segment.name.empty()) {
      problems.push_back({path + ".name", "a segment needs a name", "a non-empty text"});
    } else if (!names.insert(segment.name).second) {
      problems.push_back(
          {path + ".name", "segment name '" + segment.name + "' is used twice", "unique segment names"});
    }
    if (segment.initial_customers > segment.size) {
      problems.push_back(
          {path + ".initial_customers",
           fmt::format("{} initial customers in a market of {}", segment.initial_customers, segment.size),
           "at most the segment's size"});
    }
    share_total += segment.marketing_share;
  }
  if (scenario.marketing.budget_per_month <= 0.0) return;
  if (share_total > 0.0 && std::abs(share_total - 1.0) > 1e-9) {
    problems.push_back({"segments", fmt::format("marketing_share values sum to {}", share_total),
                        "shares summing to 1, or all 0 for an equal split"});
  }
  for (std::size_t i = 0; i < scenario.segments.size(); ++i) {
    const SegmentParams& segment = scenario.segments[i];
    const bool gets_budget = share_total > 0.0 ? segment.marketing_share > 0.0 : true;
    if (gets_budget && segment.acquisition_cost <= 0.0) {
      problems.push_back({fmt::format("segments[{}].acquisition_cost", i),
                          "a segment that gets marketing budget needs a positive acquisition cost",
                          "a number > 0"});
    }
  }
}

void check_partnerships(const Scenario& scenario, std::vector<KeyProblem>& problems) {
  const auto& partners = scenario.partnerships;
  if (partners.buyers > 0 && partners.key_account_managers &&
      (scenario.workforce.reps == 0 || scenario.segments.empty())) {
    problems.push_back({"partnerships.key_account_managers",
                        "key-account managers need a workforce serving a customer market",
                        "workforce.reps > 0 and at least one segment, or key_account_managers: false"});
  }
  if (partners.buyers > 0 && partners.suppliers_per_buyer > partners.suppliers) {
    problems.push_back({"partnerships.suppliers_per_buyer",
                        fmt::format("{} suppliers per buyer but {} suppliers", partners.suppliers_per_buyer,
                                    partners.suppliers),
                        "at most the number of suppliers"});
  }
  // Effort must show in the KPIs: measured gains are scaled by the KPI gap.
  if (partners.game.kpi_cooperative <= partners.game.kpi_defecting ||
      partners.game.buyer_value_cooperative < partners.game.buyer_value_defecting) {
    problems.push_back(
        {"partnerships.game", "cooperation must raise the KPI level and not lower the buyer's value",
         "kpi_cooperative > kpi_defecting and buyer_value_cooperative >= buyer_value_defecting"});
  }
}

void check_workforce(const Scenario& scenario, std::vector<KeyProblem>& problems) {
  if (scenario.workforce.reps > 0 && scenario.segments.empty()) {
    problems.push_back({"workforce.reps", "reps need customers to serve, and the scenario has no segments",
                        "segments with customers, or reps: 0"});
  }
  for (const auto& problem : workforce::validate(scenario.workforce.plan)) {
    problems.push_back({"workforce.plan." + problem.key_path, problem.message, problem.allowed});
  }
  for (const auto& problem : workforce::validate(scenario.workforce.spread, scenario.workforce.profile)) {
    problems.push_back({"workforce.spread." + problem.key_path, problem.message, problem.allowed});
  }
  // A discount at or above the gross margin sells at a loss on every deal it buys.
  const double authority = scenario.workforce.discount_authority;
  for (std::size_t s = 0; scenario.workforce.reps > 0 && s < scenario.segments.size(); ++s) {
    const double margin = scenario.segments[s].gross_margin;
    if (authority > 0.0 && authority >= margin) {
      problems.push_back({"workforce.discount_authority",
                          fmt::format("{} lets reps sell below cost to segment '{}' (gross margin {})",
                                      authority, scenario.segments[s].name, margin),
                          "a discount authority below every segment's gross_margin"});
      break;
    }
  }
}

void check_referrals(const Scenario& scenario, std::vector<KeyProblem>& problems) {
  const std::uint64_t members = market_size(scenario);
  const std::uint32_t degree = scenario.referrals.mean_degree;
  if (scenario.referrals.network == NetworkKind::small_world && degree % 2 != 0) {
    problems.push_back(
        {"referrals.mean_degree", fmt::format("{} is odd", degree),
         "an even number for a small_world network (each member links k/2 neighbours on each side)"});
  }
  const bool rewires =
      scenario.referrals.network == NetworkKind::small_world && scenario.referrals.rewiring_probability > 0.0;
  if (members > 0 && degree > most_contacts(scenario.referrals, members)) {
    problems.push_back({"referrals.mean_degree",
                        fmt::format("{} contacts in a market of {}", degree, members),
                        rewires ? "at most market members - 2 contacts in a rewired small world, so that a "
                                  "rewired contact has a member to go to"
                                : "fewer contacts than market members"});
  }
}

void check_scorecard(const Scenario& scenario, std::vector<KeyProblem>& problems) {
  double total = 0.0;
  for (const auto& kpi : scenario.scorecard) total += kpi.weight;
  if (!scenario.scorecard.empty() && std::abs(total - 1.0) > 1e-9) {
    problems.push_back({"scorecard", fmt::format("weights sum to {}", total), "weights summing to 1"});
  }
}

}  // namespace

std::vector<KeyProblem> scenario_problems(const Scenario& scenario) {
  std::vector<KeyProblem> problems;
  if (scenario.name.size() > sim::core::max_output_name_bytes) {
    problems.push_back({"name",
                        fmt::format("a name of {} bytes is too long for a file name", scenario.name.size()),
                        fmt::format("at most {} bytes", sim::core::max_output_name_bytes)});
  } else if (!sim::core::is_safe_file_name(scenario.name)) {
    problems.push_back(
        {"name", "'" + scenario.name + "' cannot name an output file", "letters, digits, '-', '_' and '.'"});
  }
  check_segments(scenario, problems);
  check_partnerships(scenario, problems);
  check_workforce(scenario, problems);
  check_referrals(scenario, problems);
  check_scorecard(scenario, problems);
  return problems;
}

std::uint64_t most_contacts(const ReferralParams& referrals, std::uint64_t members) {
  const bool rewires = referrals.network == NetworkKind::small_world && referrals.rewiring_probability > 0.0;
  const std::uint64_t others_needed = rewires ? 2 : 1;
  return members > others_needed ? members - others_needed : 0;
}

}  // namespace salesim::models
