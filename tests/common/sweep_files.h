// What end-to-end sweep tests share: a small market and sweeps over it, and the check that two run
// files hold the same bits in every dataset.
#pragma once

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/io/run_file_reader.h"

namespace salesim::tests {

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

/// A small market and a two-parameter grid sweep over it (4 points), in `dir`.
inline std::filesystem::path write_sweep(const std::filesystem::path& dir, std::uint32_t replications) {
  write_text(dir / "market.yaml",
             "name: market\nrun: {horizon_months: 24}\n"
             "segments:\n  - {name: firms, size: 3000, initial_customers: 600, acquisition_cost: 200}\n"
             "marketing: {budget_per_month: 8000}\n"
             "survey: {sample_rate: 0.2, nonresponse_bias: 0.3}\n");
  write_text(dir / "sweep.yaml",
             "name: levers\nscenario: market.yaml\nreplications: " + std::to_string(replications) +
                 "\nseed: 5\ndesign: {kind: grid}\nparameters:\n"
                 "  - {path: service.level, values: [0.3, 0.8]}\n"
                 "  - {path: segments.firms.gross_margin, range: [0.2, 0.4], steps: 2}\n");
  return dir / "sweep.yaml";
}

/// Every dataset of the layout holds the same bits in both files (/mpi, which says how ranks shared
/// the work, is not part of the results).
inline void require_identical_datasets(const std::filesystem::path& a, const std::filesystem::path& b) {
  const sim::io::RunFileReader left(a), right(b);
  CHECK(left.read_done_mask() == right.read_done_mask());
  CHECK(left.read_run_ids() == right.read_run_ids());
  CHECK(left.string_attribute("/", "sweep_id") == right.string_attribute("/", "sweep_id"));
  // Units and meanings travel with the metrics through shards, merge and resume.
  const auto left_catalog = left.metric_catalog(), right_catalog = right.metric_catalog();
  CHECK(left_catalog.summary_units == right_catalog.summary_units);
  CHECK(left_catalog.summary_meanings == right_catalog.summary_meanings);
  CHECK(left_catalog.timeseries_units == right_catalog.timeseries_units);
  CHECK(left_catalog.timeseries_meanings == right_catalog.timeseries_meanings);
  for (const std::string group : {"/summary", "/timeseries", "/design", "/sensitivity"}) {
    const auto names = left.names_in(group);
    REQUIRE(names == right.names_in(group));
    for (const auto& name : names) {
      if (name == "done" || name == "run_id") continue;
      const auto x = left.read_doubles(group + "/" + name);
      const auto y = right.read_doubles(group + "/" + name);
      INFO(group << "/" << name);
      REQUIRE(x.size() == y.size());
      CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
    }
  }
  for (const auto& name : left.names_in("/stats")) {
    const auto x = left.read_stats(name), y = right.read_stats(name);
    REQUIRE(x.size() == y.size());
    CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(x[0])) == 0);
  }
}

}  // namespace salesim::tests
