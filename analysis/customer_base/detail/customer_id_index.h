// Customer ids mapped to dense indices 0, 1, 2, ... in order of first appearance, in about 20 bytes per
// customer plus the ids' own bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace salesim::analysis::customer_base::detail {

/**
 * @brief Every id's bytes in one string, found through an open-addressing table of indices.
 *
 * A std::unordered_map<std::string, index> costs about 80 bytes per customer (node, string, bucket);
 * this keeps the summary of a large firm in a few tens of bytes per customer.
 */
class CustomerIdIndex {
 public:
  /// @brief The index of `id`, adding it when new (`added` tells which).
  std::uint32_t find_or_add(std::string_view id, bool& added);

  [[nodiscard]] std::string_view id(std::uint32_t index) const noexcept;
  [[nodiscard]] std::size_t size() const noexcept { return id_ends_.size(); }

 private:
  void grow();
  [[nodiscard]] std::size_t slot_of(std::string_view id) const noexcept;

  std::string id_bytes_;
  std::vector<std::uint64_t> id_ends_;  ///< end of id i in id_bytes_; it starts where id i - 1 ends
  std::vector<std::uint32_t> slots_;    ///< 0: empty; else index + 1; the size is a power of two
};

}  // namespace salesim::analysis::customer_base::detail
