// A run's record as the bytes one MPI rank sends another: exact, so a merged file keeps every bit.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <vector>

#include "sim/core/run_record.h"

namespace salesim::sim::run {

/// A message that is not a packed record (cut short, or sizes that do not add up).
class RunRecordMessageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Design point, replication, run id, the two value counts, then the values as raw doubles.
[[nodiscard]] std::vector<unsigned char> pack_run_record(const core::RunRecord& record);

/// @throws RunRecordMessageError when `bytes` is not what pack_run_record wrote.
[[nodiscard]] core::RunRecord unpack_run_record(std::span<const unsigned char> bytes);

}  // namespace salesim::sim::run
