// Banding and ranking customers, and summing their columns per group.
#include "analysis/customer_base/customer_groups.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace salesim::analysis::customer_base {
namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

void require_lengths(std::span<const double> value, const std::vector<std::span<const double>>& columns,
                     std::size_t groups) {
  if (groups == 0) throw std::invalid_argument("customer groups: need at least one group");
  for (const auto& column : columns) {
    if (column.size() != value.size())
      throw std::invalid_argument("customer groups: a column has " + std::to_string(column.size()) +
                                  " customers, the grouping value " + std::to_string(value.size()));
  }
}

CustomerGroup empty_group(std::size_t columns) {
  CustomerGroup group;
  group.sums.assign(columns, 0.0);
  group.counted.assign(columns, 0);
  return group;
}

void add_customer(CustomerGroup& group, const std::vector<std::span<const double>>& columns,
                  std::size_t customer) {
  ++group.customers;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const double x = columns[c][customer];
    if (!std::isfinite(x)) continue;
    group.sums[c] += x;
    ++group.counted[c];
  }
}

}  // namespace

double CustomerGroup::mean(std::size_t column) const {
  return counted.at(column) == 0 ? not_a_number : sums[column] / static_cast<double>(counted[column]);
}

std::vector<CustomerGroup> group_by_band(std::span<const double> value,
                                         const std::vector<std::span<const double>>& columns,
                                         std::size_t bands) {
  require_lengths(value, columns, bands);
  std::vector<CustomerGroup> groups(bands, empty_group(columns.size()));
  const auto count = static_cast<double>(bands);
  for (std::size_t k = 0; k < bands; ++k) {
    groups[k].low = static_cast<double>(k) / count;
    groups[k].high = static_cast<double>(k + 1) / count;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const double x = value[i];
    if (!(x >= 0.0 && x <= 1.0)) continue;  // also NaN
    const auto band = std::min(static_cast<std::size_t>(x * count), bands - 1);
    add_customer(groups[band], columns, i);
  }
  return groups;
}

std::vector<CustomerGroup> group_by_rank(std::span<const double> value,
                                         const std::vector<std::span<const double>>& columns,
                                         std::size_t groups) {
  require_lengths(value, columns, groups);
  std::vector<std::size_t> ranked;
  ranked.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i)
    if (std::isfinite(value[i])) ranked.push_back(i);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](std::size_t left, std::size_t right) { return value[left] > value[right]; });

  std::vector<CustomerGroup> result(groups, empty_group(columns.size()));
  const std::size_t base = ranked.size() / groups, larger = ranked.size() % groups;
  std::size_t next = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    CustomerGroup& group = result[g];
    const std::size_t size = base + (g < larger ? 1 : 0);
    group.low = group.high = not_a_number;
    if (size == 0) continue;
    group.high = value[ranked[next]];
    group.low = value[ranked[next + size - 1]];
    for (std::size_t r = next; r < next + size; ++r) add_customer(group, columns, ranked[r]);
    next += size;
  }
  return result;
}

}  // namespace salesim::analysis::customer_base
