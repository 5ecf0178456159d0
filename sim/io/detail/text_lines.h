// Lines of a text file streamed through a fixed buffer: bounded lines, valid UTF-8, no NUL byte.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::sim::io::detail {

/// Longest line accepted, without its line ending.
inline constexpr std::size_t max_line_bytes = std::size_t{64} << 10;

/**
 * @brief Reads a text file line by line; memory stays at one buffer and one line, whatever the file's
 * size. Line endings "\n" and "\r\n" are both taken, and a UTF-8 byte order mark at the start is skipped.
 */
class TextLines {
 public:
  /**
   * @brief Opens `file`; `allowed` says in messages what the file should be ("a transaction log").
   * @throws InputError when the file is missing, a directory, not a regular file or unreadable.
   */
  TextLines(const std::filesystem::path& file, std::string allowed);
  /// Reads from `in`, naming it `label` in messages.
  TextLines(std::istream& in, std::string label);

  /**
   * @brief The next line, without its line ending, valid until the next call; false at the end.
   * @throws InputError for a line over max_line_bytes, with a NUL byte or not valid UTF-8, or a read error.
   */
  bool next(std::string_view& line);

  /// 1-based number of the line `next` returned last; 0 before the first.
  [[nodiscard]] std::uint64_t line_number() const noexcept { return line_number_; }
  [[nodiscard]] const std::string& label() const noexcept { return label_; }

  /// @throws InputError "label:line: message (allowed: allowed)" at `line` (0: the whole file).
  [[noreturn]] void fail_at(std::uint64_t line, const std::string& message, const std::string& allowed) const;

 private:
  bool refill();
  void check_text(std::string_view line) const;

  std::unique_ptr<std::ifstream> owned_;
  std::istream* in_ = nullptr;
  std::string label_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::string carry_;  ///< the start of a line that runs past the buffer
  bool at_end_ = false;
  std::uint64_t line_number_ = 0;
};

}  // namespace salesim::sim::io::detail
