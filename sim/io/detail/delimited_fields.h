// Fields of delimited text: the separator guessed from a file's first lines, lines split into fields,
// and numbers read from fields.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::sim::io::detail {

/// How fields are separated; `whitespace` is any run of spaces and tabs.
enum class Separator : char { comma = ',', semicolon = ';', tab = '\t', whitespace = ' ' };

/// @brief The separator of lines like `sample`: a tab, semicolon or comma that every sampled line holds
/// equally often (in that order of preference), else one the first line holds, else whitespace.
[[nodiscard]] Separator detect_separator(std::span<const std::string> sample);

/// @brief How a message names the separator: "','", "';'", "a tab", "whitespace".
[[nodiscard]] std::string separator_name(Separator separator);

/**
 * @brief Splits lines into fields trimmed of spaces. With a comma, semicolon or tab, a field may be
 * quoted ("a,b" and "" for a quote inside); whitespace-separated fields are never quoted.
 */
class FieldSplitter {
 public:
  explicit FieldSplitter(Separator separator) : separator_(separator) {}

  /// The fields of `line`, valid until the next call; nullopt when a quote is left open.
  [[nodiscard]] std::optional<std::span<const std::string_view>> split(std::string_view line);

 private:
  Separator separator_;
  std::vector<std::string_view> fields_;
  std::string unquoted_;  ///< fields that held "" escapes, unescaped
};

/// Why a field is no number for the log's purposes.
class TextLines;

/// The fields of line `number` of `lines`; an unclosed quote fails there (TextLines::fail_at).
[[nodiscard]] std::span<const std::string_view> split_or_fail(FieldSplitter& splitter, const TextLines& lines,
                                                              std::string_view line, std::uint64_t number);

enum class NumberProblem { none, not_a_number, not_finite, negative, too_large };

/// Largest amount or quantity accepted: sums over millions of rows stay exact to the cent below it.
inline constexpr double max_number = 1e15;

/// @brief Reads all of `text` as a decimal number ("12", "-3.5", "1e3"); nullopt for anything else.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

/// @brief Reads `text` as a finite number in [0, max_number], saying why not.
[[nodiscard]] NumberProblem read_amount(std::string_view text, double& value);

/// @brief A message for `problem` with the field's `noun` and text: "amount '-5' is negative".
[[nodiscard]] std::string number_problem_text(NumberProblem problem, std::string_view noun,
                                              std::string_view text);

}  // namespace salesim::sim::io::detail
