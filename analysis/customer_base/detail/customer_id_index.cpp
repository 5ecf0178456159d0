// Open addressing with linear probing over indices into one string of id bytes.
#include "analysis/customer_base/detail/customer_id_index.h"

#include <functional>
#include <limits>
#include <stdexcept>

namespace salesim::analysis::customer_base::detail {

std::string_view CustomerIdIndex::id(std::uint32_t index) const noexcept {
  const std::uint64_t begin = index == 0 ? 0 : id_ends_[index - 1];
  return std::string_view(id_bytes_).substr(begin, id_ends_[index] - begin);
}

std::size_t CustomerIdIndex::slot_of(std::string_view id) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = std::hash<std::string_view>{}(id)&mask;
  while (slots_[slot] != 0 && this->id(slots_[slot] - 1) != id) slot = (slot + 1) & mask;
  return slot;
}

void CustomerIdIndex::grow() {
  std::vector<std::uint32_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  for (const std::uint32_t entry : old) {
    if (entry != 0) slots_[slot_of(id(entry - 1))] = entry;
  }
}

std::uint32_t CustomerIdIndex::find_or_add(std::string_view id, bool& added) {
  // At most half full, so that probes stay short.
  if (2 * (size() + 1) > slots_.size()) grow();
  const std::size_t slot = slot_of(id);
  added = slots_[slot] == 0;
  if (!added) return slots_[slot] - 1;
  if (size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
    throw std::length_error("more than 4 billion customers");
  }
  const auto index = static_cast<std::uint32_t>(size());
  id_bytes_.append(id);
  id_ends_.push_back(id_bytes_.size());
  slots_[slot] = index + 1;
  return index;
}

}  // namespace salesim::analysis::customer_base::detail
