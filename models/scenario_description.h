// The scenario file, described once: every section's keys, ranges, defaults, units and meanings.
#pragma once

#include "sim/core/section_description.h"

namespace salesim::models {

/// @brief The whole scenario document, in the order a resolved scenario is written.
[[nodiscard]] const sim::core::SectionDescription& scenario_description();

/// The name set (FieldDetail::name_set) of summary metrics a scorecard KPI may score.
inline constexpr const char* summary_metric_set = "summary_metric";

}  // namespace salesim::models
