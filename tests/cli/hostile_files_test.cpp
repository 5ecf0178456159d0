// Hostile inputs end to end: merge, report and sweep --resume refuse files that are not what
// they claim with exit 2 and one line naming the file; failed writes exit 1 and leave no
// temporary file; nothing is ever written outside the output folder.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/io/run_file_reader.h"
#include "tests/common/command.h"
#include "tests/io/crafted_run_file.h"

using salesim::sim::io::RunFileReader;
using salesim::tests::fresh_directory;
using salesim::tests::run_command_line;

namespace {

namespace fs = std::filesystem;

const std::string salesim_exe = SALESIM_EXECUTABLE;

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A small market and a 2 x 2 grid sweep over it, 2 replications of 6 months each.
fs::path write_small_sweep(const fs::path& dir) {
  write_text(dir / "market.yaml",
             "name: market\nrun: {horizon_months: 6}\n"
             "segments:\n  - {name: firms, size: 300, initial_customers: 60, acquisition_cost: 200}\n");
  write_text(dir / "sweep.yaml",
             "name: small\nscenario: market.yaml\nreplications: 2\nseed: 5\nparameters:\n"
             "  - {path: service.level, values: [0.3, 0.8]}\n"
             "  - {path: segments.firms.gross_margin, values: [0.2, 0.4]}\n");
  return dir / "sweep.yaml";
}

std::string sweep_line(const fs::path& sweep, const fs::path& out) {
  return salesim_exe + " sweep " + sweep.string() + " -q --threads 1 -o " + out.string();
}

void require_ok(const std::string& command) {
  const auto result = run_command_line(command);
  INFO(command << "\n" << result.err);
  REQUIRE(result.exit_code == 0);
}

/// Exactly one line on stderr.
bool one_line(const std::string& err) { return std::count(err.begin(), err.end(), '\n') == 1; }

/// No HDF5 error stack reached the terminal.
bool no_hdf5_spam(const std::string& err) {
  return err.find("HDF5-DIAG") == std::string::npos && err.find("#000") == std::string::npos;
}

/// A time series that is not the first one the file lists, so that making it a month short
/// disagrees with the months the first one sets.
std::string second_timeseries(const fs::path& file) {
  const auto names = RunFileReader(file).layout().catalog.timeseries_names;
  REQUIRE(names.size() >= 2);
  return names[1];
}

}  // namespace

TEST_CASE("merge refuses run files, a whole sweep and files that are not HDF5, leaving no output",
          "[cli][merge][bad-input][hostile]") {
  const auto dir = fresh_directory("hostile-merge-kinds");
  write_small_sweep(dir);
  require_ok(salesim_exe + " run " + (dir / "market.yaml").string() + " --reps 2 -q -o " +
             (dir / "a.h5").string());
  require_ok(salesim_exe + " run " + (dir / "market.yaml").string() + " --reps 2 -q -o " +
             (dir / "b.h5").string());
  require_ok(sweep_line(dir / "sweep.yaml", dir / "whole.h5"));
  write_text(dir / "text.h5", "this is not HDF5\n");
  write_text(dir / "empty.h5", "");
  const fs::path output = dir / "out" / "m.h5";
  struct Case {
    std::vector<std::string> inputs;
    std::string line;
  };
  const Case cases[] = {
      {{"a.h5", "b.h5"},
       (dir / "a.h5").string() +
           ": not a sweep shard (no shard attribute; merge joins the files of `salesim sweep --shard K/N`)"},
      {{"whole.h5", "whole.h5"}, (dir / "whole.h5").string() + ": not a sweep shard"},
      {{"text.h5", "a.h5"}, (dir / "text.h5").string() + ": not an HDF5 file"},
      {{"a.h5", "empty.h5"}, (dir / "empty.h5").string() + ": not an HDF5 file"},
  };
  for (const Case& c : cases) {
    std::string command = salesim_exe + " merge -o " + output.string();
    for (const auto& input : c.inputs) command += " " + (dir / input).string();
    const auto result = run_command_line(command);
    INFO(command << "\n" << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with(c.line));
    CHECK(one_line(result.err));
    CHECK(no_hdf5_spam(result.err));
    CHECK_FALSE(fs::exists(output));
    CHECK_FALSE(fs::exists(output.string() + ".tmp"));
  }
  fs::remove_all(dir);
}

TEST_CASE("merge refuses a crafted shard in one line with its path, before writing anything",
          "[cli][merge][bad-input][hostile]") {
  const auto dir = fresh_directory("hostile-merge-crafted");
  const auto sweep = write_small_sweep(dir);
  require_ok(sweep_line(sweep, dir / "s1.h5") + " --shard 1/2");
  require_ok(sweep_line(sweep, dir / "s2.h5") + " --shard 2/2");
  const fs::path output = dir / "m.h5";
  require_ok(salesim_exe + " merge -o " + output.string() + " " + (dir / "s1.h5").string() + " " +
             (dir / "s2.h5").string());
  fs::remove(output);
  // Nor may the output be one of the shards.
  const auto onto_input = run_command_line(salesim_exe + " merge -o " + (dir / "s1.h5").string() + " " +
                                           (dir / "s1.h5").string() + " " + (dir / "s2.h5").string());
  CHECK(onto_input.exit_code == 2);
  CHECK(onto_input.err.find("is the input file") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "s1.h5.tmp"));
  CHECK(RunFileReader(dir / "s1.h5").layout().shard_index == 1);

  auto cases = salesim::tests::damaged_layouts("profit", second_timeseries(dir / "s2.h5"));
  using namespace salesim::tests::crafting;
  cases.push_back({"/design/params of other values",
                   [](hid_t f) {
                     const auto dims = dims_of(f, "/design/params");
                     const auto names = string_list_attribute(f, "/design/params", "names");
                     replace_dataset(f, "/design/params", H5T_IEEE_F64LE, dims);  // all zeros
                     set_string_list_attribute(f, "/design/params", "names", names);
                   },
                   "/design/params differs from"});
  cases.push_back({"a shard of three", [](hid_t f) { set_string_list_attribute(f, "/", "shard", {"2/3"}); },
                   "not a shard of the same sweep"});
  cases.push_back({"a shard 3/2", [](hid_t f) { set_string_list_attribute(f, "/", "shard", {"3/2"}); },
                   "attribute shard: '3/2' (expected K/N with 1 <= K <= N)"});
  for (const auto& crafting : cases) {
    const fs::path crafted = dir / "crafted.h5";
    salesim::tests::craft(dir / "s2.h5", crafted, crafting.damage);
    const auto result = run_command_line(salesim_exe + " merge -o " + output.string() + " " +
                                         (dir / "s1.h5").string() + " " + crafted.string());
    INFO(crafting.label << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with(crafted.string() + ": "));
    CHECK(result.err.find(crafting.fragment) != std::string::npos);
    CHECK(one_line(result.err));
    CHECK(no_hdf5_spam(result.err));
    CHECK_FALSE(fs::exists(output));
    CHECK_FALSE(fs::exists(output.string() + ".tmp"));
  }
  fs::remove_all(dir);
}

TEST_CASE("report refuses a crafted or non-HDF5 file with exit 2 and writes no page",
          "[cli][report][bad-input][hostile]") {
  const auto dir = fresh_directory("hostile-report");
  write_small_sweep(dir);
  const auto valid = dir / "run.h5";
  require_ok(salesim_exe + " run " + (dir / "market.yaml").string() + " --reps 2 -q -o " + valid.string());
  auto cases = salesim::tests::damaged_layouts("profit", second_timeseries(valid));
  cases.push_back({"statistics with a row more",
                   [](hid_t f) {
                     const hid_t dataset = H5Dopen2(f, "/stats/profit", H5P_DEFAULT);
                     const hid_t type = H5Dget_type(dataset);
                     H5Dclose(dataset);
                     salesim::tests::crafting::replace_dataset(f, "/stats/profit", type, {2});
                     H5Tclose(type);
                   },
                   "/stats/profit: is [2], expected [1]"});
  const fs::path crafted = dir / "crafted.h5";
  const fs::path page = dir / "crafted.html";
  for (const auto& crafting : cases) {
    salesim::tests::craft(valid, crafted, crafting.damage);
    const auto result = run_command_line(salesim_exe + " report " + crafted.string());
    INFO(crafting.label << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with("salesim report: " + crafted.string() + ": "));
    CHECK(result.err.find(crafting.fragment) != std::string::npos);
    CHECK(one_line(result.err));
    CHECK_FALSE(fs::exists(page));
    CHECK_FALSE(fs::exists(page.string() + ".tmp"));
  }
  for (const char* text : {"", "not HDF5 at all\n"}) {
    write_text(crafted, text);
    const auto result = run_command_line(salesim_exe + " report " + crafted.string());
    CHECK(result.exit_code == 2);
    CHECK(result.err == "salesim report: " + crafted.string() + ": not an HDF5 file\n");
    CHECK_FALSE(fs::exists(page));
  }
  fs::remove_all(dir);
}

TEST_CASE("sweep --resume never trusts a crafted temporary file: no crash, no complete file of missing runs",
          "[cli][sweep][resume][bad-input][hostile]") {
  const auto dir = fresh_directory("hostile-resume");
  const auto sweep = write_small_sweep(dir);
  const auto whole = dir / "whole.h5";
  require_ok(sweep_line(sweep, whole));
  const auto out = dir / "resumed.h5";
  const fs::path temporary = out.string() + ".tmp";
  const std::string series = second_timeseries(whole);
  for (const auto& crafting : salesim::tests::damaged_layouts("profit", series)) {
    fs::remove(out);
    // The file of this very sweep (same sweep_id), every run marked done, then damaged: before
    // the layout was checked, a resume read past the short datasets and committed NaN runs.
    salesim::tests::craft(whole, temporary, [&](hid_t f) {
      salesim::tests::crafting::fill_uint8(f, "/design/done", 1);
      crafting.damage(f);
    });
    const auto result = run_command_line(sweep_line(sweep, out) + " --resume");
    INFO(crafting.label << ": " << result.err);
    CHECK(result.err.find(temporary.string() + ": ") != std::string::npos);
    CHECK(result.err.find(crafting.fragment) != std::string::npos);
    CHECK(no_hdf5_spam(result.err));
    // Refused (exit 2), or started again from nothing; never a file built on the crafted one.
    REQUIRE((result.exit_code == 2 || result.exit_code == 0));
    if (result.exit_code == 0) {
      const RunFileReader left(whole), right(out);
      CHECK(left.read_done_mask() == right.read_done_mask());
      for (const std::string group : {"/summary", "/timeseries"}) {
        for (const auto& name : left.names_in(group)) {
          const auto x = left.read_doubles(group + "/" + name), y = right.read_doubles(group + "/" + name);
          INFO(group << "/" << name);
          REQUIRE(x.size() == y.size());
          CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
        }
      }
    } else {
      CHECK_FALSE(fs::exists(out));
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("a sweep named ../evil or sized 1e12 is refused before anything is written",
          "[cli][sweep][bad-input][hostile]") {
  const auto dir = fresh_directory("hostile-sweep-files");
  write_small_sweep(dir);
  fs::create_directories(dir / "work");
  const std::string rest = "scenario: ../market.yaml\nreplications: 2\n";
  const std::string parameter = "parameters:\n  - {path: service.level, range: [0.3, 0.8]}\n";
  struct Case {
    std::string body, line;
  };
  const Case cases[] = {
      {"name: ../evil\n" + rest + parameter, "s.yaml:1:7: name: '../evil' is not a safe file name"},
      {rest + "design: {kind: random, points: 1e12}\n" + parameter, "s.yaml:3:32: design.points: '1e12'"},
      {rest + "parameters:\n  - {path: service.level, range: [0.3, 0.8], steps: 1000000000}\n",
       "s.yaml:4:53: parameters[0].steps: '1000000000' is too large"},
      {rest + "seed: 1e30\n" + parameter, "s.yaml:3:7: seed: '1e30' is too large"},
      {rest + parameter + "keep: profit\n", "s.yaml:5:7: keep: expected a mapping"},
  };
  for (const Case& c : cases) {
    write_text(dir / "work" / "s.yaml", c.body);
    // No -o: the output would be out/<name>.h5 below the working folder.
    const auto result =
        run_command_line("cd " + (dir / "work").string() + " && " + salesim_exe + " sweep s.yaml -q");
    INFO(c.body << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(c.line) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "evil.h5"));
    CHECK_FALSE(fs::exists(dir / "work" / "out"));
  }
  fs::remove_all(dir);
}

TEST_CASE(
    "a write that fails half-way exits 1 with one line, removes the temporary file and keeps the "
    "previous output",
    "[cli][write-failure]") {
  const auto dir = fresh_directory("hostile-write");
  const auto sweep = write_small_sweep(dir);
  require_ok(sweep_line(sweep, dir / "s1.h5") + " --shard 1/2");
  require_ok(sweep_line(sweep, dir / "s2.h5") + " --shard 2/2");
  // A file size limit stands in for a full disk (a small tmpfs needs root mounts; permission
  // bits do not stop root): past 32 KiB every write fails with EFBIG, SIGXFSZ ignored.
  const std::string limited = "ulimit -f 64; trap '' XFSZ; exec ";
  const fs::path output = dir / "result.h5";
  const std::string commands[] = {
      salesim_exe + " run " + (dir / "market.yaml").string() + " --reps 50 -q -o " + output.string(),
      sweep_line(sweep, output),
      salesim_exe + " merge -o " + output.string() + " " + (dir / "s1.h5").string() + " " +
          (dir / "s2.h5").string(),
  };
  for (const auto& command : commands) {
    write_text(output, "previous output\n");
    const auto result = run_command_line(limited + command);
    INFO(command << "\n" << result.err);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("cannot write " + output.string() + ": ") != std::string::npos);
    CHECK(result.err.find("File too large") != std::string::npos);
    CHECK(one_line(result.err));
    CHECK(no_hdf5_spam(result.err));
    CHECK_FALSE(fs::exists(output.string() + ".tmp"));
    CHECK(read_text(output) == "previous output\n");
  }
  fs::remove_all(dir);
}

TEST_CASE("export refuses a crafted or non-HDF5 file with exit 2, one line, and writes no table",
          "[cli][export][bad-input][hostile]") {
  const auto dir = fresh_directory("hostile-export");
  write_small_sweep(dir);
  const auto valid = dir / "run.h5";
  require_ok(salesim_exe + " run " + (dir / "market.yaml").string() + " --reps 2 -q -o " + valid.string());
  const fs::path crafted = dir / "crafted.h5";
  const fs::path table = dir / "crafted.csv";
  const fs::path series = dir / "crafted_timeseries.csv";
  for (const auto& crafting : salesim::tests::damaged_layouts("profit", second_timeseries(valid))) {
    salesim::tests::craft(valid, crafted, crafting.damage);
    const auto result = run_command_line(salesim_exe + " export " + crafted.string());
    INFO(crafting.label << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with("salesim export: " + crafted.string() + ": "));
    CHECK(result.err.find(crafting.fragment) != std::string::npos);
    CHECK(one_line(result.err));
    CHECK(no_hdf5_spam(result.err));
    for (const auto& path : {table, series}) {
      CHECK_FALSE(fs::exists(path));
      CHECK_FALSE(fs::exists(path.string() + ".tmp"));
    }
  }
  for (const char* text : {"", "scenario,metric\nnot HDF5 at all\n"}) {
    write_text(crafted, text);
    const auto result = run_command_line(salesim_exe + " export " + crafted.string());
    CHECK(result.exit_code == 2);
    CHECK(result.err == "salesim export: " + crafted.string() + ": not an HDF5 file\n");
    CHECK_FALSE(fs::exists(table));
  }
  // The output may never be the input, not even through the timeseries table's name.
  write_text(dir / "x.csv", "keep me\n");
  fs::create_symlink(dir / "x.csv", dir / "link_timeseries.csv");
  const auto linked = run_command_line(salesim_exe + " export " + (dir / "x.csv").string() + " -o " +
                                       (dir / "link.csv").string());
  INFO(linked.err);
  CHECK(linked.exit_code == 2);
  CHECK(linked.err.find("is the input file") != std::string::npos);
  CHECK(one_line(linked.err));
  CHECK(read_text(dir / "x.csv") == "keep me\n");
  fs::remove_all(dir);
}
