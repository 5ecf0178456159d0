// Turns one run's observations into the named metrics every salesim file records.
#pragma once

#include <cstdint>

#include "models/scenario.h"
#include "models/world/step_observation.h"
#include "sim/core/run_record.h"

namespace salesim::analysis {

/// Names of the per-run summaries and per-month time series, in record order.
[[nodiscard]] sim::core::MetricCatalog customer_metric_catalog(std::uint32_t horizon_months);

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
