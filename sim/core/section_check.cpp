// Range checks of described sections.
#include "sim/core/section_check.h"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace salesim::sim::core {
namespace {

/// The largest whole number a key can hold prints as itself, not as the double 1.8446744073709552e19.
std::string bound_text(double bound, bool whole) {
  if (whole && bound >= 18446744073709551615.0) return "18446744073709551615";
  return fmt::format("{}", bound);
}

std::string bounds_of(const FieldDetail& detail, bool whole) {
  if (detail.nonzero) return "not 0";
  const bool has_min = std::isfinite(detail.min), has_max = std::isfinite(detail.max);
  if (has_min && has_max) {
    return fmt::format("{}{}, {}]", detail.min_exclusive ? "(" : "[", bound_text(detail.min, whole),
                       bound_text(detail.max, whole));
  }
  if (has_min) return fmt::format("{} {}", detail.min_exclusive ? ">" : ">=", bound_text(detail.min, whole));
  if (has_max) return fmt::format("<= {}", bound_text(detail.max, whole));
  return "";
}

void check_section(const SectionDescription& description, const void* section, const std::string& prefix,
                   std::vector<KeyProblem>& problems) {
  for (const auto& entry : description.entries) {
    if (const auto* field = std::get_if<FieldDescription>(&entry)) {
      const bool numeric = field->kind == ValueKind::number || field->kind == ValueKind::whole_number;
      const auto value = field->get(section);
      if (!numeric || !value) continue;
      const bool whole = field->kind == ValueKind::whole_number;
      const double number =
          whole ? static_cast<double>(std::get<std::uint64_t>(*value)) : std::get<double>(*value);
      if (const auto why = range_violation(field->detail, number, fmt::format("{}", number))) {
        problems.push_back({prefix + field->key, *why, range_text(field->detail, whole)});
      }
      continue;
    }
    const auto& child = std::get<ChildDescription>(entry);
    const std::string path = prefix + child.key;
    if (child.kind != ChildKind::list) {
      if (const void* mapping = child.get(section))
        check_section(*child.section, mapping, path + ".", problems);
      continue;
    }
    const std::size_t count = child.size(section);
    if (count < child.detail.min_items || count > child.detail.max_items) {
      problems.push_back(
          {path, fmt::format("{} items", count),
           fmt::format("between {} and {} items", child.detail.min_items, child.detail.max_items)});
    }
    for (std::size_t i = 0; i < count; ++i) {
      check_section(*child.section, child.item(section, i), fmt::format("{}[{}].", path, i), problems);
    }
  }
}

}  // namespace

std::string range_bounds(const FieldDetail& detail, bool whole) { return bounds_of(detail, whole); }

std::string range_text(const FieldDetail& detail, bool whole) {
  const std::string kind = whole ? "a whole number" : "a number";
  if (detail.nonzero) return kind + " other than 0";
  const std::string bounds = bounds_of(detail, whole);
  if (bounds.empty()) return kind;
  return kind + (bounds.front() == '[' || bounds.front() == '(' ? " in " : " ") + bounds;
}

std::optional<std::string> range_violation(const FieldDetail& detail, double value, const std::string& text) {
  if (!std::isfinite(value)) return "'" + text + "' is not a finite number";
  if (detail.min_exclusive ? value <= detail.min : value < detail.min) {
    return fmt::format("{} must be {} {}", text, detail.min_exclusive ? "more than" : "at least",
                       fmt::format("{}", detail.min));
  }
  if (value > detail.max) return fmt::format("{} must be at most {}", text, bound_text(detail.max, true));
  if (detail.nonzero && value == 0.0) return text + " is not allowed";
  return std::nullopt;
}

std::vector<KeyProblem> range_problems(const SectionDescription& description, const void* section) {
  std::vector<KeyProblem> problems;
  check_section(description, section, "", problems);
  return problems;
}

}  // namespace salesim::sim::core
