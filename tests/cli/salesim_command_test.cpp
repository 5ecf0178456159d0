// End to end: the salesim command runs scenarios, writes HDF5 that reads back, rejects bad input.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "sim/core/random_blocks.h"
#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"

using salesim::sim::io::RunFileReader;
using salesim::tests::fresh_directory;
using salesim::tests::run_command_line;

namespace {

const std::string salesim_exe = SALESIM_EXECUTABLE;
const std::string baseline = std::string(SALESIM_SOURCE_DIR) + "/scenarios/classroom/baseline.yaml";

void write_text(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

/// Every dataset under /summary, /timeseries and /stats of two files holds the same bits.
void require_identical_datasets(const std::filesystem::path& a, const std::filesystem::path& b) {
  const RunFileReader left(a), right(b);
  for (const std::string group : {"/summary", "/timeseries"}) {
    const auto names = left.names_in(group);
    REQUIRE(names == right.names_in(group));
    for (const auto& name : names) {
      const auto x = left.read_doubles(group + "/" + name);
      const auto y = right.read_doubles(group + "/" + name);
      REQUIRE(x.size() == y.size());
      INFO(group << "/" << name);
      CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
    }
  }
  for (const auto& name : left.names_in("/stats")) {
    const auto x = left.read_stats(name);
    const auto y = right.read_stats(name);
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(std::memcmp(&x[i].mean, &y[i].mean, sizeof(double)) == 0);
      CHECK(std::memcmp(&x[i].ci_high, &y[i].ci_high, sizeof(double)) == 0);
    }
  }
}

}  // namespace

TEST_CASE("salesim run prints the summary table and writes the DESIGN section 5 layout", "[cli][e2e]") {
  const auto dir = fresh_directory("run");
  const auto file = dir / "baseline.h5";
  const auto result = run_command_line(salesim_exe + " run " + baseline +
                                       " --reps 4 --seed 3 --threads 2 -o " + file.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("95% CI") != std::string::npos);
  CHECK(result.out.find("customer_equity") != std::string::npos);
  CHECK(result.out.find("surveyed_nps") != std::string::npos);
  CHECK(std::regex_search(
      result.out, std::regex("\\nNPS \\(survey vs every customer\\) +-?[0-9.]+ +-?[0-9.]+ +-?[0-9.]+ \\[")));
  REQUIRE(std::filesystem::exists(file));
  CHECK_FALSE(std::filesystem::exists(file.string() + ".tmp"));

  const RunFileReader reader(file);
  CHECK(reader.string_attribute("/", "status") == "complete");
  CHECK(reader.uint_attribute("/", "schema_version") == 1);
  CHECK(reader.uint_attribute("/", "seed") == 3);
  CHECK(reader.string_attribute("/", "command").find(" run ") != std::string::npos);
  CHECK_FALSE(reader.string_attribute("/", "git_commit").empty());
  const std::string yaml = reader.string_attribute("/scenario", "yaml");
  CHECK(yaml.find("industrial_accounts") != std::string::npos);
  CHECK(std::regex_search(yaml, std::regex("replications: 4\\b")));
  CHECK(reader.shape("/summary/revenue") == std::vector<hsize_t>{1, 4});
  CHECK(reader.shape("/timeseries/active_customers") == std::vector<hsize_t>{1, 4, 36});
  // Each metric carries its unit and meaning from the metric registry.
  CHECK(reader.string_attribute("/summary/revenue", "unit") == "$");
  CHECK(reader.string_attribute("/summary/churn_rate", "unit") == "share");
  CHECK(reader.string_attribute("/timeseries/true_nps", "unit") == "NPS points");
  CHECK_FALSE(reader.string_attribute("/timeseries/active_customers", "meaning").empty());
  CHECK(std::regex_search(result.out, std::regex("\\n +customer_equity +\\$ +-?[0-9]")));
  const auto done = reader.read_done_mask();
  CHECK(std::count(done.begin(), done.end(), 1) == 4);

  const auto revenue = reader.read_doubles("/summary/revenue");
  const auto stats = reader.read_stats("revenue");
  REQUIRE(stats.size() == 1);
  CHECK(stats[0].n == 4);
  CHECK(stats[0].mean == Approx((revenue[0] + revenue[1] + revenue[2] + revenue[3]) / 4));
  CHECK(stats[0].ci_low < stats[0].mean);
  CHECK(stats[0].mean < stats[0].ci_high);
  std::filesystem::remove_all(dir);
}

TEST_CASE("the same scenario and seed give bit-identical HDF5 datasets with 1, 2 and 8 threads",
          "[cli][determinism]") {
  const auto dir = fresh_directory("threads");
  for (const char* threads : {"1", "2", "8"}) {
    const auto result =
        run_command_line(salesim_exe + " run " + baseline + " --reps 6 --seed 11 -q --threads " + threads +
                         " -o " + (dir / (std::string("t") + threads + ".h5")).string());
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
  require_identical_datasets(dir / "t1.h5", dir / "t2.h5");
  require_identical_datasets(dir / "t1.h5", dir / "t8.h5");
  std::filesystem::remove_all(dir);
}

TEST_CASE("every SIMD target this CPU runs gives bit-identical HDF5 datasets, on 1 and 2 threads",
          "[cli][determinism][simd]") {
  const auto dir = fresh_directory("simd");
  const std::vector<std::string> targets = salesim::sim::core::simd_targets();
  INFO("targets here: " << targets.size());
  CHECK(targets.size() >= 2);  // x86-64 has at least SSE4 or SSSE3 besides EMU128
  // A world with reps as well: their territories read the same draws.
  const std::string with_reps =
      std::string(SALESIM_SOURCE_DIR) + "/scenarios/classroom/pay-sales-and-nps-bonus.yaml";
  for (const std::string& scenario : {baseline, with_reps}) {
    for (const std::string& target : targets) {
      for (const char* threads : {"1", "2"}) {
        const auto file = dir / (target + "-" + threads + ".h5");
        const auto result =
            run_command_line("SALESIM_SIMD_TARGET=" + target + " " + salesim_exe + " run " + scenario +
                             " --reps 3 --seed 5 -q --threads " + threads + " -o " + file.string());
        INFO(target << " " << result.err);
        REQUIRE(result.exit_code == 0);
        require_identical_datasets(dir / (targets.front() + "-1.h5"), file);
      }
    }
  }
  const auto refused = run_command_line("SALESIM_SIMD_TARGET=NEON " + salesim_exe + " validate " + baseline);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("SALESIM_SIMD_TARGET: 'NEON' is not a SIMD target this CPU runs (allowed: " +
                         targets.front()) != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a first SIGTERM lets the run in flight finish, a second stops salesim run at once",
          "[cli][signal]") {
  const auto dir = fresh_directory("second-signal");
  const auto out = dir / "out.h5";
  const std::string temporary = out.string() + ".tmp";
  // A million customers who never leave, for a century: one run takes half a minute or more, far
  // longer than the test waits. The first signal comes half a second after the .tmp appeared, when the
  // handlers are surely installed (just after the file is created).
  write_text(
      dir / "long.yaml",
      "name: long\nrun: {horizon_months: 1200, replications: 1}\nsegments:\n  - {name: everyone, size: "
      "1000000, initial_customers: 1000000, base_churn_hazard_per_month: 0}\n");
  const std::string run =
      salesim_exe + " run " + (dir / "long.yaml").string() + " --threads 1 -q -o " + out.string();
  const auto result = run_command_line(
      "{ " + run + " & job=$!; for i in $(seq 400); do [ -f " + temporary +
      " ] && break; sleep 0.05; done; sleep 0.5; kill -TERM $job; sleep 1; kill -0 $job && echo waiting; "
      "kill -TERM $job; wait $job; echo exit $?; }");
  INFO(result.out << result.err);
  CHECK(result.err.find("stopping after the runs in flight; signal again to stop at once") !=
        std::string::npos);
  CHECK(result.out.find("waiting\n") != std::string::npos);   // the first signal did not end it
  CHECK(result.out.find("exit 143\n") != std::string::npos);  // the second did: 128 + SIGTERM, not KILL
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK_FALSE(std::filesystem::exists(temporary));  // only an interrupted sweep leaves a .tmp
  std::filesystem::remove_all(dir);
}

TEST_CASE("a --set override changes a value and the file records the resolved scenario", "[cli][e2e]") {
  const auto dir = fresh_directory("set");
  const auto file = dir / "set.h5";
  const auto result = run_command_line(
      salesim_exe + " run " + baseline +
      " --reps 2 -q --set service.level=0.9 --set run.horizon_months=12 -o " + file.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const RunFileReader reader(file);
  CHECK(reader.shape("/timeseries/revenue") == std::vector<hsize_t>{1, 2, 12});
  CHECK(std::regex_search(reader.string_attribute("/scenario", "yaml"), std::regex("level: 0\\.9\\b")));
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad input gets one located line per problem, exit code 2 and no output file", "[cli][bad-input]") {
  const auto dir = fresh_directory("bad");
  const auto out = dir / "never.h5";
  write_text(dir / "syntax.yaml", "name: x\nsegments: [ {name: a, size: 10\n");
  write_text(dir / "typo.yaml", "segments:\n  - name: a\n    size: 10\n    gross_margn: 0.3\n");
  struct Case {
    const char* label;
    std::string arguments;
    const char* fragment;
  };
  const Case cases[] = {
      {"missing file", "run " + (dir / "absent.yaml").string(), "absent.yaml"},
      {"syntax error", "run " + (dir / "syntax.yaml").string(), "syntax.yaml:"},
      {"unknown key", "run " + (dir / "typo.yaml").string(), "gross_margin"},
      {"out of range", "run " + baseline + " --set run.horizon_months=0", "horizon_months"},
      {"malformed --set", "run " + baseline + " --set service.level", "--set"},
      {"unknown option", "run " + baseline + " --frobnicate", "frobnicate"},
  };
  for (const Case& c : cases) {
    const auto result = run_command_line(salesim_exe + " " + c.arguments + " -o " + out.string());
    INFO(c.label << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(c.fragment) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
    CHECK_FALSE(std::filesystem::exists(out.string() + ".tmp"));
  }
  // The located format: file:line:col: key.path: message
  const auto typo = run_command_line(salesim_exe + " validate " + (dir / "typo.yaml").string());
  CHECK(typo.exit_code == 2);
  CHECK(std::regex_search(
      typo.err, std::regex("typo\\.yaml:4:5: segments\\[0\\]\\.gross_margn: .*did you mean 'gross_margin'")));
  std::filesystem::remove_all(dir);
}

TEST_CASE("every shipped scenario validates", "[cli][scenarios]") {
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(SALESIM_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const auto result = run_command_line(salesim_exe + " validate " + entry.path().string());
    INFO(entry.path() << ": " << result.err);
    CHECK(result.exit_code == 0);
  }
}

TEST_CASE("help and version exit 0, a missing subcommand exits 2", "[cli]") {
  CHECK(run_command_line(salesim_exe + " --help").exit_code == 0);
  const auto version = run_command_line(salesim_exe + " --version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("salesim") != std::string::npos);
  CHECK(run_command_line(salesim_exe).exit_code == 2);
}

TEST_CASE("Python's h5py reads the run file", "[cli][python]") {
  const auto dir = fresh_directory("h5py");
  const auto file = dir / "py.h5";
  REQUIRE(run_command_line(salesim_exe + " run " + baseline + " --reps 3 -q -o " + file.string()).exit_code ==
          0);
  const std::string script =
      "import h5py, sys\n"
      "f = h5py.File(sys.argv[1], 'r')\n"
      "assert f.attrs['status'] in ('complete', b'complete')\n"
      "assert f['summary/revenue'].shape == (1, 3)\n"
      "assert f['timeseries/revenue'].shape == (1, 3, 36)\n"
      "s = f['stats/revenue'][0]\n"
      "assert abs(s['mean'] - f['summary/revenue'][0].mean()) < 1e-6 * abs(s['mean'])\n"
      "print('h5py ok')\n";
  write_text(dir / "check.py", script);
  const auto result =
      run_command_line(std::string(SALESIM_PYTHON) + " " + (dir / "check.py").string() + " " + file.string());
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("h5py ok") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("salesim compare prints paired differences with their CI and writes them", "[cli][compare]") {
  const auto dir = fresh_directory("compare");
  const auto file = dir / "compare.h5";
  const auto result = run_command_line(
      salesim_exe + " compare " + baseline + " " + baseline +
      " --reps 12 --set run.horizon_months=12 --set 2:service.level=0.9 -o " + file.string());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("[2] - [1]") != std::string::npos);
  // Better service raises true NPS: the paired difference is marked significant.
  CHECK(std::regex_search(result.out, std::regex("true_nps[^\\n]*\\*")));
  const RunFileReader reader(file);
  CHECK(reader.shape("/summary/true_nps") == std::vector<hsize_t>{2, 12});
  const auto difference = reader.read_stats("true_nps", "comparison");
  REQUIRE(difference.size() == 1);
  CHECK(difference[0].ci_low > 0.0);
  const auto bad =
      run_command_line(salesim_exe + " compare " + baseline + " " + baseline + " --set 2:service.levle=1");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("did you mean 'service.level'") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE(
    "compare with a timeline prints the change, records it in /timeline and stays bit-identical "
    "across thread counts",
    "[cli][compare][timeline]") {
  const auto dir = fresh_directory("timeline");
  const std::string bonus =
      std::string(SALESIM_SOURCE_DIR) + "/scenarios/classroom/pay-annual-quota-bonus.yaml";
  const std::string switched =
      std::string(SALESIM_SOURCE_DIR) + "/scenarios/classroom/timeline-bonus-to-commission.yaml";
  for (const char* threads : {"1", "2"}) {
    const auto file = dir / (std::string("t") + threads + ".h5");
    const auto result = run_command_line(salesim_exe + " compare " + bonus + " " + switched +
                                         " --reps 4 --threads " + threads + " -o " + file.string());
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("timeline: timeline-bonus-to-commission from month 13: January of year 2") !=
          std::string::npos);
    const RunFileReader reader(file);
    CHECK(reader.read_doubles("/timeline/month") == std::vector<double>{13.0});
    CHECK(reader.read_doubles("/timeline/point") == std::vector<double>{1.0});
    CHECK(reader.string_attribute("/scenario", "yaml").find("timeline:") != std::string::npos);
  }
  require_identical_datasets(dir / "t1.h5", dir / "t2.h5");
  // The report lists the change and splits every chart at its month.
  const auto report = run_command_line(salesim_exe + " report " + (dir / "t1.h5").string() + " -o " +
                                       (dir / "t1.html").string());
  REQUIRE(report.exit_code == 0);
  std::ifstream html_file(dir / "t1.html");
  const std::string html((std::istreambuf_iterator<char>(html_file)), std::istreambuf_iterator<char>());
  CHECK(html.find("point 2 from month 13: January of year 2") != std::string::npos);
  // Each chart's spec carries the rule at the change month (12.5: between months 12 and 13).
  CHECK(html.find("\"label\":\"change from month 13\",\"v\":12.5") != std::string::npos);
  const auto moved =
      run_command_line(salesim_exe + " run " + switched + " --reps 2 -q --set timeline[0].month=99 -o " +
                       (dir / "bad.h5").string());
  CHECK(moved.exit_code == 2);
  CHECK(moved.err.find("--set: timeline[0].month: month 99 is beyond the run's 24 months") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "bad.h5"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a supply network runs bit-identically on 1 and 2 threads, and --set reaches its contract",
          "[cli][determinism][partnerships]") {
  const auto dir = fresh_directory("network");
  const std::string network = std::string(SALESIM_SOURCE_DIR) + "/scenarios/research/supply-network.yaml";
  std::string table;
  for (const char* threads : {"1", "2"}) {
    const auto result =
        run_command_line(salesim_exe + " run " + network +
                         " --reps 4 --set run.horizon_months=24"
                         " --set partnerships.contract.kpis[0].penalty_per_point=2.5 --threads " +
                         threads + " -o " + (dir / (std::string("t") + threads + ".h5")).string());
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    table = result.out;
  }
  require_identical_datasets(dir / "t1.h5", dir / "t2.h5");
  // The table shows the partnership metrics with their units and leaves out the customer metrics it
  // has no values for.
  CHECK(std::regex_search(table, std::regex("\\n +joint_surplus +\\$ +[0-9]")));
  CHECK(std::regex_search(table, std::regex("\\n +disputes +count +[0-9]")));
  CHECK(table.find("\nrevenue ") == std::string::npos);
  CHECK(std::regex_search(
      table, std::regex("\\nsupplier effort \\(KPIs vs actual\\) +[0-9.]+ +[0-9.]+ +-?[0-9.]+ \\[")));
  const RunFileReader reader(dir / "t1.h5");
  CHECK(std::regex_search(reader.string_attribute("/scenario", "yaml"),
                          std::regex("penalty_per_point: 2\\.5\\b")));
  CHECK(reader.shape("/timeseries/cooperation_rate") == std::vector<hsize_t>{1, 4, 24});
  std::filesystem::remove_all(dir);
}
