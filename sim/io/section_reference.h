// References derived from section descriptions: a Markdown table per section and a JSON Schema.
#pragma once

#include <string>

#include "sim/core/section_description.h"
#include "sim/io/section_reader.h"

namespace salesim::sim::io {

/// @brief The reference of a document: one table per section (key, type, allowed, default, unit,
/// meaning), sections in writing order, list items as `list[]`.
[[nodiscard]] std::string reference_markdown(const core::SectionDescription& root, const std::string& title,
                                             const NameSets& names = {});

/// @brief A JSON Schema (draft 2020-12) of the document, for editors' YAML language servers.
[[nodiscard]] std::string json_schema(const core::SectionDescription& root, const std::string& title,
                                      const NameSets& names = {});

}  // namespace salesim::sim::io
