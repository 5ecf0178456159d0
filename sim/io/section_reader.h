// Reading a YAML document into a described section: overrides, types, ranges, located problems.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/section_description.h"
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

 private:
  struct Document;
  std::unique_ptr<Document> document_;
};

/// Every key path `--set` accepts, "[0]" standing for any list index.
[[nodiscard]] std::vector<std::string> settable_paths(const core::SectionDescription& root);

}  // namespace salesim::sim::io
