// How salesim writes a number for people: the terminal tables and the HTML report alike.
#pragma once

#include <string>

namespace salesim::analysis {

/// Large money amounts as whole numbers, small rates with enough digits to read; "n/a" when not finite.
[[nodiscard]] std::string readable_number(double value);

}  // namespace salesim::analysis
