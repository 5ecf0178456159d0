// HDF5 run files: round trip, order independence, atomic commit, refusals.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>

#include <catch2/catch.hpp>

#include "sim/io/run_file_reader.h"
#include "sim/io/run_file_writer.h"
#include "tests/common/command.h"

using namespace salesim;
using sim::io::RunFileReader;
using sim::io::RunFileWriter;

namespace {

sim::core::MetricCatalog small_catalog() { return {{"revenue", "nps"}, {"active"}, 5}; }

sim::core::RunRecord record_for(std::uint32_t p, std::uint32_t r) {
  sim::core::RunRecord record;
  record.design_point = p;
  record.replication = r;
  record.summary = {1000.0 * p + r + 0.25, -3.5 * r};
  for (int t = 0; t < 5; ++t) record.timeseries.push_back(p * 100.0 + r * 10.0 + t);
  return record;
}

sim::io::Provenance provenance() {
  return {"0.1.0", "abc123", "salesim run test.yaml", "2026-11-24T00:00:00Z", 42, "name: test\n", "sweep-1",
          {},      {}};
}

sim::io::DesignTable two_points() { return {{"service.level"}, {0.4, 0.8}, 2}; }

void write_all(const std::filesystem::path& path,
               std::vector<std::pair<std::uint32_t, std::uint32_t>> order) {
  RunFileWriter writer(path, provenance(), small_catalog(), two_points(), 3);
  for (const auto& [p, r] : order) writer.write_run(record_for(p, r));
  writer.write_stats({{{1, 2, 0, 2, 3}, {3, 4, 2, 4, 3}}, {{5, 6, 4, 6, 3}, {7, 8, 6, 8, 3}}});
  writer.commit();
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> every_run() {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> runs;
  for (std::uint32_t p = 0; p < 2; ++p) {
    for (std::uint32_t r = 0; r < 3; ++r) runs.emplace_back(p, r);
  }
  return runs;
}

}  // namespace

TEST_CASE("a run file round-trips attributes, design, summaries, time series and stats", "[io][hdf5]") {
  const auto dir = tests::fresh_directory("roundtrip");
  const auto path = dir / "run.h5";
  write_all(path, every_run());
  REQUIRE(std::filesystem::exists(path));
  CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));

  const RunFileReader reader(path);
  CHECK(reader.string_attribute("/", "status") == "complete");
  CHECK(reader.string_attribute("/", "git_commit") == "abc123");
  CHECK(reader.uint_attribute("/", "seed") == 42);
  CHECK(reader.uint_attribute("/", "schema_version") == 1);
  CHECK(reader.string_attribute("/scenario", "yaml") == "name: test\n");
  CHECK(reader.names_in("/") ==
        std::vector<std::string>{"design", "scenario", "stats", "summary", "timeseries"});
  CHECK(reader.read_doubles("/design/params") == std::vector<double>{0.4, 0.8});
  CHECK(reader.shape("/summary/revenue") == std::vector<hsize_t>{2, 3});
  CHECK(reader.shape("/timeseries/active") == std::vector<hsize_t>{2, 3, 5});
  const auto revenue = reader.read_doubles("/summary/revenue");
  CHECK(revenue[1 * 3 + 2] == 1002.25);
  const auto active = reader.read_doubles("/timeseries/active");
  CHECK(active[(1 * 3 + 2) * 5 + 4] == 124.0);
  const auto stats = reader.read_stats("nps");
  REQUIRE(stats.size() == 2);
  CHECK(stats[1].mean == 7.0);
  CHECK(stats[1].n == 3);
  const auto done = reader.read_done_mask();
  CHECK(std::all_of(done.begin(), done.end(), [](std::uint8_t d) { return d == 1; }));
  std::filesystem::remove_all(dir);
}

TEST_CASE("datasets do not depend on the order runs are written in", "[io][hdf5][determinism]") {
  const auto dir = tests::fresh_directory("order");
  auto shuffled = every_run();
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(5));
  write_all(dir / "ordered.h5", every_run());
  write_all(dir / "shuffled.h5", shuffled);
  const RunFileReader a(dir / "ordered.h5"), b(dir / "shuffled.h5");
  for (const std::string dataset : {"/summary/revenue", "/summary/nps", "/timeseries/active"}) {
    const auto x = a.read_doubles(dataset), y = b.read_doubles(dataset);
    REQUIRE(x.size() == y.size());
    CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("an uncommitted file stays partial at its temporary path", "[io][hdf5][atomic]") {
  const auto dir = tests::fresh_directory("partial");
  const auto path = dir / "run.h5";
  {
    RunFileWriter writer(path, provenance(), small_catalog(), two_points(), 3);
    writer.write_run(record_for(1, 2));
  }
  CHECK_FALSE(std::filesystem::exists(path));
  const RunFileReader reader(path.string() + ".tmp");
  CHECK(reader.string_attribute("/", "status") == "partial");
  const auto done = reader.read_done_mask();
  CHECK(std::count(done.begin(), done.end(), 1) == 1);
  CHECK(done[1 * 3 + 2] == 1);
  const auto revenue = reader.read_doubles("/summary/revenue");
  CHECK(std::isnan(revenue[0]));
  CHECK(revenue[5] == 1002.25);
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad metric names, misfit records and missing directories are refused clearly",
          "[io][hdf5][bad-input]") {
  const auto dir = tests::fresh_directory("refuse");
  CHECK_THROWS_AS(RunFileWriter(dir / "a.h5", provenance(), {{"a/b"}, {}, 1}, {}, 1), std::invalid_argument);
  CHECK_THROWS_AS(RunFileWriter(dir / "a.h5", provenance(), {{"a.b"}, {}, 1}, {}, 1), std::invalid_argument);
  CHECK_THROWS_WITH(RunFileWriter(dir / "missing" / "a.h5", provenance(), small_catalog(), two_points(), 3),
                    Catch::Contains("missing/a.h5.tmp"));
  RunFileWriter writer(dir / "b.h5", provenance(), small_catalog(), two_points(), 3);
  CHECK_THROWS_AS(writer.write_run(record_for(2, 0)), std::invalid_argument);
  auto short_record = record_for(0, 0);
  short_record.timeseries.pop_back();
  CHECK_THROWS_AS(writer.write_run(short_record), std::invalid_argument);
  CHECK_THROWS_WITH(RunFileReader(dir / "nothing.h5"), Catch::Contains("nothing.h5"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("each metric dataset carries the catalog's unit and meaning, and a reopened file keeps them",
          "[io][hdf5][units]") {
  const auto dir = tests::fresh_directory("units");
  const auto path = dir / "run.h5";
  auto catalog = small_catalog();
  catalog.summary_units = {"$", "NPS points"};
  catalog.summary_meanings = {"What customers paid.", "Promoters minus detractors."};
  catalog.timeseries_units = {"customers"};
  catalog.timeseries_meanings = {"Customers active at the end of the month."};
  {
    RunFileWriter writer(path, provenance(), catalog, two_points(), 3);
    writer.write_run(record_for(0, 0));
  }
  {
    RunFileWriter resumed = RunFileWriter::reopen(path);
    CHECK(resumed.catalog().summary_units == catalog.summary_units);
    CHECK(resumed.catalog().timeseries_meanings == catalog.timeseries_meanings);
    CHECK(resumed.catalog().steps == 5);
    resumed.commit();
  }
  const RunFileReader reader(path);
  CHECK(reader.string_attribute("/summary/revenue", "unit") == "$");
  CHECK(reader.string_attribute("/summary/nps", "meaning") == "Promoters minus detractors.");
  CHECK(reader.string_attribute("/timeseries/active", "unit") == "customers");
  const auto read_back = reader.metric_catalog();
  CHECK(read_back.summary_names == catalog.summary_names);
  CHECK(read_back.summary_units == catalog.summary_units);
  CHECK(read_back.summary_meanings == catalog.summary_meanings);
  CHECK(read_back.timeseries_units == catalog.timeseries_units);
  CHECK(read_back.steps == 5);

  // A catalog without units writes no unit attributes, and reads back without them.
  write_all(dir / "plain.h5", every_run());
  const RunFileReader plain(dir / "plain.h5");
  CHECK_FALSE(plain.has_attribute("/summary/revenue", "unit"));
  CHECK(plain.metric_catalog().summary_units.empty());
  CHECK_FALSE(plain.has_attribute("/summary/no_such_metric", "unit"));

  catalog.summary_units.pop_back();  // one unit for two summaries
  CHECK_THROWS_AS(RunFileWriter(dir / "bad.h5", provenance(), catalog, two_points(), 3),
                  std::invalid_argument);
  std::filesystem::remove_all(dir);
}
