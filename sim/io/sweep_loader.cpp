// Sweep files: structure checks, then every parameter tried on the base scenario.
#include "sim/io/sweep_loader.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "sim/io/closest_name.h"
#include "sim/io/yaml_guard.h"

namespace salesim::sim::io {
namespace {

const std::vector<std::string> sweep_keys = {
    "name", "scenario", "replications", "seed", "common_random_numbers", "design", "parameters", "keep"};
const std::vector<std::string> design_names = {"grid", "random", "latin_hypercube", "sobol"};

class SweepProblems {
 public:
  explicit SweepProblems(std::string file) : file_(std::move(file)) {}
  void report(const std::string& path, const YAML::Node& node, std::string message,
              std::string allowed = "") {
    const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
    const bool located = mark.pos >= 0;
    list_.push_back({file_, located ? mark.line + 1 : 0, located ? mark.column + 1 : 0, path,
                     std::move(message), std::move(allowed)});
  }
  [[nodiscard]] bool empty() const { return list_.empty(); }
  void throw_if_any() {
    if (!list_.empty()) throw InputError(std::move(list_));
  }

 private:
  std::string file_;
  std::vector<InputProblem> list_;
};

template <typename T>
bool read_number(const YAML::Node& node, const std::string& path, T& value, double min,
                 SweepProblems& problems) {
  double number = 0.0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, number) || !std::isfinite(number) ||
      number != std::floor(number) || number < min) {
    problems.report(path, node,
                    "'" + (node.IsScalar() ? node.Scalar() : std::string("...")) + "' is not allowed",
                    fmt::format("a whole number >= {}", min));
    return false;
  }
  value = static_cast<T>(number);
  return true;
}

std::vector<std::string> read_names(const YAML::Node& node, const std::string& path,
                                    const std::vector<std::string>& allowed, SweepProblems& problems) {
  std::vector<std::string> names;
  if (!node.IsSequence()) {
    problems.report(path, node, "expected a list of metric names", "");
    return names;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string name = node[i].IsScalar() ? node[i].Scalar() : "";
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      const std::string guess = closest_name(name, allowed);
      problems.report(
          fmt::format("{}[{}]", path, i), node[i],
          "unknown metric '" + name + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
          "metrics listed by `salesim metrics`");
      continue;
    }
    names.push_back(name);
  }
  return names;
}

/// Tries `value` for `key_path` on the base scenario; reports the loader's complaint here.
void try_on_base(const ScenarioCheck& check_scenario, const std::filesystem::path& base,
                 const std::string& key_path, const std::string& value, const std::string& path,
                 const YAML::Node& node, SweepProblems& problems) {
  try {
    const std::vector<Override> overrides = {{key_path, value}};
    check_scenario(base, overrides);
  } catch (const InputError& error) {
    const InputProblem& first = error.problems().front();
    if (first.file == "--set") {
      problems.report(path, node, first.message, first.allowed);
    } else {
      problems.report(path, node, "with this value the base scenario fails: " + first.to_string(), "");
    }
  }
}

run::VariedParameter read_parameter(const YAML::Node& node, const std::string& path,
                                    const std::filesystem::path& base, const ScenarioCheck& check_scenario,
                                    SweepProblems& problems) {
  run::VariedParameter parameter;
  if (!node.IsMap() || !node["path"] || !node["path"].IsScalar()) {
    problems.report(path, node, "each parameter needs a 'path' (a scenario key path)",
                    "{path: service.level, values: [...]} or {path: ..., range: [low, high]}");
    return parameter;
  }
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key != "path" && key != "values" && key != "range" && key != "steps" && key != "whole_numbers") {
      problems.report(path + "." + key, entry.first, "unknown key '" + key + "'",
                      "path, values, range, steps, whole_numbers");
    }
  }
  parameter.key_path = node["path"].Scalar();
  const YAML::Node values = node["values"];
  const YAML::Node range = node["range"];
  if (values && range) problems.report(path, node, "give either values or range, not both", "");
  if (values) {
    if (!values.IsSequence() || values.size() == 0) {
      problems.report(path + ".values", values, "empty list of values", "a non-empty list");
      return parameter;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!values[i].IsScalar()) {
        problems.report(fmt::format("{}.values[{}]", path, i), values[i], "expected a single value", "");
        continue;
      }
      parameter.levels.push_back(values[i].Scalar());
      try_on_base(check_scenario, base, parameter.key_path, values[i].Scalar(),
                  fmt::format("{}.values[{}]", path, i), values[i], problems);
    }
  } else if (range) {
    if (!range.IsSequence() || range.size() != 2 || !YAML::convert<double>::decode(range[0], parameter.low) ||
        !YAML::convert<double>::decode(range[1], parameter.high)) {
      problems.report(path + ".range", range, "expected [low, high] numbers", "two numbers, low < high");
      return parameter;
    }
    if (!(parameter.high > parameter.low)) {
      problems.report(path + ".range", range,
                      fmt::format("empty range [{}, {}]", parameter.low, parameter.high), "low < high");
      return parameter;
    }
    if (node["steps"]) read_number(node["steps"], path + ".steps", parameter.grid_steps, 2, problems);
    if (node["whole_numbers"]) parameter.whole_numbers = node["whole_numbers"].as<bool>(false);
    try_on_base(check_scenario, base, parameter.key_path, fmt::format("{}", parameter.low), path + ".range",
                range, problems);
    try_on_base(check_scenario, base, parameter.key_path, fmt::format("{}", parameter.high), path + ".range",
                range, problems);
  } else {
    problems.report(path, node, "a parameter needs values or a range", "values: [...] or range: [low, high]");
  }
  return parameter;
}

}  // namespace

SweepDefinition load_sweep(const std::filesystem::path& file, const MetricNames& metrics,
                           const ScenarioCheck& check_scenario) {
  const std::string label = file.string();
  if (!std::filesystem::is_regular_file(file)) {
    throw InputError({{label, 0, 0, "", "no such file", "a path to a sweep YAML file"}});
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  guard_yaml_text(text.str(), label, InputLimits{});
  const YAML::Node root = YAML::Load(text.str());
  SweepProblems problems(label);
  if (!root.IsMap()) {
    problems.report("", root, "a sweep must be a mapping",
                    "keys " + fmt::format("{}", fmt::join(sweep_keys, ", ")));
    problems.throw_if_any();
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (std::find(sweep_keys.begin(), sweep_keys.end(), key) == sweep_keys.end()) {
      const std::string guess = closest_name(key, sweep_keys);
      problems.report(key, entry.first,
                      "unknown key '" + key + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
                      fmt::format("{}", fmt::join(sweep_keys, ", ")));
    }
  }
  SweepDefinition sweep;
  sweep.name = root["name"] ? root["name"].as<std::string>("") : file.stem().string();
  if (!root["scenario"] || !root["scenario"].IsScalar()) {
    problems.report("scenario", root, "missing the base scenario", "scenario: path/to/scenario.yaml");
    problems.throw_if_any();
  }
  const std::filesystem::path scenario = root["scenario"].Scalar();
  sweep.scenario_path = scenario.is_absolute() ? scenario : file.parent_path() / scenario;
  try {
    check_scenario(sweep.scenario_path, {});
  } catch (const InputError& error) {
    problems.report("scenario", root["scenario"],
                    "the base scenario is invalid: " + error.problems().front().to_string());
    problems.throw_if_any();
  }
  if (!root["replications"]) {
    problems.report("replications", root, "missing replications", "a whole number >= 1");
  } else {
    read_number(root["replications"], "replications", sweep.replications, 1, problems);
  }
  if (root["seed"]) read_number(root["seed"], "seed", sweep.seed, 0, problems);
  if (root["common_random_numbers"])
    sweep.common_random_numbers = root["common_random_numbers"].as<bool>(true);

  const YAML::Node design = root["design"];
  if (design) {
    const YAML::Node kind = design.IsMap() ? design["kind"] : design;
    const std::string name = kind.IsScalar() ? kind.Scalar() : "";
    const auto found = std::find(design_names.begin(), design_names.end(), name);
    if (found == design_names.end()) {
      problems.report("design.kind", kind, "unknown design '" + name + "'",
                      fmt::format("{}", fmt::join(design_names, ", ")));
    } else {
      sweep.design = static_cast<run::DesignKind>(found - design_names.begin());
    }
    if (design.IsMap() && design["points"])
      read_number(design["points"], "design.points", sweep.points, 1, problems);
    if (sweep.design != run::DesignKind::grid && sweep.points == 0) {
      problems.report("design.points", design, "a sampled design needs a number of points",
                      "a whole number >= 1");
    }
  }
  const YAML::Node parameters = root["parameters"];
  if (!parameters || !parameters.IsSequence() || parameters.size() == 0) {
    problems.report("parameters", parameters ? parameters : root,
                    "a sweep needs a non-empty list of parameters", "");
  } else {
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      sweep.parameters.push_back(read_parameter(parameters[i], fmt::format("parameters[{}]", i),
                                                sweep.scenario_path, check_scenario, problems));
    }
  }
  if (const YAML::Node keep = root["keep"]) {
    if (keep["summaries"])
      sweep.keep_summaries = read_names(keep["summaries"], "keep.summaries", metrics.summaries, problems);
    if (keep["timeseries"])
      sweep.keep_timeseries = read_names(keep["timeseries"], "keep.timeseries", metrics.timeseries, problems);
  }
  problems.throw_if_any();
  return sweep;
}

}  // namespace salesim::sim::io
