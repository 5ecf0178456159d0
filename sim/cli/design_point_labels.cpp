// Naming design points for tables.
#include "sim/cli/design_point_labels.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace salesim::sim::cli {
namespace {

/// "--set N:key=value" (or "--set=N:...") words of the command line, as " --set key=value" per
/// scenario N (1-based), the text `salesim compare` adds to a column's name.
std::vector<std::string> indexed_overrides(const std::string& command, std::size_t scenarios) {
  std::vector<std::string> added(scenarios);
  std::istringstream words(command);
  std::string word;
  bool after_set = false;
  while (words >> word) {
    std::string value;
    if (after_set) value = word;
    if (word.starts_with("--set=")) value = word.substr(6);
    after_set = word == "--set";
    const auto colon = value.find(':');
    if (colon == std::string::npos || colon == 0 ||
        !std::all_of(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(colon),
                     [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    const auto index = std::stoull(value.substr(0, std::min<std::size_t>(colon, 18)));
    if (index >= 1 && index <= scenarios) added[index - 1] += " --set " + value.substr(colon + 1);
  }
  return added;
}

/// Makes every label different: first with the overrides, then with the point's number.
void tell_apart(std::vector<std::string>& labels, const std::string& command) {
  const auto repeated = [&](std::size_t p) {
    return std::count(labels.begin(), labels.end(), labels[p]) > 1;
  };
  const auto added = indexed_overrides(command, labels.size());
  std::vector<std::string> changed = labels;
  for (std::size_t p = 0; p < labels.size(); ++p)
    if (repeated(p)) changed[p] += added[p];
  labels = changed;
  for (std::size_t p = 0; p < labels.size(); ++p)
    if (repeated(p)) changed[p] += fmt::format(" ({})", p + 1);
  labels = changed;
}

}  // namespace

std::vector<std::string> stored_scenario_names(const std::string& yaml) {
  std::vector<std::string> names;
  std::istringstream lines(yaml);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with("name:")) continue;
    const auto first = line.find_first_not_of(" \t\"'", 5);
    const auto last = line.find_last_not_of(" \t\"'\r");
    if (first != std::string::npos && last >= first) names.push_back(line.substr(first, last - first + 1));
  }
  return names;
}

DesignPointLabels design_point_labels(const io::RunFileReader& reader) {
  const auto& layout = reader.layout();
  const std::size_t points = layout.points;
  DesignPointLabels result;
  const bool comparison = layout.parameter_names == std::vector<std::string>{"scenario"};
  if (comparison || layout.parameter_names.empty()) {
    result.column = "scenario";
    const auto names = stored_scenario_names(reader.string_attribute("/scenario", "yaml"));
    for (std::size_t p = 0; p < points; ++p)
      result.labels.push_back(names.size() == points ? names[p] : fmt::format("scenario {}", p + 1));
    tell_apart(result.labels, reader.string_attribute("/", "command"));
    return result;
  }
  result.column = "point";
  result.parameter_names = layout.parameter_names;
  result.parameter_values = reader.read_doubles("/design/params");
  const std::size_t count = result.parameter_names.size();
  for (std::size_t p = 0; p < points; ++p) {
    std::string label;
    for (std::size_t k = 0; k < count; ++k)
      label += fmt::format("{}{}={:g}", k > 0 ? ", " : "", result.parameter_names[k],
                           result.parameter_values[p * count + k]);
    result.labels.push_back(label);
  }
  tell_apart(result.labels, "");
  return result;
}

}  // namespace salesim::sim::cli
