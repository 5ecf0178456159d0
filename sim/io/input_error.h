// Bad input, located: file, line, column, key path, what is wrong and what is allowed.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::sim::io {

/// One problem located in an input file.
struct InputProblem {
  std::string file;
  int line = 0;          ///< 1-based; 0 when unknown (e.g. a missing file)
  int column = 0;        ///< 1-based; 0 when unknown
  std::string key_path;  ///< e.g. "segments[1].gross_margin"; empty for the whole document
  std::string message;   ///< e.g. "must be at most 1"
  std::string allowed;   ///< e.g. "a number in [0, 1]"; may be empty

  /// "file:line:col: key.path: message (allowed: ...)", leaving out parts that are unknown.
  [[nodiscard]] std::string to_string() const;
};

/// Thrown for any bad input; carries every problem found (at least one).
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<InputProblem> problems);
  [[nodiscard]] const std::vector<InputProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<InputProblem> problems_;
};

}  // namespace salesim::sim::io
