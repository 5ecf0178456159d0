// --metrics: the rows a table shows, chosen by name from the metrics a command records.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace salesim::sim::cli {

/**
 * @brief Checks every name of --metrics against `recorded` (the summaries the command records).
 * @throws OptionError "--metrics: unknown metric 'x' (did you mean 'y'?) (allowed: ...)" for the
 * first name that is not recorded, or "--metrics: ... is empty" for an empty name.
 */
void check_metric_choice(const std::vector<std::string>& chosen, const std::vector<std::string>& recorded);

/// Indices into `recorded` of the rows to show: `chosen` in its order, or every metric when empty.
[[nodiscard]] std::vector<std::size_t> chosen_metric_rows(const std::vector<std::string>& chosen,
                                                          const std::vector<std::string>& recorded);

}  // namespace salesim::sim::cli
