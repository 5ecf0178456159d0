// Running the salesim command from tests: exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace salesim::tests {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `command_line` through the shell, capturing both streams in temporary files.
inline CommandResult run_command_line(const std::string& command_line) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string stem = "salesim-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand());
  const auto out_path = dir / (stem + ".out");
  const auto err_path = dir / (stem + ".err");
  const std::string full = command_line + " >" + out_path.string() + " 2>" + err_path.string();
  const int status = std::system(full.c_str());
  auto slurp = [](const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  CommandResult result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out_path), slurp(err_path)};
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return result;
}

/// A fresh, empty directory under the system temporary directory.
inline std::filesystem::path fresh_directory(const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("salesim-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace salesim::tests
