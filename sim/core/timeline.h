// A scenario's timeline as written: from a month on, settable keys take new values (DESIGN §9).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salesim::sim::core {

/// One key a timeline change sets, as its key path and YAML value text ("workforce.plan.period", "year").
struct TimelineSetting {
  std::string key_path;
  std::string value;
};

/// From `month` (1-based) on, `set` applies on top of the scenario and every earlier change.
struct TimelineChange {
  std::uint32_t month = 0;
  std::string note;
  std::vector<TimelineSetting> set;
};

}  // namespace salesim::sim::core
