// A transaction log in the format `salesim calibrate` reads: customer_id,date,amount.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace salesim::sim::io {

struct LoggedTransaction {
  std::string customer;
  std::int64_t day = 0;  ///< days since 1970-01-01
  double amount = 0.0;
};

/// The CSV text: a header, then one row per transaction with the date as YYYY-MM-DD and the
/// amount in cents, in the order given.
[[nodiscard]] std::string transaction_log_csv(const std::vector<LoggedTransaction>& rows);

/// Writes transaction_log_csv(rows) atomically (sim/io/text_file.h).
void write_transaction_log(const std::filesystem::path& output, const std::vector<LoggedTransaction>& rows);

}  // namespace salesim::sim::io
