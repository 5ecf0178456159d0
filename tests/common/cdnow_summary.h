// The published CDNOW calibration summary (Fader, Hardie & Lee 2005) as customer histories, read with
// salesim's own summary reader.
#pragma once

#include <vector>

#include "analysis/customer_base/customer_history.h"
#include "sim/io/customer_summary_reader.h"

namespace salesim::tests {

/// tests/data/cdnow/cdnow_customers_summary_with_transactions.csv: 2,357 customers, weeks and dollars.
inline std::vector<analysis::customer_base::CustomerHistory> cdnow_summary_histories() {
  const sim::io::CustomerSummaryTable table = sim::io::read_customer_summary(
      SALESIM_SOURCE_DIR "/tests/data/cdnow/cdnow_customers_summary_with_transactions.csv");
  std::vector<analysis::customer_base::CustomerHistory> histories;
  for (std::size_t i = 0; i < table.ids.size(); ++i)
    histories.push_back({table.frequency[i], table.recency[i], table.age[i], table.mean_spend[i]});
  return histories;
}

}  // namespace salesim::tests
