// Simulated purchases written in the format `salesim calibrate` reads.
#include "sim/cli/transaction_export.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/world/world.h"
#include "sim/io/detail/calendar_date.h"
#include "sim/io/transaction_log_writer.h"

namespace salesim::sim::cli {

std::optional<std::int64_t> day_of_iso_date(const std::string& text) {
  static const auto iso = io::detail::DateFormat::from_pattern("%Y-%m-%d");
  const io::detail::DateReading reading = iso->read(text);
  if (reading.match != io::detail::DateMatch::date) return std::nullopt;
  return reading.day;
}

void export_transactions(const models::Scenario& scenario, std::uint32_t runs, std::int64_t start_day,
                         const std::filesystem::path& output) {
  std::vector<io::LoggedTransaction> rows;
  for (std::uint32_t replication = 0; replication < runs; ++replication) {
    std::vector<models::customer::Transaction> purchases;
    static_cast<void>(models::world::simulate_run(scenario, {scenario.run.seed, 0, replication}, &purchases));
    // A log lists each customer's purchases in date order.
    std::stable_sort(purchases.begin(), purchases.end(), [](const auto& left, const auto& right) {
      return left.member != right.member ? left.member < right.member : left.day < right.day;
    });
    const std::string prefix = runs > 1 ? std::to_string(replication) + "-" : std::string();
    for (const models::customer::Transaction& purchase : purchases) {
      rows.push_back({prefix + std::to_string(purchase.member),
                      start_day + static_cast<std::int64_t>(std::floor(purchase.day)), purchase.amount});
    }
  }
  io::write_transaction_log(output, rows);
}

}  // namespace salesim::sim::cli
