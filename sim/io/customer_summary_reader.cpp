// Customer summary tables: recognized by their header, every value checked against the others of its row.
#include "sim/io/customer_summary_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "sim/io/detail/delimited_fields.h"
#include "sim/io/detail/text_lines.h"
#include "sim/io/input_error.h"

namespace salesim::sim::io {
namespace {

const std::string summary_allowed =
    "a customer summary with columns x, t_x, T (and ID, zbar) or frequency, recency, T (and customer_id, "
    "monetary_value)";

/// Lines read before the separator is chosen.
constexpr std::size_t sampled_lines = 5;

/// 1-based positions of the summary's columns in the header; 0 where absent.
struct SummaryColumns {
  std::size_t id = 0;
  std::size_t frequency = 0;
  std::size_t recency = 0;
  std::size_t age = 0;
  std::size_t mean_spend = 0;
};

std::string lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool is_blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

/// The columns of a summary header, or nullopt when x, t_x or T is missing. pandas writes its index
/// as a first column without a name: that is the id.
std::optional<SummaryColumns> summary_columns(std::span<const std::string_view> header) {
  SummaryColumns columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = lowercase(header[i]);
    std::size_t* slot = nullptr;
    if (name == "id" || name == "customer_id" || name == "customer" || (name.empty() && i == 0))
      slot = &columns.id;
    if (name == "x" || name == "frequency") slot = &columns.frequency;
    if (name == "t_x" || name == "recency") slot = &columns.recency;
    if (name == "t" || name == "age") slot = &columns.age;
    if (name == "zbar" || name == "monetary_value" || name == "mean_spend") slot = &columns.mean_spend;
    if (slot != nullptr && *slot == 0) *slot = i + 1;
  }
  if (columns.frequency == 0 || columns.recency == 0 || columns.age == 0) return std::nullopt;
  return columns;
}

/// The first lines that are not blank, with their numbers.
struct Sample {
  std::vector<std::string> lines;
  std::vector<std::uint64_t> numbers;
};

Sample sample_lines(detail::TextLines& lines) {
  Sample sample;
  std::string_view line;
  while (sample.lines.size() < sampled_lines && lines.next(line)) {
    if (is_blank_line(line)) continue;
    sample.lines.emplace_back(line);
    sample.numbers.push_back(lines.line_number());
  }
  return sample;
}

class SummaryReader {
 public:
  explicit SummaryReader(detail::TextLines& lines) : lines_(lines) {}

  CustomerSummaryTable read() {
    const Sample sample = sample_lines(lines_);
    if (sample.lines.empty()) lines_.fail_at(0, "the file is empty", summary_allowed);
    separator_ = detail::detect_separator(sample.lines);
    splitter_.emplace(separator_);
    const auto header = split(sample.lines[0], sample.numbers[0]);
    header_.assign(header.begin(), header.end());
    const auto columns = summary_columns(header);
    if (!columns)
      lines_.fail_at(sample.numbers[0], "the first line is not a customer summary header", summary_allowed);
    columns_ = *columns;
    for (std::size_t i = 1; i < sample.lines.size(); ++i) read_row(sample.lines[i], sample.numbers[i]);
    std::string_view line;
    while (lines_.next(line)) {
      if (!is_blank_line(line)) read_row(line, lines_.line_number());
    }
    if (table_.ids.empty())
      lines_.fail_at(sample.numbers[0], "no customers after the header line", summary_allowed);
    return std::move(table_);
  }

 private:
  std::span<const std::string_view> split(std::string_view line, std::uint64_t number) {
    return detail::split_or_fail(*splitter_, lines_, line, number);
  }

  void read_row(std::string_view line, std::uint64_t number) {
    const auto fields = split(line, number);
    if (fields.size() != header_.size()) {
      lines_.fail_at(
          number,
          fmt::format("the line has {} fields where the header has {}", fields.size(), header_.size()),
          fmt::format("{} fields separated by {} on every line", header_.size(),
                      detail::separator_name(separator_)));
    }
    const double x = value(fields, columns_.frequency, number);
    const double t_x = value(fields, columns_.recency, number);
    const double age = value(fields, columns_.age, number);
    const double zbar = columns_.mean_spend != 0 ? value(fields, columns_.mean_spend, number) : 0.0;
    const std::string& x_name = header_[columns_.frequency - 1];
    const std::string& t_x_name = header_[columns_.recency - 1];
    if (x != std::floor(x)) {
      lines_.fail_at(number,
                     fmt::format("{} '{}' is not a whole number", x_name, fields[columns_.frequency - 1]),
                     "a whole number of repeat transactions, 0 or more");
    }
    if (t_x > age) {
      lines_.fail_at(number,
                     fmt::format("{} {} is later than {} {}", t_x_name, fields[columns_.recency - 1],
                                 header_[columns_.age - 1], fields[columns_.age - 1]),
                     fmt::format("{} from 0 to {}", t_x_name, header_[columns_.age - 1]));
    }
    if (x == 0 && t_x != 0) {
      lines_.fail_at(
          number, fmt::format("{} is {} but {} is 0", t_x_name, fields[columns_.recency - 1], x_name),
          fmt::format("{} = 0 when {} = 0: no repeat transaction, no time of the last", t_x_name, x_name));
    }
    if (x == 0 && zbar != 0) {
      const std::string& zbar_name = header_[columns_.mean_spend - 1];
      lines_.fail_at(
          number, fmt::format("{} is {} but {} is 0", zbar_name, fields[columns_.mean_spend - 1], x_name),
          fmt::format("{} = 0 when {} = 0: it is the mean of the repeat transactions", zbar_name, x_name));
    }
    add_id(fields, number);
    table_.frequency.push_back(x);
    table_.recency.push_back(t_x);
    table_.age.push_back(age);
    if (columns_.mean_spend != 0) table_.mean_spend.push_back(zbar);
  }

  double value(std::span<const std::string_view> fields, std::size_t column, std::uint64_t number) {
    double number_read = 0.0;
    const std::string_view text = fields[column - 1];
    const detail::NumberProblem problem = detail::read_amount(text, number_read);
    if (problem != detail::NumberProblem::none) {
      lines_.fail_at(number, detail::number_problem_text(problem, header_[column - 1], text),
                     "a finite number from 0 to 1e15");
    }
    return number_read;
  }

  void add_id(std::span<const std::string_view> fields, std::uint64_t number) {
    std::string id =
        columns_.id != 0 ? std::string(fields[columns_.id - 1]) : std::to_string(table_.ids.size() + 1);
    if (id.empty()) lines_.fail_at(number, "the customer id is empty", "an id on every line");
    const auto [seen, fresh] = first_line_of_id_.emplace(id, number);
    if (!fresh) {
      lines_.fail_at(number, fmt::format("customer '{}' is already on line {}", id, seen->second),
                     "each customer on one line");
    }
    table_.ids.push_back(std::move(id));
  }

  detail::TextLines& lines_;
  detail::Separator separator_ = detail::Separator::whitespace;
  std::optional<detail::FieldSplitter> splitter_;
  std::vector<std::string> header_;
  SummaryColumns columns_;
  std::unordered_map<std::string, std::uint64_t> first_line_of_id_;
  CustomerSummaryTable table_;
};

}  // namespace

bool looks_like_customer_summary(const std::filesystem::path& file) {
  try {
    detail::TextLines lines(file, summary_allowed);
    const Sample sample = sample_lines(lines);
    if (sample.lines.empty()) return false;
    detail::FieldSplitter splitter(detail::detect_separator(sample.lines));
    const auto header = splitter.split(sample.lines[0]);
    return header && summary_columns(*header).has_value();
  } catch (const InputError&) {
    return false;
  }
}

CustomerSummaryTable read_customer_summary(const std::filesystem::path& file) {
  detail::TextLines lines(file, summary_allowed);
  return SummaryReader(lines).read();
}

}  // namespace salesim::sim::io
