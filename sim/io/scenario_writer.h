// Writes a Scenario back as YAML: the resolved scenario recorded in every output file.
#pragma once

#include <string>

#include "models/scenario.h"

namespace salesim::sim::io {

/// Every key of every section, in schema order, numbers in shortest round-trip form, so
/// that loading the text gives back an identical Scenario.
[[nodiscard]] std::string scenario_to_yaml(const models::Scenario& scenario);

}  // namespace salesim::sim::io
