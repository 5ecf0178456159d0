// One purchase as a transaction log records it.
#pragma once

#include <cstdint>

namespace salesim::models::customer {

struct Transaction {
  std::uint32_t member = 0;  ///< market-member id
  double day = 0.0;          ///< days since the start of the run (month m spans (m - 1, m] months)
  double amount = 0.0;       ///< what the customer paid
};

}  // namespace salesim::models::customer
