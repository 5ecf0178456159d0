// Every metric a salesim file records, declared once: name, unit, part of the world, meaning.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::analysis {

/// What a metric's number measures; unit_label() gives its short printable form.
enum class MetricUnit : std::uint8_t {
  currency,                     ///< "$": money
  currency_per_customer,        ///< "$/customer"
  currency_per_customer_month,  ///< "$/customer-month"
  currency_per_rep_month,       ///< "$/rep-month"
  customers,                    ///< "customers": a number of customers
  count,                        ///< "count": a number of events (answers, quits, disputes)
  share,                        ///< "share": a ratio, 1 = all (0-1 unless stated)
  quota_ratio,                  ///< "x quota": quota attainment, 1 = at quota
  nps_points,                   ///< "NPS points": % promoters - % detractors, -100..100
  satisfaction,                 ///< "0-10 scale": latent customer satisfaction
  trust,                        ///< "0-1 trust": belief that the partner reciprocates
  months,                       ///< "months"
  territories,                  ///< "territories"
  territory_months,             ///< "territory-months"
  effort_per_rep_month,         ///< "effort/rep-month": units of normal effort per rep and month
  scorecard_points,             ///< "points": balanced scorecard points, 0-100 in total
};

/// The part of the world a metric describes; its metrics are NaN when the scenario lacks it.
enum class WorldPart : std::uint8_t { customers, workforce, partnerships, scorecard };

/// Whether a metric is recorded once per run (summary), per run and month (time series), or both.
enum class MetricRecording : std::uint8_t { summary, timeseries, both };

/**
 * @brief One metric. A summary covers the whole horizon (sums, rates pooled over it, or the
 * value at its end); a time series is the same quantity month by month.
 */
struct MetricDefinition {
  std::string_view name;  ///< the HDF5 dataset name under /summary and/or /timeseries
  MetricUnit unit;
  WorldPart part;
  MetricRecording recording;
  std::string_view meaning;  ///< one line, for an instructor or analyst

  [[nodiscard]] constexpr bool is_summary() const noexcept {
    return recording != MetricRecording::timeseries;
  }
  [[nodiscard]] constexpr bool is_timeseries() const noexcept {
    return recording != MetricRecording::summary;
  }
};

/// Every metric, summaries in record order (series-only metrics follow their part's summaries).
[[nodiscard]] std::span<const MetricDefinition> metric_registry() noexcept;

/// The metric called `name`, or nullptr when there is none.
[[nodiscard]] const MetricDefinition* find_metric(std::string_view name) noexcept;

/// Summary names in record order: the order of /summary "names" in every file.
[[nodiscard]] std::vector<std::string> summary_metric_names();

/// Time-series names in record order: the order of /timeseries "names" in every file.
[[nodiscard]] std::vector<std::string> timeseries_metric_names();

/// The registry's time series in record order.
[[nodiscard]] std::vector<const MetricDefinition*> timeseries_metrics();

/// "$", "share", "NPS points", ...
[[nodiscard]] std::string_view unit_label(MetricUnit unit) noexcept;

/// One sentence on what the unit's numbers mean, for the glossary.
[[nodiscard]] std::string_view unit_meaning(MetricUnit unit) noexcept;

/// "customers", "workforce", "partnerships", "scorecard".
[[nodiscard]] std::string_view part_name(WorldPart part) noexcept;

/// "summary", "series", "both".
[[nodiscard]] std::string_view recording_name(MetricRecording recording) noexcept;

/// Every unit, in declaration order (for the glossary's legend).
[[nodiscard]] std::span<const MetricUnit> metric_units() noexcept;

}  // namespace salesim::analysis
