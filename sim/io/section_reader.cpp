// Reading YAML into described sections: --set applied to the document first, so each problem is
// located in the file or on the command line; every key checked for type and range.
#include "sim/io/section_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <utf8cpp/utf8.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/section_check.h"
#include "sim/core/whole_number.h"
#include "sim/io/closest_name.h"
#include "sim/io/document_internals.h"
#include "sim/io/yaml_guard.h"

namespace salesim::sim::io {
namespace internal {

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

/// The index of a "[3]" token; nullopt when it is not a whole number, the largest size_t when too large.
std::optional<std::size_t> index_of(const std::string& token) {
  if (token.size() < 3 || token.front() != '[' || token.back() != ']') return std::nullopt;
  const std::string digits = token.substr(1, token.size() - 2);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return digits.size() > 9 ? std::numeric_limits<std::size_t>::max() : std::stoul(digits);
}

InputProblem located(const std::string& file, const YAML::Node& node, std::string key_path,
                     std::string message, std::string allowed) {
  const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  const bool known = mark.line >= 0 && mark.column >= 0 && mark.pos != -1;
  return {file,
          known ? mark.line + 1 : 0,
          known ? mark.column + 1 : 0,
          std::move(key_path),
          std::move(message),
          std::move(allowed)};
}

}  // namespace internal

namespace {

using internal::index_of;
using internal::split_key_path;

using core::ChildDescription;
using core::ChildKind;
using core::FieldDescription;
using core::SectionDescription;
using core::ValueKind;

constexpr const char* override_label = "--set";

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& names) {
  const std::string guess = closest_name(typed, names);
  return guess.empty() ? "" : " (did you mean '" + guess + "'?)";
}

const char* node_kind(const YAML::Node& node) {
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a sequence";
  if (node.IsNull()) return "empty";
  return "a scalar";
}

const std::string& key_of(const std::variant<FieldDescription, ChildDescription>& entry) {
  return std::visit([](const auto& e) -> const std::string& { return e.key; }, entry);
}

std::vector<std::string> keys_of(const SectionDescription& section) {
  std::vector<std::string> keys;
  for (const auto& entry : section.entries) keys.push_back(key_of(entry));
  return keys;
}

/// The node at a key path below `node`, or the deepest one on the path that exists.
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

/// Collects problems, located in the file or, for overridden keys, on the command line.
class Problems {
 public:
  Problems(const std::string& file, const std::set<std::string>& overridden)
      : file_(file), overridden_(overridden) {}

  void report(const std::string& path, const YAML::Node& node, std::string message,
              std::string allowed = "") {
    if (overridden_.count(path) > 0) {
      list_.push_back({override_label, 0, 0, path, std::move(message), std::move(allowed)});
      return;
    }
    list_.push_back(internal::located(file_, node, path, std::move(message), std::move(allowed)));
  }
  void throw_if_any() {
    if (!list_.empty()) throw InputError(std::move(list_));
  }

 private:
  const std::string& file_;
  const std::set<std::string>& overridden_;
  std::vector<InputProblem> list_;
};

/// What a field allows, as messages and the reference say it.
std::string allowed_of(const FieldDescription& field, const NameSets& names) {
  switch (field.kind) {
    case ValueKind::boolean:
      return "true or false";
    case ValueKind::word:
      return join(field.detail.words);
    case ValueKind::text: {
      if (!field.detail.words.empty()) return join(field.detail.words);
      const auto set = names.find(field.detail.name_set);
      return set != names.end() ? set->second.allowed : "a text";
    }
    case ValueKind::whole_number:
      return core::range_text(field.detail, true);
    case ValueKind::number:
      return core::range_text(field.detail, false);
  }
  return "";
}

/// Reads YAML into described sections, reporting every problem.
class SectionReader {
 public:
  SectionReader(Problems& problems, const NameSets& names, const InputLimits& limits)
      : problems_(problems), names_(names), limits_(limits) {}

  void read_section(const YAML::Node& node, const std::string& path, const SectionDescription& section,
                    void* target) {
    const std::string prefix = path.empty() ? "" : path + ".";
    if (!node.IsMap()) {
      problems_.report(path, node,
                       fmt::format("expected a mapping of keys to values, found {}", node_kind(node)),
                       "keys " + join(keys_of(section)));
      return;
    }
    for (const auto& item : node) {
      const std::string key = item.first.Scalar();
      const auto entry = std::find_if(section.entries.begin(), section.entries.end(),
                                      [&](const auto& e) { return key_of(e) == key; });
      if (entry == section.entries.end()) {
        const auto keys = keys_of(section);
        problems_.report(prefix + key, item.first, "unknown key '" + key + "'" + did_you_mean(key, keys),
                         join(keys));
      } else if (const auto* field = std::get_if<FieldDescription>(&*entry)) {
        read_field(item.second, prefix + key, *field, target);
      } else {
        read_child(item.second, prefix + key, std::get<ChildDescription>(*entry), target);
      }
    }
    for (const auto& entry : section.entries) {
      const auto* field = std::get_if<FieldDescription>(&entry);
      if (field && field->detail.required && !node[field->key]) {
        problems_.report(path, node, "missing required key '" + field->key + "'", "");
      }
    }
  }

 private:
  void read_child(const YAML::Node& node, const std::string& path, const ChildDescription& child,
                  void* parent) {
    if (child.kind != ChildKind::list) {
      read_section(node, path, *child.section, child.get_or_create(parent));
      return;
    }
    const auto& detail = child.detail;
    const bool bounded = detail.max_items != std::numeric_limits<std::size_t>::max();
    if (!node.IsSequence() || node.size() < detail.min_items || node.size() > detail.max_items) {
      const std::string noun = detail.item_noun.empty() ? "items" : detail.item_noun;
      std::string message;
      if (bounded) {
        message = fmt::format("expected a list of at most {} {}, found {}", detail.max_items, noun,
                              node.IsSequence() ? fmt::format("{} {}", node.size(), noun) : "no list");
      } else if (detail.min_items > 0) {
        message = fmt::format("expected a non-empty list{}, found {}",
                              detail.item_noun.empty() ? "" : " of " + noun,
                              node.IsSequence() ? "an empty list" : node_kind(node));
      } else {
        message = fmt::format("expected a list, found {}", node_kind(node));
      }
      problems_.report(path, node, message, "[{" + join(keys_of(*child.section)) + "}, ...]");
      return;
    }
    child.resize(parent, 0);
    child.resize(parent, node.size());
    for (std::size_t i = 0; i < node.size(); ++i) {
      read_section(node[i], fmt::format("{}[{}]", path, i), *child.section, child.mutable_item(parent, i));
    }
  }

  void read_field(const YAML::Node& node, const std::string& path, const FieldDescription& field,
                  void* target) {
    const std::string allowed = allowed_of(field, names_);
    if (!node.IsScalar()) {
      problems_.report(path, node, fmt::format("expected {}, found {}", allowed, node_kind(node)), allowed);
      return;
    }
    const std::string& text = node.Scalar();
    const auto& detail = field.detail;
    switch (field.kind) {
      case ValueKind::boolean: {
        bool value = false;
        if (!YAML::convert<bool>::decode(node, value)) {
          problems_.report(path, node, "'" + text + "' is not true or false", allowed);
          return;
        }
        field.set(target, value);
        return;
      }
      case ValueKind::word: {
        const auto found = std::find(detail.words.begin(), detail.words.end(), text);
        if (found == detail.words.end()) {
          problems_.report(path, node, "unknown value '" + text + "'" + did_you_mean(text, detail.words),
                           allowed);
          return;
        }
        field.set(target, static_cast<std::uint64_t>(found - detail.words.begin()));
        return;
      }
      case ValueKind::text: {
        if (text.size() > limits_.max_text_bytes) {
          problems_.report(path, node, fmt::format("a text of {} bytes is too long", text.size()),
                           fmt::format("at most {} bytes", limits_.max_text_bytes));
          return;
        }
        if (!utf8::is_valid(text.begin(), text.end())) {
          problems_.report(path, node, "the text is not valid UTF-8", "UTF-8 text");
          return;
        }
        const auto set = names_.find(detail.name_set);
        const std::vector<std::string>* choices = !detail.words.empty() ? &detail.words
                                                  : set != names_.end() ? &set->second.names
                                                                        : nullptr;
        if (choices && std::find(choices->begin(), choices->end(), text) == choices->end()) {
          const std::string noun = set != names_.end() && detail.words.empty() ? set->second.noun : "value";
          problems_.report(path, node, "unknown " + noun + " '" + text + "'" + did_you_mean(text, *choices),
                           allowed);
        }
        field.set(target, text);
        return;
      }
      case ValueKind::number:
      case ValueKind::whole_number:
        read_number(node, path, field, allowed, target);
        return;
    }
  }

  void read_number(const YAML::Node& node, const std::string& path, const FieldDescription& field,
                   const std::string& allowed, void* target) {
    const std::string& text = node.Scalar();
    const auto& detail = field.detail;
    const bool whole = field.kind == ValueKind::whole_number;
    double value = 0.0;
    if (!YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
      problems_.report(path, node, "'" + text + "' is not " + (whole ? "a whole number" : "a finite number"),
                       allowed);
      return;
    }
    if (whole && value != std::floor(value)) {
      problems_.report(path, node, "'" + text + "' is not a whole number", allowed);
      return;
    }
    if (const auto why = core::range_violation(detail, value, text)) {
      problems_.report(path, node, *why, allowed);
      return;
    }
    if (!whole) {
      if (std::abs(value) > limits_.max_number_magnitude) {
        problems_.report(path, node, text + " is too large to compute with",
                         fmt::format("{} of magnitude at most {}", allowed, limits_.max_number_magnitude));
        return;
      }
      field.set(target, value);
      return;
    }
    // Beyond 2^53 a double loses digits, so plain digits are read as the integer itself; 2^64 and
    // above are refused here, since as doubles they equal the largest bound.
    const core::Digits digits = core::read_digits(text);
    if ((digits.digits_only && !digits.fits) || (!digits.digits_only && value >= 18446744073709551615.0)) {
      problems_.report(path, node, text + " must be at most 18446744073709551615", allowed);
      return;
    }
    field.set(target, digits.digits_only ? digits.value : static_cast<std::uint64_t>(value));
  }

  Problems& problems_;
  const NameSets& names_;
  const InputLimits& limits_;
};

InputProblem override_problem(const Override& item, std::string message, std::string allowed = "") {
  return {override_label, 0, 0, item.key_path, std::move(message), std::move(allowed)};
}

}  // namespace

namespace internal {

std::string place_value(YAML::Node& root, const SectionDescription& description, const std::string& key_path,
                        const YAML::Node& value, const std::vector<std::string>& settable, Placement when,
                        const ProblemAt& problem_at, std::vector<InputProblem>& problems) {
  const auto unknown = [&] {
    problems.push_back(problem_at("unknown key path" + did_you_mean(key_path, settable),
                                  "section.key, e.g. run.seed, service.level, segments[0].gross_margin"));
    return std::string();
  };
  const auto fixed = [&](const std::string& reason) {
    problems.push_back(problem_at("cannot change during a run: " + reason,
                                  "a key the reference (`salesim schema`) does not mark fixed in a run"));
    return std::string();
  };
  const std::vector<std::string> tokens = split_key_path(key_path);
  const SectionDescription* section = &description;
  YAML::Node node = root;
  std::string path;
  std::string fixed_reason;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    const bool last = i + 1 == tokens.size();
    // A mapping that the file wrote as something else is the file's problem: leave the value out
    // and let the reader report it at its line.
    if (node.IsDefined() && !node.IsNull() && !node.IsMap()) return "";
    const auto entry = std::find_if(section->entries.begin(), section->entries.end(),
                                    [&](const auto& e) { return key_of(e) == token; });
    if (entry == section->entries.end()) return unknown();
    path += (path.empty() ? "" : ".") + token;
    if (const auto* field = std::get_if<FieldDescription>(&*entry)) {
      if (!last) return unknown();
      if (fixed_reason.empty()) fixed_reason = field->detail.fixed_in_run;
      if (when == Placement::mid_run && !fixed_reason.empty()) return fixed(fixed_reason);
      node[token] = value;
      return path;
    }
    const auto& child = std::get<ChildDescription>(*entry);
    if (last) return unknown();
    if (fixed_reason.empty()) fixed_reason = child.detail.fixed_in_run;
    YAML::Node next;
    next.reset(node[token]);
    node.reset(next);
    section = child.section;
    if (child.kind != ChildKind::list) continue;
    const std::string& position = tokens[++i];
    const std::size_t count = node.IsSequence() ? node.size() : 0;
    std::optional<std::size_t> index = index_of(position);
    const bool by_name = !index && !child.detail.item_name_key.empty() && position.front() != '[';
    if (by_name) {
      for (std::size_t k = 0; k < count; ++k) {
        const YAML::Node candidate = node[k];
        const std::string& name_key = child.detail.item_name_key;
        if (candidate.IsMap() && candidate[name_key] && candidate[name_key].IsScalar() &&
            candidate[name_key].Scalar() == position) {
          index = k;
        }
      }
      if (!index) index = count;
    }
    if (!index) return unknown();
    if (*index >= count) {
      const std::string& noun = child.detail.item_name_key.empty() ? "" : child.key;
      if (noun.empty()) {
        problems.push_back(problem_at("no " + path + position, fmt::format("an index below {}", count)));
      } else {
        // "segments" -> "segment": a name-addressed list speaks of its items.
        const std::string singular = noun.back() == 's' ? noun.substr(0, noun.size() - 1) : noun;
        problems.push_back(problem_at("no " + singular + " '" + position + "'",
                                      fmt::format("an index below {} or a {} name", count, singular)));
      }
      return "";
    }
    path += fmt::format("[{}]", *index);
    YAML::Node element;
    element.reset(node[*index]);
    node.reset(element);
    if (i + 1 == tokens.size()) return unknown();
  }
  return unknown();
}

}  // namespace internal

namespace {

/**
 * Places an override's value into the document, walking the description: each key must be one the
 * section has, a list is entered by an index (or by an item's name where the list allows it) of an
 * item that exists, mappings on the way are created (so setting a key of an optional term adds the
 * term). Returns the canonical key path, or "" with a problem added.
 */
std::string apply_override(YAML::Node& root, const SectionDescription& description, const Override& item,
                           const std::vector<std::string>& settable, std::vector<InputProblem>& problems) {
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
  return internal::place_value(
      root, description, item.key_path, value, settable, internal::Placement::at_start,
      [&](std::string message, std::string allowed) {
        return override_problem(item, std::move(message), std::move(allowed));
      },
      problems);
}

void collect_paths(const SectionDescription& section, const std::string& prefix,
                   std::vector<std::string>& out) {
  for (const auto& entry : section.entries) {
    const std::string path = prefix + key_of(entry);
    if (std::holds_alternative<FieldDescription>(entry)) {
      out.push_back(path);
      continue;
    }
    const auto& child = std::get<ChildDescription>(entry);
    collect_paths(*child.section, path + (child.kind == ChildKind::list ? "[0]." : "."), out);
  }
}

}  // namespace

Override parse_override(std::string_view text) {
  const auto equals = text.find('=');
  // A key of dots alone (".=1") names no key: it would leave no path to look up.
  if (equals == std::string_view::npos ||
      internal::split_key_path(std::string(text.substr(0, equals))).empty()) {
    throw InputError({{override_label, 0, 0, std::string(text), "expected key.path=value",
                       "e.g. --set service.level=0.7"}});
  }
  return {std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

std::vector<std::string> settable_paths(const SectionDescription& root) {
  std::vector<std::string> paths;
  collect_paths(root, "", paths);
  return paths;
}

DocumentReader::DocumentReader(std::string_view text, std::string file_label, std::string noun,
                               const SectionDescription& root, std::span<const Override> overrides,
                               const InputLimits& limits)
    : document_(std::make_unique<Document>()) {
  document_->file = std::move(file_label);
  document_->noun = std::move(noun);
  document_->description = &root;
  document_->limits = limits;
  const std::string& file = document_->file;
  if (text.size() > limits.max_file_bytes) {
    throw InputError({{file, 0, 0, "", fmt::format("file of {} bytes is too large", text.size()),
                       fmt::format("at most {} bytes", limits.max_file_bytes)}});
  }
  guard_yaml_text(text, file, limits);
  try {
    document_->root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    throw InputError(
        {{file, error.mark.line + 1, error.mark.column + 1, "", "YAML syntax error: " + error.msg, ""}});
  }
  if (!document_->root.IsMap()) return;
  std::vector<InputProblem> problems;
  const std::vector<std::string> settable = settable_paths(root);
  // The timeline is read apart from the sections: each change is placed into the document only for
  // the months it applies to (apply_timeline).
  YAML::Node timeline;
  const YAML::Node& written = document_->root;  // const: looking up a key must not add it
  const bool has_timeline = written[internal::timeline_key].IsDefined();
  if (has_timeline) {
    timeline.reset(written[internal::timeline_key]);
    document_->root.remove(internal::timeline_key);
  }
  std::set<std::string> timeline_overridden;
  for (const Override& item : overrides) {
    const std::vector<std::string> tokens = internal::split_key_path(item.key_path);
    const bool of_timeline = !tokens.empty() && tokens.front() == internal::timeline_key;
    if (of_timeline) {
      const std::string path = internal::apply_timeline_override(timeline, item, problems);
      if (!path.empty()) timeline_overridden.insert(path);
      continue;
    }
    const std::string path = apply_override(document_->root, root, item, settable, problems);
    if (!path.empty()) document_->overridden.insert(path);
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  if (!has_timeline) return;
  document_->timeline = internal::read_timeline(timeline, YAML::Clone(document_->root), root, settable, file,
                                                timeline_overridden, limits, problems);
  if (!problems.empty()) throw InputError(std::move(problems));
  for (const auto& entry : document_->timeline) document_->changes.push_back(entry.change);
}

DocumentReader::DocumentReader(DocumentReader&&) noexcept = default;
DocumentReader::~DocumentReader() = default;

void DocumentReader::read_into(void* section, const NameSets& names) const {
  Problems problems(document_->file, document_->overridden);
  const YAML::Node& root = document_->root;
  if (!root.IsDefined() || root.IsNull()) {
    problems.report("", root, "the " + document_->noun + " is empty",
                    "a mapping of " + join(keys_of(*document_->description)));
  } else if (!root.IsMap()) {
    problems.report(
        "", root,
        fmt::format("a {} must be a mapping of sections, found {}", document_->noun, node_kind(root)),
        join(keys_of(*document_->description)));
  } else {
    SectionReader(problems, names, document_->limits)
        .read_section(root, "", *document_->description, section);
  }
  problems.throw_if_any();
}

void DocumentReader::throw_located(std::span<const core::KeyProblem> found) const {
  Problems problems(document_->file, document_->overridden);
  for (const core::KeyProblem& problem : found) {
    problems.report(problem.key_path, locate(document_->root, problem.key_path), problem.message,
                    problem.allowed);
  }
  problems.throw_if_any();
}

}  // namespace salesim::sim::io
