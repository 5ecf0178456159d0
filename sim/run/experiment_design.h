// Experimental designs over parameter ranges: full grid, random, Latin hypercube, Sobol.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace salesim::sim::run {

enum class DesignKind { grid, random, latin_hypercube, sobol };

/// One varied parameter: either a list of levels (numbers or words) or a numeric range.
struct VariedParameter {
  std::string key_path;
  std::vector<std::string> levels;  ///< explicit values; grid uses them as they are
  double low = 0.0;                 ///< range, when `levels` is empty
  double high = 0.0;
  std::uint32_t grid_steps = 0;  ///< grid over a range: evenly spaced points, ends included
  bool whole_numbers = false;    ///< round sampled values to integers
};

/// One design point: the override text of each parameter and its numeric code for
/// /design/params (the value itself, or the level's index for words).
struct DesignPoint {
  std::vector<std::string> values;
  std::vector<double> codes;
};

/**
 * @brief Points of a design. Grid: the Cartesian product of every parameter's levels (or
 * grid_steps points of its range), first parameter slowest. Random, Latin hypercube and
 * Sobol: `points` samples of the unit cube mapped onto each range (levels: picked by
 * stratum). Pure function of its arguments.
 * @throws std::invalid_argument when a parameter has neither levels nor a range.
 */
[[nodiscard]] std::vector<DesignPoint> make_design(DesignKind kind,
                                                   const std::vector<VariedParameter>& parameters,
                                                   std::uint32_t points, std::uint64_t seed);

/// `points` x `dimensions` samples of [0, 1)^d, row-major.
[[nodiscard]] std::vector<double> unit_random(std::uint32_t points, std::uint32_t dimensions,
                                              std::uint64_t seed);
/// Latin hypercube (McKay, Beckman & Conover 1979): each dimension's `points` strata hold one point each.
[[nodiscard]] std::vector<double> unit_latin_hypercube(std::uint32_t points, std::uint32_t dimensions,
                                                       std::uint64_t seed);
/// Sobol points with Joe & Kuo (2008) direction numbers (Boost.Random), skipping the origin.
[[nodiscard]] std::vector<double> unit_sobol(std::uint32_t points, std::uint32_t dimensions);

}  // namespace salesim::sim::run
