// Text outputs (HTML reports, CSV tables, YAML scenarios) written so no reader sees half a file.
#pragma once

#include <filesystem>
#include <string>

namespace salesim::sim::io {

/// Writes `text` to `<output>.tmp` and renames it over `output`; creates missing parent folders.
/// @throws std::runtime_error when the file cannot be written or renamed (the old file stays).
void write_text_atomically(const std::filesystem::path& output, const std::string& text);

}  // namespace salesim::sim::io
