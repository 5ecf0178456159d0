// Reading a run file for the report: design, statistics over finished runs, monthly CIs, timeline.
#include "sim/cli/report_reading.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "analysis/metric_registry.h"

namespace salesim::sim::cli {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// The names in `group`, in the registry's order (`wanted`), then any the registry lacks.
std::vector<std::string> in_registry_order(std::vector<std::string> present,
                                           const std::vector<std::string>& wanted) {
  std::vector<std::string> ordered;
  for (const auto& name : wanted)
    if (contains(present, name)) ordered.push_back(name);
  for (const auto& name : present)
    if (!contains(ordered, name)) ordered.push_back(name);
  return ordered;
}

std::string attribute_or_empty(const io::RunFileReader& reader, const std::string& object, const char* name) {
  return reader.has_attribute(object, name) ? reader.string_attribute(object, name) : "";
}

/// The value of a `key:` line, unquoted; a folded or literal block (`>`, `|`) is joined from the
/// more indented lines after it.
std::string scalar_after(std::string_view value, const std::vector<std::string_view>& following) {
  std::string text(value);
  text.erase(0, text.find_first_not_of(" \t"));
  text.erase(text.find_last_not_of(" \t\r") + 1);
  if (!text.empty() && (text[0] == '>' || text[0] == '|')) {
    text.clear();
    for (const std::string_view line : following) {
      if (line.empty() || (line[0] != ' ' && line[0] != '\t')) break;
      std::string part(line);
      part.erase(0, part.find_first_not_of(" \t"));
      part.erase(part.find_last_not_of(" \t\r") + 1);
      text += (text.empty() ? "" : " ") + part;
    }
    return text;
  }
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') return text.substr(1, text.size() - 2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    // The writer's double-quoted scalars escape newlines, quotes and backslashes; a line break
    // reads as a space here.
    std::string unquoted;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i] == '\\' && i + 2 < text.size()) {
        const char escaped = text[++i];
        unquoted += escaped == 'n' || escaped == 't' ? ' ' : escaped;
      } else {
        unquoted += text[i];
      }
    }
    unquoted.erase(unquoted.find_last_not_of(' ') + 1);
    return unquoted;
  }
  return text;
}

}  // namespace

std::vector<StoredScenario> stored_scenarios(const std::string& yaml) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < yaml.size();) {
    const std::size_t end = std::min(yaml.find('\n', start), yaml.size());
    lines.emplace_back(yaml.data() + start, end - start);
    start = end + 1;
  }
  std::vector<StoredScenario> scenarios;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::vector<std::string_view> following(lines.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                                  lines.end());
    if (lines[i].starts_with("name:")) {
      const std::string name = scalar_after(lines[i].substr(5), following);
      if (!name.empty()) scenarios.push_back({name, ""});
    } else if (lines[i].starts_with("description:") && !scenarios.empty()) {
      scenarios.back().description = scalar_after(lines[i].substr(12), following);
    }
  }
  return scenarios;
}

RunFileDesign read_design(const io::RunFileReader& reader, const std::vector<std::string>& scenarios) {
  RunFileDesign design;
  design.points = reader.layout().points;
  design.replications = reader.layout().replications;
  design.done = reader.read_done_mask();
  design.finished =
      static_cast<std::size_t>(std::count(design.done.begin(), design.done.end(), std::uint8_t{1}));
  std::vector<std::string> names = reader.layout().parameter_names;
  std::vector<double> values;
  if (!names.empty()) values = reader.read_doubles("/design/params");
  if (names == std::vector<std::string>{"scenario"} || (design.points > 1 && names.empty())) {
    design.kind = RunFileKind::comparison;
    for (std::size_t p = 0; p < design.points; ++p)
      design.point_labels.push_back(scenarios.size() == design.points ? scenarios[p]
                                                                      : fmt::format("point {}", p + 1));
    return design;
  }
  if (design.points <= 1 && names.empty()) {
    design.point_labels = {"all replications"};
    return design;
  }
  design.kind = RunFileKind::sweep;
  design.parameter_names = names;
  design.parameter_values = values;
  for (std::size_t p = 0; p < design.points; ++p) {
    std::string label;
    for (std::size_t k = 0; k < names.size(); ++k)
      label += fmt::format("{}{}={:g}", k > 0 ? ", " : "", names[k], values[p * names.size() + k]);
    design.point_labels.push_back(label);
  }
  return design;
}

MetricFacts metric_facts(const io::RunFileReader& reader, const std::string& metric) {
  if (const analysis::MetricDefinition* known = analysis::find_metric(metric))
    return {metric, std::string(analysis::unit_label(known->unit)), std::string(known->meaning),
            std::string(analysis::part_name(known->part))};
  for (const char* group : {"/summary/", "/timeseries/"}) {
    const std::string path = group + metric;
    if (reader.has_attribute(path, "unit") || reader.has_attribute(path, "meaning"))
      return {metric, attribute_or_empty(reader, path, "unit"), attribute_or_empty(reader, path, "meaning"),
              "other"};
  }
  return {metric, "", "", "other"};
}

std::vector<std::string> summary_metrics(const io::RunFileReader& reader) {
  std::vector<std::string> names =
      in_registry_order(reader.names_in("/summary"), analysis::summary_metric_names());
  // Customers won by reps' hunting are 0, not NaN, in a world without reps, where they do not apply;
  // without reps every workforce metric (comp_cost among them) is NaN.
  if (contains(names, "comp_cost")) {
    const std::vector<double> pay = reader.read_doubles("/summary/comp_cost");
    if (std::none_of(pay.begin(), pay.end(), [](double value) { return std::isfinite(value); }))
      std::erase(names, std::string("acquisitions_sales"));
  }
  return names;
}

std::vector<std::string> timeseries_metrics(const io::RunFileReader& reader) {
  if (!contains(reader.names_in("/"), "timeseries")) return {};
  return in_registry_order(reader.names_in("/timeseries"), analysis::timeseries_metric_names());
}

std::vector<double> summary_values(const io::RunFileReader& reader, const RunFileDesign& design,
                                   const std::string& metric, std::size_t point) {
  const std::vector<double> all = reader.read_doubles("/summary/" + metric);
  std::vector<double> values(design.replications, std::nan(""));
  for (std::size_t r = 0; r < design.replications; ++r)
    if (design.finished_run(point, r)) values[r] = all[point * design.replications + r];
  return values;
}

std::vector<analysis::SummaryStatistics> summary_statistics(const io::RunFileReader& reader,
                                                            const RunFileDesign& design,
                                                            const std::string& metric) {
  const std::vector<double> all = reader.read_doubles("/summary/" + metric);
  std::vector<analysis::SummaryStatistics> by_point;
  std::vector<double> values;
  for (std::size_t p = 0; p < design.points; ++p) {
    values.clear();
    for (std::size_t r = 0; r < design.replications; ++r)
      if (design.finished_run(p, r)) values.push_back(all[p * design.replications + r]);
    by_point.push_back(analysis::summarize_replications(values));
  }
  return by_point;
}

std::vector<std::vector<analysis::SummaryStatistics>> monthly_statistics(const io::RunFileReader& reader,
                                                                         const RunFileDesign& design,
                                                                         const std::string& metric) {
  const std::string path = "/timeseries/" + metric;
  const auto dims = reader.shape(path);
  if (dims.size() != 3) throw std::runtime_error(path + ": expected [points x replications x months]");
  const std::size_t months = dims[2];
  const std::vector<double> all = reader.read_doubles(path);
  std::vector<std::vector<analysis::SummaryStatistics>> by_point(design.points);
  std::vector<double> values;
  for (std::size_t p = 0; p < design.points; ++p) {
    for (std::size_t t = 0; t < months; ++t) {
      values.clear();
      for (std::size_t r = 0; r < design.replications; ++r)
        if (design.finished_run(p, r)) values.push_back(all[(p * design.replications + r) * months + t]);
      by_point[p].push_back(analysis::summarize_replications(values));
    }
  }
  return by_point;
}

RecordedTimeline recorded_timeline(const io::RunFileReader& reader) {
  RecordedTimeline timeline;
  if (!contains(reader.names_in("/"), "timeline")) return timeline;
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

}  // namespace salesim::sim::cli
