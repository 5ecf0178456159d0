// Transaction logs read row by row: layouts detected, CDNOW read as its authors summarized it, and every
// hostile file refused with one located message.
#include "sim/io/transaction_log_reader.h"
#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/customer_base/transaction_summary.h"
#include "sim/io/customer_summary_reader.h"
#include "sim/io/input_error.h"
#include "tests/common/command.h"

namespace {

namespace fs = std::filesystem;
using namespace salesim::sim;
using salesim::analysis::customer_base::DuplicateRows;
using salesim::analysis::customer_base::SummaryPeriods;
using salesim::analysis::customer_base::TransactionSummary;
using salesim::analysis::customer_base::TransactionSummaryError;

const fs::path cdnow = fs::path(SALESIM_SOURCE_DIR) / "tests/data/cdnow";

std::int32_t day_number(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  return static_cast<std::int32_t>(std::chrono::sys_days(date).time_since_epoch().count());
}

const std::int32_t cdnow_calibration_end = day_number(1997, 9, 30);

struct ReadRow {
  std::string customer_id;
  std::int32_t day = 0;
  double amount = 0.0;
  std::optional<double> quantity;
  std::uint64_t line = 0;
};

/// Every row of `text`, read as a log with `options`; the layout goes to `layout` when given.
std::vector<ReadRow> rows_of(const std::string& text, const io::TransactionLogOptions& options = {},
                             io::TransactionLogLayout* layout = nullptr) {
  std::istringstream in(text);
  std::vector<ReadRow> rows;
  const auto found = io::read_transaction_log(in, "log.csv", options, [&](const io::TransactionRow& row) {
    rows.push_back({std::string(row.customer_id), row.day, row.amount, row.quantity, row.line});
  });
  if (layout != nullptr) *layout = found;
  return rows;
}

fs::path write_file(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path file = dir / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

/// The one located message reading `file` gives; "" when it reads without error.
std::string problem_reading(const fs::path& file, const io::TransactionLogOptions& options = {}) {
  try {
    (void)io::read_transaction_log(file, options, [](const io::TransactionRow&) {});
  } catch (const io::InputError& error) {
    REQUIRE(error.problems().size() == 1);
    return error.problems().front().to_string();
  }
  return "";
}

/// Reads `file` into a summary, turning its problems into located input errors as a command would.
TransactionSummary summarize_log(const fs::path& file, const io::TransactionLogOptions& options,
                                 DuplicateRows duplicates, io::TransactionLogLayout* layout = nullptr) {
  TransactionSummary summary(SummaryPeriods{cdnow_calibration_end, std::nullopt, 7.0}, duplicates);
  try {
    const auto found = io::read_transaction_log(file, options, [&](const io::TransactionRow& row) {
      summary.add(row.customer_id, row.day, row.amount, row.quantity, row.line);
    });
    if (layout != nullptr) *layout = found;
  } catch (const TransactionSummaryError& error) {
    throw io::InputError(
        {{file.string(), static_cast<int>(error.line()), 0, "", error.problem(), error.allowed()}});
  }
  return summary;
}

io::TransactionLogOptions sample_columns() {
  io::TransactionLogOptions options;
  options.customer_column = io::ColumnChoice::by_position(2);  // the id in the sample, as the summary's ID
  options.date_column = io::ColumnChoice::by_position(3);
  options.amount_column = io::ColumnChoice::by_position(5);
  return options;
}

}  // namespace

TEST_CASE("CDNOW_master.txt reads as 69659 rows of 23570 customers all in the 1997-09-30 cohort",
          "[io][transaction-log][cdnow]") {
  io::TransactionLogLayout layout;
  const TransactionSummary summary =
      summarize_log(cdnow / "CDNOW_master.txt", {}, DuplicateRows::keep, &layout);
  CHECK(layout.has_header);
  CHECK(layout.separator == ' ');
  CHECK(layout.columns == 4);
  CHECK(layout.customer_column == 1);
  CHECK(layout.date_column == 2);
  CHECK(layout.amount_column == 4);    // dollar_value
  CHECK(layout.quantity_column == 3);  // number_of_cds
  CHECK(layout.date_format == "%Y%m%d");
  CHECK(layout.rows == 69659);
  CHECK(summary.rows() == 69659);
  CHECK(summary.customers() == 23570);
  const auto cohort = summary.summarize();
  CHECK(cohort.histories.size() == 23570);
  CHECK(cohort.customers_after_calibration == 0);
  CHECK(cohort.first_purchase_day == day_number(1997, 1, 1));
  CHECK(cohort.last_day == day_number(1998, 6, 30));
  CHECK(cohort.repeats_per_unit.size() == 78);  // the 78 weeks of the tracking plot
  // 234 rows repeat their customer's previous row: 199 groups of separate orders of one CD on one day.
  CHECK(cohort.duplicate_rows == 234);
}

TEST_CASE("CDNOW_master.txt with duplicates refused names the first and says how to keep them",
          "[io][transaction-log][cdnow]") {
  try {
    (void)summarize_log(cdnow / "CDNOW_master.txt", {}, DuplicateRows::refuse);
    FAIL("no error");
  } catch (const io::InputError& error) {
    const std::string message = error.problems().front().to_string();
    INFO(message);
    CHECK(message.starts_with((cdnow / "CDNOW_master.txt").string() + ":"));
    CHECK(message.find("repeats customer") != std::string::npos);
    CHECK(message.find("set the duplicate policy to 'keep'") != std::string::npos);
  }
}

TEST_CASE("CDNOW_sample.txt summarized to 1997-09-30 reproduces the published summary of 2357 customers",
          "[io][transaction-log][cdnow]") {
  const TransactionSummary summary =
      summarize_log(cdnow / "CDNOW_sample.txt", sample_columns(), DuplicateRows::keep);
  const auto cohort = summary.summarize();
  const io::CustomerSummaryTable published =
      io::read_customer_summary(cdnow / "cdnow_customers_summary_with_transactions.csv");
  REQUIRE(cohort.histories.size() == 2357);
  REQUIRE(published.ids.size() == 2357);
  std::map<long, std::size_t> published_row;  // the sample writes its ids as 0001, the summary as 1
  for (std::size_t i = 0; i < published.ids.size(); ++i) published_row[std::stol(published.ids[i])] = i;
  std::size_t compared = 0, differing = 0;
  for (std::size_t i = 0; i < cohort.histories.size(); ++i) {
    const auto found = published_row.find(std::stol(cohort.customer_ids[i]));
    REQUIRE(found != published_row.end());
    const std::size_t j = found->second;
    const auto& ours = cohort.histories[i];
    const bool same = ours.frequency == published.frequency[j] &&
                      std::abs(ours.recency - published.recency[j]) <= 0.005 + 1e-9 &&
                      std::abs(ours.age - published.age[j]) <= 0.005 + 1e-9 &&
                      std::abs(ours.mean_spend - published.mean_spend[j]) <= 0.005 + 1e-9;
    if (!same) {
      ++differing;
      UNSCOPED_INFO("customer " << cohort.customer_ids[i] << ": ours x=" << ours.frequency
                                << " t_x=" << ours.recency << " T=" << ours.age << " zbar=" << ours.mean_spend
                                << ", published x=" << published.frequency[j]
                                << " t_x=" << published.recency[j] << " T=" << published.age[j]
                                << " zbar=" << published.mean_spend[j]);
    }
    ++compared;
  }
  CHECK(compared == 2357);
  CHECK(differing == 0);
}

TEST_CASE("comma semicolon tab and whitespace logs read alike with or without a header",
          "[io][transaction-log][layout]") {
  const std::vector<std::string> logs = {
      "customer_id,date,quantity,amount\nA,20230105,1,10.5\nB,20230106,2,20\n",
      "customer;date;quantity;amount\r\nA;20230105;1;10.5\r\nB;20230106;2;20\r\n",
      "id\tdate\tqty\tspend\nA\t20230105\t1\t10.5\nB\t20230106\t2\t20",
      "  A  20230105  1  10.5\n\n  B 20230106 2 20\n   \n",
      "\xEF\xBB\xBF\"A\",\"2023-01-05\",1,10.5\n\"B\",2023-01-06,2,\"20\"\n",
  };
  for (const std::string& log : logs) {
    INFO(log);
    const auto rows = rows_of(log);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].customer_id == "A");
    CHECK(rows[0].day == day_number(2023, 1, 5));
    CHECK(rows[0].amount == 10.5);
    CHECK(rows[0].quantity == 1.0);
    CHECK(rows[1].customer_id == "B");
    CHECK(rows[1].day == day_number(2023, 1, 6));
    CHECK(rows[1].amount == 20.0);
  }
}

TEST_CASE("a row records its 1-based line and blank lines are skipped", "[io][transaction-log][layout]") {
  io::TransactionLogLayout layout;
  const auto rows = rows_of("customer,date,amount\n\nA,20230105,1\n  \nA,20230107,2\n", {}, &layout);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 3);
  CHECK(rows[1].line == 5);
  CHECK_FALSE(rows[0].quantity.has_value());
  CHECK(layout.quantity_column == 0);
  CHECK(layout.separator == ',');
}

TEST_CASE("a header is told apart by its date column when other names are numbers",
          "[io][transaction-log][layout]") {
  io::TransactionLogLayout layout;
  const auto rows = rows_of("1,when,2023\nA,20230105,4.5\n", {}, &layout);
  CHECK(layout.has_header);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].amount == 4.5);
}

TEST_CASE("columns are chosen by header name or by position", "[io][transaction-log][layout]") {
  io::TransactionLogOptions by_name;
  by_name.customer_column = io::ColumnChoice::from_text("Buyer");
  by_name.date_column = io::ColumnChoice::from_text("ordered");
  by_name.amount_column = io::ColumnChoice::from_text("net");
  by_name.quantity_column = io::ColumnChoice::from_text("items");
  const auto named = rows_of("net,items,ordered,Buyer,store\n12.5,3,2023-02-28,X,north\n", by_name);
  REQUIRE(named.size() == 1);
  CHECK(named[0].customer_id == "X");
  CHECK(named[0].amount == 12.5);
  CHECK(named[0].quantity == 3.0);
  CHECK(named[0].day == day_number(2023, 2, 28));

  io::TransactionLogOptions by_position;
  by_position.customer_column = io::ColumnChoice::from_text("4");
  by_position.date_column = io::ColumnChoice::from_text("3");
  by_position.amount_column = io::ColumnChoice::from_text("1");
  const auto positioned = rows_of("12.5 3 2023-02-28 X north\n", by_position);
  REQUIRE(positioned.size() == 1);
  CHECK(positioned[0].customer_id == "X");
  CHECK(positioned[0].amount == 12.5);
  CHECK_FALSE(
      positioned[0].quantity.has_value());  // the default, the column before the last, is the customer's

  by_position.quantity_column = io::ColumnChoice::by_position(2);
  CHECK(rows_of("12.5 3 2023-02-28 X north\n", by_position)[0].quantity == 3.0);
}

TEST_CASE("dates follow the given format and days count from 1970-01-01", "[io][transaction-log][dates]") {
  const std::pair<const char*, const char*> written[] = {{"%d/%m/%Y", "5/1/2023"},
                                                         {"%m/%d/%Y", "01/05/2023"},
                                                         {"%Y-%m-%d", "2023-01-05"},
                                                         {"%Y%m%d", "20230105"}};
  for (const auto& [format, date] : written) {
    io::TransactionLogOptions options;
    options.date_format = format;
    const auto rows = rows_of(std::string("A,") + date + ",1\n", options);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].day == day_number(2023, 1, 5));
  }
  CHECK(rows_of("A,19700101,1\n")[0].day == 0);
  CHECK(rows_of("A,2024-02-29,1\n")[0].day == day_number(2024, 2, 29));
}

TEST_CASE("a log of any size streams: a 6 MB file of 200000 rows", "[io][transaction-log]") {
  const auto dir = salesim::tests::fresh_directory("transaction-log-large");
  const fs::path file = dir / "large.csv";
  {
    std::ofstream out(file);
    out << "customer_id,date,amount\n";
    for (int i = 0; i < 200000; ++i)
      out << "customer" << i % 5000 << ",2023-01-0" << 1 + i / 40000 << ",12.34\n";
  }
  REQUIRE(fs::file_size(file) > (4u << 20));  // over the scenario files' limit
  std::uint64_t rows = 0;
  double total = 0.0;
  (void)io::read_transaction_log(file, {}, [&](const io::TransactionRow& row) {
    ++rows;
    total += row.amount;
  });
  CHECK(rows == 200000);
  CHECK(total == Approx(200000 * 12.34));
  fs::remove_all(dir);
}

TEST_CASE("representative hostile logs give their exact located messages", "[io][transaction-log][hostile]") {
  const auto dir = salesim::tests::fresh_directory("transaction-log-messages");
  const std::string head = "customer_id,date,amount\n";
  const auto message = [&](const std::string& text) {
    const fs::path file = write_file(dir, "log.csv", text);
    std::string found = problem_reading(file);
    const std::string prefix = file.string();
    REQUIRE(found.starts_with(prefix));
    return "log.csv" + found.substr(prefix.size());
  };
  CHECK(message(head + "A,2023-01-05,1\nA,2023-13-05,1\n") ==
        "log.csv:3: date '2023-13-05' is not a day of the calendar (allowed: a day that exists, written like "
        "1997-01-31 (%Y-%m-%d))");
  CHECK(message(head + "A,2023-02-30,1\n") ==
        "log.csv:2: date '2023-02-30' is not a day of the calendar (allowed: a day that exists, written like "
        "1997-01-31 (%Y-%m-%d))");
  CHECK(
      message(head + "A,20230105,1\nA,2023-01-06,1\n") ==
      "log.csv:3: date '2023-01-06' is not a date in the format %Y%m%d (allowed: dates written like 19970131 "
      "(%Y%m%d) on every line)");
  CHECK(message(head + "A,20230105,-5.00\n") ==
        "log.csv:2: amount '-5.00' is negative (allowed: a finite amount from 0 to 1e15)");
  CHECK(message(head + "A,20230105,nan\n") ==
        "log.csv:2: amount 'nan' is not a finite number (allowed: a finite amount from 0 to 1e15)");
  CHECK(message(head + "A,20230105,2e15\n") ==
        "log.csv:2: amount '2e15' is larger than 1e15 (allowed: a finite amount from 0 to 1e15)");
  CHECK(message(head + "A,20230105,1\nB,20230105\n") ==
        "log.csv:3: the line has 2 fields where the first has 3 (allowed: 3 fields separated by ',' on every "
        "line)");
  CHECK(message("customer_id,date\nA,20230105\n") ==
        "log.csv:1: the line has 2 columns; a transaction log needs a customer id, a date and an amount "
        "(allowed: "
        "at least 3 columns separated by ',')");
  CHECK(message("") ==
        "log.csv: the file is empty (allowed: a transaction log: customer id, date, amount and optional "
        "quantity "
        "per line)");
  CHECK(message(head + "A,2023\xff-01-05,1\n") == "log.csv:2: invalid UTF-8 at byte 7 (allowed: UTF-8 text)");
  fs::remove_all(dir);
}

TEST_CASE("every hostile log throws the input error type with its line", "[io][transaction-log][hostile]") {
  const auto dir = salesim::tests::fresh_directory("transaction-log-hostile");
  const std::string head = "customer_id,date,amount\n";
  struct Case {
    const char* label;
    std::string text;
    int line;
    const char* fragment;
  };
  const Case cases[] = {
      {"unparsable date", head + "A,5 Jan 2023,1\n", 2, "is not a date"},
      {"impossible date", head + "A,20230230,1\n", 2, "is not a day of the calendar"},
      {"day zero", head + "A,2023-01-00,1\n", 2, "is not a day of the calendar"},
      {"negative amount", head + "A,20230105,-0.01\n", 2, "is negative"},
      {"infinite amount", head + "A,20230105,inf\n", 2, "is not a finite number"},
      {"overflowing amount", head + "A,20230105,1e400\n", 2, "is larger than 1e15"},
      {"amount over 1e15", head + "A,20230105,1000000000000001\n", 2, "is larger than 1e15"},
      {"amount not a number", head + "A,20230105,12 USD\n", 2, "is not a number"},
      {"negative quantity", "customer_id,date,quantity,amount\nA,20230105,-1,3\n", 2,
       "quantity '-1' is negative"},
      {"missing columns", "A,20230105\n", 1, "a transaction log needs"},
      {"a header only", head, 1, "no transactions after the header line"},
      {"ragged row, too few", head + "A,20230105,1\nB,20230105\n", 3, "the line has 2 fields"},
      {"ragged row, too many", head + "A,20230105,1\nB,20230105,1,1\n", 3, "the line has 4 fields"},
      {"empty file", "", 0, "the file is empty"},
      {"blank lines only", "\n  \n\r\n", 0, "the file is empty"},
      {"empty customer id", head + ",20230105,1\n", 2, "the customer id is empty"},
      {"open quote", head + "\"A,20230105,1\n", 2, "a quoted field is not closed"},
      {"invalid UTF-8", head + "caf\xc3(,20230105,1\n", 2, "invalid UTF-8"},
      {"overlong UTF-8", head + "\xc0\xaf,20230105,1\n", 2, "invalid UTF-8"},
      {"NUL byte", head + std::string("A\0B,20230105,1\n", 15), 2, "a NUL byte at byte 2"},
      {"line over 64 KiB", head + std::string(70000, 'A') + ",20230105,1\n", 2, "longer than 65536 bytes"},
      {"endless line", std::string(1u << 20, 'x'), 1, "longer than 65536 bytes"},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    const fs::path file = write_file(dir, "hostile.csv", c.text);
    try {
      (void)io::read_transaction_log(file, {}, [](const io::TransactionRow&) {});
      FAIL("no error");
    } catch (const io::InputError& error) {
      REQUIRE(error.problems().size() == 1);
      const io::InputProblem& problem = error.problems().front();
      INFO(problem.to_string());
      CHECK(problem.file == file.string());
      CHECK(problem.line == c.line);
      CHECK(problem.to_string().find(c.fragment) != std::string::npos);
      CHECK_FALSE(problem.allowed.empty());
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("a directory a device a pipe or a missing path is no log", "[io][transaction-log][hostile]") {
  const auto dir = salesim::tests::fresh_directory("transaction-log-not-files");
  const fs::path pipe = dir / "pipe";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  const std::pair<fs::path, const char*> paths[] = {{dir, "a directory, not a file"},
                                                    {"/dev/null", "not a regular file"},
                                                    {pipe, "not a regular file"},
                                                    {dir / "missing.csv", "no such file"}};
  for (const auto& [path, message] : paths) {
    INFO(path);
    CHECK(problem_reading(path) == path.string() + ": " + message +
                                       " (allowed: a transaction log: customer id, date, amount and optional "
                                       "quantity per line)");
  }
  fs::remove_all(dir);
}

TEST_CASE("bad column choices and date formats are located problems", "[io][transaction-log][hostile]") {
  const auto dir = salesim::tests::fresh_directory("transaction-log-options");
  const fs::path file = write_file(dir, "log.csv", "customer_id,date,amount\nA,20230105,1\n");
  io::TransactionLogOptions unknown_name;
  unknown_name.amount_column = io::ColumnChoice::by_name("price");
  CHECK(problem_reading(file, unknown_name) ==
        file.string() +
            ":1: no column named 'price' for the amount (allowed: a column of the header: customer_id, "
            "date, amount)");
  io::TransactionLogOptions too_far;
  too_far.amount_column = io::ColumnChoice::by_position(7);
  CHECK(
      problem_reading(file, too_far).find(":1: column 7 chosen for the amount, but the line has 3 columns") !=
      std::string::npos);
  io::TransactionLogOptions same_column;
  same_column.amount_column = io::ColumnChoice::by_position(2);
  CHECK(problem_reading(file, same_column).find("column 2 is both the date and the amount") !=
        std::string::npos);
  io::TransactionLogOptions bad_format;
  bad_format.date_format = "%Y-%m-%d %H";
  CHECK(problem_reading(file, bad_format).find(": date format '%Y-%m-%d %H' is not supported") !=
        std::string::npos);
  fs::remove_all(dir);
}
