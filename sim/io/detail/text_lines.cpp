// Bounded, checked lines of a text file, read through a fixed buffer.
#include "sim/io/detail/text_lines.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include <fmt/format.h>
#include <utf8cpp/utf8.h>

#include "sim/io/input_error.h"

namespace salesim::sim::io::detail {
namespace {

constexpr std::size_t buffer_bytes = std::size_t{1} << 18;
constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// Whether every byte is ASCII and none is NUL: the common case, checked without decoding.
bool plain_ascii(std::string_view text) {
  unsigned char seen_high = 0;
  bool seen_nul = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    seen_high |= byte & 0x80u;
    seen_nul |= byte == 0;
  }
  return seen_high == 0 && !seen_nul;
}

}  // namespace

TextLines::TextLines(const std::filesystem::path& file, std::string allowed) : label_(file.string()) {
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (!std::filesystem::exists(status)) fail_at(0, "no such file", allowed);
  if (std::filesystem::is_directory(status)) fail_at(0, "a directory, not a file", allowed);
  // A device or a pipe could stream forever or block; only plain files are read.
  if (!std::filesystem::is_regular_file(status)) fail_at(0, "not a regular file", allowed);
  owned_ = std::make_unique<std::ifstream>(file, std::ios::binary);
  if (!*owned_) fail_at(0, "cannot open the file", allowed);
  in_ = owned_.get();
  buffer_.resize(buffer_bytes);
}

TextLines::TextLines(std::istream& in, std::string label) : in_(&in), label_(std::move(label)) {
  buffer_.resize(buffer_bytes);
}

void TextLines::fail_at(std::uint64_t line, const std::string& message, const std::string& allowed) const {
  const int located = static_cast<int>(std::min<std::uint64_t>(line, INT_MAX));
  throw InputError({{label_, located, 0, "", message, allowed}});
}

bool TextLines::refill() {
  if (at_end_) return false;
  in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (in_->bad()) fail_at(line_number_ + 1, "cannot read the file", "a readable file");
  begin_ = 0;
  end_ = static_cast<std::size_t>(in_->gcount());
  if (end_ == 0) at_end_ = true;
  return end_ > 0;
}

void TextLines::check_text(std::string_view line) const {
  if (line.size() > max_line_bytes) {
    fail_at(line_number_, "the line is longer than 65536 bytes",
            fmt::format("lines of at most {} bytes", max_line_bytes));
  }
  if (plain_ascii(line)) return;
  if (const void* nul = std::memchr(line.data(), 0, line.size())) {
    fail_at(line_number_,
            fmt::format("a NUL byte at byte {}", static_cast<const char*>(nul) - line.data() + 1),
            "text without NUL bytes (is this a binary file?)");
  }
  const auto invalid = utf8::find_invalid(line.begin(), line.end());
  if (invalid != line.end()) {
    fail_at(line_number_, fmt::format("invalid UTF-8 at byte {}", invalid - line.begin() + 1), "UTF-8 text");
  }
}

bool TextLines::next(std::string_view& line) {
  carry_.clear();
  while (true) {
    if (begin_ == end_ && !refill()) {
      if (carry_.empty()) return false;
      line = carry_;  // the last line has no line ending
      break;
    }
    const char* start = buffer_.data() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    if (newline == nullptr) {
      carry_.append(start, end_ - begin_);
      begin_ = end_;
      // Stop as soon as the line is too long: it might never end.
      if (carry_.size() > max_line_bytes + 1) {
        ++line_number_;
        check_text(carry_);
      }
      continue;
    }
    const std::string_view piece(start, static_cast<std::size_t>(newline - start));
    begin_ += piece.size() + 1;
    if (carry_.empty()) {
      line = piece;
    } else {
      carry_.append(piece);
      line = carry_;
    }
    break;
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line_number_ == 1 && line.starts_with(byte_order_mark)) line.remove_prefix(byte_order_mark.size());
  check_text(line);
  return true;
}

}  // namespace salesim::sim::io::detail
