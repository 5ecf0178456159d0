// The `workforce:` section of a scenario, described once for the loader, writer and references.
#pragma once

#include "sim/core/section_description.h"

namespace salesim::models::workforce {

/// @brief Keys, ranges, defaults, units and meanings of `workforce:`, its reps and their pay plan.
[[nodiscard]] const sim::core::SectionDescription& workforce_description();

/// @brief Keys, ranges and defaults of `workforce.plan`, the reps' pay plan.
[[nodiscard]] const sim::core::SectionDescription& plan_description();

/// KPIs a plan's scorecard bonus can pay on: what the measurement system reports per rep.
[[nodiscard]] const std::vector<std::string>& rep_kpi_names();

}  // namespace salesim::models::workforce
