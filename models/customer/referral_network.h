// The referral graph among all market members (Boost.Graph, compressed sparse rows).
#pragma once

#include <cstdint>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "models/scenario.h"
#include "sim/core/random_stream.h"

namespace salesim::models::customer {

/// Directed CSR graph holding each undirected contact in both directions; 32-bit vertex and
/// edge indices keep it at 4 bytes per contact direction.
using ReferralGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

/**
 * @brief Generates the contacts among `members` market members with the scenario's generator:
 * small world (Watts & Strogatz 1998), scale free (PLOD, Palmer & Steffan 2000) or random
 * (Erdos-Renyi). Vertex labels are shuffled so that contacts cross segment blocks.
 * A pure function of (params, members, run address): the same run gets the same graph.
 */
[[nodiscard]] ReferralGraph build_referral_network(const ReferralParams& params, std::uint32_t members,
                                                   const sim::core::RunAddress& run);

}  // namespace salesim::models::customer
