// Maximum-likelihood fitting shared by the customer-base models: an NLopt search over log-parameters
// and standard errors from the observed information.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/customer_base/customer_history.h"
#include "sim/core/parallel.h"

namespace salesim::analysis::customer_base {

/// One fitted parameter on its natural (positive) scale.
struct ParameterEstimate {
  std::string name;
  double value = std::numeric_limits<double>::quiet_NaN();
  /// sqrt of the diagonal of the inverse observed information; NaN when the Hessian of the
  /// log-likelihood is not negative definite at the optimum (the message then says so).
  double standard_error = std::numeric_limits<double>::quiet_NaN();
};

/// What a maximum-likelihood fit found, and whether it can be trusted.
struct FitResult {
  std::string model;
  std::vector<ParameterEstimate> parameters;
  double log_likelihood = std::numeric_limits<double>::quiet_NaN();
  std::size_t customers = 0;  ///< customers whose histories the likelihood counts
  /// True only when NLopt met its tolerance inside the search box, with a finite likelihood and a
  /// negative definite Hessian there (so the estimates are identified and have standard errors).
  bool converged = false;
  std::string message;  ///< why it stopped, and any caveat on the standard errors
  int evaluations = 0;  ///< log-likelihood evaluations of the search (not of the Hessian)

  /// The estimate called `name`. @throws std::out_of_range when there is none.
  [[nodiscard]] const ParameterEstimate& parameter(std::string_view name) const;
};

/// How hard the search tries. The defaults reach the published CDNOW optima to 4+ decimals.
struct FitOptions {
  int max_evaluations = 20000;            ///< over all restarts together
  double log_parameter_tolerance = 1e-8;  ///< NLopt xtol (relative and absolute) on log-parameters
  int restarts = 1;                       ///< searches restarted from the last optimum
  double log_parameter_bound = 25.0;      ///< the search box is |log parameter| <= this
};

/// The sum over customers of a model's log-likelihood, as a function of its natural parameters.
/// It may return -inf or NaN, or throw std::runtime_error or std::domain_error (as Boost.Math does),
/// where the model cannot be evaluated.
using TotalLogLikelihood = std::function<double(std::span<const double> parameters)>;

/// A likelihood to maximize over positive parameters.
struct LikelihoodProblem {
  std::string model;
  std::vector<std::string> parameter_names;
  std::vector<double> start;  ///< natural-scale starting values, all > 0
  TotalLogLikelihood log_likelihood;
  std::size_t customers = 0;  ///< 0 means nothing to fit: the result says so
};

/**
 * @brief Maximizes the problem's log-likelihood with NLopt's BOBYQA over log-parameters (so every
 * parameter stays positive), restarted from its optimum, then estimates standard errors from the
 * Hessian in the natural parameters by central differences, inverted with Eigen.
 *
 * Never throws for bad data: an empty problem, a likelihood that is not finite at the start, an NLopt
 * failure, the evaluation limit, a parameter that ran to the edge of the search box, or a Hessian that
 * is not negative definite at the optimum (standard errors NaN) all give converged = false and a message.
 * @throws std::invalid_argument when names and start values disagree in number or a start is not > 0.
 */
[[nodiscard]] FitResult maximize_log_likelihood(const LikelihoodProblem& problem,
                                                const FitOptions& options = {});

/// A distinct history and how many customers share it: a likelihood sums over distinct
/// histories once each, which is what keeps fits of large, coarsely timed bases fast.
struct WeightedHistory {
  CustomerHistory history;
  double customers = 0.0;
};

/// The distinct (frequency, recency, age) triples, the sufficient statistics of BG/NBD and Pareto/NBD
/// (mean_spend is 0 in the groups).
[[nodiscard]] std::vector<WeightedHistory> group_by_frequency_recency_age(
    std::span<const CustomerHistory> histories);

/// The distinct (frequency, mean_spend) pairs of the repeat buyers (frequency > 0), Gamma-Gamma's data
/// (recency and age are 0 in the groups).
[[nodiscard]] std::vector<WeightedHistory> group_repeat_buyers_by_spend(
    std::span<const CustomerHistory> histories);

/// Numbers each distinct key once, in order of first appearance: a likelihood then evaluates a special
/// function once per distinct frequency or (frequency, time) pair, not once per customer.
template <class Key>
class DistinctKeys {
 public:
  std::uint32_t index_of(const Key& key) {
    const auto [entry, added] = index_.try_emplace(key, static_cast<std::uint32_t>(keys_.size()));
    if (added) keys_.push_back(key);
    return entry->second;
  }
  [[nodiscard]] const std::vector<Key>& keys() const noexcept { return keys_; }

 private:
  std::map<Key, std::uint32_t> index_;
  std::vector<Key> keys_;
};

/// sum_i term(i) over i in [0, count) in fixed blocks (sim/core/parallel.h): a likelihood sum that is
/// parallel and bit-identical whatever the thread count.
template <typename Term>
[[nodiscard]] double sum_in_fixed_blocks(std::size_t count, Term&& term) {
  return sim::core::reduce_blocks(
      count, 0.0,
      [&](std::size_t begin, std::size_t end, double& part) {
        for (std::size_t i = begin; i < end; ++i) part += term(i);
      },
      [](double& total, double part) { total += part; });
}

/**
 * @brief Checks what every model assumes of a history: finite, x >= 0, 0 <= t_x <= T, and t_x = 0 when
 * x = 0.
 * @throws std::invalid_argument naming the first customer (by position) that breaks it.
 */
void require_valid_histories(std::span<const CustomerHistory> histories);

}  // namespace salesim::analysis::customer_base
