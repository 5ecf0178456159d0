// `salesim run --transactions`: the purchases of chosen runs as a transaction log.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "models/scenario.h"

namespace salesim::sim::cli {

/// Day number (days since 1970-01-01) of a YYYY-MM-DD text; nullopt when it is no calendar day.
[[nodiscard]] std::optional<std::int64_t> day_of_iso_date(const std::string& text);

/**
 * @brief Simulates replications 0..runs-1 of `scenario` again (the same runs a `salesim run` file
 * holds: draws depend only on seed and replication) and writes every purchase as
 * customer_id,date,amount, dated from `start_day` (month 1 begins there). Customer ids are the
 * market-member numbers, prefixed "<replication>-" when there is more than one run.
 */
void export_transactions(const models::Scenario& scenario, std::uint32_t runs, std::int64_t start_day,
                         const std::filesystem::path& output);

}  // namespace salesim::sim::cli
