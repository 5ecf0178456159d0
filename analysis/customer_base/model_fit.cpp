// NLopt search over log-parameters, finite-difference Hessian and Eigen inversion for the fits.
#include "analysis/customer_base/model_fit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <Eigen/Dense>
#include <fmt/format.h>
#include <nlopt.hpp>

namespace salesim::analysis::customer_base {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The likelihood where it can be evaluated, -inf where it cannot: special functions that fail to
/// converge far from the optimum must steer the search away, not end it.
double evaluate_or_minus_infinity(const TotalLogLikelihood& log_likelihood,
                                  std::span<const double> parameters) {
  try {
    const double value = log_likelihood(parameters);
    return std::isfinite(value) ? value : -std::numeric_limits<double>::infinity();
  } catch (const std::runtime_error&) {
    return -std::numeric_limits<double>::infinity();
  } catch (const std::domain_error&) {
    return -std::numeric_limits<double>::infinity();
  }
}

struct SearchState {
  const TotalLogLikelihood* log_likelihood;
  std::vector<double> natural;  // reused buffer
  double penalty;               // returned where the likelihood is not finite
  int evaluations = 0;
};

double negative_log_likelihood_of_logs(unsigned n, const double* log_parameters, double* gradient,
                                       void* data) {
  (void)gradient;  // BOBYQA is derivative-free
  auto& state = *static_cast<SearchState*>(data);
  ++state.evaluations;
  for (unsigned i = 0; i < n; ++i) state.natural[i] = std::exp(log_parameters[i]);
  const double value = evaluate_or_minus_infinity(*state.log_likelihood, state.natural);
  // BOBYQA interpolates a quadratic model, which an infinite value would poison; a finite penalty
  // worse than the start only makes it shrink its trust region.
  return std::isfinite(value) ? -value : state.penalty;
}

std::string stop_reason_name(nlopt::result result) {
  switch (result) {
    case nlopt::SUCCESS:
      return "success";
    case nlopt::STOPVAL_REACHED:
      return "stopval reached";
    case nlopt::FTOL_REACHED:
      return "ftol reached";
    case nlopt::XTOL_REACHED:
      return "xtol reached";
    default:
      return fmt::format("result code {}", static_cast<int>(result));
  }
}

/// Outcome of the restarted search.
struct SearchOutcome {
  std::vector<double> log_parameters;
  double negative_log_likelihood;
  bool met_tolerance = false;
  std::string stop_reason;
};

SearchOutcome search_log_parameters(const LikelihoodProblem& problem, const FitOptions& options,
                                    double start_negative_log_likelihood, SearchState& state) {
  const auto n = static_cast<unsigned>(problem.start.size());
  SearchOutcome outcome;
  outcome.negative_log_likelihood = start_negative_log_likelihood;
  for (double start : problem.start)
    outcome.log_parameters.push_back(
        std::clamp(std::log(start), -options.log_parameter_bound, options.log_parameter_bound));

  // A restart rebuilds BOBYQA's quadratic model around the optimum; it catches the rare stop on a
  // stale model in the long, curved ridges of these likelihoods (alpha and r move together).
  for (int attempt = 0; attempt <= options.restarts; ++attempt) {
    const int evaluations_left = options.max_evaluations - state.evaluations;
    if (evaluations_left <= 0) {
      outcome.met_tolerance = false;
      outcome.stop_reason = fmt::format("stopped at the evaluation limit ({})", options.max_evaluations);
      return outcome;
    }
    nlopt::opt optimizer(nlopt::LN_BOBYQA, n);
    optimizer.set_lower_bounds(-options.log_parameter_bound);
    optimizer.set_upper_bounds(options.log_parameter_bound);
    optimizer.set_min_objective(negative_log_likelihood_of_logs, &state);
    optimizer.set_xtol_rel(options.log_parameter_tolerance);
    optimizer.set_xtol_abs(options.log_parameter_tolerance);
    optimizer.set_maxeval(evaluations_left);
    optimizer.set_initial_step(attempt == 0 ? 0.5 : 0.05);

    std::vector<double> point = outcome.log_parameters;
    double value = outcome.negative_log_likelihood;
    nlopt::result result = nlopt::FAILURE;
    try {
      result = optimizer.optimize(point, value);
    } catch (const nlopt::roundoff_limited&) {
      result = nlopt::ROUNDOFF_LIMITED;
    } catch (const std::exception& error) {
      outcome.met_tolerance = false;
      outcome.stop_reason = fmt::format("NLopt failed: {}", error.what());
      return outcome;
    }
    const double improvement = outcome.negative_log_likelihood - value;
    if (value <= outcome.negative_log_likelihood) {
      outcome.log_parameters = point;
      outcome.negative_log_likelihood = value;
    }
    if (result == nlopt::MAXEVAL_REACHED) {
      outcome.met_tolerance = false;
      outcome.stop_reason = fmt::format("stopped at the evaluation limit ({})", options.max_evaluations);
      return outcome;
    }
    if (result == nlopt::ROUNDOFF_LIMITED) {
      // Round-off after a restart only means the optimum cannot be refined further.
      outcome.met_tolerance = attempt > 0;
      outcome.stop_reason = "NLopt BOBYQA was limited by round-off";
      if (attempt == 0) return outcome;
      break;
    }
    outcome.met_tolerance = result > 0;
    outcome.stop_reason = fmt::format("NLopt BOBYQA stopped: {}", stop_reason_name(result));
    if (!outcome.met_tolerance) return outcome;
    if (attempt > 0 && improvement <= 1e-9 * (1.0 + std::abs(value))) break;
  }
  return outcome;
}

/// Hessian of the log-likelihood in the natural parameters by central differences, with steps
/// relative to each parameter (eps^(1/4) balances truncation against round-off for a second derivative).
Eigen::MatrixXd log_likelihood_hessian(const TotalLogLikelihood& log_likelihood,
                                       const std::vector<double>& at, double value_at) {
  const auto n = static_cast<Eigen::Index>(at.size());
  std::vector<double> step(at.size());
  for (std::size_t i = 0; i < at.size(); ++i) step[i] = 1e-4 * at[i];
  auto value_shifted = [&](std::size_t i, double di, std::size_t j, double dj) {
    std::vector<double> point = at;
    point[i] += di * step[i];
    point[j] += dj * step[j];
    return evaluate_or_minus_infinity(log_likelihood, point);
  };
  Eigen::MatrixXd hessian(n, n);
  for (std::size_t i = 0; i < at.size(); ++i) {
    const double up = value_shifted(i, 1.0, i, 0.0);
    const double down = value_shifted(i, -1.0, i, 0.0);
    hessian(i, i) = (up - 2.0 * value_at + down) / (step[i] * step[i]);
    for (std::size_t j = 0; j < i; ++j) {
      const double mixed = value_shifted(i, 1.0, j, 1.0) - value_shifted(i, 1.0, j, -1.0) -
                           value_shifted(i, -1.0, j, 1.0) + value_shifted(i, -1.0, j, -1.0);
      hessian(i, j) = hessian(j, i) = mixed / (4.0 * step[i] * step[j]);
    }
  }
  return hessian;
}

/// Fills the standard errors from the inverse observed information; returns a caveat, or "" when they are
/// fine.
std::string fill_standard_errors(const TotalLogLikelihood& log_likelihood, double value_at,
                                 FitResult& result) {
  std::vector<double> at;
  for (const auto& parameter : result.parameters) at.push_back(parameter.value);
  const Eigen::MatrixXd hessian = log_likelihood_hessian(log_likelihood, at, value_at);
  if (!hessian.allFinite())
    return "standard errors unavailable: the likelihood is not finite next to the optimum";
  const Eigen::MatrixXd information = -hessian;
  const Eigen::LLT<Eigen::MatrixXd> cholesky(information);
  if (cholesky.info() != Eigen::Success)
    return "standard errors unavailable: the Hessian is not negative definite at the optimum";
  const Eigen::MatrixXd covariance =
      cholesky.solve(Eigen::MatrixXd::Identity(information.rows(), information.cols()));
  for (std::size_t i = 0; i < result.parameters.size(); ++i)
    result.parameters[i].standard_error =
        std::sqrt(covariance(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)));
  return "";
}

template <class Key>
std::vector<WeightedHistory> group_by(std::span<const CustomerHistory> histories,
                                      bool (*keep)(const CustomerHistory&),
                                      Key (*key_of)(const CustomerHistory&),
                                      CustomerHistory (*history_of)(const Key&)) {
  std::map<Key, double> counts;  // ordered, so the groups come out in the same order every run
  for (const auto& history : histories)
    if (keep(history)) counts[key_of(history)] += 1.0;
  std::vector<WeightedHistory> groups;
  groups.reserve(counts.size());
  for (const auto& [key, count] : counts) groups.push_back({history_of(key), count});
  return groups;
}

}  // namespace

const ParameterEstimate& FitResult::parameter(std::string_view name) const {
  for (const auto& estimate : parameters)
    if (estimate.name == name) return estimate;
  throw std::out_of_range(fmt::format("{} has no parameter '{}'", model, name));
}

FitResult maximize_log_likelihood(const LikelihoodProblem& problem, const FitOptions& options) {
  if (problem.parameter_names.size() != problem.start.size() || problem.start.empty())
    throw std::invalid_argument(
        "a likelihood problem needs one start value per parameter, and some parameters");
  for (double start : problem.start)
    if (!(start > 0.0 && std::isfinite(start)))
      throw std::invalid_argument("start values of a likelihood problem must be finite and > 0");

  FitResult result;
  result.model = problem.model;
  result.customers = problem.customers;
  for (const auto& name : problem.parameter_names) result.parameters.push_back({name, kNaN, kNaN});
  if (problem.customers == 0) {
    result.message = "nothing to fit: no customers with the data this model needs";
    return result;
  }

  const double start_value = evaluate_or_minus_infinity(problem.log_likelihood, problem.start);
  result.evaluations = 1;
  if (!std::isfinite(start_value)) {
    result.message = "the log-likelihood is not finite at the starting values";
    return result;
  }

  SearchState state{&problem.log_likelihood, std::vector<double>(problem.start.size()),
                    -start_value + 1e3 * (1.0 + std::abs(start_value)), 1};
  const SearchOutcome outcome = search_log_parameters(problem, options, -start_value, state);
  result.evaluations = state.evaluations;
  for (std::size_t i = 0; i < result.parameters.size(); ++i)
    result.parameters[i].value = std::exp(outcome.log_parameters[i]);
  result.log_likelihood = -outcome.negative_log_likelihood;

  if (!outcome.met_tolerance) {
    result.message = outcome.stop_reason;
    return result;
  }
  for (std::size_t i = 0; i < result.parameters.size(); ++i) {
    if (std::abs(outcome.log_parameters[i]) > options.log_parameter_bound - 1e-3) {
      result.message = fmt::format(
          "{} ran to the edge of the search box ({:g}): the data cannot identify it (e.g. nobody repeats)",
          result.parameters[i].name, result.parameters[i].value);
      return result;
    }
  }
  // A flat or saddle direction at the optimum means the data do not identify the estimates
  // (nobody repeats, say): they must not be reported as a converged fit.
  const std::string caveat = fill_standard_errors(problem.log_likelihood, result.log_likelihood, result);
  result.converged = caveat.empty();
  result.message =
      fmt::format("{}: {} after {} evaluations", result.converged ? "converged" : "not identified",
                  outcome.stop_reason, result.evaluations);
  if (!caveat.empty()) result.message += "; " + caveat;
  return result;
}

std::vector<WeightedHistory> group_by_frequency_recency_age(std::span<const CustomerHistory> histories) {
  using Key = std::tuple<double, double, double>;
  return group_by<Key>(
      histories, [](const CustomerHistory&) { return true; },
      [](const CustomerHistory& h) {
        return Key{h.frequency, h.recency, h.age};
      },
      [](const Key& key) {
        return CustomerHistory{std::get<0>(key), std::get<1>(key), std::get<2>(key), 0.0};
      });
}

std::vector<WeightedHistory> group_repeat_buyers_by_spend(std::span<const CustomerHistory> histories) {
  using Key = std::pair<double, double>;
  return group_by<Key>(
      histories, [](const CustomerHistory& h) { return h.frequency > 0.0; },
      [](const CustomerHistory& h) {
        return Key{h.frequency, h.mean_spend};
      },
      [](const Key& key) {
        return CustomerHistory{key.first, 0.0, 0.0, key.second};
      });
}

void require_valid_histories(std::span<const CustomerHistory> histories) {
  for (std::size_t i = 0; i < histories.size(); ++i) {
    const CustomerHistory& h = histories[i];
    const bool finite = std::isfinite(h.frequency) && std::isfinite(h.recency) && std::isfinite(h.age) &&
                        std::isfinite(h.mean_spend);
    if (!finite || h.frequency < 0.0 || h.recency < 0.0 || h.recency > h.age ||
        (h.frequency == 0.0 && h.recency != 0.0))
      throw std::invalid_argument(
          fmt::format("customer {} has an impossible history (x = {}, t_x = {}, T = {}): need finite x >= 0, "
                      "0 <= t_x <= T and t_x = 0 when x = 0",
                      i, h.frequency, h.recency, h.age));
  }
}

}  // namespace salesim::analysis::customer_base
