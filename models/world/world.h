// The simulated market of one run: customers, their contacts, and the monthly step.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "models/customer/customer_table.h"
#include "models/customer/referral_network.h"
#include "models/customer/transaction.h"
#include "models/scenario.h"
#include "models/workforce/rep_exchange.h"
#include "models/workforce/territories.h"
#include "models/world/segment_constants.h"
#include "models/world/step_observation.h"
#include "sim/core/random_stream.h"

namespace salesim::models::world {

/**
 * @brief State of one replication. Each month, in one parallel pass over market members:
 * active customers may churn (start of month), buy, update satisfaction, refer a contact and
 * answer the survey; prospects may be won by a referral made last month or by marketing.
 * New customers start buying the month after they are won. Latent buyers (SegmentParams::buyers)
 * instead make their first purchase when won and then buy as their BG/NBD or Pareto/NBD process says.
 */
class World {
 public:
  /// @throws std::invalid_argument for parameters the model cannot run (see SegmentConstants).
  World(const Scenario& scenario, const sim::core::RunAddress& run);

  /// Simulates month `month` (1-based, in order) and returns what was observed. With a workforce,
  /// customers get what their rep delivers and `territories` receives what each territory did.
  StepObservation advance(std::uint32_t month, const workforce::DeliveredService* delivered = nullptr,
                          workforce::TerritoryMonth* territories = nullptr);

  /// From the next month on, the market works under `terms` (a timeline change): the same customers,
  /// contacts and state; new segment rates, prices, service, survey and, with reps, territories.
  void change_terms(const Scenario& terms);

  /// Per rep: true answers of its customers now, and what they are expected to buy next month at
  /// normal effort and no discount (what a rep knows of its territory).
  [[nodiscard]] workforce::TerritoryMonth territory_outlook() const;

  /// Realized CLV of every customer ever active, and customer equity, as of now.
  [[nodiscard]] RunObservation observe_customers() const;

  [[nodiscard]] const customer::CustomerTable& customers() const noexcept { return customers_; }

  /// From now on every purchase is kept in transactions(); customers active at month 0 get a first
  /// purchase dated day 0 (it is not in any month's revenue).
  void start_transaction_log();
  /// Purchases so far, by month and within a month by member, once start_transaction_log() ran.
  [[nodiscard]] const std::vector<customer::Transaction>& transactions() const noexcept {
    return transactions_;
  }

 private:
  void place_initial_customers(const sim::core::RunAddress& run);
  /// What follows from the terms in force beyond segments_: predicted CLV of a new customer,
  /// territories, CLV-score weights and clawback memory (at the start and at each change).
  void derive_from_terms();
  void weigh_service_by_clv_scores(const sim::core::RunAddress& run);
  /// CLV over `months` (0: for ever) that segment averages predict for a customer just won.
  [[nodiscard]] double predicted_clv(const SegmentConstants& seg, std::uint32_t months) const;

  const Scenario* scenario_;  ///< the terms in force: the scenario's, or a timeline phase's
  sim::core::RunAddress run_;
  sim::core::RandomStream behaviour_;
  sim::core::RandomStream acquisition_;
  sim::core::RandomStream buyer_process_;
  std::vector<SegmentConstants> segments_;
  customer::CustomerTable customers_;
  std::shared_ptr<const customer::ReferralGraph> contacts_;  ///< shared by runs that draw the same graph
  std::vector<std::uint64_t> prospects_by_segment_;
  double monthly_discount_rate_;
  std::uint32_t reps_ = 0;
  workforce::Territories territories_;
  std::vector<float> service_weight_;  ///< per member: share of its rep's service (CLV scores)
  std::vector<double> segment_clv_;    ///< predicted CLV of a customer won now, by segment
  std::vector<float> recent_sales_;    ///< per member: sales within the clawback window (clawbacks only)
  bool logging_transactions_ = false;
  std::vector<customer::Transaction> transactions_;
};

/// Runs a whole replication: horizon months, then the customers' realized values. With `transactions`,
/// every purchase of the run is appended to it (World::start_transaction_log).
[[nodiscard]] RunObservation simulate_run(const Scenario& scenario, const sim::core::RunAddress& run,
                                          std::vector<customer::Transaction>* transactions = nullptr);

}  // namespace salesim::models::world
