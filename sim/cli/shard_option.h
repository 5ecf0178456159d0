// `--shard K/N` and `--shard auto` (a Slurm job array's task) read into one slice of a sweep.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "sim/core/whole_number.h"

namespace salesim::sim::cli {

/// Reads an environment variable; nullopt when it is not set.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;

/// The process environment (std::getenv).
[[nodiscard]] std::optional<std::string> process_environment(const std::string& name);

/**
 * @brief The slice `text` names: "K/N" (1-based, 1 <= K <= N), or "auto" for the task of a Slurm job
 * array: K = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 of N = SLURM_ARRAY_TASK_COUNT, so
 * `--array=0-15` and `--array=1-16` both give 1/16..16/16. Arrays with a step or a list of indices
 * (`--array=0-15:2`, `--array=1,4,9`) leave gaps and are refused.
 * @throws OptionError with the one line to print.
 */
[[nodiscard]] core::Shard shard_of_option(const std::string& text, const EnvironmentLookup& environment);

}  // namespace salesim::sim::cli
