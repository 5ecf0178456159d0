// A transaction log (customer id, date, amount, optional quantity per line) streamed row by row.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace salesim::sim::io {

/// A column of the log, chosen by its header name or by its 1-based position; neither: the default.
struct ColumnChoice {
  std::string name;          ///< matched without regard to case; needs a header line
  std::size_t position = 0;  ///< 1-based; 0 when chosen by name or left to the default

  [[nodiscard]] static ColumnChoice by_name(std::string name) { return {std::move(name), 0}; }
  [[nodiscard]] static ColumnChoice by_position(std::size_t position) { return {"", position}; }
  /// @brief Digits choose a position ("3"), anything else a name ("dollar_value"), as a command line writes
  /// them.
  [[nodiscard]] static ColumnChoice from_text(std::string_view text);
  [[nodiscard]] bool is_default() const noexcept { return name.empty() && position == 0; }
};

/**
 * @brief Which columns hold what, and how dates are written.
 *
 * Defaults: with a header line, the columns named customer_id, customer or id; date; amount,
 * dollar_value, value or spend; quantity, number_of_cds or qty. A required column the header does not
 * name, and every column of a log without a header, is taken by position: customer 1, date 2,
 * amount the last, quantity the one before the last when there are four columns or more (without a
 * header only: a header that names no quantity has none).
 */
struct TransactionLogOptions {
  ColumnChoice customer_column;
  ColumnChoice date_column;
  ColumnChoice amount_column;
  ColumnChoice quantity_column;
  /// "%Y%m%d", "%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y" or another order of %Y, %m, %d with literals; empty: the
  /// first data line decides between YYYYMMDD and YYYY-MM-DD, and every line must follow it.
  std::string date_format;
};

/// One line of the log.
struct TransactionRow {
  std::string_view customer_id;    ///< valid during the callback only
  std::int32_t day = 0;            ///< days since 1970-01-01
  double amount = 0.0;             ///< in [0, 1e15]
  std::optional<double> quantity;  ///< in [0, 1e15]; nullopt when the log has no quantity column
  std::uint64_t line = 0;          ///< 1-based line of the file
};

/// What the reader found out about the log.
struct TransactionLogLayout {
  char separator = ' ';  ///< ',', ';', '\t', or ' ' for whitespace-separated columns
  bool has_header = false;
  std::size_t columns = 0;
  std::size_t customer_column = 0;  ///< 1-based
  std::size_t date_column = 0;
  std::size_t amount_column = 0;
  std::size_t quantity_column = 0;  ///< 0 when there is none
  std::string date_format;          ///< the format the dates were read with
  std::uint64_t rows = 0;           ///< rows passed to the callback
};

using TransactionRowSink = std::function<void(const TransactionRow&)>;

/**
 * @brief Streams every row of the log at `file` to `on_row`, in file order, holding one line at a time.
 * Comma, semicolon, tab and whitespace separators and a header line are detected from the first lines;
 * blank lines are skipped. Exceptions thrown by `on_row` pass through.
 * @throws InputError "file:line: message (allowed: ...)" for the first problem: a missing, empty or
 * non-regular file, a line too long or not UTF-8, missing columns, a ragged row, a bad date or amount.
 */
TransactionLogLayout read_transaction_log(const std::filesystem::path& file,
                                          const TransactionLogOptions& options,
                                          const TransactionRowSink& on_row);

/// @brief The same, from a stream named `label` in messages.
TransactionLogLayout read_transaction_log(std::istream& in, const std::string& label,
                                          const TransactionLogOptions& options,
                                          const TransactionRowSink& on_row);

}  // namespace salesim::sim::io
