// The monthly step of the customer world.
#include "models/world/world.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <Random123/boxmuller.hpp>

#include "models/customer/customer_response.h"
#include "models/partnership/partnership_world.h"
#include "sim/core/parallel.h"

namespace salesim::models::world {
namespace {

using customer::AcquisitionChannel;
using customer::CustomerStatus;
using sim::core::uniform_open01;

/// A block's share of the month: its observations and the prospects it has left.
struct MonthPartial {
  StepObservation observed;
  std::vector<std::uint64_t> prospects_by_segment;
};

/// Stationary sd of s' = s + a (e - s) + shock: sigma / sqrt(1 - (1 - a)^2), capped at 2.
double stationary_satisfaction_sd(const SatisfactionParams& params) {
  const double keep = 1.0 - params.adjustment_rate;
  const double denominator = 1.0 - keep * keep;
  if (denominator <= 1e-6) return std::min(2.0, params.shock_sd * 10.0);
  return std::min(2.0, params.shock_sd / std::sqrt(denominator));
}

/// Everything one month's pass reads but does not change.
struct MonthContext {
  std::uint32_t month = 0;
  std::uint8_t mark_now = 0;   // referral bit read (and cleared) this month
  std::uint8_t mark_next = 0;  // referral bit set for next month
  double discount_to_month0 = 1.0;
  float service_cost = 0.0f;
  float price_index = 1.0f;
  float reference = 7.0f;
  float adjustment_rate = 0.0f;
  float shock_sd = 0.0f;
  float churn_sensitivity = 0.0f;
  float purchase_sensitivity = 0.0f;
  float referral_threshold = 10.0f;
  float sample_rate = 0.0f;
  float response_rate = 0.0f;
  float nonresponse_bias = 0.0f;
  float answer_noise_sd = 0.0f;
  float referral_conversion = 0.0f;
  double referral_reward = 0.0;
};

}  // namespace

World::World(const Scenario& scenario, const sim::core::RunAddress& run)
    : scenario_(scenario),
      behaviour_(run, sim::core::Stream::customer_behaviour),
      acquisition_(run, sim::core::Stream::acquisition),
      segments_(derive_segment_constants(scenario)),
      customers_(market_size(scenario)),
      contacts_(customer::build_referral_network(scenario.referrals,
                                                 static_cast<std::uint32_t>(customers_.size()), run)),
      prospects_by_segment_(scenario.segments.size(), 0),
      monthly_discount_rate_(monthly_discount_rate(scenario.run.discount_rate_per_year)) {
  place_initial_customers(run);
}

void World::place_initial_customers(const sim::core::RunAddress& run) {
  const sim::core::RandomStream initial(run, sim::core::Stream::initial_state);
  const double spread = stationary_satisfaction_sd(scenario_.satisfaction);
  std::uint32_t member = 0;
  for (std::size_t s = 0; s < scenario_.segments.size(); ++s) {
    const SegmentParams& segment = scenario_.segments[s];
    for (std::uint32_t k = 0; k < segment.size; ++k, ++member) {
      const auto draws = initial.block(member, 0);
      const auto normal = r123::boxmuller(draws[0], draws[1]);
      const double start = segment.initial_satisfaction + spread * normal.x;
      customers_.segment[member] = static_cast<std::uint8_t>(s);
      customers_.satisfaction[member] = static_cast<float>(std::clamp(start, 0.0, 10.0));
      if (k < segment.initial_customers) {
        customers_.status[member] = CustomerStatus::active;
        customers_.acquired_month[member] = 0;
      }
    }
    prospects_by_segment_[s] = segment.size - segment.initial_customers;
  }
}

StepObservation World::advance(std::uint32_t month) {
  MonthContext ctx;
  ctx.month = month;
  ctx.mark_now = static_cast<std::uint8_t>(1u << (month & 1u));
  ctx.mark_next = static_cast<std::uint8_t>(1u << ((month + 1) & 1u));
  ctx.discount_to_month0 = std::pow(1.0 + monthly_discount_rate_, -static_cast<double>(month));
  ctx.service_cost = static_cast<float>(scenario_.service.cost_per_customer_per_month);
  ctx.price_index = static_cast<float>(scenario_.pricing.price_index);
  const SatisfactionParams& sat = scenario_.satisfaction;
  ctx.reference = static_cast<float>(sat.reference);
  ctx.adjustment_rate = static_cast<float>(sat.adjustment_rate);
  ctx.shock_sd = static_cast<float>(sat.shock_sd);
  ctx.churn_sensitivity = static_cast<float>(sat.churn_sensitivity);
  ctx.purchase_sensitivity = static_cast<float>(sat.purchase_sensitivity);
  ctx.referral_threshold = static_cast<float>(sat.referral_threshold);
  ctx.sample_rate = static_cast<float>(scenario_.survey.sample_rate);
  ctx.response_rate = static_cast<float>(scenario_.survey.response_rate);
  ctx.nonresponse_bias = static_cast<float>(scenario_.survey.nonresponse_bias);
  ctx.answer_noise_sd = static_cast<float>(scenario_.survey.answer_noise_sd);
  ctx.referral_conversion = static_cast<float>(scenario_.referrals.conversion_probability);
  ctx.referral_reward = scenario_.referrals.reward;

  // Marketing wins each prospect with the same chance, so the expected number won is what
  // the segment's budget buys (capped by the prospects left).
  std::vector<double> marketing_probability(segments_.size(), 0.0);
  for (std::size_t s = 0; s < segments_.size(); ++s) {
    const auto prospects = static_cast<double>(prospects_by_segment_[s]);
    if (prospects > 0.0) {
      marketing_probability[s] = std::min(1.0, segments_[s].marketing_acquisitions_per_month / prospects);
    }
  }

  const auto& rowstart = contacts_.m_forward.m_rowstart;
  const auto& column = contacts_.m_forward.m_column;
  customer::CustomerTable& table = customers_;

  const MonthPartial identity{{}, std::vector<std::uint64_t>(segments_.size(), 0)};
  const MonthPartial total = sim::core::reduce_blocks(
      table.size(), identity,
      [&](std::size_t begin, std::size_t end, MonthPartial& part) {
        StepObservation& obs = part.observed;
        for (std::size_t i = begin; i < end; ++i) {
          const auto id = static_cast<std::uint32_t>(i);
          const SegmentConstants& seg = segments_[table.segment[i]];
          if (table.status[i] == CustomerStatus::prospect) {
            std::atomic_ref<std::uint8_t> marks(table.referral_marks[i]);
            const bool referred =
                (marks.fetch_and(static_cast<std::uint8_t>(~ctx.mark_now), std::memory_order_relaxed) &
                 ctx.mark_now) != 0;
            const auto draws = acquisition_.block(id, month);
            AcquisitionChannel won_by = AcquisitionChannel::initial;
            if (referred && uniform_open01(draws[0]) < ctx.referral_conversion) {
              won_by = AcquisitionChannel::referral;
              ++obs.acquired_by_referral;
              obs.acquisition_spend += ctx.referral_reward;
            } else if (uniform_open01(draws[1], draws[2]) < marketing_probability[table.segment[i]]) {
              won_by = AcquisitionChannel::marketing;
              ++obs.acquired_by_marketing;
              obs.acquisition_spend += seg.acquisition_cost;
            }
            if (won_by == AcquisitionChannel::initial) {
              ++part.prospects_by_segment[table.segment[i]];
              continue;
            }
            table.status[i] = CustomerStatus::active;
            table.channel[i] = won_by;
            table.acquired_month[i] = static_cast<std::int32_t>(month);
            ++obs.active_at_end;
            continue;
          }
          if (table.status[i] != CustomerStatus::active) continue;

          ++obs.active_at_start;
          const float satisfaction = table.satisfaction[i];
          const auto draws = behaviour_.block(id, month, 0);
          const float hazard = customer::churn_hazard(seg.base_churn_hazard, ctx.churn_sensitivity,
                                                      ctx.reference, satisfaction);
          if (uniform_open01(draws[0]) < hazard) {
            table.status[i] = CustomerStatus::churned;
            ++obs.churned;
            continue;
          }
          const auto normal = r123::boxmuller(draws[2], draws[3]);
          double month_value = -static_cast<double>(ctx.service_cost);
          obs.service_cost += ctx.service_cost;
          const float buy = customer::purchase_probability(seg.purchase_rate, ctx.purchase_sensitivity,
                                                           ctx.reference, satisfaction);
          if (uniform_open01(draws[1]) < buy) {
            const float spend = std::exp(seg.log_spend_mu + seg.log_spend_sigma * normal.x);
            const double revenue = static_cast<double>(spend) * ctx.price_index;
            const double margin = revenue - static_cast<double>(spend) * seg.cost_of_goods_share;
            ++obs.purchases;
            obs.revenue += revenue;
            obs.margin += margin;
            month_value += margin;
          }
          table.value_at_month0[i] += month_value * ctx.discount_to_month0;

          const float updated = customer::next_satisfaction(satisfaction, seg.experience, ctx.adjustment_rate,
                                                            ctx.shock_sd * normal.y);
          table.satisfaction[i] = updated;
          ++obs.active_at_end;
          obs.satisfaction_sum += updated;
          obs.true_answers.add(customer::recommend_answer(updated));

          const auto more = behaviour_.block(id, month, 1);
          const std::uint32_t contacts = rowstart[i + 1] - rowstart[i];
          if (updated >= ctx.referral_threshold && contacts > 0 &&
              uniform_open01(more[0]) < seg.referral_propensity) {
            const auto pick =
                std::min(contacts - 1,
                         static_cast<std::uint32_t>(uniform_open01(more[1]) * static_cast<float>(contacts)));
            const std::uint32_t friend_id = column[rowstart[i] + pick];
            // Marks are bits, so concurrent referrals to one prospect commute.
            std::atomic_ref<std::uint8_t>(table.referral_marks[friend_id])
                .fetch_or(ctx.mark_next, std::memory_order_relaxed);
            ++obs.referrals_made;
          }
          if (uniform_open01(more[2]) < ctx.sample_rate) {
            ++obs.surveys_sent;
            const float respond =
                customer::response_probability(ctx.response_rate, ctx.nonresponse_bias, updated);
            if (uniform_open01(more[3]) < respond) {
              float answered = updated;
              if (ctx.answer_noise_sd > 0.0f) {
                const auto noise = behaviour_.block(id, month, 2);
                answered += ctx.answer_noise_sd * r123::boxmuller(noise[0], noise[1]).x;
              }
              obs.survey_answers.add(customer::recommend_answer(answered));
            }
          }
        }
      },
      [](MonthPartial& into, const MonthPartial& part) {
        into.observed += part.observed;
        for (std::size_t s = 0; s < into.prospects_by_segment.size(); ++s) {
          into.prospects_by_segment[s] += part.prospects_by_segment[s];
        }
      });
  prospects_by_segment_ = total.prospects_by_segment;
  return total.observed;
}

RunObservation World::observe_customers() const {
  RunObservation result;
  const double growth = 1.0 + monthly_discount_rate_;
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    const std::int32_t acquired = customers_.acquired_month[i];
    if (acquired < 0) continue;
    double acquisition_cost = 0.0;
    if (customers_.channel[i] == AcquisitionChannel::marketing) {
      acquisition_cost = segments_[customers_.segment[i]].acquisition_cost;
    } else if (customers_.channel[i] == AcquisitionChannel::referral) {
      acquisition_cost = scenario_.referrals.reward;
    }
    const double to_acquisition = std::pow(growth, acquired);
    result.realized_clv.push_back(customers_.value_at_month0[i] * to_acquisition - acquisition_cost);
    const bool initial = customers_.channel[i] == AcquisitionChannel::initial;
    result.clv_is_initial_customer.push_back(initial ? 1 : 0);
    result.initial_customers += initial ? 1 : 0;
    result.customer_equity += customers_.value_at_month0[i] - acquisition_cost / to_acquisition;
  }
  return result;
}

RunObservation simulate_run(const Scenario& scenario, const sim::core::RunAddress& run) {
  World world(scenario, run);
  std::vector<StepObservation> months;
  months.reserve(scenario.run.horizon_months);
  for (std::uint32_t month = 1; month <= scenario.run.horizon_months; ++month) {
    months.push_back(world.advance(month));
  }
  RunObservation result = world.observe_customers();
  result.months = std::move(months);
  result.has_customer_market = !scenario.segments.empty();
  if (scenario.partnerships.buyers > 0) {
    partnership::PartnershipWorld partners(scenario.partnerships,
                                           monthly_discount_rate(scenario.run.discount_rate_per_year), run);
    for (std::uint32_t month = 1; month <= scenario.run.horizon_months; ++month) {
      result.partnership_months.push_back(partners.advance(month));
    }
  }
  return result;
}

}  // namespace salesim::models::world
