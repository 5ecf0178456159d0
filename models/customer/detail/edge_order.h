// The referral graph's contacts as compressed sparse rows, in the order the graph is built from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <utility>
#include <vector>

namespace salesim::models::customer::detail {

using Edge = std::pair<std::uint32_t, std::uint32_t>;

/// Each member's contacts, row by row: row v is column[row_start[v] .. row_start[v + 1]).
struct ContactRows {
  std::vector<std::size_t> row_start;
  std::vector<std::uint32_t> column;
};

/**
 * @brief Every contact in both directions, relabelled (a contact {a, b} is the directed edges
 * label[a] -> label[b] and label[b] -> label[a]), as rows sorted by target: the order std::sort
 * gives the directed pairs, duplicates included. One counting pass by source and a sort of each
 * (short) row, in O(edges + vertices) memory, where sorting the pairs held them twice over.
 * It is set-up every run whose graph is not shared pays (referral_graph_cache.h).
 * @param vertices every label is below it.
 */
[[nodiscard]] ContactRows contact_rows(const std::vector<Edge>& contacts,
                                       std::span<const std::uint32_t> label, std::uint32_t vertices);

/// The directed edges of ContactRows as (source, target) pairs in row order: an input range for
/// Boost's compressed_sparse_row_graph(edges_are_sorted, ...), which copies them once.
class RowEdgeIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = Edge;
  using difference_type = std::ptrdiff_t;
  using pointer = const Edge*;
  using reference = const Edge&;

  RowEdgeIterator(const ContactRows& rows, std::size_t edge) : rows_(&rows), edge_(edge) { settle(); }

  [[nodiscard]] reference operator*() const { return current_; }
  [[nodiscard]] pointer operator->() const { return &current_; }
  RowEdgeIterator& operator++() {
    ++edge_;
    settle();
    return *this;
  }
  RowEdgeIterator operator++(int) {
    RowEdgeIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const RowEdgeIterator& a, const RowEdgeIterator& b) { return a.edge_ == b.edge_; }

 private:
  /// Moves to the row holding the current edge, past rows that end before it (empty rows included).
  void settle() {
    if (edge_ >= rows_->column.size()) return;
    while (rows_->row_start[current_.first + 1] <= edge_) ++current_.first;
    current_.second = rows_->column[edge_];
  }

  const ContactRows* rows_;
  std::size_t edge_ = 0;
  Edge current_{0, 0};  ///< (source, target) of edge_
};

}  // namespace salesim::models::customer::detail
