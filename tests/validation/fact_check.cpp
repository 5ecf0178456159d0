// Replications, effects and the rows of VALIDATION.md.
#include "tests/validation/fact_check.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "analysis/run_metrics.h"
#include "models/world/world.h"

namespace salesim::tests {
namespace {

analysis::SummaryStatistics per_replication(const std::vector<double>& baseline,
                                            const std::vector<double>& alternative,
                                            double (*effect)(double, double)) {
  std::vector<double> effects;
  for (std::size_t r = 0; r < std::min(baseline.size(), alternative.size()); ++r)
    effects.push_back(effect(baseline[r], alternative[r]));
  return analysis::summarize_replications(effects);
}

std::string json_text(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string json_number(double value) { return std::isfinite(value) ? fmt::format("{:.6g}", value) : "null"; }

std::string slug(const std::string& text) {
  std::string out;
  for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out;
}

}  // namespace

MetricRuns run_replications(const models::Scenario& scenario, const std::vector<std::string>& metrics,
                            std::uint32_t replications) {
  const auto names = analysis::customer_metric_catalog(scenario.run.horizon_months).summary_names;
  MetricRuns runs;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const auto record =
        analysis::customer_run_record(models::world::simulate_run(scenario, {scenario.run.seed, 0, r}));
    for (const std::string& metric : metrics) {
      const auto at = std::find(names.begin(), names.end(), metric);
      if (at == names.end()) throw std::invalid_argument("no summary metric " + metric);
      runs[metric].push_back(record.summary[static_cast<std::size_t>(at - names.begin())]);
    }
  }
  return runs;
}

analysis::SummaryStatistics percent_change(const std::vector<double>& baseline,
                                           const std::vector<double>& alternative) {
  return per_replication(baseline, alternative, [](double b, double a) { return 100.0 * (a / b - 1.0); });
}

analysis::SummaryStatistics difference(const std::vector<double>& baseline,
                                       const std::vector<double>& alternative) {
  return per_replication(baseline, alternative, [](double b, double a) { return a - b; });
}

analysis::SummaryStatistics ratio_of(const std::vector<double>& baseline,
                                     const std::vector<double>& alternative) {
  return per_replication(baseline, alternative, [](double b, double a) { return a / b; });
}

analysis::SummaryStatistics level(const std::vector<double>& values) {
  return analysis::summarize_replications(values);
}

void record_fact(const FactRow& row) {
  std::cout << fmt::format("[fact {}] {} | {}: {} = {:.4g} (95% CI {:.4g} to {:.4g}, n = {}); band {}: {}\n",
                           row.fact, row.world, row.claim, row.measure, row.effect.mean, row.effect.ci_low,
                           row.effect.ci_high, row.effect.n, row.band, row.passed ? "pass" : "FAIL");
  const std::filesystem::path folder = std::filesystem::path(SALESIM_BINARY_DIR) / "validation";
  std::filesystem::create_directories(folder);
  const std::filesystem::path file = folder / fmt::format("fact-{}-{}.json", row.fact, slug(row.world));
  const std::filesystem::path partial = file.string() + ".tmp";
  {
    std::ofstream out(partial);
    out << "{\"fact\": " << json_text(row.fact) << ", \"claim\": " << json_text(row.claim)
        << ", \"source\": " << json_text(row.source) << ", \"world\": " << json_text(row.world)
        << ", \"measure\": " << json_text(row.measure) << ", \"band\": " << json_text(row.band)
        << ", \"mean\": " << json_number(row.effect.mean)
        << ", \"ci_low\": " << json_number(row.effect.ci_low)
        << ", \"ci_high\": " << json_number(row.effect.ci_high) << ", \"n\": " << row.effect.n
        << ", \"passed\": " << (row.passed ? "true" : "false") << "}\n";
  }
  std::filesystem::rename(partial, file);
}

}  // namespace salesim::tests
