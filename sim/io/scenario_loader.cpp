// Scenario loading: guard the text, merge defaults, apply --set, read and check every key.
#include "sim/io/scenario_loader.h"
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "analysis/balanced_scorecard.h"
#include "analysis/run_metrics.h"
#include "sim/io/closest_name.h"
#include "sim/io/embedded_defaults.h"
#include "sim/io/scenario_schema.h"
#include "sim/io/scenario_writer.h"
#include "sim/io/yaml_guard.h"

namespace salesim::sim::io {
namespace {

using models::Scenario;
using models::SegmentParams;

constexpr const char* defaults_label = "configs/defaults.yaml";
constexpr const char* override_label = "--set";

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

std::string number(double value) { return fmt::format("{}", value); }

/// Collects problems, located in the file or, for overridden keys, on the command line.
class Problems {
 public:
  Problems(std::string file, std::set<std::string> overridden)
      : file_(std::move(file)), overridden_(std::move(overridden)) {}

  void report(const std::string& path, const YAML::Node& node, std::string message,
              std::string allowed = "") {
    if (overridden_.count(path) > 0) {
      list_.push_back({override_label, 0, 0, path, std::move(message), std::move(allowed)});
      return;
    }
    const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
    const bool located = mark.line >= 0 && mark.column >= 0 && !(mark.pos == -1);
    list_.push_back({file_, located ? mark.line + 1 : 0, located ? mark.column + 1 : 0, path,
                     std::move(message), std::move(allowed)});
  }
  [[nodiscard]] bool empty() const { return list_.empty(); }
  void throw_if_any() {
    if (!list_.empty()) throw InputError(std::move(list_));
  }

 private:
  std::string file_;
  std::set<std::string> overridden_;
  std::vector<InputProblem> list_;
};

std::string describe_range(double min, double max, bool min_exclusive, bool whole) {
  const std::string kind = whole ? "a whole number" : "a number";
  const bool has_min = std::isfinite(min), has_max = std::isfinite(max);
  if (has_min && has_max)
    return fmt::format("{} in {}{}, {}]", kind, min_exclusive ? "(" : "[", number(min), number(max));
  if (has_min) return fmt::format("{} {} {}", kind, min_exclusive ? ">" : ">=", number(min));
  if (has_max) return fmt::format("{} <= {}", kind, number(max));
  return kind;
}

const char* node_kind(const YAML::Node& node) {
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a sequence";
  if (node.IsNull()) return "empty";
  return "a scalar";
}

/// The value type of a member: T itself, or T of a std::optional<T> (set when its key is read).
template <typename T>
struct value_of {
  using type = T;
};
template <typename T>
struct value_of<std::optional<T>> {
  using type = T;
};

/// Reads one scalar into its member, reporting type and range problems.
template <typename Section>
void read_field(const YAML::Node& node, const std::string& path, const schema::Field<Section>& field,
                Section& target, Problems& problems) {
  std::visit(
      [&](auto member) {
        using T = typename value_of<std::decay_t<decltype(target.*member)>>::type;
        const bool whole = std::is_integral_v<T> && !std::is_same_v<T, bool>;
        std::string allowed;
        if constexpr (std::is_same_v<T, bool>) {
          allowed = "true or false";
        } else if constexpr (std::is_same_v<T, std::string>) {
          allowed = "a text";
        } else if constexpr (std::is_enum_v<T>) {
          allowed = join(schema::enum_names<T>());
        } else {
          allowed = describe_range(field.min, field.max, field.min_exclusive, whole);
        }
        if (!node.IsScalar()) {
          problems.report(path, node, fmt::format("expected {}, found {}", allowed, node_kind(node)),
                          allowed);
          return;
        }
        const std::string& text = node.Scalar();
        if constexpr (std::is_same_v<T, bool>) {
          bool value = false;
          if (!YAML::convert<bool>::decode(node, value)) {
            problems.report(path, node, "'" + text + "' is not true or false", allowed);
            return;
          }
          target.*member = value;
        } else if constexpr (std::is_same_v<T, std::string>) {
          target.*member = text;
        } else if constexpr (std::is_enum_v<T>) {
          const auto& names = schema::enum_names<T>();
          const auto found = std::find(names.begin(), names.end(), text);
          if (found == names.end()) {
            const std::string guess = closest_name(text, names);
            problems.report(
                path, node,
                "unknown value '" + text + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
                allowed);
            return;
          }
          target.*member = static_cast<T>(found - names.begin());
        } else {
          double value = 0.0;
          if (!YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
            problems.report(path, node,
                            "'" + text + "' is not " + (whole ? "a whole number" : "a finite number"),
                            allowed);
            return;
          }
          if (whole && value != std::floor(value)) {
            problems.report(path, node, "'" + text + "' is not a whole number", allowed);
            return;
          }
          const bool too_low = field.min_exclusive ? value <= field.min : value < field.min;
          if (too_low || value > field.max) {
            const std::string bound =
                too_low
                    ? (field.min_exclusive ? "must be more than " : "must be at least ") + number(field.min)
                    : "must be at most " + number(field.max);
            problems.report(path, node, fmt::format("{} {}", text, bound), allowed);
            return;
          }
          if constexpr (std::is_same_v<T, std::uint64_t>) {
            // Beyond 2^53 a double loses digits; read the integer itself.
            std::uint64_t exact = 0;
            target.*member =
                YAML::convert<std::uint64_t>::decode(node, exact) ? exact : static_cast<T>(value);
          } else {
            target.*member = static_cast<T>(value);
          }
        }
      },
      field.member);
}

/// Reads a mapping of scalar keys; keys in `nested` are left to the caller.
template <typename Section>
void read_section(const YAML::Node& node, const std::string& path,
                  const std::vector<schema::Field<Section>>& fields, Section& target, Problems& problems,
                  const std::vector<std::string>& nested = {}) {
  auto keys = schema::keys_of(fields);
  keys.insert(keys.end(), nested.begin(), nested.end());
  if (!node.IsMap()) {
    problems.report(path, node,
                    fmt::format("expected a mapping of keys to values, found {}", node_kind(node)),
                    "keys " + join(keys));
    return;
  }
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const std::string key_path = path + "." + key;
    const auto field =
        std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.key == key; });
    if (field != fields.end()) {
      read_field(entry.second, key_path, *field, target, problems);
    } else if (std::find(nested.begin(), nested.end(), key) == nested.end()) {
      const std::string guess = closest_name(key, keys);
      problems.report(key_path, entry.first,
                      "unknown key '" + key + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
                      join(keys));
    }
  }
}

/// Reads one segment from a template of defaults.
SegmentParams read_segment(const YAML::Node& node, const std::string& path, const SegmentParams& defaults,
                           Problems& problems, bool require_identity) {
  SegmentParams segment = defaults;
  const std::string spend_key(schema::spend_key);
  read_section(node, path, schema::segment_fields(), segment, problems, {spend_key});
  if (!node.IsMap()) return segment;
  if (node[spend_key]) {
    read_section(node[spend_key], path + "." + spend_key, schema::spend_fields(), segment.spend_per_purchase,
                 problems);
  }
  if (require_identity) {
    for (const char* required : {"name", "size"}) {
      if (!node[required])
        problems.report(path, node, std::string("missing required key '") + required + "'", "");
    }
  }
  return segment;
}

/// Summary metrics a scorecard KPI may name: every run metric but the scorecard's own.
std::vector<std::string> scoreable_metrics() {
  std::vector<std::string> names;
  for (const auto& name : analysis::customer_metric_catalog(1).summary_names) {
    if (name.rfind("scorecard_", 0) != 0) names.push_back(name);
  }
  return names;
}

/// Reads `scorecard:`, a list of {perspective, metric, target, weight, direction}.
std::vector<models::ScorecardKpi> read_scorecard(const YAML::Node& node, Problems& problems) {
  std::vector<models::ScorecardKpi> kpis;
  const std::string allowed_item = "{perspective, metric, target, weight, direction}";
  if (!node.IsSequence()) {
    problems.report("scorecard", node, fmt::format("expected a list of KPIs, found {}", node_kind(node)),
                    allowed_item);
    return kpis;
  }
  const auto& perspectives = analysis::perspective_names();
  const std::vector<std::string> perspective_list(perspectives.begin(), perspectives.end());
  const std::vector<std::string> metrics = scoreable_metrics();
  const std::vector<std::string> keys = {"perspective", "metric", "target", "weight", "direction"};
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string path = fmt::format("scorecard[{}]", i);
    const YAML::Node item = node[i];
    if (!item.IsMap()) {
      problems.report(path, item, fmt::format("expected a mapping, found {}", node_kind(item)), allowed_item);
      continue;
    }
    models::ScorecardKpi kpi;
    for (const auto& entry : item) {
      const std::string key = entry.first.Scalar();
      const YAML::Node value = entry.second;
      const std::string text = value.IsScalar() ? value.Scalar() : "";
      const auto suggest = [&](const std::vector<std::string>& names) {
        const std::string guess = closest_name(text, names);
        return guess.empty() ? std::string() : " (did you mean '" + guess + "'?)";
      };
      if (key == "perspective") {
        const auto found = std::find(perspective_list.begin(), perspective_list.end(), text);
        if (found == perspective_list.end()) {
          problems.report(path + ".perspective", value,
                          "unknown perspective '" + text + "'" + suggest(perspective_list),
                          join(perspective_list));
        } else {
          kpi.perspective = static_cast<models::Perspective>(found - perspective_list.begin());
        }
      } else if (key == "metric") {
        if (std::find(metrics.begin(), metrics.end(), text) == metrics.end()) {
          problems.report(path + ".metric", value, "unknown metric '" + text + "'" + suggest(metrics),
                          "a summary metric of `salesim run`");
        }
        kpi.metric = text;
      } else if (key == "target" || key == "weight") {
        double number = 0.0;
        const bool is_weight = key == "weight";
        if (!value.IsScalar() || !YAML::convert<double>::decode(value, number) || !std::isfinite(number) ||
            (is_weight && (number < 0.0 || number > 1.0)) || (!is_weight && number == 0.0)) {
          problems.report(path + "." + key, value, "'" + text + "' is not allowed",
                          is_weight ? "a number in [0, 1]" : "a finite number other than 0");
        }
        (is_weight ? kpi.weight : kpi.target) = number;
      } else if (key == "direction") {
        if (text != "higher_is_better" && text != "lower_is_better") {
          problems.report(path + ".direction", value, "unknown direction '" + text + "'",
                          "higher_is_better, lower_is_better");
        }
        kpi.higher_is_better = text != "lower_is_better";
      } else {
        const std::string guess = closest_name(key, keys);
        problems.report(
            path + "." + key, entry.first,
            "unknown key '" + key + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
            join(keys));
      }
    }
    for (const char* required : {"perspective", "metric", "target", "weight"}) {
      if (!item[required])
        problems.report(path, item, std::string("missing required key '") + required + "'", "");
    }
    kpis.push_back(kpi);
  }
  double total = 0.0;
  for (const auto& kpi : kpis) total += kpi.weight;
  if (!kpis.empty() && std::abs(total - 1.0) > 1e-9) {
    problems.report("scorecard", node, fmt::format("weights sum to {}", total), "weights summing to 1");
  }
  return kpis;
}

/// Reads `partnerships.contract.kpis`: a list of at most max_kpis KPIs.
void read_contract_kpis(const YAML::Node& kpis, models::partnership::ContractTerms& contract,
                        Problems& problems) {
  const std::size_t most = models::partnership::max_kpis;
  if (!kpis.IsSequence() || kpis.size() > most) {
    const std::string found = kpis.IsSequence() ? fmt::format("found {} KPIs", kpis.size()) : "found no list";
    problems.report("partnerships.contract.kpis", kpis,
                    fmt::format("expected a list of at most {} KPIs, {}", most, found),
                    "[{kind, target, bonus_per_point, penalty_per_point}, ...]");
    return;
  }
  contract.kpis.clear();
  for (std::size_t i = 0; i < kpis.size(); ++i) {
    models::partnership::ContractKpi kpi;
    read_section(kpis[i], fmt::format("partnerships.contract.kpis[{}]", i), schema::kpi_fields(), kpi,
                 problems);
    contract.kpis.push_back(kpi);
  }
}

/// Reads `partnerships:`: the network, then its contract (with KPIs), game, investment, behaviour.
void read_partnerships(const YAML::Node& node, models::partnership::PartnershipParams& params,
                       Problems& problems) {
  read_section(node, "partnerships", schema::partnership_fields(), params, problems,
               {"contract", "game", "investment", "behaviour"});
  if (!node.IsMap()) return;
  if (const YAML::Node contract = node["contract"]) {
    read_section(contract, "partnerships.contract", schema::contract_fields(), params.contract, problems,
                 {"kpis"});
    if (contract.IsMap() && contract["kpis"]) read_contract_kpis(contract["kpis"], params.contract, problems);
  }
  if (const YAML::Node game = node["game"]) {
    read_section(game, "partnerships.game", schema::game_fields(), params.game, problems);
  }
  if (const YAML::Node investment = node["investment"]) {
    read_section(investment, "partnerships.investment", schema::investment_fields(), params.investment,
                 problems);
  }
  if (const YAML::Node behaviour = node["behaviour"]) {
    read_section(behaviour, "partnerships.behaviour", schema::behaviour_fields(), params.behaviour, problems);
  }
}

/// Reads a list of mappings, each item from the item type's defaults.
template <typename Item>
void read_list(const YAML::Node& node, const std::string& path,
               const std::vector<schema::Field<Item>>& fields, std::vector<Item>& items, Problems& problems) {
  if (!node.IsSequence()) {
    problems.report(path, node, fmt::format("expected a list, found {}", node_kind(node)),
                    "[{" + join(schema::keys_of(fields)) + "}, ...]");
    return;
  }
  items.clear();
  for (std::size_t i = 0; i < node.size(); ++i) {
    Item item;
    read_section(node[i], fmt::format("{}[{}]", path, i), fields, item, problems);
    items.push_back(item);
  }
}

/// Reads an optional term of `workforce.plan`: present, from the term's defaults, once its key is written.
/// Returns the term when its value is a mapping, so the caller can read the term's lists.
template <typename Term>
Term* read_plan_term(const YAML::Node& plan, const std::string& key,
                     const std::vector<schema::Field<Term>>& fields, std::optional<Term>& term,
                     Problems& problems, const std::vector<std::string>& nested = {}) {
  const YAML::Node node = plan[key];
  if (!node) return nullptr;
  if (!term) term.emplace();
  read_section(node, "workforce.plan." + key, fields, *term, problems, nested);
  return node.IsMap() ? &*term : nullptr;
}

/// Reads `workforce:`: its scalars, the reps' profile and response, and the plan with its terms.
void read_workforce(const YAML::Node& node, models::workforce::WorkforceParams& params, Problems& problems) {
  read_section(node, "workforce", schema::workforce_fields(), params, problems,
               {"profile", "response", "plan"});
  if (!node.IsMap()) return;
  if (const YAML::Node profile = node["profile"]) {
    read_section(profile, "workforce.profile", schema::rep_profile_fields(), params.profile, problems);
  }
  if (const YAML::Node response = node["response"]) {
    read_section(response, "workforce.response", schema::effort_response_fields(), params.response, problems);
  }
  const YAML::Node plan = node["plan"];
  if (!plan) return;
  read_section(plan, "workforce.plan", schema::plan_fields(), params.plan, problems,
               schema::plan_nested_keys());
  if (!plan.IsMap()) return;
  const auto& quota = schema::plan_quota_field();
  if (const YAML::Node value = plan[std::string(quota.key)]) {
    read_field(value, "workforce.plan." + std::string(quota.key), quota, params, problems);
  }
  auto& terms = params.plan;
  if (auto* commission = read_plan_term(plan, "commission", schema::commission_fields(), terms.commission,
                                        problems, {"tiers"})) {
    if (const YAML::Node tiers = plan["commission"]["tiers"]) {
      read_list(tiers, "workforce.plan.commission.tiers", schema::commission_tier_fields(), commission->tiers,
                problems);
    }
  }
  read_plan_term(plan, "clawback", schema::clawback_fields(), terms.clawback, problems);
  read_plan_term(plan, "nps_bonus", schema::nps_bonus_fields(), terms.nps_bonus, problems);
  if (auto* card = read_plan_term(plan, "scorecard_bonus", schema::scorecard_bonus_fields(),
                                  terms.scorecard_bonus, problems, {"kpis"})) {
    if (const YAML::Node kpis = plan["scorecard_bonus"]["kpis"]) {
      read_list(kpis, "workforce.plan.scorecard_bonus.kpis", schema::scorecard_target_fields(), card->kpis,
                problems);
    }
  }
  read_plan_term(plan, "team_bonus", schema::team_bonus_fields(), terms.team_bonus, problems);
}

/// Reads a whole document into `scenario` (which holds the defaults so far).
void read_document(const YAML::Node& root, Scenario& scenario, SegmentParams& segment_defaults,
                   Problems& problems, bool is_defaults) {
  if (!root.IsDefined() || root.IsNull()) {
    problems.report("", root, "the scenario is empty", "a mapping with at least a 'segments' list");
    return;
  }
  if (!root.IsMap()) {
    problems.report("", root,
                    fmt::format("a scenario must be a mapping of sections, found {}", node_kind(root)),
                    join(schema::top_level_keys()));
    return;
  }
  auto keys = schema::top_level_keys();
  if (is_defaults) keys.emplace_back("segment_defaults");
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "name" || key == "description") {
      schema::Field<Scenario> text_field{key == "name" ? "name" : "description",
                                         key == "name" ? &Scenario::name : &Scenario::description};
      read_field(value, key, text_field, scenario, problems);
    } else if (key == "run") {
      read_section(value, key, schema::run_fields(), scenario.run, problems);
    } else if (key == "marketing") {
      read_section(value, key, schema::marketing_fields(), scenario.marketing, problems);
    } else if (key == "referrals") {
      read_section(value, key, schema::referral_fields(), scenario.referrals, problems);
    } else if (key == "satisfaction") {
      read_section(value, key, schema::satisfaction_fields(), scenario.satisfaction, problems);
    } else if (key == "service") {
      read_section(value, key, schema::service_fields(), scenario.service, problems);
    } else if (key == "pricing") {
      read_section(value, key, schema::pricing_fields(), scenario.pricing, problems);
    } else if (key == "survey") {
      read_section(value, key, schema::survey_fields(), scenario.survey, problems);
    } else if (key == "partnerships") {
      read_partnerships(value, scenario.partnerships, problems);
    } else if (key == "workforce") {
      read_workforce(value, scenario.workforce, problems);
    } else if (key == "scorecard") {
      scenario.scorecard = read_scorecard(value, problems);
    } else if (key == "segment_defaults" && is_defaults) {
      segment_defaults = read_segment(value, key, segment_defaults, problems, false);
    } else if (key == "segments") {
      if (!value.IsSequence() || value.size() == 0) {
        problems.report(key, value,
                        fmt::format("expected a non-empty list of segments, found {}",
                                    value.IsSequence() ? "an empty list" : node_kind(value)),
                        "a list of mappings, each with at least name and size");
        continue;
      }
      scenario.segments.clear();
      for (std::size_t i = 0; i < value.size(); ++i) {
        scenario.segments.push_back(
            read_segment(value[i], fmt::format("segments[{}]", i), segment_defaults, problems, true));
      }
    } else {
      const std::string guess = closest_name(key, keys);
      problems.report(key, entry.first,
                      "unknown key '" + key + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
                      join(keys));
    }
  }
  if (!is_defaults && !root["segments"] && scenario.partnerships.buyers == 0) {
    problems.report("segments", root, "missing required key 'segments'",
                    "a list of segments, each with name and size");
  }
}

std::uint64_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page_size > 0
             ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size)
             : 0;
}

bool valid_name_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
}

/// Splits "segments[0].spend_per_purchase.mean" into {"segments", "[0]", "spend_per_purchase", "mean"}.
std::vector<std::string> split_key_path(const std::string& path) {
  std::vector<std::string> tokens;
  std::string current;
  for (const char c : path) {
    if (c == '.' || c == '[') {
      if (!current.empty()) tokens.push_back(current);
      current = c == '[' ? "[" : "";
    } else if (c == ']') {
      tokens.push_back(current + "]");
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) tokens.push_back(current);
  return tokens;
}

/// The index of a "[3]" token; nullopt when it is not a whole number, the largest size_t when it is too
/// large.
std::optional<std::size_t> index_of(const std::string& token) {
  const std::string digits = token.size() > 2 ? token.substr(1, token.size() - 2) : "";
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return std::nullopt;
  return digits.size() > 9 ? std::numeric_limits<std::size_t>::max() : std::stoul(digits);
}

/// The node at a key path below `node` ("commission.tiers[1].rate"), or the deepest one on it that exists.
YAML::Node locate(const YAML::Node& node, const std::string& key_path) {
  YAML::Node found = node;
  for (const std::string& token : split_key_path(key_path)) {
    const YAML::Node& current = found;
    YAML::Node next;
    if (token.front() == '[') {
      const auto index = index_of(token);
      if (!index || !current.IsSequence() || *index >= current.size()) break;
      next.reset(current[*index]);
    } else {
      if (!current.IsMap() || !current[token]) break;
      next.reset(current[token]);
    }
    found.reset(next);
  }
  return found;
}

/// The workforce's size and its plan (checked by the plan model, located by its key paths).
void check_workforce(const models::workforce::WorkforceParams& workforce, const YAML::Node& root,
                     Problems& problems, const InputLimits& limits) {
  const YAML::Node node = root["workforce"];  // invalid when absent: test it before asking its type
  const bool mapping = node && node.IsMap();
  if (workforce.reps > limits.max_reps) {
    problems.report("workforce.reps", mapping && node["reps"] ? node["reps"] : node,
                    fmt::format("{} reps are too many", workforce.reps),
                    fmt::format("at most {} reps", limits.max_reps));
  }
  if (workforce.reps > 0 && !root["segments"]) {
    problems.report("workforce.reps", mapping && node["reps"] ? node["reps"] : node,
                    "reps need customers to serve, and the scenario has no segments",
                    "segments with customers, or reps: 0");
  }
  const YAML::Node plan = mapping && node["plan"] ? node["plan"] : node ? node : root;
  for (const auto& problem : models::workforce::validate(workforce.plan)) {
    problems.report("workforce.plan." + problem.key_path, locate(plan, problem.key_path), problem.message,
                    problem.allowed);
  }
}

/// Rules that tie several values together.
void check_cross_field_rules(const Scenario& scenario, const YAML::Node& root, Problems& problems,
                             const InputLimits& limits) {
  const YAML::Node segments = root["segments"];
  if (scenario.segments.size() > limits.max_segments) {
    problems.report("segments", segments, fmt::format("{} segments", scenario.segments.size()),
                    fmt::format("at most {} segments", limits.max_segments));
  }
  if (scenario.name.empty() ||
      !std::all_of(scenario.name.begin(), scenario.name.end(), valid_name_character)) {
    problems.report("name", root["name"], "'" + scenario.name + "' cannot name an output file",
                    "letters, digits, '-', '_' and '.'");
  }
  std::set<std::string> names;
  double share_total = 0.0;
  for (std::size_t i = 0; i < scenario.segments.size(); ++i) {
    const SegmentParams& segment = scenario.segments[i];
    const std::string path = fmt::format("segments[{}]", i);
    const YAML::Node node =
        segments && segments.IsSequence() && i < segments.size() ? segments[i] : YAML::Node();
    if (segment.name.empty()) {
      problems.report(path + ".name", node.IsMap() ? node["name"] : node, "a segment needs a name",
                      "a non-empty text");
    } else if (!names.insert(segment.name).second) {
      problems.report(path + ".name", node.IsMap() ? node["name"] : node,
                      "segment name '" + segment.name + "' is used twice", "unique segment names");
    }
    if (segment.initial_customers > segment.size) {
      problems.report(
          path + ".initial_customers", node.IsMap() ? node["initial_customers"] : node,
          fmt::format("{} initial customers in a market of {}", segment.initial_customers, segment.size),
          "at most the segment's size");
    }
    share_total += segment.marketing_share;
  }
  const std::uint64_t members = models::market_size(scenario);
  if (members > limits.max_market_size) {
    problems.report("segments", segments, fmt::format("market of {} members is too large", members),
                    fmt::format("at most {} members over all segments", limits.max_market_size));
  }
  const std::uint64_t bytes =
      members * (limits.bytes_per_member + limits.bytes_per_contact * scenario.referrals.mean_degree);
  const std::uint64_t memory = physical_memory_bytes();
  if (memory > 0 && bytes > memory) {
    problems.report(
        "segments", segments,
        fmt::format("one world needs about {:.1f} GiB, more than this machine's {:.1f} GiB",
                    static_cast<double>(bytes) / (1u << 30), static_cast<double>(memory) / (1u << 30)),
        "a smaller market or a smaller referrals.mean_degree");
  }
  const auto& partners = scenario.partnerships;
  const YAML::Node partnership_node = root["partnerships"];
  if (partners.buyers > 0 && partners.key_account_managers &&
      (scenario.workforce.reps == 0 || scenario.segments.empty())) {
    problems.report("partnerships.key_account_managers",
                    partnership_node.IsMap() ? partnership_node["key_account_managers"] : partnership_node,
                    "key-account managers need a workforce serving a customer market",
                    "workforce.reps > 0 and at least one segment, or key_account_managers: false");
  }
  if (partners.buyers > 0 && partners.suppliers_per_buyer > partners.suppliers) {
    problems.report("partnerships.suppliers_per_buyer",
                    partnership_node.IsMap() ? partnership_node["suppliers_per_buyer"] : partnership_node,
                    fmt::format("{} suppliers per buyer but {} suppliers", partners.suppliers_per_buyer,
                                partners.suppliers),
                    "at most the number of suppliers");
  }
  const std::uint64_t relationships = std::uint64_t{partners.buyers} * partners.suppliers_per_buyer;
  if (relationships > limits.max_relationships) {
    problems.report(
        "partnerships.buyers", partnership_node.IsMap() ? partnership_node["buyers"] : partnership_node,
        fmt::format("{} relationships (buyers x suppliers_per_buyer) are too many", relationships),
        fmt::format("at most {} relationships", limits.max_relationships));
  }
  // Effort must show in the KPIs: measured gains are scaled by the KPI gap.
  if (partners.game.kpi_cooperative <= partners.game.kpi_defecting ||
      partners.game.buyer_value_cooperative < partners.game.buyer_value_defecting) {
    problems.report("partnerships.game",
                    partnership_node.IsMap() ? partnership_node["game"] : partnership_node,
                    "cooperation must raise the KPI level and not lower the buyer's value",
                    "kpi_cooperative > kpi_defecting and buyer_value_cooperative >= buyer_value_defecting");
  }
  check_workforce(scenario.workforce, root, problems, limits);
  const YAML::Node referrals = root["referrals"];
  const YAML::Node degree = referrals && referrals.IsMap() ? referrals["mean_degree"] : YAML::Node();
  if (scenario.referrals.network == models::NetworkKind::small_world &&
      scenario.referrals.mean_degree % 2 != 0) {
    problems.report(
        "referrals.mean_degree", degree, fmt::format("{} is odd", scenario.referrals.mean_degree),
        "an even number for a small_world network (each member links k/2 neighbours on each side)");
  }
  if (members > 0 && scenario.referrals.mean_degree >= members) {
    problems.report("referrals.mean_degree", degree,
                    fmt::format("{} contacts in a market of {}", scenario.referrals.mean_degree, members),
                    "fewer contacts than market members");
  }
  if (scenario.marketing.budget_per_month > 0.0) {
    if (share_total > 0.0 && std::abs(share_total - 1.0) > 1e-9) {
      problems.report("segments", segments, fmt::format("marketing_share values sum to {}", share_total),
                      "shares summing to 1, or all 0 for an equal split");
    }
    for (std::size_t i = 0; i < scenario.segments.size(); ++i) {
      const SegmentParams& segment = scenario.segments[i];
      const bool gets_budget = share_total > 0.0 ? segment.marketing_share > 0.0 : true;
      if (gets_budget && segment.acquisition_cost <= 0.0) {
        const YAML::Node node =
            segments && segments.IsSequence() && i < segments.size() ? segments[i] : YAML::Node();
        problems.report(
            fmt::format("segments[{}].acquisition_cost", i), node.IsMap() ? node["acquisition_cost"] : node,
            "a segment that gets marketing budget needs a positive acquisition cost", "a number > 0");
      }
    }
  }
}

/// Every key path --set accepts, for suggestions; "[0]" stands for any index of a list (and, under
/// segments, for a segment's name).
const std::vector<std::string>& settable_paths() {
  static const std::vector<std::string> paths = [] {
    std::vector<std::string> all = {"name", "description"};
    auto add = [&](const std::string& section, const std::vector<std::string>& keys) {
      for (const auto& key : keys) all.push_back(section + "." + key);
    };
    add("run", schema::keys_of(schema::run_fields()));
    add("marketing", schema::keys_of(schema::marketing_fields()));
    add("referrals", schema::keys_of(schema::referral_fields()));
    add("satisfaction", schema::keys_of(schema::satisfaction_fields()));
    add("service", schema::keys_of(schema::service_fields()));
    add("pricing", schema::keys_of(schema::pricing_fields()));
    add("survey", schema::keys_of(schema::survey_fields()));
    add("segments[0]", schema::keys_of(schema::segment_fields()));
    add("segments[0].spend_per_purchase", schema::keys_of(schema::spend_fields()));
    add("partnerships", schema::keys_of(schema::partnership_fields()));
    add("partnerships.contract", schema::keys_of(schema::contract_fields()));
    add("partnerships.contract.kpis[0]", schema::keys_of(schema::kpi_fields()));
    add("partnerships.game", schema::keys_of(schema::game_fields()));
    add("partnerships.investment", schema::keys_of(schema::investment_fields()));
    add("partnerships.behaviour", schema::keys_of(schema::behaviour_fields()));
    add("workforce", schema::keys_of(schema::workforce_fields()));
    add("workforce.profile", schema::keys_of(schema::rep_profile_fields()));
    add("workforce.response", schema::keys_of(schema::effort_response_fields()));
    add("workforce.plan", schema::keys_of(schema::plan_fields()));
    add("workforce.plan", {std::string(schema::plan_quota_field().key)});
    add("workforce.plan.commission", schema::keys_of(schema::commission_fields()));
    add("workforce.plan.commission.tiers[0]", schema::keys_of(schema::commission_tier_fields()));
    add("workforce.plan.clawback", schema::keys_of(schema::clawback_fields()));
    add("workforce.plan.nps_bonus", schema::keys_of(schema::nps_bonus_fields()));
    add("workforce.plan.scorecard_bonus", schema::keys_of(schema::scorecard_bonus_fields()));
    add("workforce.plan.scorecard_bonus.kpis[0]", schema::keys_of(schema::scorecard_target_fields()));
    add("workforce.plan.team_bonus", schema::keys_of(schema::team_bonus_fields()));
    return all;
  }();
  return paths;
}

InputProblem override_problem(const Override& item, std::string message, std::string allowed = "") {
  return {override_label, 0, 0, item.key_path, std::move(message), std::move(allowed)};
}

/**
 * Overrides a key of a section, however deeply nested ("run.seed", "partnerships.contract.kpis[0].target",
 * "workforce.plan.commission.tiers[1].rate"). The path, with each index read as [0], must be settable;
 * mappings on the way are created (so setting a key of an optional plan term adds the term), list items
 * must already exist. Returns the canonical key path, or "" when the path is not settable or a problem
 * was added.
 */
std::string apply_section_override(YAML::Node& root, const std::vector<std::string>& tokens,
                                   const YAML::Node& value, const Override& item,
                                   std::vector<InputProblem>& problems) {
  std::string pattern, path;
  for (const std::string& token : tokens) {
    const bool index = token.front() == '[';
    if (index && !index_of(token)) return "";
    pattern += index ? "[0]" : (pattern.empty() ? "" : ".") + token;
    path += index ? token : (path.empty() ? "" : ".") + token;
  }
  const auto& paths = settable_paths();
  if (tokens.size() < 2 || std::find(paths.begin(), paths.end(), pattern) == paths.end()) return "";
  YAML::Node node = root;
  std::string walked;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    YAML::Node next;
    if (token.front() == '[') {
      const std::size_t count = node.IsSequence() ? node.size() : 0;
      const std::size_t index = *index_of(token);
      if (index >= count) {
        problems.push_back(
            override_problem(item, "no " + walked + token, fmt::format("an index below {}", count)));
        return "";
      }
      next.reset(node[index]);
    } else {
      if (node.IsDefined() && !node.IsNull() && !node.IsMap()) {
        problems.push_back(override_problem(
            item, fmt::format("cannot set a key inside {}, which is {}", walked, node_kind(node)),
            "a mapping"));
        return "";
      }
      if (i + 1 == tokens.size()) break;
      next.reset(node[token]);
    }
    walked += token.front() == '[' ? token : (walked.empty() ? "" : ".") + token;
    node.reset(next);
  }
  node[tokens.back()] = value;
  return path;
}

/// Places an override's value into the document; returns its canonical key path.
std::string apply_override(YAML::Node& root, const Override& item, std::vector<InputProblem>& problems) {
  YAML::Node value;
  try {
    value = YAML::Load(item.value);
  } catch (const YAML::Exception& error) {
    problems.push_back(override_problem(item, "value '" + item.value + "' is not valid YAML: " + error.msg));
    return "";
  }
  if (!value.IsScalar()) {
    problems.push_back(override_problem(item, "value '" + item.value + "' must be a single value",
                                        "a number, a word or true/false"));
    return "";
  }
  const std::vector<std::string> tokens = split_key_path(item.key_path);
  const auto unknown = [&] {
    const std::string guess = closest_name(item.key_path, settable_paths());
    problems.push_back(
        override_problem(item, "unknown key path" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
                         "section.key, e.g. run.seed, service.level, segments[0].gross_margin"));
    return std::string();
  };
  if (tokens.empty()) return unknown();
  const std::string& head = tokens[0];
  if ((head == "name" || head == "description") && tokens.size() == 1) {
    root[head] = value;
    return head;
  }
  if (head == "segments") {
    if (tokens.size() < 3) return unknown();
    YAML::Node segments = root["segments"];
    if (!segments.IsSequence()) {
      problems.push_back(override_problem(item, "the scenario has no segments list to override"));
      return "";
    }
    std::size_t index = segments.size();
    if (tokens[1].front() == '[') {
      const auto parsed = index_of(tokens[1]);
      if (!parsed) return unknown();
      index = *parsed;
    } else {
      for (std::size_t i = 0; i < segments.size(); ++i) {
        if (segments[i].IsMap() && segments[i]["name"] && segments[i]["name"].Scalar() == tokens[1])
          index = i;
      }
    }
    if (index >= segments.size()) {
      problems.push_back(
          override_problem(item, "no segment '" + tokens[1] + "'",
                           fmt::format("an index below {} or a segment name", segments.size())));
      return "";
    }
    const std::string prefix = fmt::format("segments[{}]", index);
    YAML::Node segment = segments[index];
    const auto segment_keys = schema::keys_of(schema::segment_fields());
    if (tokens.size() == 3 &&
        std::find(segment_keys.begin(), segment_keys.end(), tokens[2]) != segment_keys.end()) {
      segment[tokens[2]] = value;
      return prefix + "." + tokens[2];
    }
    const auto spend_keys = schema::keys_of(schema::spend_fields());
    if (tokens.size() == 4 && tokens[2] == schema::spend_key &&
        std::find(spend_keys.begin(), spend_keys.end(), tokens[3]) != spend_keys.end()) {
      segment[tokens[2]][tokens[3]] = value;
      return prefix + "." + tokens[2] + "." + tokens[3];
    }
    return unknown();
  }
  const std::size_t reported = problems.size();
  const std::string path = apply_section_override(root, tokens, value, item, problems);
  return path.empty() && problems.size() == reported ? unknown() : path;
}

Scenario scenario_from_defaults(SegmentParams& segment_defaults) {
  Scenario scenario;
  const YAML::Node root = YAML::Load(std::string(embedded_defaults_yaml()));
  Problems problems(defaults_label, {});
  read_document(root, scenario, segment_defaults, problems, true);
  problems.throw_if_any();  // a broken defaults file is a build error, caught by the tests
  return scenario;
}

}  // namespace

Override parse_override(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw InputError({{override_label, 0, 0, std::string(text), "expected key.path=value",
                       "e.g. --set service.level=0.7"}});
  }
  return {std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

LoadedScenario load_scenario_text(std::string_view yaml_text, std::string_view file_label,
                                  std::span<const Override> overrides, const InputLimits& limits) {
  const std::string file(file_label);
  if (yaml_text.size() > limits.max_file_bytes) {
    throw InputError({{file, 0, 0, "", fmt::format("file of {} bytes is too large", yaml_text.size()),
                       fmt::format("at most {} bytes", limits.max_file_bytes)}});
  }
  guard_yaml_text(yaml_text, file, limits);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    throw InputError(
        {{file, error.mark.line + 1, error.mark.column + 1, "", "YAML syntax error: " + error.msg, ""}});
  }

  std::vector<InputProblem> override_problems;
  std::set<std::string> overridden;
  if (root.IsMap()) {
    for (const Override& item : overrides) {
      const std::string path = apply_override(root, item, override_problems);
      if (!path.empty()) overridden.insert(path);
    }
  }
  if (!override_problems.empty()) throw InputError(std::move(override_problems));

  SegmentParams segment_defaults;
  Scenario scenario = scenario_from_defaults(segment_defaults);
  Problems problems(file, overridden);
  read_document(root, scenario, segment_defaults, problems, false);
  problems.throw_if_any();
  if (scenario.name.empty()) scenario.name = std::filesystem::path(file).stem().string();
  check_cross_field_rules(scenario, root, problems, limits);
  problems.throw_if_any();
  return {scenario, scenario_to_yaml(scenario), file};
}

LoadedScenario load_scenario(const std::filesystem::path& file, std::span<const Override> overrides,
                             const InputLimits& limits) {
  const std::string label = file.string();
  std::error_code error;
  if (!std::filesystem::exists(file, error)) {
    throw InputError({{label, 0, 0, "", "no such file", "a path to a scenario YAML file"}});
  }
  if (!std::filesystem::is_regular_file(file, error)) {
    throw InputError({{label, 0, 0, "", "not a regular file", "a path to a scenario YAML file"}});
  }
  const auto size = std::filesystem::file_size(file, error);
  if (!error && size > limits.max_file_bytes) {
    throw InputError({{label, 0, 0, "", fmt::format("file of {} bytes is too large", size),
                       fmt::format("at most {} bytes", limits.max_file_bytes)}});
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || in.bad()) throw InputError({{label, 0, 0, "", "cannot read the file", "a readable file"}});
  return load_scenario_text(text.str(), label, overrides, limits);
}

}  // namespace salesim::sim::io
