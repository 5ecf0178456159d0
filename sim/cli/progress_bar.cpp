// Drawing of the progress bar: runs done, rate, time left.
#include "sim/cli/progress_bar.h"
#include <unistd.h>

#include <cstdio>
#include <string>

namespace salesim::sim::cli {

ProgressBar::ProgressBar(std::uint64_t total_runs)
    : total_(total_runs), enabled_(::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\n", stderr);
}

void ProgressBar::advance() {
  ++done_;
  if (!enabled_) return;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  const bool due = std::chrono::duration<double>(now - last_draw_).count() >= 0.1 || done_ == total_;
  if (elapsed < 2.0 || !due) return;
  last_draw_ = now;
  drawn_ = true;
  constexpr int width = 30;
  const double fraction = static_cast<double>(done_) / static_cast<double>(total_);
  const int filled = static_cast<int>(fraction * width);
  const double rate = static_cast<double>(done_) / elapsed;
  const double left = rate > 0.0 ? static_cast<double>(total_ - done_) / rate : 0.0;
  std::fprintf(stderr, "\r[%s%s] %llu/%llu runs  %.1f runs/s  %.0f s left ",
               std::string(static_cast<std::size_t>(filled), '#').c_str(),
               std::string(static_cast<std::size_t>(width - filled), ' ').c_str(),
               static_cast<unsigned long long>(done_), static_cast<unsigned long long>(total_), rate, left);
  std::fflush(stderr);
}

}  // namespace salesim::sim::cli
