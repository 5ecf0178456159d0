// A pass over YAML events before any node is built: syntax, size, aliases, duplicate keys.
#pragma once

#include <string>
#include <string_view>

#include "sim/io/input_limits.h"

namespace salesim::sim::io {

/**
 * @brief Checks YAML text without building nodes. yaml-cpp shares aliased nodes, so an alias
 * bomb only explodes when walked; counting events here stops it first.
 * @throws InputError for a syntax error, more than one document, too many nodes or aliases,
 * or a key repeated within one mapping.
 */
void guard_yaml_text(std::string_view text, const std::string& file_label, const InputLimits& limits);

}  // namespace salesim::sim::io
