// SVG line charts: scale the finite values into a fixed plot area, draw ticks, lines, band, legend.
#include "analysis/report/svg_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace salesim::analysis::report {
namespace {

// Tableau 10: distinguishable for most colour-blind readers and in greyscale print.
constexpr std::array<std::string_view, max_chart_series> palette = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"};

constexpr double width = 760.0;
constexpr double height = 320.0;
constexpr double plot_left = 72.0;
constexpr double plot_right = 560.0;
constexpr double plot_top = 34.0;
constexpr double plot_bottom = 272.0;
constexpr double legend_left = 578.0;

struct Range {
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  void include(double value) {
    if (!std::isfinite(value)) return;
    low = std::min(low, value);
    high = std::max(high, value);
  }
  [[nodiscard]] bool empty() const { return low > high; }
};

/// Widens a single value to a visible interval and, when asked, the range to its outer ticks
/// (the value axis; months keep their exact span).
std::vector<double> axis_ticks(Range& range, int target, bool widen_to_ticks) {
  if (range.low == range.high) {
    const double pad = range.low == 0.0 ? 1.0 : std::abs(range.low) * 0.1;
    range.low -= pad;
    range.high += pad;
  }
  auto ticks = nice_ticks(range.low, range.high, target);
  if (widen_to_ticks && ticks.size() >= 2) {
    const double step = ticks[1] - ticks[0];
    if (ticks.front() > range.low + step * 1e-9) ticks.insert(ticks.begin(), ticks.front() - step);
    if (ticks.back() < range.high - step * 1e-9) ticks.push_back(ticks.back() + step);
    range.low = ticks.front();
    range.high = ticks.back();
  }
  return ticks;
}

/// Tick text with a k/M suffix for large values, and as many decimals as the step needs.
std::string tick_label(double value, double step, double largest) {
  double scale = 1.0;
  std::string_view suffix;
  if (largest >= 1e6) {
    scale = 1e6;
    suffix = "M";
  } else if (largest >= 1e4) {
    scale = 1e3;
    suffix = "k";
  }
  if (std::abs(value) < step * 1e-9) return "0";
  const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(step / scale) - 1e-9)), 0, 6);
  return fmt::format("{:.{}f}{}", value / scale, decimals, suffix);
}

/// Legend text fits the space right of the plot; the line's <title> keeps the full label.
std::string legend_text(const std::string& label) {
  constexpr std::size_t longest = 26;
  return label.size() <= longest ? label : label.substr(0, longest - 1) + "\xE2\x80\xA6";
}

/// The stroke-dasharray attribute of a dashed series, with its leading space; "" for a solid one.
std::string_view dash_attribute(const ChartSeries& series) {
  return series.dashed ? " stroke-dasharray=\"6 3\"" : "";
}

double scaled(double value, const Range& from, double to_low, double to_high) {
  return to_low + (value - from.low) / (from.high - from.low) * (to_high - to_low);
}

}  // namespace

std::string escape_markup(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::vector<double> nice_ticks(double low, double high, int target) {
  if (!std::isfinite(low) || !std::isfinite(high) || low > high) return {};
  if (low == high) return {low};
  const double raw = (high - low) / std::max(target, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalized = raw / magnitude;
  const double step = (normalized < 1.5   ? 1.0
                       : normalized < 3.0 ? 2.0
                       : normalized < 7.0 ? 5.0
                                          : 10.0) *
                      magnitude;
  std::vector<double> ticks;
  const double first = std::ceil(low / step - 1e-9);
  for (double i = first;; i += 1.0) {
    const double tick = i * step;  // multiply, not accumulate, so ticks stay round
    if (tick > high + step * 1e-9) break;
    ticks.push_back(tick);
  }
  return ticks;
}

std::string line_chart_svg(const ChartData& chart) {
  const std::size_t count = chart.x.size();
  for (const auto& series : chart.series) {
    if (series.y.size() != count)
      throw std::invalid_argument("chart series " + series.label + ": wrong length");
  }
  if (chart.band && (chart.band->low.size() != count || chart.band->high.size() != count)) {
    throw std::invalid_argument("chart band: wrong length");
  }
  const std::size_t drawn = std::min(chart.series.size(), max_chart_series);

  Range x_range, y_range;
  for (std::size_t i = 0; i < count; ++i) {
    bool used = false;
    for (std::size_t s = 0; s < drawn; ++s) {
      if (std::isfinite(chart.series[s].y[i])) {
        y_range.include(chart.series[s].y[i]);
        used = true;
      }
    }
    if (chart.band && std::isfinite(chart.band->low[i]) && std::isfinite(chart.band->high[i])) {
      y_range.include(chart.band->low[i]);
      y_range.include(chart.band->high[i]);
      used = true;
    }
    if (used) x_range.include(chart.x[i]);
  }

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">\n<title>{2}</title>\n",
      width, height, escape_markup(chart.title));
  svg += fmt::format("<text x=\"{}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{}</text>\n", plot_left,
                     escape_markup(chart.title));
  if (x_range.empty() || y_range.empty()) {
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#666\">no finite "
        "values</text>\n"
        "</svg>\n",
        (plot_left + plot_right) / 2, (plot_top + plot_bottom) / 2);
    return svg;
  }
  const auto x_ticks = axis_ticks(x_range, 8, false);
  const auto y_ticks = axis_ticks(y_range, 5, true);
  const auto px = [&](double x) { return scaled(x, x_range, plot_left, plot_right); };
  const auto py = [&](double y) { return scaled(y, y_range, plot_bottom, plot_top); };

  // The shaded later period first, so that the grid and the data are drawn over it.
  const bool split = chart.split && std::isfinite(chart.split->x) && chart.split->x > x_range.low &&
                     chart.split->x < x_range.high;
  if (split) {
    svg += fmt::format(
        "<rect class=\"split\" x=\"{0:.1f}\" y=\"{1}\" width=\"{2:.1f}\" height=\"{3}\" fill=\"#777\" "
        "fill-opacity=\"0.1\"/>\n",
        px(chart.split->x), plot_top, plot_right - px(chart.split->x), plot_bottom - plot_top);
  }

  // Grid and ticks next, so that data is drawn over them.
  svg += "<g class=\"axes\" font-size=\"11\" fill=\"#333\">\n";
  const double y_step = y_ticks.size() >= 2 ? y_ticks[1] - y_ticks[0] : 1.0;
  const double y_largest = std::max(std::abs(y_range.low), std::abs(y_range.high));
  for (const double tick : y_ticks) {
    const double y = py(tick);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#e3e3e3\"/>"
        "<line x1=\"{3:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{1:.1f}\" stroke=\"#333\"/>"
        "<text x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"end\">{6}</text>\n",
        plot_left, y, plot_right, plot_left - 5, plot_left - 8, y + 4, tick_label(tick, y_step, y_largest));
  }
  const double x_step = x_ticks.size() >= 2 ? x_ticks[1] - x_ticks[0] : 1.0;
  const double x_largest = std::max(std::abs(x_range.low), std::abs(x_range.high));
  for (const double tick : x_ticks) {
    const double x = px(tick);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
        x, plot_bottom, plot_bottom + 5, plot_bottom + 18, tick_label(tick, x_step, x_largest));
  }
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\" stroke=\"#333\"/>"
      "<line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>\n"
      "<text x=\"{4}\" y=\"{5}\" text-anchor=\"middle\" font-size=\"12\">{6}</text>\n"
      "<text x=\"16\" y=\"{7}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 {7})\">{8}"
      "</text>\n</g>\n",
      plot_left, plot_right, plot_bottom, plot_top, (plot_left + plot_right) / 2, plot_bottom + 38,
      escape_markup(chart.x_label), (plot_top + plot_bottom) / 2, escape_markup(chart.y_label));

  if (chart.band) {
    std::string upper, lower;
    for (std::size_t i = 0; i < count; ++i) {
      if (!std::isfinite(chart.x[i]) || !std::isfinite(chart.band->low[i]) ||
          !std::isfinite(chart.band->high[i]))
        continue;
      upper += fmt::format("{:.1f},{:.1f} ", px(chart.x[i]), py(chart.band->high[i]));
    }
    for (std::size_t i = count; i-- > 0;) {
      if (!std::isfinite(chart.x[i]) || !std::isfinite(chart.band->low[i]) ||
          !std::isfinite(chart.band->high[i]))
        continue;
      lower += fmt::format("{:.1f},{:.1f} ", px(chart.x[i]), py(chart.band->low[i]));
    }
    if (!upper.empty()) {
      const std::string points = upper + lower;
      svg += fmt::format(
          "<polygon class=\"band\" points=\"{}\" fill=\"{}\" fill-opacity=\"0.2\" stroke=\"none\"/>\n",
          points.substr(0, points.size() - 1), palette[0]);
    }
  }

  if (split) {
    // The labels sit at the foot of the plot, where growing curves leave room, on a white halo so
    // that a line passing under them leaves them legible.
    const double x = px(chart.split->x);
    svg += fmt::format(
        "<g class=\"split\" font-size=\"11\" fill=\"#444\" stroke=\"#fff\" stroke-width=\"3\" "
        "paint-order=\"stroke\">\n"
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#555\" stroke-width=\"1.2\" "
        "stroke-dasharray=\"5 3\"/>\n"
        "<text x=\"{3:.1f}\" y=\"{4}\" text-anchor=\"end\">{5}</text>"
        "<text x=\"{6:.1f}\" y=\"{4}\">{7}</text>\n</g>\n",
        x, plot_top, plot_bottom, x - 6, plot_bottom - 8, escape_markup(chart.split->before_label), x + 6,
        escape_markup(chart.split->after_label));
  }

  for (std::size_t s = 0; s < drawn; ++s) {
    std::string points;
    for (std::size_t i = 0; i < count; ++i) {
      if (!std::isfinite(chart.x[i]) || !std::isfinite(chart.series[s].y[i])) continue;
      if (!points.empty()) points += ' ';
      points += fmt::format("{:.1f},{:.1f}", px(chart.x[i]), py(chart.series[s].y[i]));
    }
    if (points.empty()) continue;
    svg += fmt::format(
        "<polyline class=\"series\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\" "
        "stroke-linejoin=\"round\"{}><title>{}</title></polyline>\n",
        points, palette[s], dash_attribute(chart.series[s]), escape_markup(chart.series[s].label));
  }

  svg += "<g class=\"legend\" font-size=\"11\" fill=\"#333\">\n";
  double legend_y = plot_top + 6;
  for (std::size_t s = 0; s < drawn; ++s, legend_y += 18) {
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"{3}\" stroke-width=\"2.5\"{7}/>"
        "<text x=\"{4}\" y=\"{5:.1f}\">{6}</text>\n",
        legend_left, legend_y, legend_left + 18, palette[s], legend_left + 24, legend_y + 4,
        escape_markup(legend_text(chart.series[s].label)), dash_attribute(chart.series[s]));
  }
  if (chart.band) {
    svg += fmt::format(
        "<rect x=\"{0}\" y=\"{1:.1f}\" width=\"18\" height=\"10\" fill=\"{2}\" fill-opacity=\"0.2\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\">{5}</text>\n",
        legend_left, legend_y - 5, palette[0], legend_left + 24, legend_y + 4,
        escape_markup(legend_text(chart.band->label)));
  }
  svg += "</g>\n</svg>\n";
  return svg;
}

}  // namespace salesim::analysis::report
