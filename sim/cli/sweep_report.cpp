// Formatting of sweep results.
#include "sim/cli/sweep_report.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace salesim::sim::cli {
namespace {

/// The metrics an instructor looks at first, when the sweep kept them.
std::vector<std::size_t> headline_metrics(const std::vector<std::string>& names) {
  std::vector<std::size_t> chosen;
  for (const char* preferred :
       {"profit_after_pay", "profit", "joint_surplus", "customer_equity", "true_nps"}) {
    const auto found = std::find(names.begin(), names.end(), preferred);
    if (found != names.end() && chosen.size() < 3)
      chosen.push_back(static_cast<std::size_t>(found - names.begin()));
  }
  for (std::size_t i = 0; chosen.size() < 3 && i < names.size(); ++i) {
    if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);
  }
  return chosen;
}

std::string mean_and_interval(const analysis::SummaryStatistics& s) {
  return fmt::format("{:.4g} [{:.4g}, {:.4g}]", s.mean, s.ci_low, s.ci_high);
}

}  // namespace

void print_sweep_table(std::ostream& out, const io::SweepDefinition& sweep,
                       const std::vector<run::DesignPoint>& design,
                       const std::vector<std::string>& summary_names,
                       const std::vector<std::vector<analysis::SummaryStatistics>>& statistics) {
  const auto headline = headline_metrics(summary_names);
  fmt::print(out, "{}: {} design points x {} replications\n", sweep.name, design.size(), sweep.replications);
  std::string header = fmt::format("{:>5}", "point");
  for (const auto& parameter : sweep.parameters) header += fmt::format("  {:>16}", parameter.key_path);
  for (std::size_t m : headline) header += fmt::format("  {:>34}", summary_names[m]);
  fmt::print(out, "{}\n{}\n", header, std::string(header.size(), '-'));
  for (std::size_t p = 0; p < design.size(); ++p) {
    std::string row = fmt::format("{:>5}", p);
    for (const auto& value : design[p].values) row += fmt::format("  {:>16}", value);
    for (std::size_t m : headline) row += fmt::format("  {:>34}", mean_and_interval(statistics[m][p]));
    fmt::print(out, "{}\n", row);
  }
}

void print_sensitivity_table(std::ostream& out, const std::vector<std::string>& parameter_names,
                             const std::vector<std::string>& metric_names,
                             const std::vector<analysis::Sensitivity>& sensitivities) {
  std::string header = fmt::format("{:<24}  {:>6}", "sensitivity (SRC)", "R2");
  for (const auto& name : parameter_names) header += fmt::format("  {:>16}", name);
  fmt::print(out, "{}\n{}\n", header, std::string(header.size(), '-'));
  for (std::size_t m = 0; m < metric_names.size(); ++m) {
    std::string row = fmt::format("{:<24}  {:>6.3f}", metric_names[m], sensitivities[m].r_squared);
    for (double c : sensitivities[m].standardized_coefficients) row += fmt::format("  {:>16.3f}", c);
    fmt::print(out, "{}\n", row);
  }
}

}  // namespace salesim::sim::cli
