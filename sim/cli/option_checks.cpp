// Checking command-line values before a command reads or writes anything.
#include "sim/cli/option_checks.h"
#include <system_error>

#include <algorithm>
#include <climits>
#include <thread>

#include <fmt/format.h>

#include "sim/core/machine.h"

namespace salesim::sim::cli {
namespace {

namespace fs = std::filesystem;

#ifdef NAME_MAX
constexpr std::size_t name_max = NAME_MAX;
#else
constexpr std::size_t name_max = 255;  // every file system salesim runs on (ext4, xfs, btrfs, tmpfs, APFS)
#endif
/// The writers put the file at `<output>.tmp` first and rename it on commit.
constexpr std::string_view temporary_suffix = ".tmp";
constexpr const char* allowed_output = "a new file, or a regular file to replace, that is not an input";

std::string kind_of(fs::file_type type) {
  switch (type) {
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "a special file";
  }
}

[[noreturn]] void refuse(std::string_view label, const std::string& message, std::string_view allowed) {
  throw OptionError(fmt::format("{}: {} (allowed: {})", label, message, allowed));
}

void check_name_lengths(std::string_view label, const fs::path& output) {
  const std::string file_name = output.filename().string();
  const std::size_t file_name_max = name_max - temporary_suffix.size();
  if (file_name.size() > file_name_max) {
    refuse(label, fmt::format("a file name of {} bytes is too long", file_name.size()),
           fmt::format("at most {} bytes, so that the name with {} fits the file system's {}", file_name_max,
                       temporary_suffix, name_max));
  }
  for (const fs::path& part : output.parent_path()) {
    if (part.string().size() > name_max) {
      refuse(label, fmt::format("a folder name of {} bytes is too long", part.string().size()),
             fmt::format("at most {} bytes", name_max));
    }
  }
}

/// The first folder on the way that exists must be a folder: create_directories cannot go through a file.
void check_parent_folders(std::string_view label, const fs::path& output) {
  for (fs::path folder = output.parent_path(); !folder.empty(); folder = folder.parent_path()) {
    std::error_code error;
    const fs::file_status status = fs::status(folder, error);
    if (fs::exists(status)) {
      if (!fs::is_directory(status)) {
        refuse(label,
               fmt::format("'{}' is on the way to '{}' but is not a directory", folder.string(),
                           output.string()),
               "a path whose folders are directories or do not exist yet");
      }
      return;
    }
    if (folder == folder.parent_path()) return;
  }
}

/// `path` (the output or its temporary) may be missing or a regular file; anything else would be
/// written through (a device), or could not be replaced (a directory).
void check_replaceable(std::string_view label, const fs::path& output, const fs::path& path) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status) || fs::is_regular_file(status)) return;
  const std::string what =
      path == output ? fmt::format("'{}'", output.string())
                     : fmt::format("the temporary file '{}' of '{}'", path.string(), output.string());
  refuse(label, fmt::format("{} is not a regular file but {}", what, kind_of(status.type())), allowed_output);
}

void check_not_input(std::string_view label, const fs::path& output, const fs::path& path,
                     std::span<const fs::path> inputs) {
  for (const fs::path& input : inputs) {
    std::error_code error;
    if (!fs::equivalent(path, input, error) || error) continue;
    const std::string what = path == output
                                 ? fmt::format("'{}' is the input file '{}'", output.string(), input.string())
                                 : fmt::format("the temporary file '{}' of '{}' is the input file '{}'",
                                               path.string(), output.string(), input.string());
    refuse(label, what, allowed_output);
  }
}

}  // namespace

std::string whole_number_problem(std::string_view text, std::uint64_t min, std::uint64_t max) {
  const bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  const std::optional<std::uint64_t> value = parse_whole_number(text);
  if (!value) {
    return digits_only ? fmt::format("{} is too large", text)
                       : fmt::format("'{}' is not a whole number", text);
  }
  if (*value < min || *value > max) return fmt::format("{} is out of range", text);
  return "";
}

void check_output_path(std::string_view label, const fs::path& output, std::span<const fs::path> inputs) {
  if (output.empty()) refuse(label, "the path is empty", allowed_output);
  const fs::path file_name = output.filename();
  if (file_name.empty() || file_name == "." || file_name == "..") {
    refuse(label, fmt::format("'{}' names a folder, not a file", output.string()), allowed_output);
  }
  check_name_lengths(label, output);
  check_parent_folders(label, output);
  const fs::path temporary = output.string() + std::string(temporary_suffix);
  for (const fs::path& path : {output, temporary}) {
    check_not_input(label, output, path, inputs);
    check_replaceable(label, output, path);
  }
}

void check_threads_fit(std::uint64_t threads, std::uint64_t runs, std::uint64_t world_bytes) {
  const std::uint64_t memory = core::physical_memory_bytes();
  if (memory == 0 || world_bytes == 0) return;
  const std::uint64_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::uint64_t busy = std::min(threads == 0 ? cores : threads, std::max<std::uint64_t>(runs, 1));
  if (busy * world_bytes <= memory) return;
  const auto gib = [](std::uint64_t bytes) { return static_cast<double>(bytes) / (1u << 30); };
  const std::uint64_t fitting = std::max<std::uint64_t>(1, memory / world_bytes);
  throw OptionError(fmt::format(
      "--threads: {} threads build {} worlds of about {:.1f} GiB at once, more than this machine's {:.1f} "
      "GiB "
      "(allowed: at most {} for this scenario)",
      busy, busy, gib(world_bytes), gib(memory),
      fitting == 1 ? "1 thread" : fmt::format("{} threads", fitting)));
}

}  // namespace salesim::sim::cli
