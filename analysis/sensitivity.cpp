// Standardized regression coefficients with Eigen.
#include "analysis/sensitivity.h"

#include <cmath>

#include <Eigen/Dense>

namespace salesim::analysis {

Sensitivity standardized_regression(std::span<const double> inputs, std::size_t parameters,
                                    std::span<const double> output) {
  Sensitivity result;
  result.standardized_coefficients.assign(parameters, 0.0);
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < output.size(); ++i) {
    if (std::isfinite(output[i])) rows.push_back(i);
  }
  const auto n = static_cast<Eigen::Index>(rows.size());
  if (n < static_cast<Eigen::Index>(parameters) + 2) return result;

  Eigen::MatrixXd x(n, static_cast<Eigen::Index>(parameters));
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y(i) = output[rows[static_cast<std::size_t>(i)]];
    for (std::size_t k = 0; k < parameters; ++k) {
      x(i, static_cast<Eigen::Index>(k)) = inputs[rows[static_cast<std::size_t>(i)] * parameters + k];
    }
  }
  // Centres and scales a column in place; false when it is constant.
  const auto standardize = [n](Eigen::Ref<Eigen::VectorXd> column) {
    const double mean = column.mean();
    const double sd = std::sqrt((column.array() - mean).square().sum() / static_cast<double>(n - 1));
    if (sd > 0.0) {
      column = (column.array() - mean) / sd;
    } else {
      column.setZero();
    }
    return sd > 0.0;
  };
  if (!standardize(y)) return result;
  for (Eigen::Index k = 0; k < x.cols(); ++k) standardize(x.col(k));

  const Eigen::VectorXd beta = x.colPivHouseholderQr().solve(y);
  const Eigen::VectorXd residual = y - x * beta;
  result.r_squared = 1.0 - residual.squaredNorm() / y.squaredNorm();
  for (std::size_t k = 0; k < parameters; ++k)
    result.standardized_coefficients[k] = beta(static_cast<Eigen::Index>(k));
  return result;
}

}  // namespace salesim::analysis
