// Opens report pages in headless Chromium and checks what the page script recorded: every chart
// drawn, each with the series its spec promised, no error or warning. Saves a screenshot of each.
// usage: node render_in_chromium.mjs OUTPUT_DIR PAGE.html...   (exit 77: no chromium, skipped)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

const chromium = process.env.SALESIM_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`no ${chromium}: browser test skipped`);
  process.exit(77);
}
const [outputDir, ...pages] = process.argv.slice(2);

function chromiumOnce(extra, page) {
  const profile = mkdtempSync(join(tmpdir(), "salesim-chromium-"));
  try {
    return execFileSync(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${profile}`,
      "--virtual-time-budget=30000", "--hide-scrollbars", ...extra, "file://" + resolve(page)],
      { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "ignore"], timeout: 45000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// Headless Chromium now and then never exits (seen in CI: a page's charts drawn in 1 s, then no exit
// from the screenshot run for 120 s), while a fresh start draws it in seconds: a run that takes longer
// than 45 s is stopped and started again, at most three times in all.
function chromiumRun(extra, page) {
  for (let attempt = 1; ; ++attempt) {
    try {
      return chromiumOnce(extra, page);
    } catch (error) {
      if (error.code !== "ETIMEDOUT" || attempt === 3) throw error;
      console.log(`${basename(page)}: chromium did not exit within 45 s (try ${attempt} of 3); starting it again`);
    }
  }
}

let failures = 0;
for (const page of pages) {
  const dom = chromiumRun(["--dump-dom"], page);
  const found = dom.match(/<pre id="salesim-chart-status"[^>]*>([^<]*)<\/pre>/);
  const problems = [];
  if (!found) {
    problems.push("the page script wrote no status");
  } else {
    const status = JSON.parse(found[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    console.log(`${basename(page)}: ${status.drawn} of ${status.charts} charts drawn in ${status.ms} ms`);
    if (status.charts === 0) problems.push("no charts");
    if (status.drawn !== status.charts) problems.push(`${status.drawn} of ${status.charts} charts drawn`);
    for (const error of status.errors) problems.push("error: " + error);
    for (const warning of status.warnings) problems.push("warning: " + warning);
    status.charted.forEach((chart, index) => {
      if (!chart || chart.marks === 0) problems.push(`chart ${index}: no marks`);
      else if (chart.series !== chart.expected)
        problems.push(`chart ${index}: ${chart.series} series drawn, ${chart.expected} expected`);
    });
  }
  chromiumRun(["--window-size=1200,2400", `--screenshot=${join(outputDir, basename(page, ".html") + ".png")}`], page);
  for (const problem of problems) console.log(`${basename(page)}: ${problem}`);
  failures += problems.length;
}
process.exit(failures === 0 ? 0 : 1);
