// The `partnerships:` section of a scenario, described once for the loader, writer and references.
#pragma once

#include "sim/core/section_description.h"

namespace salesim::models::partnership {

/// @brief Keys, ranges, defaults, units and meanings of `partnerships:` and its sub-sections.
[[nodiscard]] const sim::core::SectionDescription& partnership_description();

}  // namespace salesim::models::partnership
