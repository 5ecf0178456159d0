// Backward induction over an evaluation period.
#include "models/workforce/period_policy.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <boost/math/distributions/normal.hpp>

namespace salesim::models::workforce {
namespace {

constexpr std::size_t grid_points = 40;

/// A month's bookings noise as the seven-point Gauss-Hermite rule for the standard normal (nodes and
/// weights of Abramowitz & Stegun 1964, table 25.10, rescaled from exp(-x^2) to the normal density):
/// exact for polynomials of degree 13.
struct NoiseNodes {
  static constexpr std::size_t size = PeriodPolicy::noise_nodes_size;
  std::array<double, size> z{}, weight{};
  NoiseNodes() {
    constexpr std::array<double, 4> x = {0.0, 0.816287882858965, 1.673551628767471, 2.651961356835233};
    constexpr std::array<double, 4> w = {0.810264617556807, 0.425607252610128, 0.054515582819127,
                                         0.000971781245100};
    const double root_pi = std::sqrt(std::numbers::pi);
    for (std::size_t k = 0; k < size; ++k) {
      const std::size_t from_centre = k < 3 ? 3 - k : k - 3;
      z[k] = (k < 3 ? -1.0 : 1.0) * std::numbers::sqrt2 * x[from_centre];
      weight[k] = w[from_centre] / root_pi;
    }
  }
};
const NoiseNodes noise_nodes;

}  // namespace

PeriodPolicy::PeriodPolicy(const WorkforceParams& params, const RepOutlook& start, double measured_nps)
    : params_(params),
      start_(start),
      measured_nps_(measured_nps),
      on_margin_(params.plan.commission && params.plan.commission->base == CommissionBase::margin) {
  const EffortResponse& response = params.response;
  pulled_ = response.pull_forward_share * start.revenue_per_month *
            (on_margin_ ? start.margin_share - response.pull_forward_cost : 1.0 - response.pull_forward_cost);
  // bookings_value_next is per unit of revenue pulled and already carries the margin share.
  pull_loss_ = start.bookings_value_next * response.pull_forward_share * start.revenue_per_month;
  pushed_ = response.push_out_share * start.revenue_per_month * (on_margin_ ? start.margin_share : 1.0);
  push_value_ = start.bookings_value_next * response.push_out_share * start.revenue_per_month *
                (1.0 - response.push_out_loss);
  sells_ = effort_grid(params.max_effort);
  normal_bookings_ = month_bookings(1.0, 0.0);
  discounts_ = {0.0};
  for (int k = 1; k <= 4 && params.discount_authority > 0.0; ++k)
    discounts_.push_back(params.discount_authority * k / 4.0);

  // What each option books and costs is the same at every grid point and month: computed once here,
  // as the backward induction reads them months x grid points times (they were most of its pow calls).
  for (double sell : sells_) {
    selling_costs_.push_back(selling_cost(params.profile, sell));
    for (double discount : discounts_) option_bookings_.push_back(month_bookings(sell, discount));
  }

  double most = 0.0;
  for (double d : discounts_) most = std::max(most, month_bookings(params.max_effort, d));
  const double booked = base_of(start.booked_revenue, start.booked_margin);
  const double months = start.months_left;
  const double widest_sd = response.bookings_cv * most * std::sqrt(months);
  grid_low_ = std::max(0.0, booked - 4.0 * widest_sd);
  const double high = booked + months * most + 4.0 * widest_sd + pulled_;
  grid_step_ = std::max(1e-9, (high - grid_low_) / static_cast<double>(grid_points - 1));

  values_.assign(start.months_left, std::vector<double>(grid_points));
  for (std::size_t g = 0; g < grid_points; ++g)
    values_[0][g] = terminal(grid_low_ + grid_step_ * static_cast<double>(g));
  // The top row (the whole period ahead) is never looked up: the first month reads the row below.
  for (std::uint32_t left = 1; left < start.months_left; ++left) {
    for (std::size_t g = 0; g < grid_points; ++g) {
      const auto options = option_values(grid_low_ + grid_step_ * static_cast<double>(g), left);
      values_[left][g] = *std::ranges::max_element(options);
    }
  }
}

double PeriodPolicy::base_of(double booked_revenue, double booked_margin) const {
  return on_margin_ ? booked_margin : booked_revenue;
}

double PeriodPolicy::month_bookings(double sell, double discount) const {
  const EffortResponse& response = params_.response;
  // Customers already sure to buy buy no more: the territory's demand saturates.
  const double list = start_.revenue_per_month *
                      purchases_at(start_.demand, sell_factor(response, start_.productivity, sell) *
                                                      discount_factor(response, discount));
  return list * (on_margin_ ? start_.margin_share - discount : 1.0 - discount);
}

double PeriodPolicy::terminal(double booked) const {
  const IncentivePlan& plan = params_.plan;
  PeriodKpis kpis;
  const double share = std::max(1e-9, start_.margin_share);
  kpis.booked_revenue = on_margin_ ? booked / share : booked;
  kpis.booked_margin = on_margin_ ? booked : booked * share;
  kpis.quota = start_.quota;
  kpis.nps = measured_nps_;
  const double attained = attainment(plan, kpis);
  kpis.scorecard = scorecard_values(plan, measured_nps_, attained);
  kpis.team_attainment = team_attainment_believed(params_, attained);
  double pay = pay_for_period(plan, kpis).total;
  if (plan.quota_ratchet > 0.0) {
    pay += start_.quota_value *
           (next_quota(start_.quota, attained, plan.quota_ratchet, plan.quota_floor) - start_.quota);
  }
  return pay;
}

double PeriodPolicy::value(std::uint32_t months_left, double booked) const {
  const std::vector<double>& row = values_[months_left];
  // Below the grid, carry on the first slope down to nothing booked; below that the plan pays flat.
  const double position = (std::max(0.0, booked) - grid_low_) / grid_step_;
  if (position <= 0.0) return row.front() + position * (row[1] - row.front());
  // Above the grid, carry on the last slope (commission keeps paying there).
  const double last = static_cast<double>(grid_points - 1);
  if (position >= last) return row.back() + (position - last) * (row.back() - row[grid_points - 2]);
  const auto below = static_cast<std::size_t>(position);
  const double fraction = position - static_cast<double>(below);
  return row[below] + fraction * (row[below + 1] - row[below]);
}

double PeriodPolicy::expected_next(std::uint32_t months_left, double booked, double bookings) const {
  const double noise_sd = noise_sd_of(bookings);
  const double centre = booked + bookings;
  const double tilt = tilt_of(months_left, centre, noise_sd);
  std::array<double, noise_nodes.size> values{};
  for (std::size_t k = 0; k < values.size(); ++k) {
    const double next = centre + noise_sd * (noise_nodes.z[k] - tilt);
    values[k] = months_left == 1 ? period_end_value(next) : value(months_left - 1, next);
  }
  return certainty_equivalent_of(values, tilt, params_.profile.risk_aversion);
}

double PeriodPolicy::tilt_of(std::uint32_t months_left, double centre, double noise_sd) const {
  const double r = params_.profile.risk_aversion;
  if (r <= 0.0 || noise_sd <= 0.0) return 0.0;
  // What a CARA rep fears sits r x slope x sd below the mean; the nodes move there.
  const double slope =
      (value(months_left - 1, centre + noise_sd) - value(months_left - 1, centre - noise_sd)) /
      (2.0 * noise_sd);
  return std::clamp(r * slope * noise_sd, 0.0, 8.0);
}

double PeriodPolicy::noise_sd_of(double bookings) const {
  // Proportional noise: selling harder also risks more pay. Additive: the same risk at any effort.
  const double scale =
      params_.response.bookings_noise == BookingsNoise::additive ? normal_bookings_ : bookings;
  return params_.response.bookings_cv * std::max(0.0, scale);
}

double PeriodPolicy::certainty_equivalent_of(const std::array<double, noise_nodes_size>& values, double tilt,
                                             double risk_aversion) {
  if (risk_aversion <= 0.0) {
    double mean = 0.0;
    for (std::size_t k = 0; k < values.size(); ++k) mean += noise_nodes.weight[k] * values[k];
    return mean;
  }
  // CARA: CE = -log E[exp(-r V)] / r. The values were taken at nodes shifted down by `tilt` sd, so
  // each carries the likelihood ratio exp(tilt z - tilt^2 / 2) (exact for pay linear in bookings);
  // the log-sum-exp keeps the exponentials finite. Effort costs are money, so the CE of what is left
  // carries back month by month (no wealth effect).
  std::array<double, noise_nodes_size> exponents{};
  for (std::size_t k = 0; k < values.size(); ++k)
    exponents[k] = -risk_aversion * values[k] + tilt * noise_nodes.z[k] - tilt * tilt / 2.0;
  const double top = *std::ranges::max_element(exponents);
  double sum = 0.0;
  for (std::size_t k = 0; k < values.size(); ++k) sum += noise_nodes.weight[k] * std::exp(exponents[k] - top);
  return -(top + std::log(sum)) / risk_aversion;
}

std::vector<double> PeriodPolicy::option_values(double booked, std::uint32_t months_left) const {
  std::vector<double> options;
  options.reserve(sells_.size() * discounts_.size());
  for (std::size_t s = 0; s < sells_.size(); ++s) {
    for (std::size_t d = 0; d < discounts_.size(); ++d) {
      options.push_back(expected_next(months_left, booked, option_bookings_[s * discounts_.size() + d]) -
                        selling_costs_[s]);
    }
  }
  return options;
}

double PeriodPolicy::period_end_value(double booked) const {
  // At the period end the rep may still pull next month's deals in, or push some of this month's out.
  double v = value(0, booked);
  if (pulled_ > 0.0) v = std::max(v, value(0, booked + pulled_) - pull_loss_);
  if (pushed_ > 0.0) v = std::max(v, value(0, booked - pushed_) + push_value_);
  return v;
}

double PeriodPolicy::timing_gain(double booked, double sell, double discount, double shift,
                                 double later) const {
  const double bookings = month_bookings(sell, discount);
  const double noise_sd = noise_sd_of(bookings);
  const double centre = booked + bookings;
  const double tilt = tilt_of(1, centre, noise_sd);
  std::array<double, noise_nodes_size> moved{}, kept{};
  for (std::size_t k = 0; k < moved.size(); ++k) {
    const double next = centre + noise_sd * (noise_nodes.z[k] - tilt);
    moved[k] = value(0, next + shift) + later;
    kept[k] = value(0, next);
  }
  const double r = params_.profile.risk_aversion;
  return certainty_equivalent_of(moved, tilt, r) - certainty_equivalent_of(kept, tilt, r);
}

double PeriodPolicy::pull_forward_gain(double booked, double sell, double discount) const {
  return timing_gain(booked, sell, discount, pulled_, -pull_loss_);
}

double PeriodPolicy::push_out_gain(double booked, double sell, double discount) const {
  return timing_gain(booked, sell, discount, -pushed_, push_value_);
}

}  // namespace salesim::models::workforce
