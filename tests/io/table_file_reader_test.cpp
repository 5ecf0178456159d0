// HDF5 column tables read back as written, and refused by name when a column is missing or misshapen.
#include "sim/io/table_file_reader.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/io/table_file_writer.h"
#include "tests/common/command.h"
#include "tests/io/crafted_run_file.h"

using salesim::sim::io::ColumnTable;
using salesim::sim::io::ExpectedTable;
using salesim::sim::io::TableFileFormatError;
using salesim::sim::io::TableFileReader;

namespace {

const ExpectedTable fit{"fit", "parameter", {"estimate", "standard_error"}, {"z"}};

std::filesystem::path write_fit(const std::filesystem::path& dir) {
  const auto path = dir / "fit.h5";
  salesim::sim::io::write_table_file(
      path, {{"kind", "calibration"}, {"model", "bg_nbd"}},
      {ColumnTable{"fit",
                   "parameter",
                   {"r", "alpha"},
                   {{"estimate", "", {0.25, 4.4}}, {"standard_error", "", {0.01, 0.2}}}},
       ColumnTable{"tracking", "", {}, {{"unit", "weeks", {1, 2, 3}}}}});
  return path;
}

std::string refusal(const std::filesystem::path& path, const ExpectedTable& expected) {
  try {
    const TableFileReader reader(path);
    (void)reader.read_table(expected);
  } catch (const TableFileFormatError& refused) {
    return refused.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a table file reads back its attributes, keys, columns and units", "[io][table]") {
  const auto dir = salesim::tests::fresh_directory("table-read");
  const TableFileReader reader(write_fit(dir));
  CHECK(reader.string_attribute("kind") == "calibration");
  CHECK_FALSE(reader.has_attribute("input"));
  CHECK(reader.has_table("tracking"));
  CHECK_FALSE(reader.has_table("customers"));
  const ColumnTable table = reader.read_table(fit);  // z is optional and absent
  CHECK(table.keys == std::vector<std::string>{"r", "alpha"});
  REQUIRE(table.columns.size() == 2);
  CHECK(salesim::sim::io::find_column(table, "standard_error")->values == std::vector<double>{0.01, 0.2});
  CHECK(salesim::sim::io::find_column(table, "z") == nullptr);
  const ColumnTable tracking = reader.read_table({"tracking", "", {"unit"}, {}});
  CHECK(tracking.columns[0].unit == "weeks");
  std::filesystem::remove_all(dir);
}

TEST_CASE("a table file with a missing or misshapen column is refused naming the file and the dataset",
          "[io][table][bad-input]") {
  namespace crafting = salesim::tests::crafting;
  const auto dir = salesim::tests::fresh_directory("table-refuse");
  const auto valid = write_fit(dir);
  const auto crafted = dir / "crafted.h5";
  const std::string prefix = crafted.string() + ": ";

  salesim::tests::craft(valid, crafted, [](hid_t f) {
    crafting::replace_dataset(f, "/fit/standard_error", H5T_IEEE_F64LE, {3});
  });
  CHECK(refusal(crafted, fit) == prefix + "/fit/standard_error: 3 rows, but /fit/parameter has 2");
  salesim::tests::craft(valid, crafted, [](hid_t f) {
    crafting::replace_dataset(f, "/fit/estimate", H5T_IEEE_F64LE, {2, 1});
  });
  CHECK(refusal(crafted, fit) ==
        prefix + "/fit/estimate: not one-dimensional (expected a column of numbers)");
  salesim::tests::craft(valid, crafted, [](hid_t f) { H5Ldelete(f, "/fit/estimate", H5P_DEFAULT); });
  CHECK(refusal(crafted, fit) == prefix + "/fit/estimate: missing (expected a column of numbers)");
  salesim::tests::craft(valid, crafted,
                        [](hid_t f) { crafting::replace_dataset(f, "/fit/parameter", H5T_IEEE_F64LE, {2}); });
  CHECK(refusal(crafted, fit) == prefix + "/fit/parameter: holds another type (expected a column of texts)");
  salesim::tests::craft(
      valid, crafted, [](hid_t f) { crafting::replace_dataset(f, "/fit/z", H5T_IEEE_F64LE, {100'000'000}); });
  CHECK(refusal(crafted, fit).find("/fit/z: 100000000 rows, more than a table may hold") !=
        std::string::npos);
  CHECK(refusal(valid, {"customers", "", {"frequency"}, {}}) ==
        valid.string() + ": /customers: missing (expected a table)");

  std::ofstream(crafted, std::ios::trunc) << "text\n";
  CHECK(refusal(crafted, fit) == prefix + "not an HDF5 file");
  CHECK(refusal(dir / "nowhere.h5", fit) == (dir / "nowhere.h5").string() + ": no such file");
  std::filesystem::remove_all(dir);
}
