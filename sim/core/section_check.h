// The ranges of described sections, checked in one place: by the YAML reader as it reads a value, and
// by a model on a section built in code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/core/section_description.h"

namespace salesim::sim::core {

/// @brief The bounds of a numeric key as the reference prints them: "[0, 1]", "(0, 10]", ">= 0",
/// "not 0"; empty when unbounded.
[[nodiscard]] std::string range_bounds(const FieldDetail& detail, bool whole);

/// @brief What a numeric key allows, as messages say it: "a number in [0, 1]", "a whole number >= 1".
[[nodiscard]] std::string range_text(const FieldDetail& detail, bool whole);

/// @brief Why `value` (written as `text`) is outside the key's range ("1.5 must be at most 1"), or
/// nullopt when it is inside. Not-a-number is outside every range.
[[nodiscard]] std::optional<std::string> range_violation(const FieldDetail& detail, double value,
                                                         const std::string& text);

/// @brief Every value of `section` (and of its mappings, present terms and list items) outside its
/// described range, with key paths relative to the section.
[[nodiscard]] std::vector<KeyProblem> range_problems(const SectionDescription& description,
                                                     const void* section);

}  // namespace salesim::sim::core
