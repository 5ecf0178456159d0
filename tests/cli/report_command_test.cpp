// `salesim report`: an HTML page with a statistics table and one SVG chart per time series.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "analysis/report/html_report.h"
#include "analysis/report/svg_chart.h"
#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"

using salesim::tests::fresh_directory;
using salesim::tests::run_command_line;
namespace report = salesim::analysis::report;

namespace {

const std::string salesim_exe = SALESIM_EXECUTABLE;
const std::string baseline = std::string(SALESIM_SOURCE_DIR) + "/scenarios/classroom/baseline.yaml";

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
  page.statistics.heading = "Statistics";
  page.statistics.column_labels = {"x=1", "x=2"};
  page.statistics.rows = {
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
