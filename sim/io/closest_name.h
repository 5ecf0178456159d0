// "Did you mean ...?": the closest valid name to a mistyped one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace salesim::sim::io {

/// Levenshtein distance between two names (insertions, deletions, substitutions).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `typed`, or "" when none is within a third of its length (min 2).
[[nodiscard]] std::string closest_name(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace salesim::sim::io
