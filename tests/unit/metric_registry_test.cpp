// The metric registry declares exactly what the metric core computes, each with a unit and a meaning.
#include "analysis/metric_registry.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/run_metrics.h"
#include "models/world/world.h"
#include "tests/common/scenario_builders.h"

using namespace salesim::analysis;

TEST_CASE("the registry declares every metric the metric core computes, in record order",
          "[analysis][registry]") {
  const auto computed = computed_metric_names();
  // A metric computed but not declared, declared but not computed, or moved, fails here.
  CHECK(computed.summary_names == summary_metric_names());
  CHECK(computed.timeseries_names == timeseries_metric_names());
}

TEST_CASE("a simulated run records one value per declared summary and per declared series and month",
          "[analysis][registry]") {
  const auto scenario = salesim::tests::constant_retention_cohort(10.0, 0.95, 0.1, 6, 200);
  const auto record = customer_run_record(
      salesim::models::world::simulate_run(scenario, salesim::sim::core::RunAddress{7, 0, 0}));
  CHECK(record.summary.size() == summary_metric_names().size());
  CHECK(record.timeseries.size() == timeseries_metric_names().size() * 6);
}

TEST_CASE("every metric has a unique name, a unit label, a part and a one-line meaning",
          "[analysis][registry]") {
  std::set<std::string_view> names;
  for (const MetricDefinition& metric : metric_registry()) {
    INFO(metric.name);
    CHECK_FALSE(metric.name.empty());
    CHECK(names.insert(metric.name).second);
    CHECK_FALSE(unit_label(metric.unit).empty());
    CHECK(unit_label(metric.unit) != "?");
    CHECK(part_name(metric.part) != "?");
    CHECK(metric.meaning.size() >= 10);
    CHECK(metric.meaning.find('\n') == std::string_view::npos);
    CHECK(metric.meaning.find('|') == std::string_view::npos);  // the Markdown glossary is a table
  }
  for (const MetricUnit unit : metric_units()) {
    INFO(unit_label(unit));
    CHECK_FALSE(unit_meaning(unit).empty());
  }
}

TEST_CASE("find_metric finds declared metrics and nothing else", "[analysis][registry]") {
  const MetricDefinition* nps = find_metric("true_nps");
  REQUIRE(nps != nullptr);
  CHECK(nps->unit == MetricUnit::nps_points);
  CHECK(nps->part == WorldPart::customers);
  CHECK(nps->recording == MetricRecording::both);
  CHECK(unit_label(nps->unit) == "NPS points");
  REQUIRE(find_metric("vacancies") != nullptr);
  CHECK_FALSE(find_metric("vacancies")->is_summary());
  CHECK(find_metric("vacancies")->is_timeseries());
  CHECK(find_metric("proft") == nullptr);
  CHECK(find_metric("") == nullptr);
}

TEST_CASE("the customer metric catalog carries each metric's unit and meaning from the registry",
          "[analysis][registry]") {
  const auto catalog = customer_metric_catalog(12);
  CHECK(catalog.steps == 12);
  CHECK(catalog.summary_names == summary_metric_names());
  CHECK(catalog.timeseries_names == timeseries_metric_names());
  REQUIRE(catalog.summary_units.size() == catalog.summary_names.size());
  REQUIRE(catalog.summary_meanings.size() == catalog.summary_names.size());
  REQUIRE(catalog.timeseries_units.size() == catalog.timeseries_names.size());
  REQUIRE(catalog.timeseries_meanings.size() == catalog.timeseries_names.size());
  for (std::size_t m = 0; m < catalog.summary_names.size(); ++m) {
    const MetricDefinition* metric = find_metric(catalog.summary_names[m]);
    REQUIRE(metric != nullptr);
    CHECK(catalog.summary_units[m] == unit_label(metric->unit));
    CHECK(catalog.summary_meanings[m] == metric->meaning);
  }
  const auto revenue = std::find(catalog.timeseries_names.begin(), catalog.timeseries_names.end(), "revenue");
  REQUIRE(revenue != catalog.timeseries_names.end());
  CHECK(catalog.timeseries_units[static_cast<std::size_t>(revenue - catalog.timeseries_names.begin())] ==
        "$");
}
