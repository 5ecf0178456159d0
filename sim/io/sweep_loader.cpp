// Sweep files: structure and YAML types checked, then every parameter tried on the base scenario.
#include "sim/io/sweep_loader.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/file_name.h"
#include "sim/core/whole_number.h"
#include "sim/io/closest_name.h"
#include "sim/io/yaml_guard.h"

namespace salesim::sim::io {
namespace {

const std::vector<std::string> sweep_keys = {
    "name", "scenario", "replications", "seed", "common_random_numbers", "design", "parameters", "keep"};
const std::vector<std::string> design_keys = {"kind", "points"};
const std::vector<std::string> parameter_keys = {"path", "values", "range", "steps", "whole_numbers"};
const std::vector<std::string> keep_keys = {"summaries", "timeseries"};
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

/// How a value reads in a message: its text, or what kind of node stands where a value belongs.
std::string shown(const YAML::Node& node) {
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

/// Why `text` is no whole number in [min, max], or "" when it is one; `value` is set then.
/// Read from its digits as an integer (core::read_digits), never through a double: a 64-bit seed keeps every
/// digit, and 1e30, 2.0 or -1 are refused.
std::string whole_number_problem(const YAML::Node& node, std::uint64_t min, std::uint64_t max,
                                 std::uint64_t& value) {
  if (!node.IsScalar()) return shown(node) + " is not a whole number";
  const core::Digits digits = core::read_digits(node.Scalar());
  if (digits.digits_only && !digits.fits) return shown(node) + " is too large";
  if (digits.digits_only) {
    if (digits.value < min) return shown(node) + " is too small";
    if (digits.value > max) return shown(node) + " is too large";
    value = digits.value;
    return "";
  }
  // Not digits: say what a number written otherwise would have been.
  double written = 0.0;
  if (YAML::convert<double>::decode(node, written) && std::isfinite(written)) {
    if (written > static_cast<double>(max)) return shown(node) + " is too large";
    if (written < static_cast<double>(min)) return shown(node) + " is too small";
    if (written == std::floor(written)) return shown(node) + " is not written in digits";
  }
  return shown(node) + " is not a whole number";
}

bool read_whole(const YAML::Node& node, const std::string& path, std::uint64_t min, std::uint64_t max,
                std::uint64_t& value, SweepProblems& problems) {
  const std::string problem = whole_number_problem(node, min, max, value);
  if (problem.empty()) return true;
  problems.report(path, node, problem, fmt::format("a whole number from {} to {}, in digits", min, max));
  return false;
}

template <typename T>
bool read_whole_as(const YAML::Node& node, const std::string& path, std::uint64_t min, std::uint64_t max,
                   T& value, SweepProblems& problems) {
  static_assert(std::numeric_limits<T>::is_integer && !std::numeric_limits<T>::is_signed);
  std::uint64_t number = 0;
  if (!read_whole(node, path, min, std::min<std::uint64_t>(max, std::numeric_limits<T>::max()), number,
                  problems))
    return false;
  value = static_cast<T>(number);
  return true;
}

bool read_flag(const YAML::Node& node, const std::string& path, bool& value, SweepProblems& problems) {
  bool flag = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, flag)) {
    problems.report(path, node, shown(node) + " is not allowed", "true or false");
    return false;
  }
  value = flag;
  return true;
}

/// Reports each key of `map` that is not in `allowed`, with the closest allowed one.
void check_keys(const YAML::Node& map, const std::string& prefix, const std::vector<std::string>& allowed,
                SweepProblems& problems) {
  for (const auto& entry : map) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    const std::string guess = closest_name(key, allowed);
    problems.report(prefix.empty() ? key : prefix + "." + key, entry.first,
                    "unknown key '" + key + "'" + (guess.empty() ? "" : " (did you mean '" + guess + "'?)"),
                    fmt::format("{}", fmt::join(allowed, ", ")));
  }
}

std::vector<std::string> read_names(const YAML::Node& node, const std::string& path,
                                    const std::vector<std::string>& allowed, SweepProblems& problems) {
  std::vector<std::string> names;
  if (!node.IsSequence()) {
    problems.report(path, node, "expected a list of metric names, found " + shown(node),
                    "[name, ...] of metrics listed by `salesim metrics`");
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
  if (!node.IsMap() || !node["path"] || !node["path"].IsScalar() || node["path"].Scalar().empty()) {
    problems.report(path, node, "each parameter needs a 'path' (a scenario key path)",
                    "{path: service.level, values: [...]} or {path: ..., range: [low, high]}");
    return parameter;
  }
  check_keys(node, path, parameter_keys, problems);
  parameter.key_path = node["path"].Scalar();
  if (const YAML::Node steps = node["steps"])
    (void)read_whole_as(steps, path + ".steps", 2, max_design_points, parameter.grid_steps, problems);
  if (const YAML::Node whole = node["whole_numbers"])
    (void)read_flag(whole, path + ".whole_numbers", parameter.whole_numbers, problems);
  const YAML::Node values = node["values"];
  const YAML::Node range = node["range"];
  if (values && range) problems.report(path, node, "give either values or range, not both", "");
  if (values) {
    if (!values.IsSequence() || values.size() == 0) {
      problems.report(
          path + ".values", values,
          values.IsSequence() ? "empty list of values" : "expected a list, found " + shown(values),
          "a non-empty list");
      return parameter;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!values[i].IsScalar()) {
        problems.report(fmt::format("{}.values[{}]", path, i), values[i],
                        "expected a single value, found " + shown(values[i]), "");
        continue;
      }
      parameter.levels.push_back(values[i].Scalar());
      try_on_base(check_scenario, base, parameter.key_path, values[i].Scalar(),
                  fmt::format("{}.values[{}]", path, i), values[i], problems);
    }
  } else if (range) {
    if (!range.IsSequence() || range.size() != 2 || !YAML::convert<double>::decode(range[0], parameter.low) ||
        !YAML::convert<double>::decode(range[1], parameter.high) || !std::isfinite(parameter.low) ||
        !std::isfinite(parameter.high)) {
      problems.report(path + ".range", range, "expected [low, high] numbers",
                      "two finite numbers, low < high");
      parameter.low = parameter.high = 0.0;
      return parameter;
    }
    if (!(parameter.high > parameter.low)) {
      problems.report(path + ".range", range,
                      fmt::format("empty range [{}, {}]", parameter.low, parameter.high), "low < high");
      return parameter;
    }
    try_on_base(check_scenario, base, parameter.key_path, fmt::format("{}", parameter.low), path + ".range",
                range, problems);
    try_on_base(check_scenario, base, parameter.key_path, fmt::format("{}", parameter.high), path + ".range",
                range, problems);
  } else {
    problems.report(path, node, "a parameter needs values or a range", "values: [...] or range: [low, high]");
  }
  return parameter;
}

/// Levels of each parameter on a grid: its values, or the steps of its range (two by default).
std::vector<std::uint64_t> grid_levels(const std::vector<run::VariedParameter>& parameters) {
  std::vector<std::uint64_t> levels;
  for (const auto& parameter : parameters)
    levels.push_back(!parameter.levels.empty() ? parameter.levels.size()
                                               : std::max<std::uint64_t>(parameter.grid_steps, 2));
  return levels;
}

/// The product of the levels, or nothing once it passes `limit` (so it never overflows).
std::optional<std::uint64_t> product_within(const std::vector<std::uint64_t>& levels, std::uint64_t limit) {
  std::uint64_t product = 1;
  for (const std::uint64_t count : levels) {
    if (count != 0 && product > limit / count) return std::nullopt;
    product *= count;
  }
  return product;
}

void read_design(const YAML::Node& design, SweepDefinition& sweep, SweepProblems& problems) {
  if (!design.IsMap() && !design.IsScalar()) {
    problems.report("design", design, "expected a design kind or a mapping, found " + shown(design),
                    "grid, or {kind: random, points: 100}");
    return;
  }
  if (design.IsMap()) check_keys(design, "design", design_keys, problems);
  const YAML::Node kind = design.IsMap() ? design["kind"] : design;
  if (!kind) {
    problems.report("design.kind", design, "missing the design kind",
                    fmt::format("{}", fmt::join(design_names, ", ")));
  } else {
    const std::string name = kind.IsScalar() ? kind.Scalar() : "";
    const auto found = std::find(design_names.begin(), design_names.end(), name);
    if (found == design_names.end()) {
      problems.report("design.kind", kind, "unknown design " + shown(kind),
                      fmt::format("{}", fmt::join(design_names, ", ")));
    } else {
      sweep.design = static_cast<run::DesignKind>(found - design_names.begin());
    }
  }
  if (design.IsMap() && design["points"])
    (void)read_whole_as(design["points"], "design.points", 1, max_design_points, sweep.points, problems);
  if (sweep.design != run::DesignKind::grid && sweep.points == 0 && !(design.IsMap() && design["points"])) {
    problems.report("design.points", design, "a sampled design needs a number of points",
                    fmt::format("a whole number from 1 to {}", max_design_points));
  }
}

SweepDefinition read_sweep(const YAML::Node& root, const std::filesystem::path& file,
                           const MetricNames& metrics, const ScenarioCheck& check_scenario,
                           SweepProblems& problems) {
  if (!root.IsMap()) {
    problems.report("", root, "a sweep must be a mapping",
                    "keys " + fmt::format("{}", fmt::join(sweep_keys, ", ")));
    problems.throw_if_any();
  }
  check_keys(root, "", sweep_keys, problems);
  SweepDefinition sweep;
  sweep.source_path = file;
  sweep.name = file.stem().string();
  if (const YAML::Node name = root["name"]) {
    if (!name.IsScalar() || name.Scalar().size() > core::max_output_name_bytes ||
        !core::is_safe_file_name(name.Scalar())) {
      problems.report("name", name, shown(name) + " is not a safe file name (the output is out/<name>.h5)",
                      fmt::format("letters, digits, '-', '_' and '.', at most {} bytes, not '.' or '..'",
                                  core::max_output_name_bytes));
    } else {
      sweep.name = name.Scalar();
    }
  }
  if (!root["scenario"] || !root["scenario"].IsScalar() || root["scenario"].Scalar().empty()) {
    problems.report("scenario", root["scenario"] ? root["scenario"] : root, "missing the base scenario",
                    "scenario: path/to/scenario.yaml");
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
    problems.report("replications", root, "missing replications",
                    fmt::format("a whole number from 1 to {}", max_replications));
  } else {
    (void)read_whole_as(root["replications"], "replications", 1, max_replications, sweep.replications,
                        problems);
  }
  if (root["seed"])
    (void)read_whole(root["seed"], "seed", 0, std::numeric_limits<std::uint64_t>::max(), sweep.seed,
                     problems);
  if (root["common_random_numbers"])
    (void)read_flag(root["common_random_numbers"], "common_random_numbers", sweep.common_random_numbers,
                    problems);
  if (const YAML::Node design = root["design"]) read_design(design, sweep, problems);

  std::uint64_t design_points = sweep.points;  // a grid's: the product of its levels
  const YAML::Node parameters = root["parameters"];
  if (!parameters || !parameters.IsSequence() || parameters.size() == 0) {
    problems.report("parameters", parameters ? parameters : root,
                    "a sweep needs a non-empty list of parameters",
                    "parameters: [{path: service.level, values: [0.4, 0.8]}, ...]");
  } else {
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      sweep.parameters.push_back(read_parameter(parameters[i], fmt::format("parameters[{}]", i),
                                                sweep.scenario_path, check_scenario, problems));
    }
    // The number of design points, known before any is made: a grid multiplies its levels.
    if (sweep.design == run::DesignKind::grid) {
      const auto levels = grid_levels(sweep.parameters);
      const auto points = product_within(levels, max_design_points);
      if (!points) {
        problems.report("parameters", parameters,
                        fmt::format("the grid of {} levels has more than {} design points",
                                    fmt::join(levels, " x "), max_design_points),
                        "fewer values or steps, or a sampled design (random, latin_hypercube, sobol)");
      } else {
        design_points = *points;
      }
    }
  }
  if (design_points > 0 && sweep.replications > 0 && design_points > max_sweep_runs / sweep.replications) {
    problems.report("replications", root["replications"],
                    fmt::format("{} design points x {} replications is more than {} runs", design_points,
                                sweep.replications, max_sweep_runs),
                    "fewer design points or replications");
  }
  if (const YAML::Node keep = root["keep"]) {
    if (!keep.IsMap()) {
      problems.report("keep", keep, "expected a mapping, found " + shown(keep),
                      "keep: {summaries: [...], timeseries: [...]}");
    } else {
      check_keys(keep, "keep", keep_keys, problems);
      if (keep["summaries"])
        sweep.keep_summaries = read_names(keep["summaries"], "keep.summaries", metrics.summaries, problems);
      if (keep["timeseries"])
        sweep.keep_timeseries =
            read_names(keep["timeseries"], "keep.timeseries", metrics.timeseries, problems);
    }
  }
  problems.throw_if_any();
  return sweep;
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
  SweepProblems problems(label);
  try {
    return read_sweep(YAML::Load(text.str()), file, metrics, check_scenario, problems);
  } catch (const YAML::Exception& error) {
    // Every node's type is checked before it is used; this is the net under a check missed.
    const bool located = error.mark.pos >= 0;
    throw InputError(
        {{label, located ? error.mark.line + 1 : 0, located ? error.mark.column + 1 : 0, "", error.msg, ""}});
  }
}

}  // namespace salesim::sim::io
