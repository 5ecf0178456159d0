// The monthly step of the customer world.
#include "models/world/world.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>

#include <Random123/boxmuller.hpp>

#include "models/customer/customer_response.h"
#include "models/customer/latent_buyer.h"
#include "models/customer/referral_graph_cache.h"
#include "models/partnership/partnership_world.h"
#include "models/random_streams.h"
#include "models/workforce/workforce_world.h"
#include "models/world/month_draws.h"
#include "models/world/pending_referrals.h"
#include "sim/core/parallel.h"
#include "sim/core/stream_engine.h"

namespace salesim::models::world {
namespace {

using customer::AcquisitionChannel;
using customer::CustomerStatus;
using sim::core::uniform_open01;

/// A block's share of the month: its observations and the prospects it has left.
struct MonthPartial {
  StepObservation observed;
  std::vector<std::uint64_t> prospects_by_segment;
  workforce::TerritoryMonth territories;            ///< empty without a workforce
  std::vector<customer::Transaction> transactions;  ///< only while a transaction log is kept
};

/// What every active customer adds to the month, summed over one batch in registers and added to the
/// month's observation after it: a sum kept in memory waits for its own last store on each customer.
struct ActiveSums {
  std::uint64_t active_at_start = 0;
  std::uint64_t active_at_end = 0;
  std::uint64_t purchases = 0;
  double revenue = 0.0;
  double margin = 0.0;
  double service_cost = 0.0;
  double satisfaction_sum = 0.0;
  RecommendCounts true_answers;

  void add_to(StepObservation& obs) const noexcept {
    obs.active_at_start += active_at_start;
    obs.active_at_end += active_at_end;
    obs.purchases += purchases;
    obs.revenue += revenue;
    obs.margin += margin;
    obs.service_cost += service_cost;
    obs.satisfaction_sum += satisfaction_sum;
    obs.true_answers += true_answers;
  }
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

/// Where a latent buyer's purchases are booked this month.
struct LatentBooking {
  const MonthContext& ctx;
  StepObservation& obs;
  workforce::TerritoryMonth& territories;
  std::vector<customer::Transaction>& transactions;
  std::vector<float>& recent_sales;  ///< empty without clawbacks
  bool staffed = false;
  bool on_margin = false;
  bool logging = false;
};

/// Who the latent buyer is this month and what its rep delivers it.
struct LatentService {
  std::uint32_t id = 0;
  std::uint32_t rep = 0;
  float satisfaction = 0.0f;
  float purchase_factor = 1.0f;
  float price_factor = 1.0f;
  float cross_sell = 0.0f;
};

struct LatentMonth {
  double margin = 0.0;  ///< of the month's purchases
  bool dropped_out = false;
};

/**
 * @brief One month of a latent buyer (SegmentParams::buyers). A customer just `won` makes its first
 * purchase at a uniform time of the month and buys on from there. Out of line, so the homogeneous
 * customers' loop stays as small as it was.
 */
[[gnu::noinline]] LatentMonth latent_buyer_month(const LatentBooking& book, const SegmentConstants& seg,
                                                 const customer::BuyerTraits& traits,
                                                 const LatentService& service, bool won,
                                                 const sim::core::RandomStream& stream) {
  const MonthContext& ctx = book.ctx;
  LatentMonth result;
  const auto purchase = [&](double day, double list_spend, float price_factor, float cross_sell) {
    const double spend = list_spend * (1.0 + cross_sell);
    const double revenue = spend * ctx.price_index * price_factor;
    const double margin = revenue - spend * seg.cost_of_goods_share;
    ++book.obs.purchases;
    book.obs.revenue += revenue;
    if (cross_sell != 0.0f) book.obs.cross_sell_revenue += revenue * cross_sell / (1.0 + cross_sell);
    book.obs.margin += margin;
    result.margin += margin;
    if (book.staffed) {
      book.territories.revenue[service.rep] += revenue;
      book.territories.margin[service.rep] += margin;
      if (!book.recent_sales.empty())
        book.recent_sales[service.id] += static_cast<float>(book.on_margin ? margin : revenue);
    }
    if (book.logging) book.transactions.push_back({service.id, day, revenue});
  };
  sim::core::StreamEngine engine(stream, service.id, ctx.month);
  double start = (ctx.month - 1) * days_per_month;
  if (won) {
    start += days_per_month * static_cast<double>(uniform_open01(engine()));
    purchase(start, customer::draw_spend(seg.spend, traits, engine), 1.0f, 0.0f);
  }
  const auto interval = customer::simulate_buyer_interval(
      seg.buyer_model, traits,
      service.purchase_factor *
          customer::purchase_multiplier(ctx.purchase_sensitivity, ctx.reference, service.satisfaction),
      customer::dropout_multiplier(ctx.churn_sensitivity, ctx.reference, service.satisfaction), start,
      ctx.month * days_per_month, seg.spend, engine,
      [&](double day, double spend) { purchase(day, spend, service.price_factor, service.cross_sell); });
  result.dropped_out = interval.dropped_out;
  return result;
}

}  // namespace

World::World(const Scenario& scenario, const sim::core::RunAddress& run)
    : scenario_(&scenario),
      run_(run),
      behaviour_(run, streams::customer_behaviour),
      acquisition_(run, streams::acquisition),
      buyer_process_(run, streams::buyer_process),
      segments_(derive_segment_constants(scenario)),
      customers_(market_size(scenario)),
      contacts_(customer::shared_referral_graphs().get(scenario.referrals,
                                                       static_cast<std::uint32_t>(customers_.size()), run)),
      prospects_by_segment_(scenario.segments.size(), 0),
      monthly_discount_rate_(monthly_discount_rate(scenario.run.discount_rate_per_year)),
      reps_(scenario.workforce.reps) {
  place_initial_customers(run);
  derive_from_terms();
}

void World::change_terms(const Scenario& terms) {
  scenario_ = &terms;
  segments_ = derive_segment_constants(terms);
  derive_from_terms();
}

void World::derive_from_terms() {
  const Scenario& terms = *scenario_;
  segment_clv_.clear();
  for (const SegmentConstants& seg : segments_) segment_clv_.push_back(std::max(0.0, predicted_clv(seg, 0)));
  if (reps_ == 0) return;
  std::vector<std::uint32_t> sizes;
  for (const SegmentParams& segment : terms.segments) sizes.push_back(segment.size);
  territories_ = workforce::Territories(terms.workforce.territories, reps_, sizes);
  // CLV scores are drawn once per run, when reps first see them; hidden again, service spreads evenly.
  if (terms.workforce.clv_scores_visible && service_weight_.empty()) weigh_service_by_clv_scores(run_);
  if (!terms.workforce.clv_scores_visible) service_weight_.clear();
  if (terms.workforce.plan.clawback && recent_sales_.empty()) recent_sales_.assign(customers_.size(), 0.0f);
  if (!terms.workforce.plan.clawback) recent_sales_.clear();
}

double World::predicted_clv(const SegmentConstants& seg, std::uint32_t months) const {
  // What a firm's CLV model predicts from segment averages: margin at reference satisfaction net of
  // service, constant retention, sum_{k=1..N} m (r / (1 + d))^k (Gupta & Lehmann 2003); N infinite at 0.
  const double spend = std::exp(seg.log_spend_mu + 0.5 * seg.log_spend_sigma * seg.log_spend_sigma);
  const double margin =
      seg.purchase_rate * spend * (scenario_->pricing.price_index - seg.cost_of_goods_share) -
      scenario_->service.cost_per_customer_per_month;
  const double q = (1.0 - seg.base_churn_hazard) / (1.0 + monthly_discount_rate_);
  if (months == 0) return margin * q / (1.0 - q);
  return margin * q * (1.0 - std::pow(q, months)) / (1.0 - q);
}

void World::weigh_service_by_clv_scores(const sim::core::RunAddress& run) {
  // Each customer's CLV score is its segment's prediction read with lognormal error: reps give
  // each customer service in proportion to its score.
  const sim::core::RandomStream scores(run, streams::workforce);
  const double noise = scenario_->workforce.clv_score_noise;
  const std::vector<double>& segment_clv = segment_clv_;
  service_weight_.resize(customers_.size());
  double total = 0.0;
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    // Draw block 1 of the member's stream at step 0: apart from the reps' own draws (block 0, month >= 1).
    const auto draw = scores.block(static_cast<std::uint32_t>(i), 0, 1);
    const double error = noise * r123::boxmuller(draw[0], draw[1]).x;
    const double score = segment_clv[customers_.segment[i]] * std::exp(error - 0.5 * noise * noise);
    service_weight_[i] = static_cast<float>(score);
    total += score;
  }
  const double mean = total / static_cast<double>(std::max<std::size_t>(1, customers_.size()));
  for (float& weight : service_weight_) weight = mean > 0.0 ? static_cast<float>(weight / mean) : 1.0f;
}

void World::place_initial_customers(const sim::core::RunAddress& run) {
  const sim::core::RandomStream initial(run, streams::initial_state);
  const double spread = stationary_satisfaction_sd(scenario_->satisfaction);
  const bool any_latent = std::any_of(segments_.begin(), segments_.end(),
                                      [](const SegmentConstants& seg) { return seg.latent_buyers; });
  if (any_latent) customers_.buyer_traits.resize(customers_.size());
  std::uint32_t member = 0;
  for (std::size_t s = 0; s < scenario_->segments.size(); ++s) {
    const SegmentParams& segment = scenario_->segments[s];
    for (std::uint32_t k = 0; k < segment.size; ++k, ++member) {
      const auto draws = initial.block(member, 0);
      const auto normal = r123::boxmuller(draws[0], draws[1]);
      const double start = segment.initial_satisfaction + spread * normal.x;
      customers_.segment[member] = static_cast<std::uint8_t>(s);
      customers_.satisfaction[member] = static_cast<float>(std::clamp(start, 0.0, 10.0));
      bool alive = true;
      if (segment.buyers) {
        // Step 1 of the member's initial-state stream: apart from its starting satisfaction (step 0).
        sim::core::StreamEngine engine(initial, member, 1);
        const auto& histories = segment.buyers->histories;
        if (histories && k < histories->size()) {
          const auto traits = customer::draw_buyer_traits_given(*segment.buyers, (*histories)[k], engine);
          alive = traits.has_value();
          if (alive) customers_.buyer_traits[member] = *traits;
        } else {
          customers_.buyer_traits[member] = customer::draw_buyer_traits(*segment.buyers, engine);
        }
      }
      if (k < segment.initial_customers) {
        // A customer whose history says it has already left starts as lost: worth nothing from now on.
        customers_.status[member] = alive ? CustomerStatus::active : CustomerStatus::churned;
        customers_.acquired_month[member] = 0;
      }
    }
    prospects_by_segment_[s] = segment.size - segment.initial_customers;
  }
}

void World::start_transaction_log() {
  logging_transactions_ = true;
  const auto price = static_cast<double>(scenario_->pricing.price_index);
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    if (customers_.status[i] != CustomerStatus::active || customers_.acquired_month[i] != 0) continue;
    // Customers with a history made their first purchase before the run: it is in their history.
    const auto& buyers = scenario_->segments[customers_.segment[i]].buyers;
    if (buyers && buyers->histories && !buyers->histories->empty()) continue;
    // Step 0 of the buyer stream precedes month 1: the first purchase of a customer there at month 0.
    const auto id = static_cast<std::uint32_t>(i);
    sim::core::StreamEngine engine(buyer_process_, id, 0);
    const customer::BuyerTraits traits =
        customers_.buyer_traits.empty() ? customer::BuyerTraits{} : customers_.buyer_traits[i];
    const double spend = customer::draw_spend(segments_[customers_.segment[i]].spend, traits, engine);
    transactions_.push_back({id, 0.0, spend * price});
  }
}

StepObservation World::advance(std::uint32_t month, const workforce::DeliveredService* delivered,
                               workforce::TerritoryMonth* territories) {
  const bool staffed = reps_ > 0 && delivered != nullptr;
  const auto& plan = scenario_->workforce.plan;
  const bool on_margin = plan.commission && plan.commission->base == workforce::CommissionBase::margin;
  const float sales_memory =
      plan.clawback ? static_cast<float>(std::exp(-1.0 / std::max(1u, plan.clawback->window_months))) : 0.0f;
  const float service_lift = static_cast<float>(scenario_->workforce.response.service_lift);
  const float coordination_cost =
      staffed && scenario_->workforce.organization == workforce::Organization::customer_centric
          ? static_cast<float>(scenario_->workforce.coordination_cost_per_customer)
          : 0.0f;
  MonthContext ctx;
  ctx.month = month;
  ctx.mark_now = static_cast<std::uint8_t>(1u << (month & 1u));
  ctx.mark_next = static_cast<std::uint8_t>(1u << ((month + 1) & 1u));
  ctx.discount_to_month0 = std::pow(1.0 + monthly_discount_rate_, -static_cast<double>(month));
  ctx.service_cost = static_cast<float>(scenario_->service.cost_per_customer_per_month);
  ctx.price_index = static_cast<float>(scenario_->pricing.price_index);
  const SatisfactionParams& sat = scenario_->satisfaction;
  ctx.reference = static_cast<float>(sat.reference);
  ctx.adjustment_rate = static_cast<float>(sat.adjustment_rate);
  ctx.shock_sd = static_cast<float>(sat.shock_sd);
  ctx.churn_sensitivity = static_cast<float>(sat.churn_sensitivity);
  ctx.purchase_sensitivity = static_cast<float>(sat.purchase_sensitivity);
  ctx.referral_threshold = static_cast<float>(sat.referral_threshold);
  ctx.sample_rate = static_cast<float>(scenario_->survey.sample_rate);
  ctx.response_rate = static_cast<float>(scenario_->survey.response_rate);
  ctx.nonresponse_bias = static_cast<float>(scenario_->survey.nonresponse_bias);
  ctx.answer_noise_sd = static_cast<float>(scenario_->survey.answer_noise_sd);
  ctx.referral_conversion = static_cast<float>(scenario_->referrals.conversion_probability);
  ctx.referral_reward = scenario_->referrals.reward;

  // Marketing wins each prospect with the same chance, so the expected number won is what
  // the segment's budget buys (capped by the prospects left).
  std::vector<double> marketing_probability(segments_.size(), 0.0);
  for (std::size_t s = 0; s < segments_.size(); ++s) {
    const auto prospects = static_cast<double>(prospects_by_segment_[s]);
    if (prospects > 0.0) {
      marketing_probability[s] = std::min(1.0, segments_[s].marketing_acquisitions_per_month / prospects);
    }
  }

  const auto& rowstart = contacts_->m_forward.m_rowstart;
  const auto& column = contacts_->m_forward.m_column;
  customer::CustomerTable& table = customers_;

  const MonthPartial identity{{},
                              std::vector<std::uint64_t>(segments_.size(), 0),
                              workforce::TerritoryMonth(staffed ? reps_ : 0),
                              {}};
  const MonthPartial total = sim::core::reduce_blocks(
      table.size(), identity,
      [&](std::size_t begin, std::size_t end, MonthPartial& part) {
        StepObservation& obs = part.observed;
        const LatentBooking book{ctx,           obs,     part.territories, part.transactions,
                                 recent_sales_, staffed, on_margin,        logging_transactions_};
        MonthDraws draws_of_batch;
        PendingReferrals referrals({rowstart, column}, table.referral_marks, ctx.mark_next);
        for (std::size_t batch_begin = begin; batch_begin < end; batch_begin += MonthDraws::batch) {
          draws_of_batch.draw(behaviour_, acquisition_, table.status, batch_begin,
                              std::min(end, batch_begin + MonthDraws::batch), month);
          draws_of_batch.evaluate(table.satisfaction, table.segment, segments_, ctx.churn_sensitivity,
                                  ctx.reference);
          // The batch's prospects, then its active customers: two loops instead of a branch on each
          // member's status, which mispredicts because statuses are mixed at random.
          for (std::size_t prospect = 0; prospect < draws_of_batch.prospects(); ++prospect) {
            const std::size_t i = draws_of_batch.prospect_id(prospect);
            const auto id = static_cast<std::uint32_t>(i);
            const SegmentConstants& seg = segments_[table.segment[i]];
            // This month's bit was set last month (referrals now set next month's), so a plain load
            // reads it; only a referred prospect pays for the atomic clear.
            std::atomic_ref<std::uint8_t> marks(table.referral_marks[i]);
            const bool referred = (marks.load(std::memory_order_relaxed) & ctx.mark_now) != 0;
            if (referred)
              marks.fetch_and(static_cast<std::uint8_t>(~ctx.mark_now), std::memory_order_relaxed);
            const auto& draws = draws_of_batch.acquisition(prospect);
            AcquisitionChannel won_by = AcquisitionChannel::initial;
            if (referred && uniform_open01(draws[0]) < ctx.referral_conversion) {
              won_by = AcquisitionChannel::referral;
              ++obs.acquired_by_referral;
              obs.acquisition_spend += ctx.referral_reward;
            } else if (uniform_open01(draws[1], draws[2]) < marketing_probability[table.segment[i]]) {
              won_by = AcquisitionChannel::marketing;
              ++obs.acquired_by_marketing;
              obs.acquisition_spend += seg.acquisition_cost;
            } else if (staffed && uniform_open01(draws[3]) <
                                      delivered->hunt[territories_.rep_of(id, table.segment[i])]) {
              won_by = AcquisitionChannel::sales;
              ++obs.acquired_by_sales;
              const std::uint32_t rep = territories_.rep_of(id, table.segment[i]);
              part.territories.won_by_rep[rep] += 1.0;
              part.territories.won_clv[rep] += segment_clv_[table.segment[i]];
            }
            if (won_by == AcquisitionChannel::initial) {
              ++part.prospects_by_segment[table.segment[i]];
              continue;
            }
            // The measurement system credits the territory's rep with every customer won there.
            if (staffed) part.territories.attributed[territories_.rep_of(id, table.segment[i])] += 1.0;
            table.status[i] = CustomerStatus::active;
            table.channel[i] = won_by;
            table.acquired_month[i] = static_cast<std::int32_t>(month);
            ++obs.active_at_end;
            if (seg.latent_buyers) {
              const std::uint32_t rep = staffed ? territories_.rep_of(id, table.segment[i]) : 0;
              const LatentMonth first = latent_buyer_month(
                  book, seg, table.buyer_traits[i], {id, rep, table.satisfaction[i]}, true, buyer_process_);
              table.value_at_month0[i] += first.margin * ctx.discount_to_month0;
              if (first.dropped_out) {
                table.status[i] = CustomerStatus::churned;
                ++obs.churned;
                --obs.active_at_end;
              }
            }
          }
          ActiveSums sums;
          for (std::size_t active = 0; active < draws_of_batch.actives(); ++active) {
            const std::size_t i = draws_of_batch.active_id(active);
            const auto id = static_cast<std::uint32_t>(i);
            const SegmentConstants& seg = segments_[table.segment[i]];
            ++sums.active_at_start;
            const float satisfaction = table.satisfaction[i];
            // What the customer's rep delivers (a fixed service level without a workforce).
            const std::uint32_t rep = staffed ? territories_.rep_of(id, table.segment[i]) : 0;
            float experience = seg.experience;
            float purchase_factor = 1.0f, price_factor = 1.0f, cross_sell = 0.0f, answer_shift = 0.0f;
            if (staffed) {
              const float weight = service_weight_.empty() ? 1.0f : service_weight_[i];
              experience +=
                  service_lift * (delivered->service[rep] * weight - 1.0f) + delivered->relationship[rep];
              purchase_factor = delivered->purchase_factor[rep];
              price_factor = delivered->price_factor[rep];
              cross_sell = delivered->cross_sell[rep];
              answer_shift = delivered->answer_shift[rep];
              // A cherry-picking rep leaves its unhappy customers alone: no selling, no service.
              if (delivered->cherry_pick[rep] != 0 && satisfaction < ctx.reference) {
                experience = seg.experience - service_lift;
                purchase_factor = delivered->neglected_purchase_factor[rep];
              }
            }
            const auto& draws = draws_of_batch.behaviour(active);
            if (seg.latent_buyers) {
              // Served this month, buying as its process says until it drops out.
              const LatentMonth served = latent_buyer_month(
                  book, seg, table.buyer_traits[i],
                  {id, rep, satisfaction, purchase_factor, price_factor, cross_sell}, false, buyer_process_);
              sums.service_cost += ctx.service_cost + coordination_cost;
              const double month_value =
                  served.margin - static_cast<double>(ctx.service_cost + coordination_cost);
              if (!recent_sales_.empty()) recent_sales_[i] *= sales_memory;
              table.value_at_month0[i] += month_value * ctx.discount_to_month0;
              if (served.dropped_out) {
                table.status[i] = CustomerStatus::churned;
                ++obs.churned;
                if (staffed && !recent_sales_.empty())
                  part.territories.churned_sales[rep] += recent_sales_[i];
                continue;
              }
            } else {
              const float hazard =
                  customer::churn_hazard(seg.base_churn_hazard, draws_of_batch.churn_multiplier(active));
              if (uniform_open01(draws[0]) < hazard) {
                table.status[i] = CustomerStatus::churned;
                ++obs.churned;
                // A clawback takes back commission on what a customer lost soon after bought.
                if (staffed && !recent_sales_.empty())
                  part.territories.churned_sales[rep] += recent_sales_[i];
                continue;
              }
              double month_value = -static_cast<double>(ctx.service_cost + coordination_cost);
              sums.service_cost += ctx.service_cost + coordination_cost;
              const float buy = purchase_factor * customer::purchase_probability(seg.purchase_rate,
                                                                                 ctx.purchase_sensitivity,
                                                                                 ctx.reference, satisfaction);
              // No branch on the purchase, which would mispredict at purchase rates near one half: the
              // spend is multiplied by the 0/1 flag (GCC turns a conditional back into a branch), and a
              // customer that does not buy adds zeros, which change no sum (x + 0.0 is x).
              const bool buys = uniform_open01(draws[1]) < buy;
              // Cross-selling adds other product lines to the purchase; a discount lowers the price only.
              const double spend = static_cast<double>(draws_of_batch.spend(active)) * (1.0 + cross_sell) *
                                   static_cast<double>(buys);
              const double revenue = spend * ctx.price_index * price_factor;
              const double margin = revenue - spend * seg.cost_of_goods_share;
              sums.purchases += buys ? 1 : 0;
              sums.revenue += revenue;
              sums.margin += margin;
              month_value += margin;
              if (staffed) {
                part.territories.revenue[rep] += revenue;
                part.territories.margin[rep] += margin;
                obs.cross_sell_revenue += revenue * cross_sell / (1.0 + cross_sell);
                if (!recent_sales_.empty())
                  recent_sales_[i] += static_cast<float>(on_margin ? margin : revenue);
              }
              if (logging_transactions_ && buys) {
                const double day = (month - 1) * days_per_month +
                                   days_per_month * uniform_open01(behaviour_.block(id, month, 3)[0]);
                part.transactions.push_back({id, day, revenue});
              }
              // Sales older than the clawback window fade out of it (an exponential window of N months).
              if (!recent_sales_.empty()) recent_sales_[i] *= sales_memory;
              table.value_at_month0[i] += month_value * ctx.discount_to_month0;
            }

            const float updated = customer::next_satisfaction(satisfaction, experience, ctx.adjustment_rate,
                                                              ctx.shock_sd * draws_of_batch.normal_y(active));
            table.satisfaction[i] = updated;
            ++sums.active_at_end;
            sums.satisfaction_sum += updated;
            sums.true_answers.add(customer::recommend_answer(updated));
            if (staffed) part.territories.truth[rep].add(customer::recommend_answer(updated));

            const auto& more = draws_of_batch.more_behaviour(active);
            // The rare condition first: satisfaction against the threshold is near a coin toss.
            if (uniform_open01(more[0]) < seg.referral_propensity && updated >= ctx.referral_threshold) {
              referrals.add(id, more[1]);
            }
            if (uniform_open01(more[2]) < ctx.sample_rate) {
              ++obs.surveys_sent;
              const float respond =
                  customer::response_probability(ctx.response_rate, ctx.nonresponse_bias, updated);
              if (uniform_open01(more[3]) < respond) {
                // A coached customer answers higher than it feels.
                float answered = updated + answer_shift;
                if (ctx.answer_noise_sd > 0.0f) {
                  const auto noise = behaviour_.block(id, month, 2);
                  answered += ctx.answer_noise_sd * r123::boxmuller(noise[0], noise[1]).x;
                }
                obs.survey_answers.add(customer::recommend_answer(answered));
                if (staffed) part.territories.survey[rep].add(customer::recommend_answer(answered));
              }
            }
          }
          sums.add_to(obs);
          obs.referrals_made += referrals.after_batch();
        }
        obs.referrals_made += referrals.flush();
      },
      [](MonthPartial& into, const MonthPartial& part) {
        into.observed += part.observed;
        into.territories += part.territories;
        into.transactions.insert(into.transactions.end(), part.transactions.begin(), part.transactions.end());
        for (std::size_t s = 0; s < into.prospects_by_segment.size(); ++s) {
          into.prospects_by_segment[s] += part.prospects_by_segment[s];
        }
      });
  prospects_by_segment_ = total.prospects_by_segment;
  transactions_.insert(transactions_.end(), total.transactions.begin(), total.transactions.end());
  if (staffed && territories != nullptr) *territories = total.territories;
  return total.observed;
}

workforce::TerritoryMonth World::territory_outlook() const {
  std::vector<double> spend_mean(segments_.size());
  for (std::size_t s = 0; s < segments_.size(); ++s) {
    spend_mean[s] = std::exp(segments_[s].log_spend_mu +
                             0.5 * segments_[s].log_spend_sigma * segments_[s].log_spend_sigma);
  }
  const auto price = static_cast<double>(scenario_->pricing.price_index);
  const auto& sat = scenario_->satisfaction;
  return sim::core::reduce_blocks(
      customers_.size(), workforce::TerritoryMonth(reps_),
      [&](std::size_t begin, std::size_t end, workforce::TerritoryMonth& part) {
        for (std::size_t i = begin; i < end; ++i) {
          const std::uint32_t rep = territories_.rep_of(static_cast<std::uint32_t>(i), customers_.segment[i]);
          if (customers_.status[i] == CustomerStatus::prospect) {
            part.prospects[rep] += 1.0;
            part.prospect_clv[rep] += segment_clv_[customers_.segment[i]];
            continue;
          }
          if (customers_.status[i] != CustomerStatus::active) continue;
          const std::uint8_t s = customers_.segment[i];
          const double buy = customer::purchase_probability(
              segments_[s].purchase_rate, static_cast<float>(sat.purchase_sensitivity),
              static_cast<float>(sat.reference), customers_.satisfaction[i]);
          part.expected_revenue_next[rep] += buy * spend_mean[s] * price;
          for (std::size_t f = 0; f < workforce::demand_factors.size(); ++f) {
            part.revenue_at_factor[rep][f] +=
                std::min(1.0, workforce::demand_factors[f] * buy) * spend_mean[s] * price;
          }
          part.expected_margin_next[rep] += buy * spend_mean[s] * (price - segments_[s].cost_of_goods_share);
          part.truth[rep].add(customer::recommend_answer(customers_.satisfaction[i]));
        }
      },
      [](workforce::TerritoryMonth& into, const workforce::TerritoryMonth& part) { into += part; });
}

RunObservation World::observe_customers() const {
  RunObservation result;
  std::vector<double> predicted_by_segment;
  for (const SegmentConstants& seg : segments_) {
    predicted_by_segment.push_back(predicted_clv(seg, scenario_->run.horizon_months));
  }
  const double growth = 1.0 + monthly_discount_rate_;
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    const std::int32_t acquired = customers_.acquired_month[i];
    if (acquired < 0) continue;
    double acquisition_cost = 0.0;
    if (customers_.channel[i] == AcquisitionChannel::marketing) {
      acquisition_cost = segments_[customers_.segment[i]].acquisition_cost;
    } else if (customers_.channel[i] == AcquisitionChannel::referral) {
      acquisition_cost = scenario_->referrals.reward;
    }
    const double to_acquisition = std::pow(growth, acquired);
    result.realized_clv.push_back(customers_.value_at_month0[i] * to_acquisition - acquisition_cost);
    const bool initial = customers_.channel[i] == AcquisitionChannel::initial;
    result.clv_is_initial_customer.push_back(initial ? 1 : 0);
    result.initial_customers += initial ? 1 : 0;
    result.customer_equity += customers_.value_at_month0[i] - acquisition_cost / to_acquisition;
    if (initial) result.predicted_clv_initial += predicted_by_segment[customers_.segment[i]];
  }
  return result;
}

namespace {

/// Which terms are in force month by month: the scenario's, then each timeline phase's from its month.
class TermsInForce {
 public:
  explicit TermsInForce(const Scenario& scenario) : scenario_(scenario), current_(&scenario) {}

  /// The terms that start in `month`, or nullptr when the month keeps the current ones.
  const Scenario* starting_in(std::uint32_t month) {
    if (next_ >= scenario_.phases.size() || scenario_.phases[next_].from_month != month) return nullptr;
    current_ = scenario_.phases[next_++].terms.get();
    return current_;
  }
  [[nodiscard]] const Scenario& current() const noexcept { return *current_; }
  /// Whether the reps' pay plan changes after `month`: their open period then closes with it.
  [[nodiscard]] bool plan_changes_after(std::uint32_t month) const {
    return next_ < scenario_.phases.size() && scenario_.phases[next_].from_month == month + 1 &&
           !(scenario_.phases[next_].terms->workforce.plan == current_->workforce.plan);
  }

 private:
  const Scenario& scenario_;
  const Scenario* current_;
  std::size_t next_ = 0;
};

}  // namespace

RunObservation simulate_run(const Scenario& scenario, const sim::core::RunAddress& run,
                            std::vector<customer::Transaction>* transactions) {
  World world(scenario, run);
  if (transactions != nullptr) world.start_transaction_log();
  std::vector<StepObservation> months;
  months.reserve(scenario.run.horizon_months);
  std::vector<partnership::PartnershipMonth> partnership_months;
  std::optional<partnership::PartnershipWorld> partners;
  if (scenario.partnerships.buyers > 0) {
    partners.emplace(scenario.partnerships, monthly_discount_rate(scenario.run.discount_rate_per_year), run);
  }
  TermsInForce terms(scenario);
  std::optional<workforce::WorkforceWorld> reps;
  if (scenario.workforce.reps > 0 && !scenario.segments.empty()) reps.emplace(scenario.workforce, run);
  std::vector<workforce::WorkforceMonth> workforce_months;
  workforce::TerritoryMonth territories(reps ? scenario.workforce.reps : 0);
  for (std::uint32_t month = 1; month <= scenario.run.horizon_months; ++month) {
    // A timeline change applies from the start of its month; everything the run holds carries over.
    if (const Scenario* changed = terms.starting_in(month)) {
      world.change_terms(*changed);
      if (reps) reps->change_terms(changed->workforce);
      if (partners) partners->change_terms(changed->partnerships);
    }
    if (!reps) {
      months.push_back(world.advance(month));
      if (partners) partnership_months.push_back(partners->advance(month));
      continue;
    }
    // Each month reps choose from what their territories promise, customers respond, and the
    // measurement system books what happened; key-account managers also serve the B2B accounts.
    const workforce::DeliveredService& delivered = reps->decide(month, world.territory_outlook());
    months.push_back(world.advance(month, &delivered, &territories));
    const bool closes_period = month == scenario.run.horizon_months || terms.plan_changes_after(month);
    workforce_months.push_back(reps->settle(month, territories, closes_period));
    // A deal pulled forward was bought now at a discount, and a share of those held back is lost:
    // the firm's revenue and margin lose both.
    const workforce::WorkforceMonth& timing = workforce_months.back();
    months.back().revenue -= timing.timing_discount + timing.pushed_revenue_lost;
    months.back().margin -= timing.timing_discount + timing.pushed_margin_lost;
    if (partners) {
      const bool managed = terms.current().partnerships.key_account_managers;
      partnership_months.push_back(partners->advance(month, managed ? &delivered.service : nullptr));
    }
  }
  std::vector<double> attainments;
  if (reps) attainments = reps->attainments();
  RunObservation result = world.observe_customers();
  result.months = std::move(months);
  result.workforce_months = std::move(workforce_months);
  result.quota_attainments = std::move(attainments);
  result.partnership_months = std::move(partnership_months);
  result.has_customer_market = !scenario.segments.empty();
  if (transactions != nullptr) *transactions = world.transactions();
  return result;
}

}  // namespace salesim::models::world
