// The referral-graph cache returns the graph a build gives, shares it between equal requests, and
// keeps no more than its capacity.
#include "models/customer/referral_graph_cache.h"

#include <cstdint>
#include <memory>
#include <thread>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

using salesim::models::NetworkKind;
using salesim::models::ReferralParams;
using salesim::models::customer::build_referral_network;
using salesim::models::customer::ReferralGraph;
using salesim::models::customer::ReferralGraphCache;
using salesim::sim::core::RunAddress;

namespace {

bool same_graph(const ReferralGraph& a, const ReferralGraph& b) {
  return a.m_forward.m_rowstart == b.m_forward.m_rowstart && a.m_forward.m_column == b.m_forward.m_column;
}

/// What a graph of `members` holds: row starts and one column per contact direction, 4 bytes each.
std::size_t bytes_of(const ReferralGraph& graph) {
  return (graph.m_forward.m_rowstart.size() + graph.m_forward.m_column.size()) * sizeof(std::uint32_t);
}

}  // namespace

TEST_CASE("the cache gives the graph a build gives, once per address", "[customer][network]") {
  ReferralGraphCache cache(100, std::size_t{8} << 20);
  const ReferralParams params;  // small world, 6 contacts
  const RunAddress run{11, 0, 3};
  const auto first = cache.get(params, 2000, run);
  CHECK(same_graph(*first, build_referral_network(params, 2000, run)));
  CHECK(cache.get(params, 2000, run) == first);  // the same object: looked up, not built
  CHECK(cache.builds() == 1);
  CHECK(cache.bytes_held() == bytes_of(*first));
  // Anything the generator reads makes another graph.
  ReferralParams random = params;
  random.network = NetworkKind::random;
  ReferralParams rewired = params;
  rewired.rewiring_probability = 0.5;
  ReferralParams denser = params;
  denser.mean_degree = 8;
  for (const auto& [other, members, address] :
       std::vector<std::tuple<ReferralParams, std::uint32_t, RunAddress>>{{params, 2000, {11, 0, 4}},
                                                                          {params, 2000, {12, 0, 3}},
                                                                          {params, 2000, {11, 1, 3}},
                                                                          {params, 2001, run},
                                                                          {random, 2000, run},
                                                                          {rewired, 2000, run},
                                                                          {denser, 2000, run}}) {
    const auto graph = cache.get(other, members, address);
    CHECK(graph != first);
    CHECK(same_graph(*graph, build_referral_network(other, members, address)));
  }
  CHECK(cache.builds() == 8);
  // What does not shape the graph (conversion, reward) shares it.
  ReferralParams rewarded = params;
  rewarded.conversion_probability = 0.9;
  rewarded.reward = 50.0;
  CHECK(cache.get(rewarded, 2000, run) == first);
}

TEST_CASE("the cache lets the least recently used graphs go past its capacity", "[customer][network]") {
  const ReferralParams params;
  const std::size_t one = bytes_of(build_referral_network(params, 1000, {1, 0, 0}));
  ReferralGraphCache cache(100, 2 * one + one / 2);  // room for two
  const auto zero = cache.get(params, 1000, {1, 0, 0});
  static_cast<void>(cache.get(params, 1000, {1, 0, 1}));
  static_cast<void>(cache.get(params, 1000, {1, 0, 0}));  // used again: now the most recent
  static_cast<void>(cache.get(params, 1000, {1, 0, 2}));  // replication 1 goes
  CHECK(cache.builds() == 3);
  CHECK(cache.bytes_held() == 2 * one);
  CHECK(cache.get(params, 1000, {1, 0, 0}) == zero);
  CHECK(cache.builds() == 3);
  static_cast<void>(cache.get(params, 1000, {1, 0, 1}));
  CHECK(cache.builds() == 4);
  // No more graphs than the count allows, however small.
  ReferralGraphCache two(2, std::size_t{1} << 30);
  for (std::uint32_t replication = 0; replication < 3; ++replication)
    static_cast<void>(two.get(params, 1000, {1, 0, replication}));
  CHECK(two.bytes_held() == 2 * one);
  static_cast<void>(two.get(params, 1000, {1, 0, 0}));  // the first went
  CHECK(two.builds() == 4);
  // A graph larger than the whole capacity is built every time and never kept.
  ReferralGraphCache tiny(100, one / 2);
  static_cast<void>(tiny.get(params, 1000, {1, 0, 0}));
  static_cast<void>(tiny.get(params, 1000, {1, 0, 0}));
  CHECK(tiny.builds() == 2);
  CHECK(tiny.bytes_held() == 0);
  // Cleared, it builds again; a graph handed out before stays valid.
  cache.clear();
  CHECK(cache.bytes_held() == 0);
  CHECK(cache.get(params, 1000, {1, 0, 0}) != zero);
  CHECK(same_graph(*zero, build_referral_network(params, 1000, {1, 0, 0})));
}

TEST_CASE("threads asking for the same graphs at once all get the built graph", "[customer][network]") {
  const ReferralParams params;
  std::vector<ReferralGraph> expected;
  for (std::uint32_t replication = 0; replication < 6; ++replication)
    expected.push_back(build_referral_network(params, 3000, {5, 0, replication}));
  ReferralGraphCache cache(3, std::size_t{1} << 20);  // room for some, so graphs also leave meanwhile
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (std::uint32_t k = 0; k < 60; ++k) {
        const std::uint32_t replication = (k * 7 + static_cast<std::uint32_t>(t)) % 6;
        if (!same_graph(*cache.get(params, 3000, {5, 0, replication}), expected[replication])) ++wrong[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(wrong.size(), 0));
  CHECK(cache.bytes_held() <= std::size_t{1} << 20);
}
