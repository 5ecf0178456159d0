// `salesim metrics`: the glossary of every metric a run file records, from the metric registry.
#pragma once

#include <ostream>

namespace salesim::sim::cli {

/// Prints every metric (name, unit, part of the world, summary or series, meaning) as a table
/// aligned for the terminal, or as the Markdown committed in configs/metrics.md.
void print_metric_glossary(std::ostream& out, bool markdown);

/// Prints the glossary to standard output; returns 0.
int metrics_command(bool markdown);

}  // namespace salesim::sim::cli
