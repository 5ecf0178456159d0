// Calendar dates written in a strftime-like format (%Y, %m, %d), read as day numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::sim::io::detail {

/// What reading a date found.
enum class DateMatch {
  date,           ///< a real calendar day
  not_a_date,     ///< the text does not have the format's shape
  impossible_day  ///< the shape fits but no such day exists (2023-02-30)
};

struct DateReading {
  DateMatch match = DateMatch::not_a_date;
  std::int32_t day = 0;  ///< days since 1970-01-01 when match is `date`
};

/**
 * @brief A date format made of %Y (four digits), %m and %d (two digits, or one or two when a
 * literal or the end follows and precedes them) and literal characters; "%%" is a '%'.
 */
class DateFormat {
 public:
  /// @brief The format of `pattern`; nullopt unless it has each of %Y, %m and %d once and no other directive.
  [[nodiscard]] static std::optional<DateFormat> from_pattern(std::string_view pattern);

  [[nodiscard]] DateReading read(std::string_view text) const;
  [[nodiscard]] const std::string& pattern() const noexcept { return pattern_; }
  /// @brief An example of a date in this format (1997-01-31 written as the format writes it).
  [[nodiscard]] std::string example() const;

 private:
  struct Element {
    char directive = 0;  ///< 'Y', 'm', 'd', or 0 for a literal
    char literal = 0;
    std::size_t min_digits = 0;
    std::size_t max_digits = 0;
  };
  std::string pattern_;
  std::vector<Element> elements_;
};

/// @brief The formats tried when none is given: YYYYMMDD and YYYY-MM-DD.
[[nodiscard]] const std::vector<DateFormat>& default_date_formats();

}  // namespace salesim::sim::io::detail
