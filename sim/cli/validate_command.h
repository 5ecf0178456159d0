// `salesim validate`: check a scenario without running it.
#pragma once

#include <string>
#include <vector>

namespace salesim::sim::cli {

/// Prints "FILE: ok (...)" or one line per problem; returns 0 or 2.
int validate_command(const std::string& scenario_path, const std::vector<std::string>& overrides);

}  // namespace salesim::sim::cli
