// A scenario's `timeline:`: a list of {month, set: {key.path: value}, note} read apart from the
// described sections, each key checked against the description as a mid-run change.
#include <cmath>

#include <fmt/format.h>
#include <utf8cpp/utf8.h>

#include "sim/io/document_internals.h"

namespace salesim::sim::io {
namespace internal {
namespace {

constexpr const char* entry_keys = "month, set, note";
constexpr const char* timeline_shape = "[{month: 13, set: {key.path: value, ...}, note: text}, ...]";

/// Reads problems at paths --set wrote on the command line, the others at their node in the file.
class TimelineProblems {
 public:
  TimelineProblems(const std::string& file, const std::set<std::string>& from_command_line,
                   std::vector<InputProblem>& problems)
      : file_(file), from_command_line_(from_command_line), problems_(problems) {}

  [[nodiscard]] InputProblem at(const std::string& path, const YAML::Node& node, std::string message,
                                std::string allowed) const {
    if (from_command_line_.count(path) > 0)
      return {"--set", 0, 0, path, std::move(message), std::move(allowed)};
    return located(file_, node, path, std::move(message), std::move(allowed));
  }
  void add(const std::string& path, const YAML::Node& node, std::string message, std::string allowed) {
    problems_.push_back(at(path, node, std::move(message), std::move(allowed)));
  }
  [[nodiscard]] bool by_command_line(const std::string& path) const {
    return from_command_line_.count(path) > 0;
  }

 private:
  const std::string& file_;
  const std::set<std::string>& from_command_line_;
  std::vector<InputProblem>& problems_;
};

/// The month of a change: a whole number of at least 1 (the horizon is the loader's to check).
std::optional<std::uint32_t> month_of(const YAML::Node& node, const std::string& path,
                                      TimelineProblems& problems) {
  const std::string allowed = "a whole number of months, at least 1";
  double value = 0.0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value) ||
      value != std::floor(value)) {
    problems.add(path, node, "expected a whole number of months", allowed);
    return std::nullopt;
  }
  if (value < 1.0 || value > 1e6) {
    problems.add(path, node, fmt::format("{} is not a month of the run", node.Scalar()), allowed);
    return std::nullopt;
  }
  return static_cast<std::uint32_t>(value);
}

}  // namespace

std::string apply_timeline_override(YAML::Node& timeline, const Override& item,
                                    std::vector<InputProblem>& problems) {
  const auto problem = [&](std::string message, std::string allowed) {
    problems.push_back({"--set", 0, 0, item.key_path, std::move(message), std::move(allowed)});
    return std::string();
  };
  const std::vector<std::string> tokens = split_key_path(item.key_path);
  const std::size_t count = timeline.IsSequence() ? timeline.size() : 0;
  if (tokens.size() < 3)
    return problem("unknown key path", "timeline[0].month, timeline[0].note or timeline[0].set.key.path");
  const auto index = index_of(tokens[1]);
  if (!index)
    return problem("unknown key path", "timeline[0].month, timeline[0].note or timeline[0].set.key.path");
  if (*index >= count) {
    return problem(fmt::format("no timeline{}: the scenario's timeline has {} change{}", tokens[1], count,
                               count == 1 ? "" : "s"),
                   fmt::format("an index below {}", count));
  }
  YAML::Node entry = timeline[*index];
  if (!entry.IsMap()) return "";  // the file's problem, reported at its line
  const std::string prefix = fmt::format("timeline[{}]", *index);
  const std::string& key = tokens[2];
  YAML::Node value;
  try {
    value = YAML::Load(item.value);
  } catch (const YAML::Exception& error) {
    return problem("value '" + item.value + "' is not valid YAML: " + error.msg, "");
  }
  if (!value.IsScalar()) return problem("value '" + item.value + "' must be a single value", "");
  if ((key == "month" || key == "note") && tokens.size() == 3) {
    entry[key] = value;
    return prefix + "." + key;
  }
  if (key != "set" || tokens.size() < 4) {
    return problem("unknown key path", "timeline[0].month, timeline[0].note or timeline[0].set.key.path");
  }
  // Everything after "set." is the key path the change sets, brackets and names as written.
  const std::string marker = ".set.";
  const auto at = item.key_path.find(marker);
  if (at == std::string::npos) return problem("unknown key path", "timeline[0].set.key.path");
  const std::string path = item.key_path.substr(at + marker.size());
  if (!entry["set"] || !entry["set"].IsMap()) entry["set"] = YAML::Node(YAML::NodeType::Map);
  YAML::Node settings = entry["set"];
  settings[path] = value;
  return prefix + ".set." + path;
}

std::vector<TimelineEntry> read_timeline(const YAML::Node& timeline, YAML::Node scratch,
                                         const core::SectionDescription& description,
                                         const std::vector<std::string>& settable, const std::string& file,
                                         const std::set<std::string>& from_command_line,
                                         const InputLimits& limits, std::vector<InputProblem>& problems) {
  TimelineProblems report(file, from_command_line, problems);
  std::vector<TimelineEntry> entries;
  if (!timeline.IsSequence() || timeline.size() == 0) {
    report.add(timeline_key, timeline, "expected a non-empty list of changes", timeline_shape);
    return entries;
  }
  if (timeline.size() > limits.max_timeline_changes) {
    report.add(timeline_key, timeline, fmt::format("{} changes are too many", timeline.size()),
               fmt::format("at most {} changes", limits.max_timeline_changes));
    return entries;
  }
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const YAML::Node node = timeline[i];
    const std::string path = fmt::format("{}[{}]", timeline_key, i);
    if (!node.IsMap()) {
      report.add(path, node, "expected a mapping of month, set and note", timeline_shape);
      continue;
    }
    TimelineEntry entry;
    for (const auto& item : node) {
      const std::string key = item.first.Scalar();
      if (key != "month" && key != "set" && key != "note") {
        report.add(path + "." + key, item.first, "unknown key '" + key + "'", entry_keys);
      }
    }
    if (!node["month"]) {
      report.add(path, node, "missing required key 'month'", "the month the change applies from");
    } else if (const auto month = month_of(node["month"], path + ".month", report)) {
      entry.change.month = *month;
      entry.month.reset(node["month"]);
      entry.month_from_command_line = report.by_command_line(path + ".month");
    }
    if (const YAML::Node note = node["note"]) {
      const bool text = note.IsScalar() && note.Scalar().size() <= limits.max_text_bytes &&
                        utf8::is_valid(note.Scalar().begin(), note.Scalar().end());
      if (text) {
        entry.change.note = note.Scalar();
      } else {
        report.add(path + ".note", note, "expected a text",
                   fmt::format("UTF-8 text of at most {} bytes", limits.max_text_bytes));
      }
    }
    const YAML::Node settings = node["set"];
    if (!settings || !settings.IsMap() || settings.size() == 0) {
      report.add(path + ".set", settings ? settings : node,
                 "expected a non-empty mapping of key paths to values",
                 "{workforce.plan.quota_bonus: 0, service.level: 0.7}");
      continue;
    }
    for (const auto& setting : settings) {
      const std::string key_path = setting.first.Scalar();
      const std::string written = path + ".set." + key_path;
      const YAML::Node value = setting.second;
      if (!value.IsScalar()) {
        report.add(written, value, "the value must be a single value", "a number, a word or true/false");
        continue;
      }
      const std::string canonical = place_value(
          scratch, description, key_path, value, settable, Placement::mid_run,
          [&](std::string message, std::string allowed) {
            return report.at(written, setting.first, std::move(message), std::move(allowed));
          },
          problems);
      if (canonical.empty()) continue;
      entry.values.push_back({canonical, value, report.by_command_line(written)});
      entry.change.set.push_back({canonical, value.Scalar()});
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace internal

const std::vector<core::TimelineChange>& DocumentReader::timeline() const noexcept {
  return document_->changes;
}

void DocumentReader::apply_timeline(std::size_t through) {
  std::vector<InputProblem> problems;
  for (std::size_t i = 0; i <= through && i < document_->timeline.size(); ++i) {
    for (const internal::TimelineValue& item : document_->timeline[i].values) {
      // Each path was placed once already, on a copy of this document: here it cannot fail.
      internal::place_value(
          document_->root, *document_->description, item.key_path, item.value, {},
          internal::Placement::mid_run,
          [&](std::string message, std::string allowed) {
            return InputProblem{document_->file, 0, 0, item.key_path, std::move(message), std::move(allowed)};
          },
          problems);
      if (item.from_command_line) {
        document_->overridden.insert(item.key_path);
      } else {
        document_->overridden.erase(item.key_path);
      }
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

InputProblem DocumentReader::timeline_month_problem(std::size_t change, std::string message,
                                                    std::string allowed) const {
  const std::string path = fmt::format("{}[{}].month", internal::timeline_key, change);
  const internal::TimelineEntry& entry = document_->timeline.at(change);
  if (entry.month_from_command_line) return {"--set", 0, 0, path, std::move(message), std::move(allowed)};
  return internal::located(document_->file, entry.month, path, std::move(message), std::move(allowed));
}

}  // namespace salesim::sim::io
