// Timeline changes as people read them in tables and as /timeline records them.
#include "sim/cli/timeline_marks.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace salesim::sim::cli {

std::string change_text(const core::TimelineChange& change) {
  std::string keys;
  for (const core::TimelineSetting& setting : change.set) {
    keys += fmt::format("{}{} = {}", keys.empty() ? "" : ", ", setting.key_path, setting.value);
  }
  return change.note.empty() ? keys : fmt::format("{} ({})", change.note, keys);
}

std::vector<io::TimelineMark> timeline_marks(const std::vector<run::LoadedScenario>& scenarios) {
  std::vector<io::TimelineMark> marks;
  for (std::size_t point = 0; point < scenarios.size(); ++point) {
    for (const core::TimelineChange& change : scenarios[point].scenario.timeline) {
      marks.push_back({static_cast<std::uint32_t>(point), change.month, change_text(change)});
    }
  }
  return marks;
}

void print_timeline(std::ostream& out, const std::vector<run::LoadedScenario>& scenarios) {
  for (const run::LoadedScenario& loaded : scenarios) {
    for (const core::TimelineChange& change : loaded.scenario.timeline) {
      fmt::print(out, "timeline: {} from month {}: {}\n", loaded.scenario.name, change.month,
                 change_text(change));
    }
  }
}

}  // namespace salesim::sim::cli
