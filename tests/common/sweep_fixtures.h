// What sweep-loading tests share: the metric names a sweep may keep, and a base-scenario check that
// accepts everything so a test sees only the sweep file's own checks.
#pragma once

#include <filesystem>
#include <span>

#include "analysis/metric_registry.h"
#include "sim/io/sweep_loader.h"

namespace salesim::tests {

/// Every summary and time series of the metric registry.
inline sim::io::MetricNames registry_metric_names() {
  return {analysis::summary_metric_names(), analysis::timeseries_metric_names()};
}

/// A base-scenario check that accepts every value.
inline void any_scenario(const std::filesystem::path&, std::span<const sim::io::Override>) {}

}  // namespace salesim::tests
