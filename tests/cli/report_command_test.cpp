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
#include "analysis/report/svg_chart.h"
#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"
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

/// The (x, y) pairs in the points attribute of each <polyline class="series">.
std::vector<std::size_t> polyline_point_counts(const std::string& svg) {
  std::vector<std::size_t> counts;
  const std::string marker = "<polyline class=\"series\" points=\"";
  for (std::size_t at = svg.find(marker); at != std::string::npos; at = svg.find(marker, at + 1)) {
    const std::size_t begin = at + marker.size();
    const std::string points = svg.substr(begin, svg.find('"', begin) - begin);
    counts.push_back(points.empty() ? 0 : occurrences(points, " ") + 1);
  }
  return counts;
}

/// The <svg> element whose <title> is `title`; empty when there is none.
std::string chart_titled(const std::string& html, const std::string& title) {
  const std::size_t at = html.find("<title>" + title + "</title>");
  if (at == std::string::npos) return "";
  const std::size_t begin = html.rfind("<svg", at);
  return html.substr(begin, html.find("</svg>", at) + 6 - begin);
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
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);  // self-contained: no scripts, no links out
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));
  CHECK(occurrences(html, "<svg") == occurrences(html, "</svg>"));

  const salesim::sim::io::RunFileReader reader(file);
  const auto series_names = reader.names_in("/timeseries");
  REQUIRE_FALSE(series_names.empty());
  CHECK(occurrences(html, "<svg") == series_names.size());
  for (const auto& name : series_names) CHECK(html.find("<title>" + name + "</title>") != std::string::npos);

  const std::size_t table = html.find("<table class=\"statistics\">");
  REQUIRE(table != std::string::npos);
  CHECK(html.find("customer_equity", table) < html.find("</table>", table));
  // Units from the file: next to each metric in the table, on each chart's value axis.
  CHECK(html.find("<td class=\"unit\">NPS points</td>", table) < html.find("</table>", table));
  CHECK(html.find(">revenue ($)</text>") != std::string::npos);
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

TEST_CASE("line_chart_svg draws the finite values only, one polyline point per finite value",
          "[cli][report]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  report::ChartData chart;
  chart.title = "revenue <&> \"test\"";
  chart.y_label = "revenue";
  chart.x = {1, 2, 3, 4, 5};
  chart.series = {
      {"a", {1.0, nan, 3.0, 4.0, 2.0}}, {"b", {nan, nan, 2.5, 2.0, nan}}, {"c", {nan, nan, nan, nan, nan}}};
  chart.band = report::ChartBand{"p10-p90", {0.5, nan, 2.0, 3.0, 1.0}, {1.5, nan, 4.0, 5.0, 3.0}};
  const std::string svg = report::line_chart_svg(chart);

  CHECK(polyline_point_counts(svg) == std::vector<std::size_t>{4, 2});  // "c" has nothing to draw
  CHECK(svg.find("NaN") == std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(svg.find("revenue &lt;&amp;&gt; &quot;test&quot;") != std::string::npos);
  CHECK(occurrences(svg, "<svg") == 1);
  CHECK(occurrences(svg, "</svg>") == 1);
  CHECK(occurrences(svg, "<polygon class=\"band\"") == 1);
  CHECK(svg.find(">month</text>") != std::string::npos);
  CHECK(svg.find(">c</text>") != std::string::npos);  // legend lists every drawn series

  chart.series.assign(10, chart.series.front());
  CHECK(polyline_point_counts(report::line_chart_svg(chart)).size() == report::max_chart_series);
  chart.series.front().y.pop_back();
  CHECK_THROWS_AS(report::line_chart_svg(chart), std::invalid_argument);
}

TEST_CASE("nice_ticks covers the range with round steps", "[cli][report]") {
  CHECK(report::nice_ticks(0.0, 10.0, 5) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(report::nice_ticks(1.0, 36.0, 8) == std::vector<double>{5, 10, 15, 20, 25, 30, 35});
  CHECK(report::nice_ticks(3.0, 3.0) == std::vector<double>{3.0});
  CHECK(report::nice_ticks(1.0, std::nan("")).empty());
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
  CHECK(html.find("<script") == std::string::npos);

  // The tracking plot: 78 weeks of actual (solid) and model (dashed) cumulative repeats, split at week 39.
  const std::string tracking = chart_titled(html, "Tracking plot: cumulative repeat transactions");
  REQUIRE_FALSE(tracking.empty());
  CHECK(polyline_point_counts(tracking) == std::vector<std::size_t>{78, 78});
  CHECK(occurrences(tracking, "stroke-dasharray=\"6 3\"") == 2);  // the model's line and its legend
  CHECK(tracking.find(">week</text>") != std::string::npos);
  CHECK(tracking.find(">cumulative repeat transactions</text>") != std::string::npos);
  CHECK(tracking.find(">actual</text>") != std::string::npos);
  CHECK(tracking.find(">BG/NBD model</text>") != std::string::npos);
  CHECK(occurrences(tracking, "class=\"split\"") == 2);  // the shaded holdout and the line with its labels
  CHECK(tracking.find(">calibration</text>") != std::string::npos);
  CHECK(tracking.find(">holdout</text>") != std::string::npos);
  const std::string weekly = chart_titled(html, "Repeat transactions per week");
  REQUIRE_FALSE(weekly.empty());
  CHECK(polyline_point_counts(weekly) == std::vector<std::size_t>{78, 78});
  CHECK(weekly.find(">repeat transactions per week</text>") != std::string::npos);

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

TEST_CASE("line_chart_svg marks a period split inside the x range only", "[cli][report]") {
  report::ChartData chart;
  chart.title = "split";
  chart.x = {1, 2, 3, 4};
  chart.series = {{"actual", {1, 2, 3, 4}}, {"model", {1, 2, 2.5, 3}, true}};
  chart.split = report::ChartPeriodSplit{2.5, "before", "after"};
  const std::string svg = report::line_chart_svg(chart);
  CHECK(svg.find(">before</text>") != std::string::npos);
  CHECK(svg.find(">after</text>") != std::string::npos);
  CHECK(occurrences(svg, "stroke-dasharray=\"6 3\"") == 2);
  // The line sits halfway along the x axis: 2.5 of [1, 4] between pixels 72 and 560.
  CHECK(svg.find("<line x1=\"316.0\"") != std::string::npos);
  chart.split->x = 4.0;  // at the edge: no later period to shade
  CHECK(report::line_chart_svg(chart).find("class=\"split\"") == std::string::npos);
  chart.split->x = std::nan("");
  CHECK(report::line_chart_svg(chart).find("class=\"split\"") == std::string::npos);
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
  REQUIRE(page.charts.size() == 2);
  CHECK_FALSE(page.charts[0].chart.split);
  const std::string html = report::report_html(page);
  CHECK(html.find("No holdout") != std::string::npos);
  CHECK(html.find("<td>log-likelihood</td><td class=\"num\">-12.50</td>") != std::string::npos);
  CHECK(html.find("first purchase 1997-01-01, calibration to 1997-01-21") != std::string::npos);

  record.customers.residual_value.pop_back();
  CHECK_THROWS_AS(report::calibration_page(record), std::invalid_argument);
}
