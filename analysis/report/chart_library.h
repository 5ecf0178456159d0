// The charting library a report page carries inline: Vega, Vega-Lite and vega-embed, pinned in
// analysis/report/web/package-lock.json and embedded at build time (cmake/EmbedChartLibrary.cmake).
#pragma once

#include <string>

namespace salesim::analysis::report {

/// The minified scripts of vega, vega-lite and vega-embed, in that order, as one text that is safe
/// inside a `<script>` element (none contains "</script").
[[nodiscard]] std::string chart_library_scripts();

}  // namespace salesim::analysis::report
