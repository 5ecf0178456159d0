// CSV after RFC 4180 (quotes doubled, fields with separators quoted) and JSON records.
#include "sim/cli/tidy_table_writer.h"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace salesim::sim::cli {
namespace {

std::string csv_text(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos && (text.empty() || text.front() != ' '))
    return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + '"';
}

std::string json_text(const std::string& text) {
  std::string quoted = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(c);
    } else if (c < 0x20) {
      quoted += fmt::format("\\u{:04x}", c);
    } else {
      quoted += static_cast<char>(c);
    }
  }
  return quoted + '"';
}

std::string cell_text(const TidyCell& cell, TidyFormat format) {
  const bool json = format == TidyFormat::json;
  if (const auto* text = std::get_if<std::string>(&cell)) return json ? json_text(*text) : csv_text(*text);
  if (const auto* count = std::get_if<std::uint64_t>(&cell)) return fmt::format("{}", *count);
  const double value = std::get<double>(cell);
  if (!std::isfinite(value)) return json ? "null" : "";
  return fmt::format("{}", value);  // shortest text that reads back to the same double
}

}  // namespace

TidyTableWriter::TidyTableWriter(std::ostream& out, TidyFormat format, std::vector<std::string> columns)
    : out_(out), format_(format), columns_(std::move(columns)) {
  if (format_ == TidyFormat::json) {
    out_ << '[';
    return;
  }
  if (format_ == TidyFormat::excel_csv) out_ << "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < columns_.size(); ++c) out_ << (c > 0 ? "," : "") << csv_text(columns_[c]);
  out_ << "\r\n";  // RFC 4180 line ends, which Excel and pandas both read
}

void TidyTableWriter::row(std::span<const TidyCell> cells) {
  if (cells.size() != columns_.size())
    throw std::invalid_argument(
        fmt::format("a row of {} cells for {} columns", cells.size(), columns_.size()));
  if (format_ != TidyFormat::json) {
    for (std::size_t c = 0; c < cells.size(); ++c) out_ << (c > 0 ? "," : "") << cell_text(cells[c], format_);
    out_ << "\r\n";
    return;
  }
  out_ << (any_row_ ? ",\n" : "\n") << '{';
  for (std::size_t c = 0; c < cells.size(); ++c)
    out_ << (c > 0 ? ", " : "") << json_text(columns_[c]) << ": " << cell_text(cells[c], format_);
  out_ << '}';
  any_row_ = true;
}

void TidyTableWriter::finish() {
  if (format_ == TidyFormat::json) out_ << (any_row_ ? "\n]\n" : "]\n");
  out_.flush();
}

}  // namespace salesim::sim::cli
