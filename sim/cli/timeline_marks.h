// What the command line shows and records of scenarios whose terms change during the run.
#pragma once

#include <ostream>
#include <vector>

#include "sim/io/run_file_writer.h"
#include "sim/run/scenario_loader.h"

namespace salesim::sim::cli {

/// "January: a straight commission (workforce.plan.quota_bonus = 0)": a change's note and keys.
[[nodiscard]] std::string change_text(const core::TimelineChange& change);

/// Every timeline change of the scenarios, scenario i being design point i.
[[nodiscard]] std::vector<io::TimelineMark> timeline_marks(const std::vector<run::LoadedScenario>& scenarios);

/// One line per change ("pay-plan-switch from month 13: ..."); nothing when no scenario has a timeline.
void print_timeline(std::ostream& out, const std::vector<run::LoadedScenario>& scenarios);

}  // namespace salesim::sim::cli
