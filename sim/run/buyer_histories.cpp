// Buyer histories: a customer summary table read by sim/io, P(alive) by the metric core's fits.
#include "sim/run/buyer_histories.h"

#include <fmt/format.h>

#include "analysis/customer_base/bg_nbd.h"
#include "analysis/customer_base/pareto_nbd.h"
#include "sim/io/customer_summary_reader.h"

namespace salesim::sim::run {
namespace {

namespace fits = analysis::customer_base;

double probability_alive(const models::LatentBuyers& buyers, const fits::CustomerHistory& history) {
  if (buyers.model == models::BuyerModel::bg_nbd)
    return fits::probability_alive(fits::BgNbdParameters{buyers.r, buyers.alpha, buyers.a, buyers.b},
                                   history);
  return fits::probability_alive(fits::ParetoNbdParameters{buyers.r, buyers.alpha, buyers.s, buyers.beta},
                                 history);
}

}  // namespace

std::vector<core::KeyProblem> attach_buyer_histories(models::Scenario& scenario,
                                                     const std::filesystem::path& folder) {
  std::vector<core::KeyProblem> problems;
  for (std::size_t s = 0; s < scenario.segments.size(); ++s) {
    models::SegmentParams& segment = scenario.segments[s];
    if (!segment.buyers || !segment.buyers->history) continue;
    models::LatentBuyers& buyers = *segment.buyers;
    const std::string key = fmt::format("segments[{}].buyers.history", s);
    const std::filesystem::path file = folder / *buyers.history;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
      problems.push_back({key, fmt::format("no such file: {}", file.string()),
                          "a customer summary table (x, t_x, T), relative to the scenario's folder"});
      continue;
    }
    const io::CustomerSummaryTable table = io::read_customer_summary(file);
    if (table.frequency.size() != segment.initial_customers) {
      problems.push_back(
          {fmt::format("segments[{}].initial_customers", s),
           fmt::format("{} initial customers, but {} holds {}", segment.initial_customers, file.string(),
                       table.frequency.size()),
           fmt::format("initial_customers: {}, one per customer of the history", table.frequency.size())});
      continue;
    }
    buyers.histories.clear();
    buyers.histories.reserve(table.frequency.size());
    for (std::size_t i = 0; i < table.frequency.size(); ++i) {
      const double mean_spend = table.mean_spend.empty() ? 0.0 : table.mean_spend[i];
      const fits::CustomerHistory history{table.frequency[i], table.recency[i], table.age[i], mean_spend};
      buyers.histories.push_back({static_cast<float>(history.frequency), static_cast<float>(history.recency),
                                  static_cast<float>(history.age), static_cast<float>(mean_spend),
                                  static_cast<float>(probability_alive(buyers, history))});
    }
  }
  return problems;
}

}  // namespace salesim::sim::run
