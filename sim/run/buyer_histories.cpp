// Buyer histories: a customer summary table read by sim/io, P(alive) by the metric core's fits.
#include "sim/run/buyer_histories.h"

#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include <fmt/format.h>
#include <xxhash.h>

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

/// XXH3-64 of the file's bytes, as 16 hex digits, read in blocks.
std::string content_digest(const std::filesystem::path& file) {
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
  XXH3_64bits_reset(state.get());
  std::ifstream in(file, std::ios::binary);
  std::vector<char> block(1 << 16);
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0)
    XXH3_64bits_update(state.get(), block.data(), static_cast<std::size_t>(in.gcount()));
  return fmt::format("{:016x}", XXH3_64bits_digest(state.get()));
}

/// The histories of a file's customers under one model: computed once per file content and model,
/// since a sweep loads its scenario again for every design point.
std::shared_ptr<const std::vector<models::BuyerHistory>> histories_of(const std::filesystem::path& file,
                                                                      const std::string& digest,
                                                                      const models::LatentBuyers& buyers) {
  using Key = std::tuple<std::string, models::BuyerModel, double, double, double, double, double, double>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const std::vector<models::BuyerHistory>>> computed;
  const Key key{digest, buyers.model, buyers.r, buyers.alpha, buyers.a, buyers.b, buyers.s, buyers.beta};
  const std::lock_guard lock(mutex);
  if (const auto found = computed.find(key); found != computed.end()) return found->second;
  const io::CustomerSummaryTable table = io::read_customer_summary(file);
  auto histories = std::make_shared<std::vector<models::BuyerHistory>>();
  histories->reserve(table.frequency.size());
  for (std::size_t i = 0; i < table.frequency.size(); ++i) {
    const double mean_spend = table.mean_spend.empty() ? 0.0 : table.mean_spend[i];
    const fits::CustomerHistory history{table.frequency[i], table.recency[i], table.age[i], mean_spend};
    histories->push_back({static_cast<float>(history.frequency), static_cast<float>(history.recency),
                          static_cast<float>(history.age), static_cast<float>(mean_spend),
                          static_cast<float>(probability_alive(buyers, history))});
  }
  return computed[key] = std::move(histories);
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
      const bool there = std::filesystem::exists(file, error);
      problems.push_back({key,
                          fmt::format("{}: {}", there ? "not a regular file" : "no such file", file.string()),
                          "a customer summary table (x, t_x, T), relative to the scenario's folder"});
      continue;
    }
    // A file that is no summary fails on its first line, before it is hashed.
    if (!io::looks_like_customer_summary(file)) (void)io::read_customer_summary(file);
    const std::string digest = content_digest(file);
    if (buyers.history_digest && *buyers.history_digest != digest) {
      problems.push_back(
          {fmt::format("segments[{}].buyers.history_digest", s),
           fmt::format("{} has changed since the digest was recorded: it is now {}", file.string(), digest),
           fmt::format("{} for the file as it is, or no digest", digest)});
      continue;
    }
    buyers.history_digest = digest;
    auto histories = histories_of(file, digest, buyers);
    if (histories->size() != segment.initial_customers) {
      problems.push_back(
          {fmt::format("segments[{}].initial_customers", s),
           fmt::format("{} initial customers, but {} holds {}", segment.initial_customers, file.string(),
                       histories->size()),
           fmt::format("initial_customers: {}, one per customer of the history", histories->size())});
      continue;
    }
    buyers.histories = std::move(histories);
  }
  return problems;
}

}  // namespace salesim::sim::run
