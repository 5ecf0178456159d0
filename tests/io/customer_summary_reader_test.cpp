// Per-customer summary tables: Hardie's and lifetimes' headers recognized, told apart from logs, and every
// value that cannot be an (x, t_x, T, zbar) refused with a located message.
#include "sim/io/customer_summary_reader.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/io/input_error.h"
#include "tests/common/command.h"

namespace {

namespace fs = std::filesystem;
using namespace salesim::sim;

const fs::path cdnow = fs::path(SALESIM_SOURCE_DIR) / "tests/data/cdnow";

fs::path write_file(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path file = dir / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

/// The located message reading `text` as a summary gives, without the directory; "" when it reads.
std::string problem_of(const fs::path& dir, const std::string& text) {
  const fs::path file = write_file(dir, "summary.csv", text);
  try {
    (void)io::read_customer_summary(file);
  } catch (const io::InputError& error) {
    const std::string found = error.problems().front().to_string();
    return "summary.csv" + found.substr(file.string().size());
  }
  return "";
}

}  // namespace

TEST_CASE("the published CDNOW summary reads as 2357 customers with ids x t_x T and zbar",
          "[io][customer-summary][cdnow]") {
  const fs::path file = cdnow / "cdnow_customers_summary_with_transactions.csv";
  CHECK(io::looks_like_customer_summary(file));
  const io::CustomerSummaryTable table = io::read_customer_summary(file);
  REQUIRE(table.ids.size() == 2357);
  REQUIRE(table.mean_spend.size() == 2357);
  CHECK(table.ids.front() == "1");
  CHECK(table.frequency.front() == 2);
  CHECK(table.recency.front() == 30.43);
  CHECK(table.age.front() == 38.86);
  CHECK(table.mean_spend.front() == 22.35);
  CHECK(table.ids.back() == "2357");
}

TEST_CASE("a lifetimes summary reads with or without its id and monetary columns", "[io][customer-summary]") {
  const auto dir = salesim::tests::fresh_directory("customer-summary-lifetimes");
  const fs::path with_id = write_file(
      dir, "a.csv", "customer_id,frequency,recency,T,monetary_value\nc1,2,30.0,38.0,12.5\nc2,0,0,38,0\n");
  CHECK(io::looks_like_customer_summary(with_id));
  const auto table = io::read_customer_summary(with_id);
  CHECK(table.ids == std::vector<std::string>{"c1", "c2"});
  CHECK(table.mean_spend == std::vector<double>{12.5, 0.0});

  const fs::path pandas_index = write_file(dir, "b.csv", ",frequency,recency,T\n7,1,2,3\n9,0,0,3\n");
  const auto indexed = io::read_customer_summary(pandas_index);
  CHECK(indexed.ids == std::vector<std::string>{"7", "9"});
  CHECK(indexed.mean_spend.empty());

  const fs::path no_id = write_file(dir, "c.csv", "frequency recency T\n1 2 3\n0 0 3\n");
  CHECK(io::read_customer_summary(no_id).ids == std::vector<std::string>{"1", "2"});
  fs::remove_all(dir);
}

TEST_CASE("a transaction log a missing file or a directory is no customer summary",
          "[io][customer-summary]") {
  const auto dir = salesim::tests::fresh_directory("customer-summary-not");
  CHECK_FALSE(io::looks_like_customer_summary(cdnow / "CDNOW_master.txt"));
  CHECK_FALSE(io::looks_like_customer_summary(cdnow / "CDNOW_sample.txt"));
  CHECK_FALSE(io::looks_like_customer_summary(dir));
  CHECK_FALSE(io::looks_like_customer_summary(dir / "missing.csv"));
  CHECK_FALSE(io::looks_like_customer_summary(write_file(dir, "empty.csv", "")));
  fs::remove_all(dir);
}

TEST_CASE("summary values that no customer can have are located problems",
          "[io][customer-summary][hostile]") {
  const auto dir = salesim::tests::fresh_directory("customer-summary-hostile");
  const std::string head = "ID,x,t_x,T,zbar\n";
  CHECK(problem_of(dir, head + "1,2.5,3,4,5\n") ==
        "summary.csv:2: x '2.5' is not a whole number (allowed: a whole number of repeat transactions, 0 or "
        "more)");
  CHECK(problem_of(dir, head + "1,2,40,38.86,5\n") ==
        "summary.csv:2: t_x 40 is later than T 38.86 (allowed: t_x from 0 to T)");
  CHECK(problem_of(dir, head + "1,0,1.5,38.86,0\n") ==
        "summary.csv:2: t_x is 1.5 but x is 0 (allowed: t_x = 0 when x = 0: no repeat transaction, no time "
        "of the "
        "last)");
  CHECK(problem_of(dir, head + "1,-1,0,38.86,0\n") ==
        "summary.csv:2: x '-1' is negative (allowed: a finite number from 0 to 1e15)");
  CHECK(problem_of(dir, head + "1,0,0,38.86,4\n").find("zbar is 4 but x is 0") != std::string::npos);
  CHECK(problem_of(dir, head + "1,1,1,nan,4\n").find("T 'nan' is not a finite number") != std::string::npos);
  CHECK(problem_of(dir, head + "1,1,1,2,4\n1,1,1,2,4\n") ==
        "summary.csv:3: customer '1' is already on line 2 (allowed: each customer on one line)");
  CHECK(problem_of(dir, head + "1,1,1,2\n")
            .find("summary.csv:2: the line has 4 fields where the header has 5") == 0);
  CHECK(problem_of(dir, head).find("summary.csv:1: no customers after the header line") == 0);
  CHECK(problem_of(dir, "ID,x,T\n1,1,2\n")
            .find("summary.csv:1: the first line is not a customer summary header") == 0);
  CHECK(problem_of(dir, "").find("summary.csv: the file is empty") == 0);
  fs::remove_all(dir);
}
