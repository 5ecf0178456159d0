// Turns one run's observations into the named metrics every salesim file records.
#pragma once

#include <cstdint>

#include "models/scenario.h"
#include "models/world/step_observation.h"
#include "sim/core/run_record.h"

namespace salesim::analysis {

/// The per-run summaries and per-month time series, in record order, with their units and
/// meanings: the metric registry's (analysis/metric_registry.h).
[[nodiscard]] sim::core::MetricCatalog customer_metric_catalog(std::uint32_t horizon_months);

/// The names customer_run_record() computes, in its order (no units, no steps). The registry
/// must declare exactly these; a unit test holds the two equal.
[[nodiscard]] sim::core::MetricCatalog computed_metric_names();

/**
 * @brief Summaries and time series of one run, in the order of customer_metric_catalog().
 *
 * Rates are pooled over the horizon: churn_rate is churned / customer-months at risk;
 * true_nps and surveyed_nps pool every customer-month and every survey answer, so a complete,
 * unbiased, noise-free survey reports exactly the true NPS. Values with no basis (no survey
 * answer, no new customer) are NaN.
 */
[[nodiscard]] sim::core::RunRecord customer_run_record(
    const models::world::RunObservation& run, const std::vector<models::ScorecardKpi>& scorecard = {});

}  // namespace salesim::analysis
