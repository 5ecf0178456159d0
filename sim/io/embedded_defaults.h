// The text of configs/defaults.yaml, compiled into the library so the binary runs anywhere.
#pragma once

#include <string_view>

namespace salesim::sim::io {

[[nodiscard]] std::string_view embedded_defaults_yaml() noexcept;

}  // namespace salesim::sim::io
