// The YAML text of a described section: every key, in description order, loadable back to the same values.
#pragma once

#include <string>

#include "sim/core/section_description.h"

namespace salesim::sim::io {

/// @brief Writes `section` (of the type `description` describes) as block YAML; texts are double-quoted,
/// absent optional keys and terms are left out.
[[nodiscard]] std::string write_yaml(const core::SectionDescription& description, const void* section);

/// @brief A value as the writer and the reference print it ("0.1", "true", "small_world", "\"shops\"").
[[nodiscard]] std::string scalar_text(const core::FieldDescription& field, const core::ScalarValue& value);

}  // namespace salesim::sim::io
