// Event-level checks of YAML input.
#include "sim/io/yaml_guard.h"

#include <set>
#include <sstream>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "sim/io/input_error.h"

namespace salesim::sim::io {
namespace {

/// Counts nodes and aliases and remembers each mapping's keys as the events stream past.
class GuardingHandler : public YAML::EventHandler {
 public:
  GuardingHandler(const std::string& file, const InputLimits& limits) : file_(file), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, nullptr); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (++aliases_ > limits_.max_aliases) {
      fail(mark, "too many aliases (more than " + std::to_string(limits_.max_aliases) + ")",
           "at most " + std::to_string(limits_.max_aliases) + " aliases");
    }
    node(mark, nullptr);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    node(mark, &value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark, nullptr);
    open_.push_back({false, true, {}});
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark, nullptr);
    open_.push_back({true, true, {}});
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  struct Collection {
    bool is_map;
    bool expecting_key;
    std::set<std::string> keys;
  };

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message,
                         const std::string& allowed) const {
    throw InputError({{file_, mark.line + 1, mark.column + 1, "", message, allowed}});
  }

  void node(const YAML::Mark& mark, const std::string* scalar) {
    if (++nodes_ > limits_.max_yaml_nodes) {
      fail(mark, "document too large (more than " + std::to_string(limits_.max_yaml_nodes) + " nodes)",
           "at most " + std::to_string(limits_.max_yaml_nodes) + " nodes");
    }
    if (open_.empty() || !open_.back().is_map) return;
    Collection& map = open_.back();
    if (map.expecting_key && scalar != nullptr && !map.keys.insert(*scalar).second) {
      fail(mark, "duplicate key '" + *scalar + "'", "each key once per mapping");
    }
    map.expecting_key = !map.expecting_key;
  }

  const std::string& file_;
  const InputLimits& limits_;
  std::uint64_t nodes_ = 0;
  std::uint64_t aliases_ = 0;
  std::vector<Collection> open_;
};

}  // namespace

void guard_yaml_text(std::string_view text, const std::string& file_label, const InputLimits& limits) {
  std::istringstream stream{std::string(text)};
  try {
    YAML::Parser parser(stream);
    GuardingHandler handler(file_label, limits);
    int documents = 0;
    while (parser.HandleNextDocument(handler)) {
      if (++documents > 1) {
        throw InputError({{file_label, 0, 0, "", "more than one YAML document", "a single document"}});
      }
    }
  } catch (const YAML::Exception& error) {
    throw InputError({{file_label, error.mark.line + 1, error.mark.column + 1, "",
                       "YAML syntax error: " + error.msg, ""}});
  }
}

}  // namespace salesim::sim::io
