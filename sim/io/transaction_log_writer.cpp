// Transaction logs as CSV text.
#include "sim/io/transaction_log_writer.h"

#include <chrono>

#include <fmt/format.h>

#include "sim/io/text_file.h"

namespace salesim::sim::io {

std::string transaction_log_csv(const std::vector<LoggedTransaction>& rows) {
  std::string text = "customer_id,date,amount\n";
  text.reserve(text.size() + rows.size() * 32);
  for (const LoggedTransaction& row : rows) {
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{row.day}}};
    fmt::format_to(std::back_inserter(text), "{},{:04d}-{:02d}-{:02d},{:.2f}\n", row.customer,
                   static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                   static_cast<unsigned>(date.day()), row.amount);
  }
  return text;
}

void write_transaction_log(const std::filesystem::path& output, const std::vector<LoggedTransaction>& rows) {
  write_text_atomically(output, transaction_log_csv(rows));
}

}  // namespace salesim::sim::io
