// Loading a scenario: YAML text -> defaults merged, overrides applied, every value checked.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "models/scenario.h"
#include "sim/io/input_error.h"
#include "sim/io/input_limits.h"

namespace salesim::sim::io {

/// A --set override: a key path ("run.seed", "segments[0].gross_margin",
/// "segments.contractors.gross_margin", "segments[0].spend_per_purchase.mean") and YAML text.
struct Override {
  std::string key_path;
  std::string value;
};

/// Parses "key.path=value". @throws InputError (file "--set") when malformed.
[[nodiscard]] Override parse_override(std::string_view text);

struct LoadedScenario {
  models::Scenario scenario;
  /// The complete scenario after defaults and overrides, as YAML; loading it again gives
  /// the same Scenario. Recorded in every output file.
  std::string resolved_yaml;
  std::string source_path;
};

/**
 * @brief Reads a scenario file, merges configs/defaults.yaml (embedded at build time),
 * applies overrides and validates every value and cross-field rule.
 * @throws InputError with every problem found, each located by file, line, column, key path.
 */
[[nodiscard]] LoadedScenario load_scenario(const std::filesystem::path& file,
                                           std::span<const Override> overrides = {},
                                           const InputLimits& limits = {});

/// The same from text; `file_label` names it in messages.
[[nodiscard]] LoadedScenario load_scenario_text(std::string_view yaml_text, std::string_view file_label,
                                                std::span<const Override> overrides = {},
                                                const InputLimits& limits = {});

}  // namespace salesim::sim::io
