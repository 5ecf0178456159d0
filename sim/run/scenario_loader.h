// Loading a scenario: the model's description bound to YAML by sim/io, then the model's own rules.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "models/scenario.h"
#include "sim/io/input_error.h"
#include "sim/io/input_limits.h"
#include "sim/io/section_reader.h"

namespace salesim::sim::run {

using io::Override;
using io::parse_override;

struct LoadedScenario {
  models::Scenario scenario;
  /// The complete scenario after defaults and overrides, as YAML; loading it again gives
  /// the same Scenario. Recorded in every output file.
  std::string resolved_yaml;
  std::string source_path;
};

/**
 * @brief Reads a scenario file, starting from the defaults of models/scenario_description.cpp,
 * applies overrides and checks every value and cross-field rule.
 * @throws io::InputError with every problem found, each located by file, line, column, key path.
 */
[[nodiscard]] LoadedScenario load_scenario(const std::filesystem::path& file,
                                           std::span<const Override> overrides = {},
                                           const io::InputLimits& limits = {});

/// The same from text; `file_label` names it in messages.
[[nodiscard]] LoadedScenario load_scenario_text(std::string_view yaml_text, std::string_view file_label,
                                                std::span<const Override> overrides = {},
                                                const io::InputLimits& limits = {});

/// @brief Estimated bytes of one world of the scenario (its market and referral graph); each thread
/// that runs replications builds one.
[[nodiscard]] std::uint64_t world_bytes(const models::Scenario& scenario, const io::InputLimits& limits = {});

/// @brief The resolved YAML of a scenario: every key, defaults included.
[[nodiscard]] std::string scenario_to_yaml(const models::Scenario& scenario);

/// @brief The names scenario keys may take that the model does not know itself (summary metrics).
[[nodiscard]] const io::NameSets& scenario_name_sets();

}  // namespace salesim::sim::run
