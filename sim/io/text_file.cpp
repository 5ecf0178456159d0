// Atomic text writes: next to the target, then a rename.
#include "sim/io/text_file.h"
#include <system_error>

#include <fstream>
#include <stdexcept>

namespace salesim::sim::io {

void write_text_atomically(const std::filesystem::path& output, const std::string& text) {
  if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path());
  const std::filesystem::path temporary = output.string() + ".tmp";
  {
    std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
    stream << text;
    stream.close();
    if (!stream) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw std::runtime_error("cannot write " + temporary.string());
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, output, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw std::runtime_error("cannot rename " + temporary.string() + " to " + output.string() + ": " +
                             error.message());
  }
}

}  // namespace salesim::sim::io
