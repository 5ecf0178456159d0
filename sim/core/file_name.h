// The rule for the names salesim turns into output files (out/<name>.h5 and <name>.h5.tmp), shared by
// scenario and sweep names.
#pragma once

#include <cstddef>
#include <string_view>

namespace salesim::sim::core {

/// Longest such name: any file system's NAME_MAX of 255 bytes leaves room for the suffixes.
inline constexpr std::size_t max_output_name_bytes = 200;

/// @brief Whether `name` is letters, digits, '-', '_' and '.' only, not empty and not "." or "..":
/// no separator, nothing a shell mangles. Its length is checked apart, against max_output_name_bytes.
[[nodiscard]] bool is_safe_file_name(std::string_view name);

}  // namespace salesim::sim::core
