// Sensitivity of a metric to the varied parameters: standardized regression coefficients.
#pragma once

#include <span>
#include <vector>

namespace salesim::analysis {

/// Coefficients of a linear regression on standardized inputs and output, and its R².
struct Sensitivity {
  std::vector<double> standardized_coefficients;  ///< one per parameter; 0 for a constant one
  double r_squared = 0.0;
};

/**
 * @brief Standardized regression coefficients (Saltelli et al. 2008, ch. 1): the least-squares
 * fit (Eigen, column-pivoting QR) of (y - mean y) / sd y on (x_k - mean x_k) / sd x_k.
 * `inputs` is rows x parameters row-major; rows with a non-finite output are left out.
 * With fewer usable rows than parameters + 2, or a constant output, everything is 0.
 */
[[nodiscard]] Sensitivity standardized_regression(std::span<const double> inputs, std::size_t parameters,
                                                  std::span<const double> output);

}  // namespace salesim::analysis
