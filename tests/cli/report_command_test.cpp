// `salesim report`: an HTML page with a statistics table and one SVG chart per time series, or of a
// calibration file the tracking plot, the fitted parameters and the customers by P(alive).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "analysis/report/calibration_page.h"
#include "analysis/report/html_report.h"
#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"
#include "tests/common/page_charts.h"
#include "tests/io/crafted_run_file.h"

using salesim::tests::fresh_directory;
using salesim::tests::run_command_line;
namespace report = salesim::analysis::report;

namespace {

const std::string salesim_exe = SALESIM_EXECUTABLE;
const std::string baseline = std::string(SALESIM_SOURCE_DIR) + "/scenarios/classroom/baseline.yaml";
const std::string cdnow_log = std::string(SALESIM_SOURCE_DIR) + "/tests/data/cdnow/CDNOW_master.txt";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++count;
  return count;
}

/// Fits BG/NBD to the CDNOW log with a 39-week holdout (Fader, Hardie & Lee 2005) into `dir`;
/// returns what calibrate printed.
std::string calibrate_cdnow(const std::filesystem::path& dir) {
  const auto fit = run_command_line(salesim_exe + " calibrate " + cdnow_log +
                                    " --calibration-end 1997-09-30 --duplicates keep -o " + dir.string());
  INFO(fit.err);
  REQUIRE(fit.exit_code == 0);
  REQUIRE(std::filesystem::exists(dir / "CDNOW_master-calibration.h5"));
  return fit.out;
}

}  // namespace

TEST_CASE("salesim report writes one HTML page with the statistics and a chart per time series",
          "[cli][report]") {
  const auto dir = fresh_directory("report");
  const auto file = dir / "b.h5";
  const auto run = run_command_line(salesim_exe + " run " + baseline + " --reps 4 -q -o " + file.string());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);

  const auto page_path = dir / "b.html";
  const auto result =
      run_command_line(salesim_exe + " report " + file.string() + " -o " + page_path.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  REQUIRE(std::filesystem::exists(page_path));
  CHECK_FALSE(std::filesystem::exists(page_path.string() + ".tmp"));

  const std::string html = read_text(page_path);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<title>baseline") != std::string::npos);
  // Self-contained: the charting library inline, no script or style fetched from elsewhere.
  CHECK(html.find("vegaEmbed") != std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);

  const salesim::sim::io::RunFileReader reader(file);
  const auto series_names = reader.names_in("/timeseries");
  REQUIRE_FALSE(series_names.empty());
  const auto charts = salesim::tests::page_charts(html);
  const auto* revenue = salesim::tests::chart_titled(charts, "revenue");
  REQUIRE(revenue != nullptr);
  CHECK(revenue->series == 1);
  CHECK(revenue->rows().size() == 36);  // one row per month, with the 95% CI of the mean
  CHECK(revenue->rows()[0].contains("low"));
  CHECK(revenue->spec.dump().find("\"revenue ($)\"") != std::string::npos);
  // A world without contracts has no partnership chart: metrics without finite values are left out.
  CHECK(salesim::tests::chart_titled(charts, "buyer_trust") == nullptr);
  CHECK(html.find(">buyer_trust<") == std::string::npos);

  const std::size_t table = html.find("<table class=\"statistics\">");
  REQUIRE(table != std::string::npos);
  CHECK(html.find("customer_equity", table) < html.find("</table>", table));
  // Units from the file: next to each metric in the table, on each chart's value axis.
  CHECK(html.find("<td class=\"unit\">NPS points</td>", table) < html.find("</table>", table));
  for (const char* key : {"salesim_version", "git_commit", "created_utc", "command", "seed", "status"})
    CHECK(html.find(std::string("<td>") + key + "</td>") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("salesim report writes next to the input by default", "[cli][report]") {
  const auto dir = fresh_directory("report-default");
  const auto file = dir / "r.h5";
  const auto run = run_command_line(salesim_exe + " run " + baseline +
                                    " --reps 2 -q --set run.horizon_months=6 -o " + file.string());
  REQUIRE(run.exit_code == 0);
  const auto result = run_command_line(salesim_exe + " report " + file.string());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "r.html"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("salesim report of a missing or unreadable file exits 2 naming the path", "[cli][report]") {
  const auto dir = fresh_directory("report-missing");
  const auto missing = dir / "nowhere.h5";
  const auto result = run_command_line(salesim_exe + " report " + missing.string());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find(missing.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "nowhere.html"));

  const auto not_hdf5 = dir / "text.h5";
  std::ofstream(not_hdf5) << "not an HDF5 file\n";
  const auto garbage = run_command_line(salesim_exe + " report " + not_hdf5.string());
  CHECK(garbage.exit_code == 2);
  CHECK(garbage.err.find(not_hdf5.string()) != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the statistics table leaves out metrics without values and escapes names", "[cli][report]") {
  report::ReportPage page;
  page.title = "a<b";
  report::StatisticsTable& statistics = page.statistics.emplace();
  statistics.heading = "Statistics";
  statistics.column_labels = {"x=1", "x=2"};
  statistics.rows = {
      {"kept", {{1.0, 0.1, 0.9, 1.1, 4}, {2.0, 0.1, 1.9, 2.1, 4}}, "$", "What \"kept\" <means>."},
      {"empty_everywhere", {{}, {}}}};
  const std::string html = report::report_html(page);
  CHECK(html.find("<td title=\"What &quot;kept&quot; &lt;means&gt;.\">kept</td><td class=\"unit\">$</td>") !=
        std::string::npos);
  CHECK(html.find("<h1>a&lt;b</h1>") != std::string::npos);
  CHECK(html.find("kept") != std::string::npos);
  CHECK(html.find("empty_everywhere") == std::string::npos);
  CHECK(html.find("1 metrics without values") != std::string::npos);
}

TEST_CASE("salesim report of the CDNOW calibration file draws the tracking plot and tables the fit",
          "[cli][report][calibrate]") {
  const auto dir = fresh_directory("report-calibration");
  const std::string printed = calibrate_cdnow(dir);
  const auto file = dir / "CDNOW_master-calibration.h5";
  const auto result = run_command_line(salesim_exe + " report " + file.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto page_path = dir / "CDNOW_master-calibration.html";
  REQUIRE(std::filesystem::exists(page_path));
  CHECK_FALSE(std::filesystem::exists(page_path.string() + ".tmp"));
  const std::string html = read_text(page_path);
  CHECK(html.find("<title>CDNOW_master calibration - salesim report</title>") != std::string::npos);

  // The tracking plot: 78 weeks of actual (solid) and model (dashed) cumulative repeats, split at week 39.
  const auto charts = salesim::tests::page_charts(html);
  const auto* tracking =
      salesim::tests::chart_titled(charts, "Tracking plot: cumulative repeat transactions");
  REQUIRE(tracking != nullptr);
  CHECK(tracking->series == 2);
  CHECK(salesim::tests::rows_with(*tracking, "series", "actual") == 78);
  CHECK(salesim::tests::rows_with(*tracking, "series", "BG/NBD model") == 78);
  const std::string text = tracking->spec.dump();
  CHECK(text.find("[6,3]") != std::string::npos);  // the model's line is dashed
  CHECK(text.find("\"week\"") != std::string::npos);
  CHECK(text.find("\"cumulative repeat transactions\"") != std::string::npos);
  CHECK(text.find("\"holdout\"") != std::string::npos);  // the shaded holdout after week 39
  const auto* weekly = salesim::tests::chart_titled(charts, "Repeat transactions per week");
  REQUIRE(weekly != nullptr);
  CHECK(salesim::tests::rows_with(*weekly, "series", "actual") == 78);

  // The fitted parameters with standard errors and the log-likelihood; the holdout check as calibrate printed
  // it.
  const std::size_t parameters = html.find("<h2>Fitted parameters</h2>");
  REQUIRE(parameters != std::string::npos);
  const std::size_t table_end = html.find("</table>", parameters);
  for (const char* parameter : {"r", "alpha", "a", "b", "log-likelihood", "p", "q", "gamma"})
    CHECK(html.find(std::string("<td>") + parameter + "</td>", parameters) < table_end);
  CHECK(html.find("<th>standard error</th>", parameters) < table_end);
  // The page writes counts as readable_number does, thousands separated ("1,234").
  const auto with_separators = [](std::string digits) {
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
    return digits;
  };
  std::smatch holdout;
  REQUIRE(std::regex_search(
      printed, holdout,
      std::regex(R"(holdout repeats: actual (\d+), model [0-9.]+ \(([-+][0-9.]+%)\); )"
                 R"(cumulative at week 78: actual (\d+), model [0-9.]+ \(([-+][0-9.]+%)\))")));
  const std::size_t check = html.find("<h2>Holdout check</h2>");
  REQUIRE(check != std::string::npos);
  CHECK(html.find("<td>holdout, weeks 40\xE2\x80\x93"
                  "78</td><td class=\"num\">" +
                      with_separators(holdout[1].str()) + "</td>",
                  check) != std::string::npos);
  CHECK(html.find(holdout[2].str(), check) != std::string::npos);
  CHECK(html.find(
            "<td>cumulative at week 78</td><td class=\"num\">" + with_separators(holdout[3].str()) + "</td>",
            check) != std::string::npos);
  CHECK(html.find(holdout[4].str(), check) != std::string::npos);

  // What a CLV analyst reads: customers by tenth of P(alive) and by decile of expected transactions.
  for (const char* heading :
       {"<h2>Customers by P(alive)</h2>", "<h2>Customers by decile of expected transactions</h2>"}) {
    const std::size_t at = html.find(heading);
    REQUIRE(at != std::string::npos);
    CHECK(occurrences(html.substr(at, html.find("</table>", at) - at), "<td class=\"bar\">") == 10);
  }
  CHECK(html.find("<td class=\"num\">2357</td>") != std::string::npos);  // 23570 customers, a tenth each
  std::filesystem::remove_all(dir);
}

TEST_CASE("salesim report refuses a damaged calibration file with exit 2 naming the file",
          "[cli][report][bad-input]") {
  namespace crafting = salesim::tests::crafting;
  const auto dir = fresh_directory("report-calibration-damaged");
  calibrate_cdnow(dir);
  const auto valid = dir / "CDNOW_master-calibration.h5";
  const salesim::tests::Crafting cases[] = {
      {"a tracking column a week short",
       [](hid_t f) {
         auto dims = crafting::dims_of(f, "/tracking/expected");
         dims[0] -= 1;
         crafting::replace_dataset(f, "/tracking/expected", H5T_IEEE_F64LE, dims);
       },
       "/tracking/expected: 77 rows, but /tracking/unit has 78"},
      {"no kind attribute", [](hid_t f) { crafting::delete_attribute(f, "/", "kind"); },
       "neither a calibration file (no kind attribute) nor a run file"},
      {"another kind", [](hid_t f) { crafting::set_string_list_attribute(f, "/", "kind", {"transactions"}); },
       "kind 'transactions': not a calibration file"},
      {"no P(alive) column", [](hid_t f) { H5Ldelete(f, "/customers/probability_alive", H5P_DEFAULT); },
       "/customers/probability_alive: missing"},
      {"parameter estimates of text",
       [](hid_t f) {
         crafting::replace_dataset(f, "/fit_transactions/estimate", H5T_C_S1,
                                   crafting::dims_of(f, "/fit_transactions/estimate"));
       },
       "/fit_transactions/estimate: holds another type"},
      {"a log-likelihood that is not a number",
       [](hid_t f) { crafting::set_string_list_attribute(f, "/", "log_likelihood", {"high"}); },
       "attribute log_likelihood: 'high' is not a number"},
      {"a tracking column that is a soft link",
       [](hid_t f) {
         H5Ldelete(f, "/tracking/actual", H5P_DEFAULT);
         H5Lcreate_soft("/tracking/expected", f, "/tracking/actual", H5P_DEFAULT, H5P_DEFAULT);
       },
       "/tracking/actual: a soft or external link"},
      {"weeks out of order",
       [](hid_t f) {
         const hid_t dataset = H5Dopen2(f, "/tracking/unit", H5P_DEFAULT);
         const double first = 2.0;
         const hsize_t start = 0, count = 1;
         const hid_t space = H5Dget_space(dataset);
         H5Sselect_hyperslab(space, H5S_SELECT_SET, &start, nullptr, &count, nullptr);
         const hid_t memory = H5Screate_simple(1, &count, nullptr);
         crafting::require(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, memory, space, H5P_DEFAULT, &first) >= 0,
                           "write /tracking/unit");
         H5Sclose(memory);
         H5Sclose(space);
         H5Dclose(dataset);
       },
       "/tracking/unit: row 1 is 2, expected 1"},
  };
  const auto crafted = dir / "crafted.h5";
  const auto page = dir / "crafted.html";
  for (const auto& damage : cases) {
    salesim::tests::craft(valid, crafted, damage.damage);
    const auto result = run_command_line(salesim_exe + " report " + crafted.string());
    INFO(damage.label << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with("salesim report: " + crafted.string() + ": "));
    CHECK(result.err.find(damage.fragment) != std::string::npos);
    CHECK(result.err.find('\n') == result.err.size() - 1);  // one line
    CHECK_FALSE(std::filesystem::exists(page));
    CHECK_FALSE(std::filesystem::exists(page.string() + ".tmp"));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("the calibration page without a holdout draws no split and says how to get one", "[cli][report]") {
  report::CalibrationRecord record;
  record.title = "fit";
  record.model = "bg_nbd";
  record.log_likelihood = -12.5;
  record.first_purchase_day = 9862;  // 1997-01-01
  record.calibration_end_day = 9862 + 20;
  for (std::uint32_t week = 1; week <= 3; ++week)
    record.tracking.push_back({week, false, 1.0, 1.5, week * 1.0, week * 1.5});
  record.transaction_parameters = {{"r", 0.25, 0.01}, {"alpha", 4.4, 0.2}, {"a", 0.8, 0.05}, {"b", 2.4, 0.2}};
  record.customers.probability_alive = {1.0, 0.5, 0.05};
  record.customers.expected_transactions = {0.2, 1.0, 3.0};
  record.customers.residual_value = {1.0, 5.0, 9.0};
  const report::ReportPage page = report::calibration_page(record);
  REQUIRE(page.sections.size() == 1);
  REQUIRE(page.sections[0].charts.size() == 2);
  CHECK(page.sections[0].charts[0].spec.find("holdout") == std::string::npos);
  const std::string html = report::report_html(page);
  CHECK(html.find("No holdout") != std::string::npos);
  CHECK(html.find("<td>log-likelihood</td><td class=\"num\">-12.50</td>") != std::string::npos);
  CHECK(html.find("first purchase 1997-01-01, calibration to 1997-01-21") != std::string::npos);

  record.customers.residual_value.pop_back();
  CHECK_THROWS_AS(report::calibration_page(record), std::invalid_argument);
}
