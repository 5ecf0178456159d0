// Formatting of located input problems.
#include "sim/io/input_error.h"

#include <fmt/format.h>

namespace salesim::sim::io {
namespace {

std::string first_message(const std::vector<InputProblem>& problems) {
  return problems.empty() ? std::string("bad input") : problems.front().to_string();
}

}  // namespace

std::string InputProblem::to_string() const {
  std::string text = file;
  if (line > 0) text += column > 0 ? fmt::format(":{}:{}", line, column) : fmt::format(":{}", line);
  text += ": ";
  if (!key_path.empty()) text += fmt::format("{}: ", key_path);
  text += message;
  if (!allowed.empty()) text += fmt::format(" (allowed: {})", allowed);
  return text;
}

InputError::InputError(std::vector<InputProblem> problems)
    : std::runtime_error(first_message(problems)), problems_(std::move(problems)) {}

}  // namespace salesim::sim::io
