// What this machine has, for checks made before anything large is allocated.
#pragma once

#include <cstdint>

namespace salesim::sim::core {

/// @brief Physical memory of this machine in bytes; 0 when the system does not say.
[[nodiscard]] std::uint64_t physical_memory_bytes();

}  // namespace salesim::sim::core
