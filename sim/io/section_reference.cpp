// The Markdown reference and the JSON Schema of described sections: both read only the descriptions,
// so neither can drift from what the loader accepts.
#include "sim/io/section_reference.h"

#include <cmath>

#include <fmt/format.h>

#include "sim/core/section_check.h"
#include "sim/io/section_writer.h"

namespace salesim::sim::io {
namespace {

using core::ChildDescription;
using core::ChildKind;
using core::FieldDescription;
using core::SectionDescription;
using core::ValueKind;

std::string number(double value) { return fmt::format("{}", value); }

std::string type_name(const FieldDescription& field) {
  switch (field.kind) {
    case ValueKind::number:
      return "number";
    case ValueKind::whole_number:
      return "whole number";
    case ValueKind::boolean:
      return "true/false";
    case ValueKind::word:
      return "word";
    case ValueKind::text:
      return field.detail.name_set.empty() && field.detail.words.empty() ? "text" : "name";
  }
  return "";
}

std::string allowed_cell(const FieldDescription& field, const NameSets& names) {
  const auto& detail = field.detail;
  if (field.kind == ValueKind::word || !detail.words.empty()) {
    std::string words;
    for (const auto& word : detail.words) words += (words.empty() ? "`" : ", `") + word + "`";
    return words;
  }
  if (!detail.name_set.empty()) {
    const auto set = names.find(detail.name_set);
    return set != names.end() ? set->second.allowed : "a name";
  }
  if (field.kind != ValueKind::number && field.kind != ValueKind::whole_number) return "";
  const std::string bounds = core::range_bounds(detail, field.kind == ValueKind::whole_number);
  return bounds.empty() ? "any" : bounds;
}

std::string default_cell(const FieldDescription& field, const void* defaults) {
  if (field.detail.required) return "required";
  const auto value = field.get(defaults);
  return value ? "`" + scalar_text(field, *value) + "`" : "absent";
}

std::string meaning_cell(const FieldDescription& field) {
  std::string text = field.detail.meaning;
  if (!field.detail.source.empty()) text += " (source: " + field.detail.source + ")";
  if (!field.detail.fixed_in_run.empty()) text += "; fixed in a run: " + field.detail.fixed_in_run;
  return text;
}

void markdown_section(std::string& out, const SectionDescription& section, const std::string& path,
                      const std::string& note, const NameSets& names) {
  const auto defaults = section.make_default();
  bool has_fields = false;
  for (const auto& entry : section.entries)
    has_fields = has_fields || std::holds_alternative<FieldDescription>(entry);
  out += fmt::format("\n## `{}`\n\n{}{}.\n", path.empty() ? "(top level)" : path, section.meaning, note);
  if (has_fields) {
    out += "\n| key | type | allowed | default | unit | meaning |\n|---|---|---|---|---|---|\n";
    for (const auto& entry : section.entries) {
      if (const auto* field = std::get_if<FieldDescription>(&entry)) {
        out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", field->key, type_name(*field),
                           allowed_cell(*field, names), default_cell(*field, defaults.get()),
                           field->detail.unit, meaning_cell(*field));
      }
    }
  }
  for (const auto& entry : section.entries) {
    const auto* child = std::get_if<ChildDescription>(&entry);
    if (child == nullptr) continue;
    const std::string child_path =
        (path.empty() ? "" : path + ".") + child->key + (child->kind == ChildKind::list ? "[]" : "");
    std::string child_note;
    if (child->kind == ChildKind::optional_mapping)
      child_note = "; optional: present once any of its keys is written";
    if (child->kind == ChildKind::list) {
      child_note = "; a list";
      if (child->detail.min_items > 0) child_note += fmt::format(" of at least {}", child->detail.min_items);
      if (child->detail.max_items != std::numeric_limits<std::size_t>::max()) {
        child_note += fmt::format(" of at most {}", child->detail.max_items);
      }
      child_note += " items, each a mapping of the keys below";
    }
    if (!child->detail.fixed_in_run.empty())
      child_note += "; fixed in a run (a timeline cannot change it): " + child->detail.fixed_in_run;
    if (!child->detail.meaning.empty()) child_note = " — " + child->detail.meaning + child_note;
    markdown_section(out, *child->section, child_path, child_note, names);
  }
}

/// A JSON string literal.
std::string json_text(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + json_text(item);
  return out + "]";
}

std::string json_default(const FieldDescription& field, const core::ScalarValue& value) {
  if (field.kind == ValueKind::text) return json_text(std::get<std::string>(value));
  if (field.kind == ValueKind::word) return json_text(scalar_text(field, value));
  return scalar_text(field, value);
}

std::string json_field(const FieldDescription& field, const void* defaults, const NameSets& names) {
  const auto& detail = field.detail;
  std::vector<std::string> parts;
  switch (field.kind) {
    case ValueKind::number:
    case ValueKind::whole_number:
      parts.push_back(
          fmt::format("\"type\": \"{}\"", field.kind == ValueKind::number ? "number" : "integer"));
      if (std::isfinite(detail.min)) {
        parts.push_back(fmt::format("\"{}\": {}", detail.min_exclusive ? "exclusiveMinimum" : "minimum",
                                    number(detail.min)));
      }
      if (std::isfinite(detail.max)) parts.push_back(fmt::format("\"maximum\": {}", number(detail.max)));
      if (detail.nonzero) parts.emplace_back("\"not\": {\"const\": 0}");
      break;
    case ValueKind::boolean:
      parts.emplace_back("\"type\": \"boolean\"");
      break;
    case ValueKind::word:
      parts.push_back("\"enum\": " + json_list(detail.words));
      break;
    case ValueKind::text: {
      parts.emplace_back("\"type\": \"string\"");
      const auto set = names.find(detail.name_set);
      if (!detail.words.empty()) parts.push_back("\"enum\": " + json_list(detail.words));
      if (detail.words.empty() && set != names.end())
        parts.push_back("\"enum\": " + json_list(set->second.names));
      break;
    }
  }
  if (!detail.required) {
    if (const auto value = field.get(defaults))
      parts.push_back("\"default\": " + json_default(field, *value));
  }
  std::string description = detail.meaning;
  if (!detail.unit.empty()) description += " [" + detail.unit + "]";
  if (!detail.source.empty()) description += " (source: " + detail.source + ")";
  parts.push_back("\"description\": " + json_text(description));
  std::string out = "{";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + "}";
}

std::string json_object(const SectionDescription& section, const std::string& description,
                        const NameSets& names, const std::string& indent);

std::string json_child(const ChildDescription& child, const NameSets& names, const std::string& indent) {
  const std::string meaning = child.detail.meaning.empty() ? child.section->meaning : child.detail.meaning;
  if (child.kind != ChildKind::list) return json_object(*child.section, meaning, names, indent);
  std::string out = "{\n" + indent + "  \"type\": \"array\",\n";
  if (child.detail.min_items > 0)
    out += fmt::format("{}  \"minItems\": {},\n", indent, child.detail.min_items);
  if (child.detail.max_items != std::numeric_limits<std::size_t>::max()) {
    out += fmt::format("{}  \"maxItems\": {},\n", indent, child.detail.max_items);
  }
  out += indent + "  \"description\": " + json_text(meaning) + ",\n";
  out += indent +
         "  \"items\": " + json_object(*child.section, child.section->meaning, names, indent + "  ") + "\n";
  return out + indent + "}";
}

std::string json_object(const SectionDescription& section, const std::string& description,
                        const NameSets& names, const std::string& indent) {
  const auto defaults = section.make_default();
  std::vector<std::string> required;
  std::string properties;
  for (const auto& entry : section.entries) {
    properties += properties.empty() ? "" : ",\n";
    if (const auto* field = std::get_if<FieldDescription>(&entry)) {
      if (field->detail.required) required.push_back(field->key);
      properties +=
          indent + "    " + json_text(field->key) + ": " + json_field(*field, defaults.get(), names);
    } else {
      const auto& child = std::get<ChildDescription>(entry);
      properties += indent + "    " + json_text(child.key) + ": " + json_child(child, names, indent + "    ");
    }
  }
  std::string out = "{\n" + indent + "  \"type\": \"object\",\n";
  out += indent + "  \"description\": " + json_text(description) + ",\n";
  out += indent + "  \"additionalProperties\": false,\n";
  if (!required.empty()) out += indent + "  \"required\": " + json_list(required) + ",\n";
  out += indent + "  \"properties\": {\n" + properties + "\n" + indent + "  }\n";
  return out + indent + "}";
}

}  // namespace

std::string reference_markdown(const SectionDescription& root, const std::string& title,
                               const NameSets& names) {
  std::string out = "# " + title + "\n\n";
  out +=
      "Generated by `salesim schema --markdown` from the descriptions beside each section's struct; a test\n"
      "fails when this file differs from them. A scenario names only what differs from the defaults.\n";
  markdown_section(out, root, "", "", names);
  out +=
      "\n## `timeline[]`\n\n"
      "Changes of terms during the run; a list of mappings, in the order of their months. From `month` on, "
      "the keys of `set` take their values, on top of the file and every earlier change; state (customers, "
      "quotas, trust, tenure, beliefs) carries over. Keys marked fixed in a run above are refused. "
      "`--set timeline[0].month=7` moves a change.\n\n"
      "| key | type | allowed | default | unit | meaning |\n|---|---|---|---|---|---|\n"
      "| `month` | whole number | 1 to `run.horizon_months` | required | months | the first month under the "
      "new "
      "terms |\n"
      "| `set` | mapping | key paths as `--set` takes them, each to one value | required | | the new terms, "
      "e.g. `workforce.plan.quota_bonus: 0` |\n"
      "| `note` | text | any | absent | | what the change is, for tables and reports |\n";
  return out;
}

std::string json_schema(const SectionDescription& root, const std::string& title, const NameSets& names) {
  std::string body = json_object(root, root.meaning, names, "");
  // The timeline is read apart from the described sections (timeline_reader.cpp).
  const std::string timeline =
      ",\n    \"timeline\": {\"type\": \"array\", \"minItems\": 1, \"description\": \"changes of terms from "
      "a "
      "month on\", \"items\": {\"type\": \"object\", \"additionalProperties\": false, \"required\": "
      "[\"month\", "
      "\"set\"], \"properties\": {\"month\": {\"type\": \"integer\", \"minimum\": 1}, \"set\": {\"type\": "
      "\"object\", \"minProperties\": 1, \"additionalProperties\": {\"type\": [\"number\", \"string\", "
      "\"boolean\"]}}, \"note\": {\"type\": \"string\"}}}}";
  const std::string properties_end = "\n  }\n}";
  body.insert(body.size() - properties_end.size(), timeline);
  // The root object carries the schema's identity ahead of its keys.
  const std::string header =
      "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": " +
      json_text(title) + ",\n";
  return header + body.substr(2) + "\n";
}

}  // namespace salesim::sim::io
