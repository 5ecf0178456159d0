// Choosing table rows by metric name, with a hint for a typo.
#include "sim/cli/metric_choice.h"

#include <algorithm>

#include <fmt/format.h>

#include "sim/cli/option_checks.h"
#include "sim/io/closest_name.h"

namespace salesim::sim::cli {

void check_metric_choice(const std::vector<std::string>& chosen, const std::vector<std::string>& recorded) {
  for (const std::string& name : chosen) {
    if (name.empty()) {
      throw OptionError(
          "--metrics: a metric name is empty (allowed: names separated by commas, e.g. revenue,profit)");
    }
    if (std::find(recorded.begin(), recorded.end(), name) != recorded.end()) continue;
    const std::string guess = io::closest_name(name, recorded);
    throw OptionError(
        fmt::format("--metrics: unknown metric '{}'{} (allowed: the summary metrics `salesim "
                    "metrics` lists, separated by commas)",
                    name, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)));
  }
}

std::vector<std::size_t> chosen_metric_rows(const std::vector<std::string>& chosen,
                                            const std::vector<std::string>& recorded) {
  std::vector<std::size_t> rows;
  if (chosen.empty()) {
    for (std::size_t m = 0; m < recorded.size(); ++m) rows.push_back(m);
    return rows;
  }
  for (const std::string& name : chosen) {
    const auto found = std::find(recorded.begin(), recorded.end(), name);
    const auto index = static_cast<std::size_t>(found - recorded.begin());
    if (found != recorded.end() && std::find(rows.begin(), rows.end(), index) == rows.end())
      rows.push_back(index);
  }
  return rows;
}

}  // namespace salesim::sim::cli
