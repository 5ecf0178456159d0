// Scenario loading: sim/io reads the text against the model's description; the model's rules and the
// machine's limits are checked after, each problem located through the same document.
#include "sim/run/scenario_loader.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "analysis/metric_registry.h"
#include "models/scenario_description.h"
#include "models/scenario_rules.h"
#include "sim/core/machine.h"
#include "sim/io/section_writer.h"
#include "sim/run/buyer_histories.h"

namespace salesim::sim::run {
namespace {

using core::KeyProblem;

/// What would not fit this machine or the limits salesim sets against hostile input.
std::vector<KeyProblem> size_problems(const models::Scenario& scenario, const io::InputLimits& limits) {
  std::vector<KeyProblem> problems;
  if (scenario.segments.size() > limits.max_segments) {
    problems.push_back({"segments", fmt::format("{} segments", scenario.segments.size()),
                        fmt::format("at most {} segments", limits.max_segments)});
  }
  const std::uint64_t members = models::market_size(scenario);
  if (members > limits.max_market_size) {
    problems.push_back({"segments", fmt::format("market of {} members is too large", members),
                        fmt::format("at most {} members over all segments", limits.max_market_size)});
  }
  const std::uint64_t bytes = world_bytes(scenario, limits);
  const std::uint64_t memory = core::physical_memory_bytes();
  if (memory > 0 && bytes > memory) {
    problems.push_back(
        {"segments",
         fmt::format("one world needs about {:.1f} GiB, more than this machine's {:.1f} GiB",
                     static_cast<double>(bytes) / (1u << 30), static_cast<double>(memory) / (1u << 30)),
         "a smaller market or a smaller referrals.mean_degree"});
  }
  const auto& partners = scenario.partnerships;
  const std::uint64_t relationships = std::uint64_t{partners.buyers} * partners.suppliers_per_buyer;
  if (relationships > limits.max_relationships) {
    problems.push_back(
        {"partnerships.buyers",
         fmt::format("{} relationships (buyers x suppliers_per_buyer) are too many", relationships),
         fmt::format("at most {} relationships", limits.max_relationships)});
  }
  if (scenario.workforce.reps > limits.max_reps) {
    problems.push_back({"workforce.reps", fmt::format("{} reps are too many", scenario.workforce.reps),
                        fmt::format("at most {} reps", limits.max_reps)});
  }
  return problems;
}

}  // namespace

std::uint64_t world_bytes(const models::Scenario& scenario, const io::InputLimits& limits) {
  return models::market_size(scenario) *
         (limits.bytes_per_member + limits.bytes_per_contact * scenario.referrals.mean_degree);
}

const io::NameSets& scenario_name_sets() {
  static const io::NameSets sets = [] {
    // A scorecard scores the run's other summaries, never its own.
    std::vector<std::string> scoreable;
    for (const auto& name : analysis::summary_metric_names()) {
      if (name.rfind("scorecard_", 0) != 0) scoreable.push_back(name);
    }
    io::NameSets names;
    names[models::summary_metric_set] = {"metric", scoreable,
                                         "a summary metric of `salesim run` (`salesim metrics`)"};
    return names;
  }();
  return sets;
}

std::string scenario_to_yaml(const models::Scenario& scenario) {
  return io::write_yaml(models::scenario_description(), &scenario) +
         io::write_timeline_yaml(scenario.timeline);
}

namespace {

/// Reads the document into a scenario and checks the model's rules and this machine's limits.
models::Scenario read_checked(const io::DocumentReader& document, const std::string& file,
                              const io::InputLimits& limits) {
  models::Scenario scenario;
  document.read_into(&scenario, scenario_name_sets());
  if (scenario.name.empty()) scenario.name = std::filesystem::path(file).stem().string();
  std::vector<KeyProblem> problems = models::scenario_problems(scenario);
  const std::vector<KeyProblem> too_large = size_problems(scenario, limits);
  problems.insert(problems.end(), too_large.begin(), too_large.end());
  document.throw_located(problems);
  return scenario;
}

/// Months must rise from change to change and fall within the run.
void check_timeline_months(const io::DocumentReader& document, std::uint32_t horizon) {
  std::vector<io::InputProblem> problems;
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < document.timeline().size(); ++i) {
    const std::uint32_t month = document.timeline()[i].month;
    if (month > horizon) {
      problems.push_back(document.timeline_month_problem(
          i, fmt::format("month {} is beyond the run's {} months", month, horizon),
          fmt::format("a month from 1 to run.horizon_months ({})", horizon)));
    } else if (month <= previous) {
      problems.push_back(document.timeline_month_problem(
          i, fmt::format("month {} does not come after the previous change's month {}", month, previous),
          "changes in the order of their months, each in a later month"));
    }
    previous = std::max(previous, month);
  }
  if (!problems.empty()) throw io::InputError(std::move(problems));
}

/// The terms from change `change` on: the document read again with every change up to it in place.
/// Its problems say from which month they hold.
models::Scenario phase_terms(std::string_view yaml_text, const std::string& file,
                             std::span<const Override> overrides, const io::InputLimits& limits,
                             std::size_t change, std::uint32_t month) {
  io::DocumentReader stage(yaml_text, file, "scenario", models::scenario_description(), overrides, limits);
  try {
    stage.apply_timeline(change);
    models::Scenario terms = read_checked(stage, file, limits);
    terms.timeline.clear();
    return terms;
  } catch (const io::InputError& error) {
    std::vector<io::InputProblem> problems = error.problems();
    for (io::InputProblem& problem : problems) {
      problem.message = fmt::format("from month {} on (timeline[{}]): {}", month, change, problem.message);
    }
    throw io::InputError(std::move(problems));
  }
}

}  // namespace

LoadedScenario load_scenario_text(std::string_view yaml_text, std::string_view file_label,
                                  std::span<const Override> overrides, const io::InputLimits& limits) {
  const std::string file(file_label);
  const io::DocumentReader document(yaml_text, file, "scenario", models::scenario_description(), overrides,
                                    limits);
  models::Scenario scenario = read_checked(document, file, limits);
  // Only the run's start reads histories: a timeline cannot change them (fixed in the run).
  document.throw_located(attach_buyer_histories(scenario, std::filesystem::path(file).parent_path()));
  scenario.timeline = document.timeline();
  check_timeline_months(document, scenario.run.horizon_months);
  for (std::size_t i = 0; i < scenario.timeline.size(); ++i) {
    const std::uint32_t month = scenario.timeline[i].month;
    scenario.phases.push_back({month, std::make_shared<const models::Scenario>(
                                          phase_terms(yaml_text, file, overrides, limits, i, month))});
  }
  return {scenario, scenario_to_yaml(scenario), file};
}

LoadedScenario load_scenario(const std::filesystem::path& file, std::span<const Override> overrides,
                             const io::InputLimits& limits) {
  const std::string label = file.string();
  std::error_code error;
  if (!std::filesystem::exists(file, error)) {
    throw io::InputError({{label, 0, 0, "", "no such file", "a path to a scenario YAML file"}});
  }
  if (!std::filesystem::is_regular_file(file, error)) {
    throw io::InputError({{label, 0, 0, "", "not a regular file", "a path to a scenario YAML file"}});
  }
  const auto size = std::filesystem::file_size(file, error);
  if (!error && size > limits.max_file_bytes) {
    throw io::InputError({{label, 0, 0, "", fmt::format("file of {} bytes is too large", size),
                           fmt::format("at most {} bytes", limits.max_file_bytes)}});
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || in.bad()) throw io::InputError({{label, 0, 0, "", "cannot read the file", "a readable file"}});
  return load_scenario_text(text.str(), label, overrides, limits);
}

}  // namespace salesim::sim::run
