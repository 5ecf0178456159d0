// Generation of the referral graph from Boost.Graph's random-graph generators.
#include "models/customer/referral_network.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include <Random123/conventional/Engine.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/erdos_renyi_generator.hpp>
#include <boost/graph/plod_generator.hpp>
#include <boost/graph/small_world_generator.hpp>

#include "models/customer/detail/edge_order.h"
#include "models/random_streams.h"

namespace salesim::models::customer {
namespace {

using Edge = std::pair<std::uint32_t, std::uint32_t>;
using ContactEngine = r123::Engine<r123::Philox4x32>;
// The generators only need the graph type for their vertex size type.
using GeneratorGraph = boost::adjacency_list<>;

ContactEngine network_engine(const sim::core::RunAddress& run) {
  ContactEngine engine(ContactEngine::key_type{
      {static_cast<std::uint32_t>(run.seed), static_cast<std::uint32_t>(run.seed >> 32)}});
  const auto stream = static_cast<std::uint32_t>(streams::network);
  engine.setcounter(
      ContactEngine::ctr_type{{0, 0, run.replication, (run.design_point << 12) | (stream << 8)}}, 0);
  return engine;
}

template <typename Iterator>
std::vector<Edge> collect(Iterator first, Iterator last) {
  std::vector<Edge> edges;
  for (; first != last; ++first) {
    const auto [from, to] = *first;
    if (from != to) edges.emplace_back(static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to));
  }
  return edges;
}

std::vector<Edge> generate_contacts(const ReferralParams& params, std::uint32_t members,
                                    ContactEngine& engine) {
  const double mean_degree = params.mean_degree;
  switch (params.network) {
    case NetworkKind::small_world: {
      using Generator = boost::small_world_iterator<ContactEngine, GeneratorGraph>;
      return collect(Generator(engine, members, params.mean_degree, params.rewiring_probability),
                     Generator());
    }
    case NetworkKind::random: {
      using Generator = boost::sorted_erdos_renyi_iterator<ContactEngine, GeneratorGraph>;
      const double probability = std::min(1.0, mean_degree / std::max(1.0, members - 1.0));
      return collect(Generator(engine, members, probability / 2.0), Generator());
    }
    case NetworkKind::scale_free: {
      // PLOD gives vertex of rank x about beta * x^-alpha contacts; beta sets the mean degree.
      double harmonic = 0.0;
      for (std::uint32_t x = 1; x < members; ++x) harmonic += std::pow(x, -params.power_law_exponent);
      const double beta = mean_degree / 2.0 * members / std::max(harmonic, 1e-12);
      using Generator = boost::plod_iterator<ContactEngine, GeneratorGraph>;
      return collect(Generator(engine, members, params.power_law_exponent, beta), Generator());
    }
  }
  return {};
}

}  // namespace

ReferralGraph build_referral_network(const ReferralParams& params, std::uint32_t members,
                                     const sim::core::RunAddress& run) {
  if (members < 2)
    return ReferralGraph(boost::edges_are_sorted, static_cast<Edge*>(nullptr), static_cast<Edge*>(nullptr),
                         members);
  ContactEngine engine = network_engine(run);
  std::vector<Edge> contacts = generate_contacts(params, members, engine);

  std::vector<std::uint32_t> label(members);
  std::iota(label.begin(), label.end(), 0u);
  std::shuffle(label.begin(), label.end(), engine);

  const detail::ContactRows rows = detail::contact_rows(contacts, label, members);
  contacts = {};  // freed before the graph copies the rows
  return ReferralGraph(boost::edges_are_sorted, detail::RowEdgeIterator(rows, 0),
                       detail::RowEdgeIterator(rows, rows.column.size()), members,
                       static_cast<std::uint32_t>(rows.column.size()));
}

}  // namespace salesim::models::customer
