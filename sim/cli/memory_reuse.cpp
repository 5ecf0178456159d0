// glibc's malloc thresholds, set once at start-up.
#include "sim/cli/memory_reuse.h"

#include <malloc.h>

namespace salesim::sim::cli {

void keep_freed_memory_for_next_runs() noexcept {
#ifdef M_MMAP_THRESHOLD
  // 32 MiB is glibc's ceiling for the mmap threshold on 64-bit machines.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

}  // namespace salesim::sim::cli
