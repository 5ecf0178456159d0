// Command-line values checked where they enter: whole numbers, and output paths that must not
// destroy what they should not.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/core/whole_number.h"

namespace salesim::sim::cli {

/// `--threads`: 0 keeps TBB's default (all cores); more than this is a typo, not a machine.
inline constexpr std::uint64_t max_threads = 1024;
/// `--reps`: the same bound as the scenario key run.replications (models/scenario_description.cpp).
inline constexpr std::uint64_t max_replications = 1'000'000;
inline constexpr std::uint64_t max_seed = std::numeric_limits<std::uint64_t>::max();

/// A bad command-line value; what() is the one line to print, "option: message (allowed: ...)".
class OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Digits only, read as an integer (sim/core/whole_number.h).
using core::parse_whole_number;

/// What is wrong with `text` as a whole number in [min, max]; empty when nothing is.
[[nodiscard]] std::string whole_number_problem(std::string_view text, std::uint64_t min, std::uint64_t max);

/**
 * @brief Refuses an output path, before anything is written, when writing it or its temporary
 * sibling `<path>.tmp` could destroy what it should not: an input file (compared with
 * filesystem::equivalent), an existing file that is not a regular file (a device such as
 * /dev/null, a directory, a FIFO), a folder on the way that is a file, or a name longer than the
 * file system allows (NAME_MAX, with room for ".tmp").
 * @param label how the message names the path: "-o", or "output" for a default path.
 * @throws OptionError with the one line to print.
 */
void check_output_path(std::string_view label, const std::filesystem::path& output,
                       std::span<const std::filesystem::path> inputs);

/**
 * @brief Refuses a thread count whose worlds would not fit in memory together: each thread running
 * replications builds its own world of `world_bytes`. `threads` 0 means all cores; no more threads
 * than `runs` are ever busy.
 * @throws OptionError naming --threads and the most threads that fit.
 */
void check_threads_fit(std::uint64_t threads, std::uint64_t runs, std::uint64_t world_bytes);

}  // namespace salesim::sim::cli
