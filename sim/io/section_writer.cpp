// Writing described sections as YAML. Indentation follows what salesim has always written, so the
// resolved scenario, and with it every run id, stays the same.
#include "sim/io/section_writer.h"

#include <algorithm>

#include <fmt/format.h>

namespace salesim::sim::io {
namespace {

using core::ChildDescription;
using core::ChildKind;
using core::FieldDescription;
using core::SectionDescription;

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

void write_section(std::string& out, const SectionDescription& description, const void* section,
                   const std::string& indent);

void write_child(std::string& out, const ChildDescription& child, const void* parent,
                 const std::string& indent) {
  const auto& detail = child.detail;
  if (child.kind != ChildKind::list) {
    const void* mapping = child.get(parent);
    if (mapping == nullptr || (detail.written_when && !detail.written_when(parent))) return;
    std::string text;
    write_section(text, *child.section, mapping, indent + "  ");
    if (detail.omit_when_default) {
      std::string defaults;
      write_section(defaults, *child.section, child.section->make_default().get(), indent + "  ");
      if (text == defaults) return;
    }
    out += fmt::format("{}{}:\n{}", indent, child.key, text);
    return;
  }
  const std::size_t count = child.size(parent);
  if (count == 0) {
    if (!detail.omit_when_empty) out += fmt::format("{}{}: []\n", indent, child.key);
    return;
  }
  out += fmt::format("{}{}:\n", indent, child.key);
  // Items: "  - first: 1\n    second: 2", the dash two columns in from the list's key.
  const std::string item_indent = indent + "    ";
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    write_section(text, *child.section, child.item(parent, i), item_indent);
    if (text.size() >= item_indent.size()) text.replace(0, item_indent.size(), indent + "  - ");
    out += text;
  }
}

void write_section(std::string& out, const SectionDescription& description, const void* section,
                   const std::string& indent) {
  for (const auto& entry : description.entries) {
    if (const auto* field = std::get_if<FieldDescription>(&entry)) {
      if (const auto value = field->get(section)) {
        out += fmt::format("{}{}: {}\n", indent, field->key, scalar_text(*field, *value));
      }
    } else {
      write_child(out, std::get<ChildDescription>(entry), section, indent);
    }
  }
}

}  // namespace

std::string scalar_text(const FieldDescription& field, const core::ScalarValue& value) {
  switch (field.kind) {
    case core::ValueKind::text:
      // A name from a caller's set (a metric) is an identifier and goes bare; other texts are quoted.
      return field.detail.name_set.empty() ? quoted(std::get<std::string>(value))
                                           : std::get<std::string>(value);
    case core::ValueKind::boolean:
      return std::get<bool>(value) ? "true" : "false";
    case core::ValueKind::word: {
      const std::size_t index =
          std::holds_alternative<bool>(value) ? std::get<bool>(value) : std::get<std::uint64_t>(value);
      return index < field.detail.words.size() ? field.detail.words[index] : "";
    }
    case core::ValueKind::whole_number:
      return fmt::format("{}", std::get<std::uint64_t>(value));
    case core::ValueKind::number:
      return fmt::format("{}", std::get<double>(value));
  }
  return "";
}

std::string write_timeline_yaml(const std::vector<core::TimelineChange>& timeline) {
  if (timeline.empty()) return "";
  // Numbers, words and flags go bare; anything else is quoted, so each value reads back as written.
  const auto value_text = [](const std::string& text) {
    const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
             c == '_' || c == '-' || c == '+';
    });
    return plain ? text : quoted(text);
  };
  std::string out = "timeline:\n";
  for (const core::TimelineChange& change : timeline) {
    out += fmt::format("  - month: {}\n", change.month);
    if (!change.note.empty()) out += fmt::format("    note: {}\n", quoted(change.note));
    out += "    set:\n";
    for (const core::TimelineSetting& setting : change.set) {
      out += fmt::format("      {}: {}\n", quoted(setting.key_path), value_text(setting.value));
    }
  }
  return out;
}

std::string write_yaml(const SectionDescription& description, const void* section) {
  std::string out;
  write_section(out, description, section, "");
  return out;
}

}  // namespace salesim::sim::io
