// Separator detection, field splitting with CSV quotes, and numbers of delimited text.
#include "sim/io/detail/delimited_fields.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "sim/io/detail/text_lines.h"

namespace salesim::sim::io::detail {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text, bool trim_tabs) {
  auto blank = [trim_tabs](char c) { return c == ' ' || (trim_tabs && c == '\t'); };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

/// Occurrences of `separator` outside double quotes.
std::size_t count_outside_quotes(std::string_view line, char separator) {
  std::size_t count = 0;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == separator && !quoted) ++count;
  }
  return count;
}

}  // namespace

Separator detect_separator(std::span<const std::string> sample) {
  // A tab before a semicolon before a comma: a comma is the likeliest to sit inside a value
  // ("1,5" in a semicolon file, "Smith, J." in a tab file).
  constexpr std::array candidates = {Separator::tab, Separator::semicolon, Separator::comma};
  if (sample.empty()) return Separator::whitespace;
  for (const Separator candidate : candidates) {
    const char c = static_cast<char>(candidate);
    const std::size_t first = count_outside_quotes(sample.front(), c);
    bool same_everywhere = first > 0;
    for (const std::string& line : sample) same_everywhere &= count_outside_quotes(line, c) == first;
    if (same_everywhere) return candidate;
  }
  // A ragged file still splits on its own separator, so that the ragged line is the one reported.
  for (const Separator candidate : {Separator::comma, Separator::semicolon}) {
    if (count_outside_quotes(sample.front(), static_cast<char>(candidate)) > 0) return candidate;
  }
  return Separator::whitespace;
}

std::string separator_name(Separator separator) {
  switch (separator) {
    case Separator::comma:
      return "','";
    case Separator::semicolon:
      return "';'";
    case Separator::tab:
      return "a tab";
    case Separator::whitespace:
      break;
  }
  return "whitespace";
}

std::optional<std::span<const std::string_view>> FieldSplitter::split(std::string_view line) {
  fields_.clear();
  if (separator_ == Separator::whitespace) {
    std::size_t at = 0;
    while (true) {
      while (at < line.size() && is_blank(line[at])) ++at;
      if (at == line.size()) break;
      const std::size_t start = at;
      while (at < line.size() && !is_blank(line[at])) ++at;
      fields_.push_back(line.substr(start, at - start));
    }
    return std::span<const std::string_view>(fields_);
  }
  const char separator = static_cast<char>(separator_);
  const bool trim_tabs = separator_ != Separator::tab;
  unquoted_.clear();
  unquoted_.reserve(line.size());  // no reallocation below: views into it stay valid
  std::size_t at = 0;
  while (true) {
    while (at < line.size() && line[at] == ' ') ++at;
    if (at < line.size() && line[at] == '"') {
      const std::size_t start = unquoted_.size();
      ++at;
      bool closed = false;
      while (at < line.size()) {
        if (line[at] == '"') {
          if (at + 1 < line.size() && line[at + 1] == '"') {
            unquoted_.push_back('"');
            at += 2;
            continue;
          }
          closed = true;
          ++at;
          break;
        }
        unquoted_.push_back(line[at++]);
      }
      while (at < line.size() && line[at] == ' ') ++at;
      if (!closed || (at < line.size() && line[at] != separator)) return std::nullopt;
      fields_.push_back(std::string_view(unquoted_).substr(start));
    } else {
      const std::size_t end = std::min(line.find(separator, at), line.size());
      fields_.push_back(trimmed(line.substr(at, end - at), trim_tabs));
      at = end;
    }
    if (at >= line.size()) break;
    ++at;  // past the separator; a separator at the very end leaves one empty field
    if (at == line.size()) {
      fields_.emplace_back();
      break;
    }
  }
  return std::span<const std::string_view>(fields_);
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (!text.empty() && error == std::errc::result_out_of_range && stop == end) {
    // from_chars refuses 1e400 and 1e-400; they are numbers, and strtod says which way they overflow.
    return std::strtod(std::string(text).c_str(), nullptr);
  }
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

NumberProblem read_amount(std::string_view text, double& value) {
  const std::optional<double> number = parse_number(text);
  if (!number) return NumberProblem::not_a_number;
  // "inf" and "nan" are spelled with letters; 1e400 overflows to infinity but is only too large.
  const bool spelled = text.find_first_of("nN") != std::string_view::npos;
  if (!std::isfinite(*number) && spelled) return NumberProblem::not_finite;
  if (*number < 0.0) return NumberProblem::negative;
  if (!(*number <= max_number)) return NumberProblem::too_large;
  value = *number == 0.0 ? 0.0 : *number;  // -0 reads as 0
  return NumberProblem::none;
}

std::string number_problem_text(NumberProblem problem, std::string_view noun, std::string_view text) {
  switch (problem) {
    case NumberProblem::not_a_number:
      return fmt::format("{} '{}' is not a number", noun, text);
    case NumberProblem::not_finite:
      return fmt::format("{} '{}' is not a finite number", noun, text);
    case NumberProblem::negative:
      return fmt::format("{} '{}' is negative", noun, text);
    case NumberProblem::too_large:
      return fmt::format("{} '{}' is larger than 1e15", noun, text);
    case NumberProblem::none:
      break;
  }
  return "";
}

std::span<const std::string_view> split_or_fail(FieldSplitter& splitter, const TextLines& lines,
                                                std::string_view line, std::uint64_t number) {
  const auto fields = splitter.split(line);
  if (!fields) {
    lines.fail_at(number, "a quoted field is not closed, or text follows its closing quote",
                  "fields quoted as \"...\", with \"\" for a quote inside");
  }
  return *fields;
}

}  // namespace salesim::sim::io::detail
