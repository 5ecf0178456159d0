// Thread-count control for TBB.
#include "sim/core/parallel.h"

namespace salesim::sim::core {

ThreadLimit::ThreadLimit(std::size_t threads) {
  if (threads > 0) {
    control_ = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, threads);
  }
}

}  // namespace salesim::sim::core
