// Run records packed for MPI come back with every bit, and a damaged message is refused.
#include "sim/run/run_record_message.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

using salesim::sim::core::RunRecord;
using salesim::sim::run::pack_run_record;
using salesim::sim::run::RunRecordMessageError;
using salesim::sim::run::unpack_run_record;

TEST_CASE("a packed run record unpacks to the same bits, NaN and signed zero included", "[unit][mpi]") {
  RunRecord record;
  record.design_point = 7;
  record.replication = 123456;
  record.run_id = 0xfedcba9876543210ull;
  record.summary = {1.5, -0.0, std::numeric_limits<double>::quiet_NaN(), 1e308};
  record.timeseries = {0.1, 0.2, std::numeric_limits<double>::infinity(), -3.0, 4.25, 5.0};
  const RunRecord back = unpack_run_record(pack_run_record(record));
  CHECK(back.design_point == 7);
  CHECK(back.replication == 123456);
  CHECK(back.run_id == record.run_id);
  REQUIRE(back.summary.size() == record.summary.size());
  REQUIRE(back.timeseries.size() == record.timeseries.size());
  CHECK(std::memcmp(back.summary.data(), record.summary.data(), record.summary.size() * sizeof(double)) == 0);
  CHECK(std::memcmp(back.timeseries.data(), record.timeseries.data(),
                    record.timeseries.size() * sizeof(double)) == 0);
  const RunRecord empty = unpack_run_record(pack_run_record(RunRecord{}));
  CHECK(empty.summary.empty());
  CHECK(empty.timeseries.empty());
}

TEST_CASE("a cut or padded run record message is refused", "[unit][mpi]") {
  RunRecord record;
  record.summary = {1, 2, 3};
  record.timeseries = {4, 5};
  const std::vector<unsigned char> bytes = pack_run_record(record);
  const std::vector<unsigned char> cut(bytes.begin(), bytes.end() - 8);
  CHECK_THROWS_AS(unpack_run_record(cut), RunRecordMessageError);
  std::vector<unsigned char> padded = bytes;
  padded.insert(padded.end(), 3, 0);
  CHECK_THROWS_AS(unpack_run_record(padded), RunRecordMessageError);
  CHECK_THROWS_AS(unpack_run_record(std::vector<unsigned char>(10)), RunRecordMessageError);
}
