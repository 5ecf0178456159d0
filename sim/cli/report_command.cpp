// Reading a run or calibration file into the report's plain structs, and writing the page atomically.
#include "sim/cli/report_command.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "analysis/monte_carlo_stats.h"
#include "analysis/report/calibration_page.h"
#include "analysis/report/html_report.h"
#include "analysis/report/svg_chart.h"
#include "sim/cli/calibration_record.h"
#include "sim/cli/option_checks.h"
#include "sim/io/run_file_reader.h"
#include "sim/io/table_file_reader.h"
#include "sim/io/text_file.h"

namespace salesim::sim::cli {
namespace {

namespace report = analysis::report;

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The top-level `name:` of each scenario in the stored YAML (`salesim compare` stores one
/// document per scenario); a line scan, because only sim/io may parse YAML and the stored text
/// is the writer's own resolved output.
std::vector<std::string> scenario_names(const std::string& yaml) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start < yaml.size()) {
    const std::size_t end = std::min(yaml.find('\n', start), yaml.size());
    const std::string_view line(yaml.data() + start, end - start);
    if (line.starts_with("name:")) {
      std::string value(line.substr(5));
      value.erase(0, value.find_first_not_of(" \t\"'"));
      value.erase(value.find_last_not_of(" \t\"'\r") + 1);
      if (!value.empty()) names.push_back(value);
    }
    start = end + 1;
  }
  return names;
}

/// "name=value, ..." per design point, or "point k" when the file has no design parameters.
std::vector<std::string> design_point_labels(const io::RunFileReader& reader, std::size_t points,
                                             const std::vector<std::string>& scenarios) {
  std::vector<std::string> names;
  std::vector<double> values;
  try {
    values = reader.read_doubles("/design/params");
    names = reader.string_array_attribute("/design/params", "names");
  } catch (const std::runtime_error&) {
    names.clear();  // older or hand-made files: number the points instead
  }
  if (names == std::vector<std::string>{"scenario"} && scenarios.size() == points && points > 1)
    return scenarios;  // a comparison: its points are the scenarios, in order
  std::vector<std::string> labels;
  for (std::size_t p = 0; p < points; ++p) {
    std::string label;
    if (!names.empty() && values.size() == points * names.size()) {
      for (std::size_t k = 0; k < names.size(); ++k) {
        if (k > 0) label += ", ";
        label += fmt::format("{}={:g}", names[k], values[p * names.size() + k]);
      }
    } else {
      label = points == 1 ? "all replications" : fmt::format("point {}", p + 1);
    }
    labels.push_back(label);
  }
  return labels;
}

/// Legend text for a design point: its parameter values only, "a, b" (the names go in the
/// caption), so that lines stay distinguishable in the narrow legend.
std::vector<std::string> design_point_values(const io::RunFileReader& reader, std::size_t points,
                                             std::string& parameter_names) {
  std::vector<std::string> labels;
  try {
    const auto values = reader.read_doubles("/design/params");
    const auto names = reader.string_array_attribute("/design/params", "names");
    if (names.empty() || names == std::vector<std::string>{"scenario"} ||
        values.size() != points * names.size())
      return {};
    for (std::size_t k = 0; k < names.size(); ++k) parameter_names += (k > 0 ? ", " : "") + names[k];
    for (std::size_t p = 0; p < points; ++p) {
      std::string label;
      for (std::size_t k = 0; k < names.size(); ++k)
        label += fmt::format("{}{:g}", k > 0 ? ", " : "", values[p * names.size() + k]);
      labels.push_back(label);
    }
  } catch (const std::runtime_error&) {
    return {};
  }
  return labels;
}

/// Indices of at most max_chart_series design points, evenly spread and including the first.
std::vector<std::size_t> charted_points(std::size_t points) {
  std::vector<std::size_t> chosen;
  const std::size_t count = std::min(points, report::max_chart_series);
  for (std::size_t i = 0; i < count; ++i)
    chosen.push_back(count == 1 ? 0
                                : static_cast<std::size_t>(
                                      std::llround(static_cast<double>(i) * static_cast<double>(points - 1) /
                                                   static_cast<double>(count - 1))));
  return chosen;
}

/// The metric's unit or meaning as the file recorded it on `dataset`; "" in files without them.
std::string metric_label(const io::RunFileReader& reader, const std::string& dataset, const char* attribute) {
  return reader.has_attribute(dataset, attribute) ? reader.string_attribute(dataset, attribute) : "";
}

report::ChartFigure timeseries_figure(const io::RunFileReader& reader, const std::string& metric,
                                      const std::vector<std::uint8_t>& done,
                                      const std::vector<std::string>& point_labels,
                                      const std::string& parameter_names) {
  const std::string path = "/timeseries/" + metric;
  const auto dims = reader.shape(path);
  if (dims.size() != 3) throw std::runtime_error(path + ": expected [points x replications x months]");
  const std::size_t points = dims[0], replications = dims[1], months = dims[2];
  const std::vector<double> values = reader.read_doubles(path);
  const auto finished = [&](std::size_t p, std::size_t r) {
    const std::size_t index = p * replications + r;
    return index >= done.size() || done[index] != 0;
  };

  report::ChartData chart;
  chart.title = metric;
  const std::string unit = metric_label(reader, path, "unit");
  chart.y_label = unit.empty() ? metric : metric + " (" + unit + ")";
  for (std::size_t t = 0; t < months; ++t) chart.x.push_back(static_cast<double>(t + 1));
  const std::vector<std::size_t> chosen = charted_points(points);
  std::vector<double> across(replications);
  for (const std::size_t p : chosen) {
    report::ChartSeries series{p < point_labels.size() ? point_labels[p] : fmt::format("point {}", p + 1),
                               {}};
    for (std::size_t t = 0; t < months; ++t) {
      double sum = 0.0;
      std::size_t n = 0;
      for (std::size_t r = 0; r < replications; ++r) {
        const double value = values[(p * replications + r) * months + t];
        if (finished(p, r) && std::isfinite(value)) {
          sum += value;
          ++n;
        }
      }
      series.y.push_back(n > 0 ? sum / static_cast<double>(n) : std::nan(""));
    }
    chart.series.push_back(std::move(series));
  }
  if (points > 0 && replications > 0) {
    const std::string first_label = chart.series.front().label;
    report::ChartBand band{points == 1 ? "10th-90th percentile" : "10th-90th pct., " + first_label, {}, {}};
    constexpr double probabilities[] = {0.1, 0.9};
    for (std::size_t t = 0; t < months; ++t) {
      across.clear();
      for (std::size_t r = 0; r < replications; ++r)
        if (finished(0, r)) across.push_back(values[r * months + t]);
      const auto q = analysis::quantiles(across, probabilities);  // NaN when no value is finite
      band.low.push_back(q[0]);
      band.high.push_back(q[1]);
    }
    chart.band = std::move(band);
  }
  const std::string meaning = metric_label(reader, path, "meaning");
  std::string caption =
      fmt::format("{}Mean over replications per month; shaded: 10th to 90th percentile of {}.",
                  meaning.empty() ? "" : meaning + " ",
                  points == 1 ? "the replications" : "the first design point's replications");
  if (!parameter_names.empty()) caption += " Lines are labelled by " + parameter_names + ".";
  if (points > chosen.size())
    caption += fmt::format(" {} of {} design points drawn, evenly spread.", chosen.size(), points);
  return {std::move(chart), std::move(caption)};
}

report::StatisticsTable statistics_table(const io::RunFileReader& reader, const std::string& group,
                                         std::vector<std::string> column_labels) {
  report::StatisticsTable table;
  table.column_labels = std::move(column_labels);
  for (const auto& metric : reader.names_in("/" + group)) {
    auto statistics = reader.read_stats(metric, group);
    if (statistics.size() != table.column_labels.size())
      throw std::runtime_error(fmt::format("/{}/{}: {} rows, expected {}", group, metric, statistics.size(),
                                           table.column_labels.size()));
    // /stats and /comparison rows are summaries: their unit and meaning sit on /summary/<metric>.
    const std::string summary = "/summary/" + metric;
    table.rows.push_back({metric, std::move(statistics), metric_label(reader, summary, "unit"),
                          metric_label(reader, summary, "meaning")});
  }
  return table;
}

/// The file's timeline changes ("point 2 from month 13: ..."), and the first change's month, which
/// the charts mark; a file without /timeline has none.
struct RecordedTimeline {
  std::vector<std::string> changes;
  std::optional<double> first_month;
};

RecordedTimeline recorded_timeline(const io::RunFileReader& reader, const std::vector<std::string>& root) {
  RecordedTimeline timeline;
  if (!contains(root, "timeline")) return timeline;
  const std::vector<double> months = reader.read_doubles("/timeline/month");
  const std::vector<double> points = reader.read_doubles("/timeline/point");
  std::vector<std::string> texts;
  if (reader.has_attribute("/timeline", "changes"))
    texts = reader.string_array_attribute("/timeline", "changes");
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (!std::isfinite(months[i])) continue;
    const std::string point = i < points.size() ? fmt::format("point {}", points[i] + 1) : "a point";
    timeline.changes.push_back(fmt::format("{} from month {}: {}", point, months[i],
                                           i < texts.size() ? texts[i] : "(not recorded)"));
    timeline.first_month = std::min(timeline.first_month.value_or(months[i]), months[i]);
  }
  return timeline;
}

report::ReportPage run_page(const io::RunFileReader& reader, const std::filesystem::path& input) {
  report::ReportPage page;
  const auto root = reader.names_in("/");
  if (contains(root, "scenario")) page.scenario_yaml = reader.string_attribute("/scenario", "yaml");
  const auto scenarios = scenario_names(page.scenario_yaml);
  for (const auto& name : scenarios) page.title += (page.title.empty() ? "" : " vs ") + name;
  if (page.title.empty()) page.title = input.stem().string();

  for (const char* key : {"salesim_version", "git_commit", "created_utc", "command", "status"}) {
    try {
      page.provenance.emplace_back(key, reader.string_attribute("/", key));
    } catch (const std::runtime_error&) {
      page.provenance.emplace_back(key, "(not recorded)");
    }
  }
  try {
    page.provenance.emplace(page.provenance.begin() + 4, "seed",
                            std::to_string(reader.uint_attribute("/", "seed")));
  } catch (const std::runtime_error&) {
    page.provenance.emplace(page.provenance.begin() + 4, "seed", "(not recorded)");
  }
  page.provenance.emplace_back("file", input.string());

  const auto done_shape = reader.shape("/design/done");
  const std::size_t points = done_shape.empty() ? 0 : done_shape[0];
  const std::size_t replications = done_shape.size() < 2 ? 0 : done_shape[1];
  const auto done = reader.read_done_mask();
  const auto finished = static_cast<std::size_t>(std::count(done.begin(), done.end(), std::uint8_t{1}));
  page.provenance.emplace_back("runs", fmt::format("{} design point{} x {} replications, {} finished", points,
                                                   points == 1 ? "" : "s", replications, finished));
  const auto labels = design_point_labels(reader, points, scenarios);

  if (contains(root, "stats")) {
    page.statistics = statistics_table(reader, "stats", labels);
    page.statistics->heading = "Statistics";
    page.statistics->note = "Mean over replications and its 95% confidence interval, per design point.";
  } else {
    page.statistics.emplace();
    page.statistics->heading = "Statistics";
    page.statistics->note = "This file has no /stats group (an unfinished run).";
  }
  if (contains(root, "comparison") && points > 1) {
    std::vector<std::string> difference_labels;
    for (std::size_t p = 1; p < points; ++p) difference_labels.push_back(labels[p] + " minus " + labels[0]);
    page.comparison = statistics_table(reader, "comparison", difference_labels);
    page.comparison->heading = "Paired differences";
    page.comparison->note =
        "Difference to the first design point, replication by replication (common random numbers), "
        "with its 95% confidence interval.";
  }
  std::string parameter_names;
  const auto legend = design_point_values(reader, points, parameter_names);
  const RecordedTimeline timeline = recorded_timeline(reader, root);
  for (const std::string& change : timeline.changes) page.provenance.emplace_back("timeline", change);
  if (contains(root, "timeseries")) {
    for (const auto& metric : reader.names_in("/timeseries")) {
      page.charts.push_back(
          timeseries_figure(reader, metric, done, legend.empty() ? labels : legend, parameter_names));
      // The change month splits every chart: before it the scenarios share their past.
      if (timeline.first_month) {
        page.charts.back().chart.split = report::ChartPeriodSplit{
            *timeline.first_month - 0.5, "common past", fmt::format("from month {}", *timeline.first_month)};
      }
    }
  }
  return page;
}

/// The input, opened as what its root says it is: a calibration file carries the attribute kind
/// (and a kind other than calibration is refused when read), a run file its schema_version.
using ReportInput = std::variant<io::TableFileReader, io::RunFileReader>;

/// @throws io::TableFileFormatError or io::RunFileFormatError when the file is not HDF5 or neither kind.
ReportInput open_input(const std::filesystem::path& input) {
  io::TableFileReader file(input);
  if (file.has_attribute("kind"))
    return ReportInput(std::in_place_type<io::TableFileReader>, std::move(file));
  if (!file.has_attribute("schema_version"))
    file.refuse(
        "neither a calibration file (no kind attribute) nor a run file (no schema_version attribute)");
  return ReportInput(std::in_place_type<io::RunFileReader>, input);  // checks the run file's layout
}

report::ReportPage read_page(const ReportInput& opened, const std::filesystem::path& input) {
  if (const auto* calibration = std::get_if<io::TableFileReader>(&opened))
    return report::calibration_page(read_calibration_record(*calibration));
  return run_page(std::get<io::RunFileReader>(opened), input);
}

}  // namespace

int report_command(const ReportOptions& options) {
  const std::filesystem::path input = options.input_path;
  std::error_code error;
  if (!std::filesystem::is_regular_file(input, error)) {
    std::cerr << "salesim report: " << input.string() << ": no such file\n";
    return 2;
  }
  std::optional<ReportInput> opened;
  try {
    opened.emplace(open_input(input));  // not HDF5, neither kind, a run file of another schema
  } catch (const io::RunFileFormatError& bad) {
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const io::TableFileFormatError& bad) {
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const std::exception& failure) {
    std::cerr << "salesim report: " << input.string() << ": " << failure.what() << '\n';
    return 1;
  }
  std::filesystem::path output = options.output_path;
  if (output.empty()) output = std::filesystem::path(input).replace_extension(".html");
  try {
    const std::filesystem::path inputs[] = {input};
    check_output_path(options.output_path.empty() ? "output" : "-o", output, inputs);
  } catch (const OptionError& refused) {
    std::cerr << refused.what() << '\n';
    return 2;
  }
  try {
    io::write_text_atomically(output, report::report_html(read_page(*opened, input)));
  } catch (const io::RunFileFormatError& bad) {
    // Found while reading, before the page is written: no page and no temporary file.
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const io::TableFileFormatError& bad) {
    std::cerr << "salesim report: " << bad.what() << '\n';
    return 2;
  } catch (const std::exception& failure) {
    std::cerr << "salesim report: " << input.string() << ": " << failure.what() << '\n';
    return 1;
  }
  std::cout << "written: " << output.string() << '\n';
  return 0;
}

}  // namespace salesim::sim::cli
