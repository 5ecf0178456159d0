// `salesim schema`: the scenario reference (--markdown) or a JSON Schema (--json).
#pragma once

namespace salesim::sim::cli {

enum class SchemaFormat { markdown, json };

/// Prints the reference of the scenario file in `format`; returns the exit code.
[[nodiscard]] int schema_command(SchemaFormat format);

}  // namespace salesim::sim::cli
