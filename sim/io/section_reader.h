// Reading a YAML document into a described section: overrides, types, ranges, located problems.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/section_description.h"
#include "sim/core/timeline.h"
#include "sim/io/input_error.h"
#include "sim/io/input_limits.h"

namespace salesim::sim::io {

/// A --set override: a key path ("run.seed", "segments[0].gross_margin", "segments.shops.size") and
/// YAML text for its value.
struct Override {
  std::string key_path;
  std::string value;
};

/// Parses "key.path=value". @throws InputError (file "--set") when malformed.
[[nodiscard]] Override parse_override(std::string_view text);

/// The names a text key may take (FieldDetail::name_set), with the noun its messages use.
struct NameSet {
  std::string noun;  ///< "metric": "unknown metric 'x'"
  std::vector<std::string> names;
  std::string allowed;  ///< what a message says is allowed
};
using NameSets = std::map<std::string, NameSet>;

/// One YAML document read against a section description; problems found later by the model's own
/// rules are located through it, at their line in the file or on the command line.
class DocumentReader {
 public:
  /**
   * @brief Guards and parses `text`, then applies `overrides` to it. `noun` names the document in
   * messages ("the scenario is empty").
   * @throws InputError for bad YAML or a bad override.
   */
  DocumentReader(std::string_view text, std::string file_label, std::string noun,
                 const core::SectionDescription& root, std::span<const Override> overrides,
                 const InputLimits& limits);
  DocumentReader(DocumentReader&&) noexcept;
  ~DocumentReader();

  /// @brief Reads every key into `section`, which holds the defaults. @throws InputError.
  void read_into(void* section, const NameSets& names = {}) const;

  /// @brief Throws every problem, located; returns when there is none.
  void throw_located(std::span<const core::KeyProblem> problems) const;

  /// The document's `timeline:` changes in the order written, --set applied; empty without one.
  [[nodiscard]] const std::vector<core::TimelineChange>& timeline() const noexcept;

  /// @brief Places the keys of timeline changes 0..`through` into the document, so that read_into()
  /// gives the terms in force from change `through`'s month on. Problems with those values are then
  /// located at their lines in the timeline.
  void apply_timeline(std::size_t through);

  /// A problem with a change's `month`, located at it.
  [[nodiscard]] InputProblem timeline_month_problem(std::size_t change, std::string message,
                                                    std::string allowed) const;

 private:
  struct Document;
  std::unique_ptr<Document> document_;
};

/// Every key path `--set` accepts, "[0]" standing for any list index.
[[nodiscard]] std::vector<std::string> settable_paths(const core::SectionDescription& root);

}  // namespace salesim::sim::io
