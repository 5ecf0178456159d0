// Date formats of %Y, %m, %d and literals; days counted by std::chrono's proleptic Gregorian calendar.
#include "sim/io/detail/calendar_date.h"

#include <chrono>

namespace salesim::sim::io::detail {

std::optional<DateFormat> DateFormat::from_pattern(std::string_view pattern) {
  DateFormat format;
  format.pattern_ = std::string(pattern);
  int years = 0, months = 0, days = 0;
  for (std::size_t at = 0; at < pattern.size(); ++at) {
    if (pattern[at] != '%') {
      format.elements_.push_back({0, pattern[at], 0, 0});
      continue;
    }
    if (++at == pattern.size()) return std::nullopt;
    switch (pattern[at]) {
      case 'Y':
        ++years;
        format.elements_.push_back({'Y', 0, 4, 4});
        break;
      case 'm':
        ++months;
        format.elements_.push_back({'m', 0, 1, 2});
        break;
      case 'd':
        ++days;
        format.elements_.push_back({'d', 0, 1, 2});
        break;
      case '%':
        format.elements_.push_back({0, '%', 0, 0});
        break;
      default:
        return std::nullopt;
    }
  }
  if (years != 1 || months != 1 || days != 1) return std::nullopt;
  // Digits next to digits ("%Y%m%d") only split at fixed widths.
  auto& elements = format.elements_;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const bool after_directive = i > 0 && elements[i - 1].directive != 0;
    const bool before_directive = i + 1 < elements.size() && elements[i + 1].directive != 0;
    if (elements[i].directive != 0 && (after_directive || before_directive)) elements[i].min_digits = 2;
    if (elements[i].directive == 'Y') elements[i].min_digits = 4;
  }
  return format;
}

DateReading DateFormat::read(std::string_view text) const {
  int year = 0;
  unsigned month = 0, day = 0;
  std::size_t at = 0;
  for (const Element& element : elements_) {
    if (element.directive == 0) {
      if (at == text.size() || text[at] != element.literal) return {};
      ++at;
      continue;
    }
    int value = 0;
    std::size_t digits = 0;
    while (digits < element.max_digits && at < text.size() && text[at] >= '0' && text[at] <= '9') {
      value = value * 10 + (text[at++] - '0');
      ++digits;
    }
    if (digits < element.min_digits) return {};
    if (element.directive == 'Y') year = value;
    if (element.directive == 'm') month = static_cast<unsigned>(value);
    if (element.directive == 'd') day = static_cast<unsigned>(value);
  }
  if (at != text.size()) return {};
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok()) return {DateMatch::impossible_day, 0};
  return {DateMatch::date, static_cast<std::int32_t>(std::chrono::sys_days(date).time_since_epoch().count())};
}

std::string DateFormat::example() const {
  std::string text;
  for (const Element& element : elements_) {
    if (element.directive == 'Y') text += "1997";
    if (element.directive == 'm') text += "01";
    if (element.directive == 'd') text += "31";
    if (element.directive == 0) text += element.literal;
  }
  return text;
}

const std::vector<DateFormat>& default_date_formats() {
  static const std::vector<DateFormat> formats = {*DateFormat::from_pattern("%Y%m%d"),
                                                  *DateFormat::from_pattern("%Y-%m-%d")};
  return formats;
}

}  // namespace salesim::sim::io::detail
