// Reading --shard, from the command line or from Slurm's job-array variables.
#include "sim/cli/shard_option.h"

#include <cstdint>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "sim/cli/option_checks.h"

namespace salesim::sim::cli {
namespace {

constexpr const char* allowed_auto =
    "allowed: --shard auto inside a Slurm job array with contiguous indices, e.g. sbatch --array=1-16; or "
    "--shard K/N";

std::uint64_t array_variable(const EnvironmentLookup& environment, const std::string& name) {
  const std::optional<std::string> text = environment(name);
  if (!text) throw OptionError(fmt::format("--shard auto: {} is not set ({})", name, allowed_auto));
  const std::optional<std::uint64_t> value = parse_whole_number(*text);
  if (!value || *value > std::numeric_limits<std::uint32_t>::max()) {
    throw OptionError(
        fmt::format("--shard auto: {}='{}' is not a whole number ({})", name, *text, allowed_auto));
  }
  return *value;
}

}  // namespace

std::optional<std::string> process_environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

core::Shard shard_of_option(const std::string& text, const EnvironmentLookup& environment) {
  if (text == "auto") {
    const std::uint64_t id = array_variable(environment, "SLURM_ARRAY_TASK_ID");
    const std::uint64_t count = array_variable(environment, "SLURM_ARRAY_TASK_COUNT");
    const std::uint64_t min = array_variable(environment, "SLURM_ARRAY_TASK_MIN");
    if (count == 0 || id < min || id - min >= count) {
      throw OptionError(fmt::format(
          "--shard auto: task {} is not among the {} tasks numbered from {} (SLURM_ARRAY_TASK_ID, "
          "SLURM_ARRAY_TASK_COUNT, SLURM_ARRAY_TASK_MIN; an array with a step or a list of indices leaves "
          "gaps) "
          "({})",
          id, count, min, allowed_auto));
    }
    return {static_cast<std::uint32_t>(id - min + 1), static_cast<std::uint32_t>(count)};
  }
  const auto parsed = core::parse_shard(text);
  if (!parsed) {
    throw OptionError(fmt::format(
        "--shard: '{}' is not a slice K/N (allowed: K/N, whole numbers with 1 <= K <= N, e.g. 3/16 (K counts "
        "from 1), or auto in a Slurm job array)",
        text));
  }
  return *parsed;
}

}  // namespace salesim::sim::cli
