// How salesim writes a number for people: the terminal tables and the HTML report alike.
#pragma once

#include <string>

namespace salesim::analysis {

/// Large money amounts as whole numbers with thousands separators ("12,345"), small rates with
/// enough digits to read ("0.0312"); "n/a" when not finite.
[[nodiscard]] std::string readable_number(double value);

}  // namespace salesim::analysis
