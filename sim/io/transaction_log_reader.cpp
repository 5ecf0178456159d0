// Transaction logs: the layout guessed from the first lines, then every line checked and passed on.
#include "sim/io/transaction_log_reader.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "sim/core/whole_number.h"
#include "sim/io/detail/calendar_date.h"
#include "sim/io/detail/delimited_fields.h"
#include "sim/io/detail/text_lines.h"
#include "sim/io/input_error.h"

namespace salesim::sim::io {
namespace {

using detail::DateFormat;
using detail::DateMatch;

const std::vector<std::string> customer_names = {"customer_id", "customer", "id"};
const std::vector<std::string> date_names = {"date"};
const std::vector<std::string> amount_names = {"amount", "dollar_value", "value", "spend"};
const std::vector<std::string> quantity_names = {"quantity", "number_of_cds", "qty"};

/// Lines read before the layout is chosen: enough to see a separator used consistently.
constexpr std::size_t sampled_lines = 5;
const std::string log_allowed = "a transaction log: customer id, date, amount and optional quantity per line";

bool is_blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

std::string lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

/// The date formats a field may be in: the one given, or the defaults.
std::vector<DateFormat> candidate_formats(const std::optional<DateFormat>& given) {
  return given ? std::vector<DateFormat>{*given} : detail::default_date_formats();
}

/// Whether `text` has the shape of a date in one of `formats` (an impossible day counts: it is a date gone
/// wrong).
bool has_date_shape(std::string_view text, std::span<const DateFormat> formats) {
  return std::any_of(formats.begin(), formats.end(), [text](const DateFormat& format) {
    return format.read(text).match != DateMatch::not_a_date;
  });
}

struct SampledLine {
  std::string text;
  std::uint64_t number = 0;
};

class LogReader {
 public:
  LogReader(detail::TextLines& lines, const TransactionLogOptions& options, const TransactionRowSink& on_row)
      : lines_(lines), options_(options), on_row_(on_row) {}

  TransactionLogLayout read() {
    read_date_format_option();
    std::vector<SampledLine> sample;
    std::string_view line;
    while (sample.size() < sampled_lines && lines_.next(line)) {
      if (!is_blank_line(line)) sample.push_back({std::string(line), lines_.line_number()});
    }
    if (sample.empty()) lines_.fail_at(0, "the file is empty", log_allowed);
    choose_layout(sample);
    for (std::size_t i = layout_.has_header ? 1 : 0; i < sample.size(); ++i) {
      read_row(sample[i].text, sample[i].number);
    }
    while (lines_.next(line)) {
      if (!is_blank_line(line)) read_row(line, lines_.line_number());
    }
    if (layout_.rows == 0)
      lines_.fail_at(sample.front().number, "no transactions after the header line", log_allowed);
    layout_.date_format = date_format_ ? date_format_->pattern() : "";
    return layout_;
  }

 private:
  void read_date_format_option() {
    if (options_.date_format.empty()) return;
    date_format_ = DateFormat::from_pattern(options_.date_format);
    if (!date_format_) {
      lines_.fail_at(0, fmt::format("date format '{}' is not supported", options_.date_format),
                     "%Y%m%d, %Y-%m-%d, %d/%m/%Y, %m/%d/%Y or another order of %Y, %m and %d with literals");
    }
  }

  void choose_layout(std::span<const SampledLine> sample) {
    std::vector<std::string> texts;
    for (const SampledLine& line : sample) texts.push_back(line.text);
    separator_ = detail::detect_separator(texts);
    layout_.separator = static_cast<char>(separator_);
    splitter_.emplace(separator_);
    const std::vector<std::string> first = fields_of(sample[0]);
    const std::vector<std::string> second =
        sample.size() > 1 ? fields_of(sample[1]) : std::vector<std::string>{};
    layout_.columns = first.size();
    layout_.has_header = names_a_column() || looks_like_header(first, second);
    if (layout_.columns < 3) {
      lines_.fail_at(
          sample[0].number,
          fmt::format("the line has {} column{}; a transaction log needs a customer id, a date and an "
                      "amount",
                      layout_.columns, layout_.columns == 1 ? "" : "s"),
          fmt::format("at least 3 columns separated by {}", detail::separator_name(separator_)));
    }
    const std::vector<std::string>* header = layout_.has_header ? &first : nullptr;
    const std::uint64_t at = sample[0].number;
    layout_.customer_column = resolve(options_.customer_column, "customer id", customer_names, header, 1, at);
    layout_.date_column = resolve(options_.date_column, "date", date_names, header, 2, at);
    layout_.amount_column =
        resolve(options_.amount_column, "amount", amount_names, header, layout_.columns, at);
    const std::size_t default_quantity = !header && layout_.columns >= 4 ? layout_.columns - 1 : 0;
    layout_.quantity_column =
        resolve(options_.quantity_column, "quantity", quantity_names, header, default_quantity, at);
    check_distinct(at);
  }

  std::vector<std::string> fields_of(const SampledLine& line) {
    const auto fields = split(line.text, line.number);
    return {fields.begin(), fields.end()};
  }

  [[nodiscard]] bool names_a_column() const {
    return !options_.customer_column.name.empty() || !options_.date_column.name.empty() ||
           !options_.amount_column.name.empty() || !options_.quantity_column.name.empty();
  }

  /// A first line of names only, or one whose date column holds no date where the next line's does.
  [[nodiscard]] bool looks_like_header(const std::vector<std::string>& first,
                                       const std::vector<std::string>& second) const {
    const std::vector<DateFormat> formats = candidate_formats(date_format_);
    const bool names_only = std::none_of(first.begin(), first.end(), [&](const std::string& field) {
      return detail::parse_number(field).has_value() || has_date_shape(field, formats);
    });
    if (names_only) return true;
    const std::size_t date = options_.date_column.position != 0 ? options_.date_column.position : 2;
    return date <= first.size() && date <= second.size() && !has_date_shape(first[date - 1], formats) &&
           has_date_shape(second[date - 1], formats);
  }

  /// The 1-based column for `role`; 0 for an optional column left out (a default position of 0).
  std::size_t resolve(const ColumnChoice& choice, const char* role,
                      const std::vector<std::string>& default_names, const std::vector<std::string>* header,
                      std::size_t default_position, std::uint64_t at) {
    const std::size_t columns = layout_.columns;
    if (!choice.name.empty()) {
      const std::size_t found = find_name(*header, {lowercase(choice.name)});
      if (found == 0) {
        lines_.fail_at(at, fmt::format("no column named '{}' for the {}", choice.name, role),
                       fmt::format("a column of the header: {}", fmt::join(*header, ", ")));
      }
      return found;
    }
    if (choice.position != 0) {
      if (choice.position > columns) {
        lines_.fail_at(at,
                       fmt::format("column {} chosen for the {}, but the line has {} columns",
                                   choice.position, role, columns),
                       fmt::format("a column from 1 to {}", columns));
      }
      return choice.position;
    }
    if (header != nullptr) {
      if (const std::size_t found = find_name(*header, default_names)) return found;
    }
    return default_position;
  }

  static std::size_t find_name(const std::vector<std::string>& header,
                               const std::vector<std::string>& names) {
    for (const std::string& name : names) {
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (lowercase(header[i]) == name) return i + 1;
      }
    }
    return 0;
  }

  void check_distinct(std::uint64_t at) {
    const std::pair<std::size_t, const char*> required[] = {{layout_.customer_column, "customer id"},
                                                            {layout_.date_column, "date"},
                                                            {layout_.amount_column, "amount"}};
    for (std::size_t i = 0; i < 3; ++i) {
      for (std::size_t j = i + 1; j < 3; ++j) {
        if (required[i].first != required[j].first) continue;
        lines_.fail_at(at,
                       fmt::format("column {} is both the {} and the {}", required[i].first,
                                   required[i].second, required[j].second),
                       "distinct columns for the customer id, the date and the amount");
      }
    }
    const std::size_t quantity = layout_.quantity_column;
    const bool shared = quantity == layout_.customer_column || quantity == layout_.date_column ||
                        quantity == layout_.amount_column;
    if (quantity == 0 || !shared) return;
    if (options_.quantity_column.is_default()) {
      layout_.quantity_column = 0;  // a default that lands on another column means there is none
      return;
    }
    lines_.fail_at(at, fmt::format("column {} is both the quantity and another column", quantity),
                   "a quantity column apart from the customer id, date and amount");
  }

  std::span<const std::string_view> split(std::string_view line, std::uint64_t number) {
    return detail::split_or_fail(*splitter_, lines_, line, number);
  }

  void read_row(std::string_view line, std::uint64_t number) {
    const auto fields = split(line, number);
    if (fields.size() != layout_.columns) {
      lines_.fail_at(
          number,
          fmt::format("the line has {} fields where the first has {}", fields.size(), layout_.columns),
          fmt::format("{} fields separated by {} on every line", layout_.columns,
                      detail::separator_name(separator_)));
    }
    TransactionRow row;
    row.line = number;
    row.customer_id = fields[layout_.customer_column - 1];
    if (row.customer_id.empty()) {
      lines_.fail_at(number, "the customer id is empty",
                     fmt::format("a customer id in column {}", layout_.customer_column));
    }
    row.day = read_day(fields[layout_.date_column - 1], number);
    row.amount = read_number(fields[layout_.amount_column - 1], "amount", number);
    if (layout_.quantity_column != 0)
      row.quantity = read_number(fields[layout_.quantity_column - 1], "quantity", number);
    ++layout_.rows;
    on_row_(row);
  }

  std::int32_t read_day(std::string_view text, std::uint64_t number) {
    if (!date_format_) lock_date_format(text, number);
    const detail::DateReading reading = date_format_->read(text);
    if (reading.match == DateMatch::impossible_day) {
      lines_.fail_at(number, fmt::format("date '{}' is not a day of the calendar", text),
                     fmt::format("a day that exists, written like {} ({})", date_format_->example(),
                                 date_format_->pattern()));
    }
    if (reading.match == DateMatch::not_a_date) {
      lines_.fail_at(number,
                     fmt::format("date '{}' is not a date in the format {}", text, date_format_->pattern()),
                     fmt::format("dates written like {} ({}) on every line", date_format_->example(),
                                 date_format_->pattern()));
    }
    return reading.day;
  }

  /// Without a format given, the first date decides it for the whole file.
  void lock_date_format(std::string_view text, std::uint64_t number) {
    for (const DateFormat& format : detail::default_date_formats()) {
      if (format.read(text).match == DateMatch::not_a_date) continue;
      date_format_ = format;
      return;
    }
    lines_.fail_at(
        number, fmt::format("date '{}' in column {} is not a date", text, layout_.date_column),
        "YYYYMMDD or YYYY-MM-DD; for dates written otherwise, give their format (such as %d/%m/%Y)");
  }

  double read_number(std::string_view text, const char* noun, std::uint64_t number) {
    double value = 0.0;
    const detail::NumberProblem problem = detail::read_amount(text, value);
    if (problem != detail::NumberProblem::none) {
      lines_.fail_at(number, detail::number_problem_text(problem, noun, text),
                     fmt::format("a finite {} from 0 to 1e15", noun));
    }
    return value;
  }

  detail::TextLines& lines_;
  const TransactionLogOptions& options_;
  const TransactionRowSink& on_row_;
  std::optional<DateFormat> date_format_;
  detail::Separator separator_ = detail::Separator::whitespace;
  std::optional<detail::FieldSplitter> splitter_;
  TransactionLogLayout layout_;
};

}  // namespace

ColumnChoice ColumnChoice::from_text(std::string_view text) {
  const std::optional<std::uint64_t> position = core::parse_whole_number(text);
  if (position && *position > 0) return by_position(static_cast<std::size_t>(*position));
  return by_name(std::string(text));
}

TransactionLogLayout read_transaction_log(const std::filesystem::path& file,
                                          const TransactionLogOptions& options,
                                          const TransactionRowSink& on_row) {
  detail::TextLines lines(file, log_allowed);
  return LogReader(lines, options, on_row).read();
}

TransactionLogLayout read_transaction_log(std::istream& in, const std::string& label,
                                          const TransactionLogOptions& options,
                                          const TransactionRowSink& on_row) {
  detail::TextLines lines(in, label);
  return LogReader(lines, options, on_row).read();
}

}  // namespace salesim::sim::io
