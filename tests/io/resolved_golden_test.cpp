// Every shipped scenario and sweep resolves to the YAML committed under tests/io/golden/, byte for byte,
// so run ids and sweep ids stay what earlier files recorded. SALESIM_UPDATE_GOLDEN=1 rewrites them.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/run/experiment_design.h"
#include "sim/run/scenario_loader.h"
#include "sim/run/sweep_scenarios.h"
#include "tests/common/sweep_fixtures.h"

namespace {

namespace fs = std::filesystem;
using namespace salesim::sim;

const fs::path source_dir = SALESIM_SOURCE_DIR;
const fs::path golden_dir = source_dir / "tests/io/golden";

std::vector<fs::path> yaml_files_under(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// "scenarios/classroom/baseline.yaml" -> "scenarios__classroom__baseline.yaml".
fs::path golden_of(const fs::path& file) {
  std::string name = fs::relative(file, source_dir).generic_string();
  std::replace(name.begin(), name.end(), '/', '_');
  return golden_dir / name;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void check_against_golden(const fs::path& file, const std::string& resolved) {
  const fs::path golden = golden_of(file);
  if (std::getenv("SALESIM_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << resolved;
    return;
  }
  INFO(file.string() << " against " << golden.string());
  REQUIRE(fs::exists(golden));
  CHECK(resolved == read_text(golden));
}

/// Every design point's resolved scenario, one YAML document each.
std::string resolved_sweep(const fs::path& file) {
  const io::SweepDefinition sweep = run::load_sweep(file, salesim::tests::registry_metric_names());
  const auto design = run::make_design(sweep.design, sweep.parameters, sweep.points, sweep.seed);
  std::string text;
  for (const run::LoadedScenario& point : run::scenarios_of_design(sweep, design)) {
    text += "---\n" + point.resolved_yaml;
  }
  return text;
}

}  // namespace

TEST_CASE("every shipped scenario resolves to its golden YAML", "[io][golden]") {
  std::vector<fs::path> files = yaml_files_under(source_dir / "scenarios");
  for (const char* valid : {"valid_minimal.yaml", "workforce_full.yaml", "partnerships_only.yaml"}) {
    files.push_back(source_dir / "tests/io/data" / valid);
  }
  REQUIRE(files.size() > 20);
  for (const fs::path& file : files) check_against_golden(file, run::load_scenario(file).resolved_yaml);
}

TEST_CASE("every shipped sweep resolves each design point to its golden YAML", "[io][golden]") {
  const std::vector<fs::path> files = yaml_files_under(source_dir / "configs/sweeps");
  REQUIRE(files.size() >= 4);
  for (const fs::path& file : files) check_against_golden(file, resolved_sweep(file));
}
