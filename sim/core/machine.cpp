// Machine facts from sysconf.
#include "sim/core/machine.h"
#include <unistd.h>

namespace salesim::sim::core {

std::uint64_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page_size > 0
             ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size)
             : 0;
}

}  // namespace salesim::sim::core
