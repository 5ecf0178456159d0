// What the parts of the document reader share: the parsed document, key paths, placing a value.
// Internal to sim/io.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/core/section_description.h"
#include "sim/core/timeline.h"
#include "sim/io/input_error.h"
#include "sim/io/input_limits.h"
#include "sim/io/section_reader.h"

namespace salesim::sim::io {
namespace internal {

/// Splits "segments[0].spend_per_purchase.mean" into {"segments", "[0]", "spend_per_purchase", "mean"}.
[[nodiscard]] std::vector<std::string> split_key_path(const std::string& path);

/// The index of a "[3]" token; nullopt when it is not a whole number, the largest size_t when too large.
[[nodiscard]] std::optional<std::size_t> index_of(const std::string& token);

/// A problem at `node`'s line and column in `file` (0 where the node has no position).
[[nodiscard]] InputProblem located(const std::string& file, const YAML::Node& node, std::string key_path,
                                   std::string message, std::string allowed);

/// Makes the located problem of a value being placed, from its message and what is allowed.
using ProblemAt = std::function<InputProblem(std::string message, std::string allowed)>;

/// Before the run (--set) or from a month on (a timeline change, which keys marked fixed refuse).
enum class Placement { at_start, mid_run };

/**
 * @brief Places `value` at `key_path` in the document, walking the description: each key must be one
 * the section has, a list is entered by an index (or an item's name where the list allows it) of an
 * item that exists, and mappings on the way are created. Returns the canonical key path, or "" with
 * a problem added.
 */
std::string place_value(YAML::Node& root, const core::SectionDescription& description,
                        const std::string& key_path, const YAML::Node& value,
                        const std::vector<std::string>& settable, Placement when, const ProblemAt& problem_at,
                        std::vector<InputProblem>& problems);

/// One key a timeline change sets: its canonical path and the value's node (located in the file).
struct TimelineValue {
  std::string key_path;
  YAML::Node value;
  bool from_command_line = false;  ///< set by --set timeline[i].set...: its problems point there
};

struct TimelineEntry {
  core::TimelineChange change;
  YAML::Node month;  ///< where problems with the change's month are located
  bool month_from_command_line = false;
  std::vector<TimelineValue> values;
};

/// The `timeline:` key of a scenario (DESIGN §9), read apart from the described sections.
inline constexpr const char* timeline_key = "timeline";

/**
 * @brief Applies a --set whose key path starts with `timeline` ("timeline[0].month",
 * "timeline[0].set.workforce.plan.period") to the timeline node. Returns the canonical path, or ""
 * with a problem added.
 */
std::string apply_timeline_override(YAML::Node& timeline, const Override& item,
                                    std::vector<InputProblem>& problems);

/**
 * @brief Reads the timeline node into changes, checking each one's shape and each key it sets
 * against the description (placed into `scratch`, a copy of the document). Paths in
 * `from_command_line` were written by --set and are located there.
 */
std::vector<TimelineEntry> read_timeline(const YAML::Node& timeline, YAML::Node scratch,
                                         const core::SectionDescription& description,
                                         const std::vector<std::string>& settable, const std::string& file,
                                         const std::set<std::string>& from_command_line,
                                         const InputLimits& limits, std::vector<InputProblem>& problems);

}  // namespace internal

struct DocumentReader::Document {
  std::string file;
  std::string noun;
  const core::SectionDescription* description = nullptr;
  YAML::Node root;
  std::set<std::string> overridden;
  InputLimits limits;
  std::vector<internal::TimelineEntry> timeline;
  std::vector<core::TimelineChange> changes;  ///< timeline's changes, as plain data
};

}  // namespace salesim::sim::io
