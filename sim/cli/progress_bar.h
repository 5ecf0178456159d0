// A one-line progress bar on stderr, shown only on a terminal and only for long runs.
#pragma once

#include <chrono>
#include <cstdint>

namespace salesim::sim::cli {

/// Call advance() once per finished run (serialized). Draws nothing when stderr is not a
/// terminal or before about two seconds have passed, so quick runs and pipes stay quiet.
class ProgressBar {
 public:
  explicit ProgressBar(std::uint64_t total_runs);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void advance();

 private:
  using Clock = std::chrono::steady_clock;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_draw_ = started_;
};

}  // namespace salesim::sim::cli
