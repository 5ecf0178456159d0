// Design generation; every random draw comes from the counter-based streams.
#include "sim/run/experiment_design.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <boost/random/sobol.hpp>
#include <boost/random/uniform_01.hpp>
#include <fmt/format.h>

#include "sim/core/random_stream.h"

namespace salesim::sim::run {
namespace {

/// Design draws use their own address space: replication = point, entity = dimension.
double design_uniform(std::uint64_t seed, std::uint32_t point, std::uint32_t dimension, std::uint32_t draw) {
  const core::RandomStream stream({seed, 0, point}, core::design_stream);
  const auto block = stream.block(dimension, draw);
  return core::uniform_open01(block[0], block[1]);
}

std::vector<std::string> range_steps(const VariedParameter& parameter) {
  std::vector<std::string> values;
  const std::uint32_t steps = std::max<std::uint32_t>(parameter.grid_steps, 2);
  for (std::uint32_t i = 0; i < steps; ++i) {
    double value = parameter.low + (parameter.high - parameter.low) * i / (steps - 1);
    if (parameter.whole_numbers) value = std::round(value);
    // Twelve significant digits: the grid a user means (0.05, not 0.049999999999999996).
    values.push_back(fmt::format("{:.12g}", value));
  }
  return values;
}

/// Numeric code of a level: its value when it is a number, else its index.
double level_code(const std::string& level, std::size_t index) {
  char* end = nullptr;
  const double value = std::strtod(level.c_str(), &end);
  return end != level.c_str() && *end == '\0' ? value : static_cast<double>(index);
}

void require_values(const VariedParameter& parameter) {
  if (parameter.levels.empty() && !(parameter.high > parameter.low)) {
    throw std::invalid_argument("parameter " + parameter.key_path + " has no levels and an empty range");
  }
}

}  // namespace

std::vector<double> unit_random(std::uint32_t points, std::uint32_t dimensions, std::uint64_t seed) {
  std::vector<double> samples(std::size_t{points} * dimensions);
  for (std::uint32_t p = 0; p < points; ++p) {
    for (std::uint32_t d = 0; d < dimensions; ++d)
      samples[p * dimensions + d] = design_uniform(seed, p, d, 0);
  }
  return samples;
}

std::vector<double> unit_latin_hypercube(std::uint32_t points, std::uint32_t dimensions, std::uint64_t seed) {
  std::vector<double> samples(std::size_t{points} * dimensions);
  std::vector<std::uint32_t> strata(points);
  for (std::uint32_t d = 0; d < dimensions; ++d) {
    // A Fisher-Yates shuffle of the strata, then a uniform position inside each.
    std::iota(strata.begin(), strata.end(), 0u);
    for (std::uint32_t i = points; i > 1; --i) {
      const auto j = static_cast<std::uint32_t>(design_uniform(seed, i, d, 1) * i);
      std::swap(strata[i - 1], strata[std::min(j, i - 1)]);
    }
    for (std::uint32_t p = 0; p < points; ++p) {
      samples[p * dimensions + d] = (strata[p] + design_uniform(seed, p, d, 2)) / points;
    }
  }
  return samples;
}

std::vector<double> unit_sobol(std::uint32_t points, std::uint32_t dimensions) {
  boost::random::sobol engine(dimensions);
  boost::random::uniform_01<double> to_unit;
  std::vector<double> samples(std::size_t{points} * dimensions);
  for (double& sample : samples) sample = to_unit(engine);
  return samples;
}

std::vector<DesignPoint> make_design(DesignKind kind, const std::vector<VariedParameter>& parameters,
                                     std::uint32_t points, std::uint64_t seed) {
  for (const auto& parameter : parameters) require_values(parameter);
  std::vector<DesignPoint> design;
  const auto dimensions = static_cast<std::uint32_t>(parameters.size());
  if (kind == DesignKind::grid) {
    std::vector<std::vector<std::string>> levels;
    std::size_t total = 1;
    for (const auto& parameter : parameters) {
      levels.push_back(parameter.levels.empty() ? range_steps(parameter) : parameter.levels);
      total *= levels.back().size();
    }
    for (std::size_t index = 0; index < total; ++index) {
      DesignPoint point;
      std::size_t rest = index;
      std::vector<std::size_t> digits(dimensions);
      for (std::size_t d = dimensions; d-- > 0;) {
        digits[d] = rest % levels[d].size();
        rest /= levels[d].size();
      }
      for (std::size_t d = 0; d < dimensions; ++d) {
        point.values.push_back(levels[d][digits[d]]);
        point.codes.push_back(level_code(levels[d][digits[d]], digits[d]));
      }
      design.push_back(point);
    }
    return design;
  }
  const std::vector<double> unit = kind == DesignKind::random ? unit_random(points, dimensions, seed)
                                   : kind == DesignKind::latin_hypercube
                                       ? unit_latin_hypercube(points, dimensions, seed)
                                       : unit_sobol(points, dimensions);
  for (std::uint32_t p = 0; p < points; ++p) {
    DesignPoint point;
    for (std::uint32_t d = 0; d < dimensions; ++d) {
      const VariedParameter& parameter = parameters[d];
      const double u = unit[p * dimensions + d];
      if (!parameter.levels.empty()) {
        const auto index =
            std::min(parameter.levels.size() - 1,
                     static_cast<std::size_t>(u * static_cast<double>(parameter.levels.size())));
        point.values.push_back(parameter.levels[index]);
        point.codes.push_back(level_code(parameter.levels[index], index));
        continue;
      }
      double value = parameter.low + u * (parameter.high - parameter.low);
      if (parameter.whole_numbers) value = std::round(value);
      point.values.push_back(fmt::format("{}", value));
      point.codes.push_back(value);
    }
    design.push_back(point);
  }
  return design;
}

}  // namespace salesim::sim::run
