// The script a report page runs when it loads: draws each chart with vega-embed and records what
// was drawn, for readers and for the end-to-end tests.
#pragma once

#include <string_view>

namespace salesim::analysis::report {

/**
 * @brief Draws every `<div class="vega-chart" data-spec="ID" data-series="N">` from the JSON in
 * `<script type="application/json" id="ID">`, then appends `<pre id="salesim-chart-status">` with
 * {"charts", "drawn", "charted": [{"series", "expected", "marks"}], "errors", "warnings", "ms"}.
 */
inline constexpr std::string_view chart_page_script = R"js(
(function () {
  "use strict";
  var status = { charts: 0, drawn: 0, charted: [], errors: [], warnings: [], ms: null };
  window.addEventListener("error", function (event) { status.errors.push(String(event.message)); });
  var original = { error: console.error, warn: console.warn };
  console.error = function () {
    status.errors.push(Array.prototype.map.call(arguments, String).join(" "));
    original.error.apply(console, arguments);
  };
  console.warn = function () {
    status.warnings.push(Array.prototype.map.call(arguments, String).join(" "));
    original.warn.apply(console, arguments);
  };
  function finish() {
    status.ms = Math.round(performance.now());
    var out = document.createElement("pre");
    out.id = "salesim-chart-status";
    out.hidden = true;
    out.textContent = JSON.stringify(status);
    document.body.appendChild(out);
  }
  var charts = Array.prototype.slice.call(document.querySelectorAll("div.vega-chart"));
  status.charts = charts.length;
  Promise.all(charts.map(function (element, index) {
    var spec = JSON.parse(document.getElementById(element.dataset.spec).textContent);
    return vegaEmbed(element, spec, { renderer: "svg", actions: false, logLevel: vega.Warn })
      .then(function () {
        status.drawn += 1;
        status.charted[index] = {
          series: element.querySelectorAll("g.series_marks > *").length,
          expected: Number(element.dataset.series),
          marks: element.querySelectorAll("g.role-mark > *").length
        };
      })
      .catch(function (error) { status.errors.push("chart " + index + ": " + String(error)); });
  })).then(finish, finish);
})();
)js";

}  // namespace salesim::analysis::report
