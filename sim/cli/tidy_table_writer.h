// Tidy tables, one observation per row, streamed as CSV (Excel, pandas.read_csv) or as a JSON
// array of records (pandas.read_json(orient="records")).
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace salesim::sim::cli {

/// A text, a number (NaN and infinities are written as empty CSV cells and JSON null) or a count.
using TidyCell = std::variant<std::string, double, std::uint64_t>;

/// excel_csv: the CSV behind a UTF-8 byte order mark, without which Excel reads UTF-8 names (a scenario
/// called "Müller GmbH") as another code page; pandas reads it with encoding="utf-8-sig".
enum class TidyFormat { csv, excel_csv, json };

/**
 * @brief Writes a header (CSV) and then rows as they come, so a table never has to fit in
 * memory. Numbers are written in the shortest form that reads back to the same double, so a
 * table equals the file it came from. finish() closes a JSON array; it must be called once.
 */
class TidyTableWriter {
 public:
  TidyTableWriter(std::ostream& out, TidyFormat format, std::vector<std::string> columns);

  /// @throws std::invalid_argument when `cells` has not one cell per column.
  void row(std::span<const TidyCell> cells);
  void finish();

 private:
  std::ostream& out_;
  TidyFormat format_;
  std::vector<std::string> columns_;
  bool any_row_ = false;
};

}  // namespace salesim::sim::cli
