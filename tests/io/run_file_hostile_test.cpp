// Hostile run files: crafted shapes, types and attributes are refused on opening, by the reader
// and by a resume, naming the file; writes that fail remove the temporary file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/io/hdf5_types.h"
#include "sim/io/run_file_reader.h"
#include "sim/io/run_file_writer.h"
#include "tests/common/command.h"
#include "tests/io/crafted_run_file.h"

using namespace salesim;
using sim::io::RunFileFormatError;
using sim::io::RunFileReader;
using sim::io::RunFileWriteError;
using sim::io::RunFileWriter;

namespace {

namespace fs = std::filesystem;

/// Two time series, so that one a month short disagrees with the other.
sim::core::MetricCatalog small_catalog() { return {{"revenue", "nps"}, {"active", "leads"}, 5}; }

sim::io::DesignTable two_points() { return {{"service.level"}, {0.4, 0.8}, 2}; }

sim::io::Provenance provenance() {
  return {"0.1.0", "abc123", "salesim sweep test.yaml", "2026-11-24T00:00:00Z", 42, "name: test\n", "sweep-1",
          {},      {}};
}

/// A complete file of 2 design points x 3 replications, with statistics.
void write_valid(const fs::path& path) {
  RunFileWriter writer(path, provenance(), small_catalog(), two_points(), 3);
  for (std::uint32_t p = 0; p < 2; ++p) {
    for (std::uint32_t r = 0; r < 3; ++r) {
      sim::core::RunRecord record{p, r, 100u * p + r, {1.0 * p, 2.0 * r}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
      writer.write_run(record);
    }
  }
  writer.write_stats({{{1, 2, 0, 2, 3}, {3, 4, 2, 4, 3}}, {{5, 6, 4, 6, 3}, {7, 8, 6, 8, 3}}});
  writer.commit();
}

/// The message of the RunFileFormatError `open` throws; fails when it throws nothing or else.
template <typename Open>
std::string refusal_of(Open&& open) {
  try {
    open();
  } catch (const RunFileFormatError& error) {
    return error.what();
  }
  FAIL("no RunFileFormatError");
  return "";
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a crafted run file is refused on opening, in one line naming the file and the object",
          "[io][hdf5][bad-input][hostile]") {
  const auto dir = tests::fresh_directory("hostile-reader");
  const auto valid = dir / "valid.h5";
  write_valid(valid);
  REQUIRE(RunFileReader(valid).layout().points == 2);
  for (const auto& crafting : tests::damaged_layouts("revenue", "leads")) {
    const auto crafted = dir / "crafted.h5";
    tests::craft(valid, crafted, crafting.damage);
    const std::string message = refusal_of([&] { (void)RunFileReader(crafted); });
    INFO(crafting.label << ": " << message);
    CHECK(message.starts_with(crafted.string() + ": "));
    CHECK(message.find(crafting.fragment) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("statistics with more or fewer rows than design points are refused",
          "[io][hdf5][bad-input][hostile]") {
  const auto dir = tests::fresh_directory("hostile-stats");
  const auto valid = dir / "valid.h5";
  write_valid(valid);
  const auto crafted = dir / "crafted.h5";
  tests::craft(valid, crafted, [](hid_t file) {
    tests::crafting::replace_dataset(file, "/stats/nps", sim::io::detail::stats_compound_type(), {3});
  });
  CHECK_THAT(refusal_of([&] { (void)RunFileReader(crafted); }),
             Catch::Contains("/stats/nps: is [3], expected [2]"));
  tests::craft(valid, crafted,
               [](hid_t file) { tests::crafting::replace_dataset(file, "/stats/nps", H5T_IEEE_F64LE, {2}); });
  CHECK_THAT(refusal_of([&] { (void)RunFileReader(crafted); }),
             Catch::Contains("/stats/nps: holds another type"));
  fs::remove_all(dir);
}

TEST_CASE("a text file, an empty file or a directory is no HDF5 file, and a missing one no file",
          "[io][hdf5][bad-input][hostile]") {
  const auto dir = tests::fresh_directory("hostile-not-hdf5");
  std::ofstream(dir / "text.h5") << "name: not hdf5\n";
  std::ofstream(dir / "empty.h5").close();
  fs::create_directories(dir / "folder.h5");
  CHECK(refusal_of([&] { (void)RunFileReader(dir / "text.h5"); }) ==
        (dir / "text.h5").string() + ": not an HDF5 file");
  CHECK(refusal_of([&] { (void)RunFileReader(dir / "empty.h5"); }) ==
        (dir / "empty.h5").string() + ": not an HDF5 file");
  CHECK(refusal_of([&] { (void)RunFileReader(dir / "folder.h5"); }) ==
        (dir / "folder.h5").string() + ": no such file");
  CHECK(refusal_of([&] { (void)RunFileReader(dir / "nowhere.h5"); }) ==
        (dir / "nowhere.h5").string() + ": no such file");
  fs::remove_all(dir);
}

TEST_CASE("a temporary file to resume is checked like any input before a byte of it is used",
          "[io][hdf5][bad-input][hostile][resume]") {
  const auto dir = tests::fresh_directory("hostile-reopen");
  const auto valid = dir / "valid.h5";
  write_valid(valid);
  const auto final_path = dir / "resumed.h5";
  const fs::path temporary = final_path.string() + ".tmp";
  for (const auto& crafting : tests::damaged_layouts("revenue", "leads")) {
    tests::craft(valid, temporary, crafting.damage);
    const std::string message = refusal_of([&] { (void)RunFileWriter::reopen(final_path); });
    INFO(crafting.label << ": " << message);
    CHECK(message.starts_with(temporary.string() + ": "));
    CHECK(message.find(crafting.fragment) != std::string::npos);
    CHECK_FALSE(fs::exists(final_path));
  }
  std::ofstream(temporary) << "not hdf5";
  CHECK(refusal_of([&] { (void)RunFileWriter::reopen(final_path); }) ==
        temporary.string() + ": not an HDF5 file");

  // A consistent file of another shape: require_shape names the first difference.
  fs::copy_file(valid, temporary, fs::copy_options::overwrite_existing);
  {
    RunFileWriter resumed = RunFileWriter::reopen(final_path);
    CHECK_NOTHROW(resumed.require_shape(small_catalog(), two_points(), 3));
    CHECK_THAT(
        refusal_of([&] { resumed.require_shape(small_catalog(), two_points(), 4); }),
        Catch::Contains(temporary.string() + ": holds 2 design points x 3 replications, expected 2 x 4"));
    auto other = small_catalog();
    other.steps = 6;
    CHECK_THAT(refusal_of([&] { resumed.require_shape(other, two_points(), 3); }),
               Catch::Contains("holds 5 months, expected 6"));
    other = small_catalog();
    other.summary_names = {"revenue", "profit"};
    CHECK_THAT(refusal_of([&] { resumed.require_shape(other, two_points(), 3); }),
               Catch::Contains("keeps other metrics"));
    CHECK_THAT(refusal_of([&] {
                 resumed.require_shape(small_catalog(), {{"price"}, {1, 2}, 2}, 3);
               }),
               Catch::Contains("varies other parameters"));
  }
  fs::remove_all(dir);
}

TEST_CASE(
    "a file that cannot be created or renamed throws 'cannot write', removes its temporary file "
    "and leaves the previous output",
    "[io][hdf5][write-failure]") {
  const auto dir = tests::fresh_directory("hostile-write");
  // The temporary path is taken by a directory: nothing is created, and the directory stays.
  fs::create_directories(dir / "taken.h5.tmp" / "inside");
  try {
    RunFileWriter writer(dir / "taken.h5", provenance(), small_catalog(), two_points(), 3);
    FAIL("created over a directory");
  } catch (const RunFileWriteError& error) {
    CHECK_THAT(error.what(), Catch::StartsWith("cannot write " + (dir / "taken.h5").string() +
                                               ": cannot create " + (dir / "taken.h5.tmp").string()));
  }
  CHECK(fs::is_directory(dir / "taken.h5.tmp" / "inside"));
  CHECK_FALSE(fs::exists(dir / "taken.h5"));

  // The final path is a directory that is not empty: the rename fails on commit.
  fs::create_directories(dir / "folder.h5" / "keep");
  {
    RunFileWriter writer(dir / "folder.h5", provenance(), small_catalog(), two_points(), 3);
    writer.write_run({0, 0, 1, {1, 2}, std::vector<double>(10, 1.0)});
    try {
      writer.commit();
      FAIL("renamed onto a directory");
    } catch (const RunFileWriteError& error) {
      CHECK_THAT(error.what(),
                 Catch::StartsWith("cannot write " + (dir / "folder.h5").string() + ": cannot rename"));
    }
    CHECK_FALSE(fs::exists(dir / "folder.h5.tmp"));
    CHECK(fs::is_directory(dir / "folder.h5" / "keep"));
    CHECK_THROWS_AS(writer.write_stats({{{}, {}}, {{}, {}}}), RunFileWriteError);  // closed for good
  }
  CHECK_FALSE(fs::exists(dir / "folder.h5.tmp"));

  // A missing directory: the path it cannot create is named.
  CHECK_THROWS_WITH(RunFileWriter(dir / "gone" / "a.h5", provenance(), small_catalog(), two_points(), 3),
                    Catch::StartsWith("cannot write " + (dir / "gone" / "a.h5").string()));

  // discard() leaves what was at the final path before.
  std::ofstream(dir / "previous.h5") << "previous";
  {
    RunFileWriter writer(dir / "previous.h5", provenance(), small_catalog(), two_points(), 3);
    writer.write_run({1, 2, 7, {1, 2}, std::vector<double>(10, 2.0)});
    writer.discard();
  }
  CHECK_FALSE(fs::exists(dir / "previous.h5.tmp"));
  CHECK(read_text(dir / "previous.h5") == "previous");
  fs::remove_all(dir);
}
