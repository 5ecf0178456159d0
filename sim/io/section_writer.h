// The YAML text of a described section: every key, in description order, loadable back to the same values.
#pragma once

#include <string>

#include "sim/core/section_description.h"
#include "sim/core/timeline.h"

namespace salesim::sim::io {

/// @brief Writes `section` (of the type `description` describes) as block YAML; texts are double-quoted,
/// absent optional keys and terms are left out.
[[nodiscard]] std::string write_yaml(const core::SectionDescription& description, const void* section);

/// @brief A scenario's `timeline:` as block YAML, loadable back to the same changes; "" when empty.
[[nodiscard]] std::string write_timeline_yaml(const std::vector<core::TimelineChange>& timeline);

/// @brief A value as the writer and the reference print it ("0.1", "true", "small_world", "\"shops\"").
[[nodiscard]] std::string scalar_text(const core::FieldDescription& field, const core::ScalarValue& value);

}  // namespace salesim::sim::io
