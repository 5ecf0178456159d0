// Fuzz target: a scenario's text and an optional --set line. The loader must either load it or throw
// InputError; anything else (a crash, another exception, a sanitizer report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/io/input_error.h"
#include "sim/run/scenario_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace salesim::sim;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line, when it holds "key=value", is an override; the rest is the scenario.
  const auto newline = input.find('\n');
  const std::string_view first = input.substr(0, newline);
  std::vector<run::Override> overrides;
  std::string_view text = input;
  if (newline != std::string_view::npos && first.find('=') != std::string_view::npos &&
      first.find(':') == first.npos) {
    text = input.substr(newline + 1);
    try {
      overrides.push_back(run::parse_override(first));
    } catch (const io::InputError&) {
      return 0;
    }
  }
  try {
    (void)run::load_scenario_text(text, "fuzz.yaml", overrides);
  } catch (const io::InputError&) {
  }
  return 0;
}
