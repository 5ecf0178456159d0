// Fuzz target: a transaction log read and summarized for calibrate. It summarizes or throws InputError or
// TransactionSummaryError (what calibrate turns into exit 2), nothing else.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "analysis/customer_base/transaction_summary.h"
#include "sim/io/input_error.h"
#include "sim/io/transaction_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace salesim;
  namespace cb = analysis::customer_base;
  std::istringstream log(std::string(reinterpret_cast<const char*>(data), size));
  // 1997-09-30, the CDNOW calibration end: inputs shaped like the seeds have both periods.
  cb::TransactionSummary summary({10134, std::nullopt, 7.0}, cb::DuplicateRows::keep);
  try {
    static_cast<void>(
        sim::io::read_transaction_log(log, "fuzz.csv", {}, [&](const sim::io::TransactionRow& row) {
          summary.add(row.customer_id, row.day, row.amount, row.quantity, row.line);
        }));
    static_cast<void>(summary.summarize());
  } catch (const sim::io::InputError&) {
  } catch (const cb::TransactionSummaryError&) {
  }
  return 0;
}
