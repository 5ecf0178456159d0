// B2B partnerships: the cooperation threshold, noisy penalties, hold-up, and the books of every pair.
#include "models/partnership/partnership_world.h"

#include <cmath>
#include <functional>
#include <iostream>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <boost/range/iterator_range.hpp>

#include "analysis/monte_carlo_stats.h"
#include "analysis/paired_difference.h"
#include "models/partnership/stage_game.h"
#include "tests/common/effect_report.h"

using namespace salesim;
using namespace salesim::models::partnership;

namespace {

constexpr std::uint64_t seed = 20261125;
constexpr double discount_rate_per_month = 0.01;

/// Sums a world's months: the whole run's observation.
PartnershipMonth run_world(const PartnershipParams& params, double discount_rate, std::uint32_t months,
                           std::uint32_t replication) {
  PartnershipWorld world(params, discount_rate, {seed, 0, replication});
  PartnershipMonth total;
  for (std::uint32_t month = 1; month <= months; ++month) total += world.advance(month);
  return total;
}

/// Mutual cooperation among relationship-months in which the partners decided.
double cooperation_rate(const PartnershipMonth& total) {
  return static_cast<double>(total.mutual_cooperation) /
         static_cast<double>(total.relationships - total.exits);
}

/// One metric of `replications` runs of each of two contracts, paired by replication.
analysis::PairedComparison compare_contracts(const PartnershipParams& baseline,
                                             const PartnershipParams& alternative, std::uint32_t replications,
                                             std::uint32_t months,
                                             const std::function<double(const PartnershipMonth&)>& metric) {
  std::vector<double> a, b;
  for (std::uint32_t r = 0; r < replications; ++r) {
    a.push_back(metric(run_world(baseline, discount_rate_per_month, months, r)));
    b.push_back(metric(run_world(alternative, discount_rate_per_month, months, r)));
  }
  return analysis::compare_paired(a, b);
}

/// A key-account network where the supplier's effort is worth 30 to the buyer and costs it 10.
PartnershipParams key_accounts(std::uint32_t buyers) {
  PartnershipParams params;
  params.buyers = buyers;
  params.suppliers = std::max<std::uint32_t>(2, buyers / 4);
  params.contract.price_per_month = 100.0;
  params.contract.duration_months = 24;
  params.behaviour.continuation_probability = 0.98;
  params.behaviour.initial_trust = 0.8;
  params.behaviour.trust_learning_rate = 0.2;
  return params;
}

/// Gain sharing: the supplier keeps 40% of the value its effort adds, measured with the KPIs' noise.
PartnershipParams gain_sharing(double kpi_noise_sd) {
  PartnershipParams params = key_accounts(40);
  params.contract.gain_share = 0.4;
  params.contract.kpi_noise_sd = kpi_noise_sd;
  return params;
}

/// A penalty-heavy SLA priced so that a cooperating supplier expects the gain-sharing payment.
PartnershipParams penalty_sla(double kpi_noise_sd) {
  PartnershipParams params = key_accounts(40);
  params.contract.kpi_noise_sd = kpi_noise_sd;
  params.contract.kpis = {{KpiKind::on_time_delivery, 0.95, 0.0, 1.0}};
  params.contract.termination_breaches = 3;
  const PartnershipParams reference = gain_sharing(kpi_noise_sd);
  const double gain_sharing_payment =
      reference.contract.price_per_month + reference.contract.gain_share * 30.0;
  params.contract.price_per_month =
      gain_sharing_payment -
      expected_kpi_transfer(params.contract, params.game.kpi_cooperative, kpi_noise_sd);
  return params;
}

/// Both contracts offer the same relationship-specific investment and the same cost of switching.
void offer_investment(PartnershipParams& params) {
  params.investment = {100.0, 8.0, 0.5};
  params.switching_cost = 200.0;
}

}  // namespace

TEST_CASE("grim trigger sustains cooperation exactly above the stage game's threshold delta* = (T-R)/(T-P)",
          "[models][partnership][oracle]") {
  // At a fixed price, effort costs the supplier 12 (T - R) and saves it from a buyer's hold-up of 15,
  // so R - P = 15 - 12 = 3 and delta* = 12 / 15 = 0.8 binds; the buyer's own threshold is
  // 15 / (15 + 30 - 15) = 0.5.
  PartnershipParams params = key_accounts(50);
  params.game.effort_cost = 12.0;
  params.game.holdup_gain = 15.0;
  params.behaviour.grim_trigger = true;
  params.behaviour.initial_trust = 1.0;
  const double analytic = std::max(cooperation_threshold(supplier_temptation(params)),
                                   cooperation_threshold(buyer_temptation(params)));
  REQUIRE(analytic == Approx(0.8));

  // The sweep: continuation probability 0.50 to 0.99 (no discounting, so delta is that probability).
  double empirical = 1.0;
  for (int step = 50; step <= 99; ++step) {
    params.behaviour.continuation_probability = step / 100.0;
    const double rate = cooperation_rate(run_world(params, 0.0, 36, 0));
    if (rate >= 0.5 && empirical == 1.0) empirical = params.behaviour.continuation_probability;
    if (params.behaviour.continuation_probability < analytic - 0.005) CHECK(rate < 0.05);
    if (params.behaviour.continuation_probability > analytic + 0.005) CHECK(rate > 0.95);
  }
  std::cout << "[effect] cooperation threshold: simulated " << empirical << ", analytic " << analytic
            << " (sweep step 0.01)\n";
  CHECK(std::abs(empirical - analytic) <= 0.01);
}

TEST_CASE("realized monthly payoffs match the stage game's expected payoffs, KPI noise included",
          "[models][partnership][oracle]") {
  // Bonus and penalty around a target the cooperating supplier's true KPI sits just above.
  PartnershipParams params = key_accounts(200);
  params.contract.kpi_noise_sd = 0.04;
  params.contract.kpis = {{KpiKind::quality, 0.96, 0.5, 1.5}};
  params.contract.duration_months = 600;
  params.behaviour.continuation_probability = 0.999;
  params.behaviour.initial_trust = 1.0;
  params.behaviour.trust_learning_rate = 0.0;  // cooperation all along, whatever is measured
  params.game.holdup_gain = 0.0;               // and nothing tempts the buyer
  const StagePayoffs expected = expected_payoffs(params, true, true);

  std::vector<double> supplier_per_month, buyer_per_month;
  for (std::uint32_t r = 0; r < 20; ++r) {
    const PartnershipMonth total = run_world(params, discount_rate_per_month, 60, r);
    REQUIRE(total.mutual_cooperation == total.relationships - total.exits);
    const auto months = static_cast<double>(total.mutual_cooperation);
    supplier_per_month.push_back(total.supplier_profit / months);
    buyer_per_month.push_back(total.buyer_profit / months);
  }
  const auto supplier = analysis::summarize_replications(supplier_per_month);
  const auto buyer = analysis::summarize_replications(buyer_per_month);
  tests::report_effect("supplier profit per month (expected " + std::to_string(expected.supplier) + ")",
                       supplier);
  tests::report_effect("buyer profit per month (expected " + std::to_string(expected.buyer) + ")", buyer);
  CHECK(supplier.ci_low <= expected.supplier);
  CHECK(expected.supplier <= supplier.ci_high);
  CHECK(buyer.ci_low <= expected.buyer);
  CHECK(expected.buyer <= buyer.ci_high);
}

TEST_CASE("noisy penalties breed disputes, distrust and lost surplus that gain sharing avoids",
          "[models][partnership][stylized]") {
  double previous_gap = std::numeric_limits<double>::infinity();
  for (const double noise : {0.03, 0.015, 0.0}) {
    PartnershipParams penalties = penalty_sla(noise);
    PartnershipParams sharing = gain_sharing(noise);
    offer_investment(penalties);
    offer_investment(sharing);
    // Same expected payment to a cooperating supplier.
    REQUIRE(expected_payoffs(penalties, true, true).supplier ==
            Approx(expected_payoffs(sharing, true, true).supplier));

    const std::string label = " (KPI noise sd " + std::to_string(noise) + ")";
    const auto disputes = compare_contracts(sharing, penalties, 30, 60, [](const PartnershipMonth& m) {
      return static_cast<double>(m.disputes);
    });
    const auto trust = compare_contracts(sharing, penalties, 30, 60, [](const PartnershipMonth& m) {
      return m.trust_supplier_sum / static_cast<double>(m.relationships - m.exits);
    });
    const auto surplus = compare_contracts(sharing, penalties, 30, 60,
                                           [](const PartnershipMonth& m) { return m.joint_surplus; });
    tests::report_effect("disputes, penalties - gain sharing" + label, disputes.paired);
    tests::report_effect("supplier trust, penalties - gain sharing" + label, trust.paired);
    tests::report_effect("joint surplus, penalties - gain sharing" + label, surplus.paired);
    if (noise > 0.0) {
      CHECK(disputes.paired.ci_low > 0.0);
      CHECK(trust.paired.ci_high < 0.0);
      CHECK(surplus.paired.ci_high < 0.0);
      CHECK(std::abs(surplus.paired.mean) < previous_gap);  // the gap shrinks with the noise
    } else {
      // Without noise nothing is misread: the two contracts play out identically.
      CHECK(disputes.paired.mean == 0.0);
      CHECK(std::abs(trust.paired.mean) < 1e-12);
      CHECK(std::abs(surplus.paired.mean) < 1e-9 * std::abs(previous_gap) + 1e-9);
    }
    previous_gap = std::abs(surplus.paired.mean);
  }
}

TEST_CASE("longer contracts raise investment and joint surplus under trust; hold-up kills investment",
          "[models][partnership][stylized]") {
  PartnershipParams trusting = gain_sharing(0.0);
  trusting.investment = {150.0, 8.0, 0.5};
  trusting.behaviour.initial_trust = 0.9;
  trusting.contract.duration_months = 6;
  PartnershipParams long_trusting = trusting;
  long_trusting.contract.duration_months = 36;
  PartnershipParams long_opportunistic = long_trusting;
  long_opportunistic.behaviour.initial_trust = 0.5;
  long_opportunistic.behaviour.opportunism = 0.3;

  const auto investment_rate = [](const PartnershipMonth& m) {
    return static_cast<double>(m.investments) / static_cast<double>(m.contract_starts);
  };
  const auto joint_surplus = [](const PartnershipMonth& m) { return m.joint_surplus; };
  const auto longer_investment = compare_contracts(trusting, long_trusting, 30, 72, investment_rate);
  const auto longer_surplus = compare_contracts(trusting, long_trusting, 30, 72, joint_surplus);
  const auto holdup_investment =
      compare_contracts(long_trusting, long_opportunistic, 30, 72, investment_rate);
  tests::report_effect("investment rate, 36 - 6 month contracts, high trust", longer_investment.paired);
  tests::report_effect("joint surplus, 36 - 6 month contracts, high trust", longer_surplus.paired);
  tests::report_effect("investment rate, opportunistic low-trust - trusting buyer, 36 months",
                       holdup_investment.paired);
  CHECK(longer_investment.paired.ci_low > 0.0);
  CHECK(longer_surplus.paired.ci_low > 0.0);
  CHECK(holdup_investment.paired.ci_high < 0.0);
}

TEST_CASE("every payment nets to zero across the pair and profits add up to joint surplus, every month",
          "[models][partnership][conservation]") {
  // Every mechanism at once: bonuses and penalties, gain sharing, indexation, investment,
  // opportunism, noisy choices, termination and switching.
  PartnershipParams params = key_accounts(60);
  params.suppliers = 4;
  params.suppliers_per_buyer = 3;  // few suppliers to switch to: the network must not double up
  params.contract.kpis = {{KpiKind::on_time_delivery, 0.95, 0.8, 2.0}, {KpiKind::quality, 0.9, 0.2, 0.5}};
  params.contract.kpi_noise_sd = 0.05;
  params.contract.gain_share = 0.2;
  params.contract.price_adjustment_per_year = 0.03;
  params.contract.volume_commitment = 0.5;
  params.contract.termination_breaches = 2;
  params.contract.monitoring_cost_per_kpi = 1.5;
  params.contract.dispute_cost = 4.0;
  params.investment = {50.0, 6.0, 0.6};
  params.switching_cost = 120.0;
  params.behaviour.opportunism = 0.1;
  params.behaviour.decision_noise = 2.0;
  params.behaviour.continuation_probability = 0.97;

  PartnershipWorld world(params, discount_rate_per_month, {seed, 0, 3});
  std::uint64_t switches = 0, investments = 0, breakdowns = 0;
  double disputes_paid = 0.0;
  for (std::uint32_t month = 1; month <= 120; ++month) {
    const PartnershipMonth m = world.advance(month);
    const double scale = 1e-9 * (1.0 + std::abs(m.buyer_value));
    // What left the buyers' books for their suppliers is what arrived in the suppliers' books.
    // Monitoring is the buyer's cost; each side pays its own side of a dispute.
    const double buyer_governance = m.monitoring_spend + m.dispute_spend;
    CHECK(std::abs((m.buyer_value - m.switching_spend - buyer_governance - m.buyer_profit) - m.payments) <=
          scale);
    CHECK(std::abs((m.supplier_profit + m.supplier_costs + m.dispute_spend) - m.payments) <= scale);
    CHECK(std::abs(m.buyer_profit + m.supplier_profit - m.joint_surplus) <= scale);
    CHECK(std::abs(m.buyer_value - m.supplier_costs - m.switching_spend - buyer_governance - m.dispute_spend -
                   m.joint_surplus) <= scale);
    // The network holds each running relationship once: no buyer holds a supplier twice.
    REQUIRE(boost::num_edges(world.network()) == world.active_relationships());
    for (std::uint32_t buyer = 0; buyer < params.buyers; ++buyer) {
      std::set<std::size_t> suppliers;
      for (const auto edge : boost::make_iterator_range(boost::out_edges(buyer, world.network())))
        CHECK(suppliers.insert(boost::target(edge, world.network())).second);
    }
    switches += m.switches;
    investments += m.investments;
    breakdowns += m.breakdowns;
    disputes_paid += m.dispute_spend;
  }
  // The books were tested on months where every mechanism was at work.
  CHECK(disputes_paid > 0.0);
  CHECK(switches > 0);
  CHECK(investments > 0);
  CHECK(breakdowns > 0);
}

TEST_CASE("a relationship's runs are pure functions of their address", "[models][partnership]") {
  PartnershipParams params = penalty_sla(0.03);
  offer_investment(params);
  const PartnershipMonth first = run_world(params, discount_rate_per_month, 48, 7);
  const PartnershipMonth again = run_world(params, discount_rate_per_month, 48, 7);
  const PartnershipMonth other = run_world(params, discount_rate_per_month, 48, 8);
  CHECK(first.joint_surplus == again.joint_surplus);
  CHECK(first.disputes == again.disputes);
  CHECK(first.joint_surplus != other.joint_surplus);
}

TEST_CASE(
    "graded trust: with noisy KPIs a doubled penalty per point lowers supplier trust, more than the 0/1 rule "
    "says",
    "[models][partnership][trust]") {
  // The same SLA at 1 and at 2 per point, each priced so that a cooperating supplier expects the
  // same payment: only the size of the penalties it does not deserve differs.
  const auto priced = [](double penalty_per_point, double stake_share) {
    PartnershipParams params = penalty_sla(0.03);
    params.contract.termination_breaches = 0;  // keep every relationship, so trust alone differs
    params.contract.kpis[0].penalty_per_point = penalty_per_point;
    params.contract.price_per_month =
        112.0 -
        expected_kpi_transfer(params.contract, params.game.kpi_cooperative, params.contract.kpi_noise_sd);
    params.behaviour.trust_stake_share = stake_share;
    return params;
  };
  const auto supplier_trust = [](const PartnershipMonth& m) {
    return m.trust_supplier_sum / static_cast<double>(m.relationships - m.exits);
  };
  // A penalty of 10% of the price (about 11) counts as fully as a hold-up; smaller ones in proportion.
  const auto graded = compare_contracts(priced(1.0, 0.1), priced(2.0, 0.1), 30, 60, supplier_trust);
  const auto disputed = compare_contracts(priced(1.0, 0.1), priced(2.0, 0.1), 30, 60,
                                          [](const PartnershipMonth& m) { return m.disputed_amount; });
  const auto all_or_nothing = compare_contracts(priced(1.0, 0.0), priced(2.0, 0.0), 30, 60, supplier_trust);
  tests::report_effect("supplier trust, penalty 2 - 1 per point, graded trust", graded.paired);
  tests::report_effect("disputed amount, penalty 2 - 1 per point", disputed.paired);
  tests::report_effect("supplier trust, penalty 2 - 1 per point, 0/1 trust", all_or_nothing.paired);
  CHECK(graded.paired.ci_high < 0.0);
  CHECK(disputed.paired.ci_low > 0.0);
  // The 0/1 rule sees the same false alarms at both sizes; only the decisions they change move it.
  CHECK(graded.paired.mean < all_or_nothing.paired.mean);
}

TEST_CASE("graded trust: cooperation a binding contract explains builds less trust (attribution)",
          "[models][partnership][trust]") {
  // A clean KPI penalty large enough that effort pays within the month: the buyer sees effort every
  // month, but with attribution it credits the contract, not the supplier.
  PartnershipParams enforced = key_accounts(40);
  enforced.contract.kpis = {{KpiKind::on_time_delivery, 0.95, 0.0, 2.0}};
  enforced.behaviour.initial_trust = 0.5;
  PartnershipParams attributed = enforced;
  attributed.behaviour.contract_attribution = 0.8;
  REQUIRE(supplier_temptation(enforced).gain_now <= 0.0);
  const auto trust = compare_contracts(enforced, attributed, 20, 36, [](const PartnershipMonth& m) {
    return m.trust_buyer_sum / static_cast<double>(m.relationships - m.exits);
  });
  tests::report_effect("buyer trust, attribution 0.8 - 0, enforced cooperation", trust.paired);
  CHECK(trust.paired.ci_high < 0.0);
}

TEST_CASE(
    "performance-based vs time-and-materials contracts: the effort uplift shrinks as the relationship's "
    "future grows",
    "[models][partnership][stylized]") {
  // Effort costs the supplier 20 a month and is worth 30 to the buyer; a buyer who renegotiates
  // takes 24. Time and materials pays the production cost plus a fee of 30, effort or not: only the
  // relationship's future rewards effort, and it does once delta / (1 - delta) x trust x (R - P)
  // covers the 20 saved by shirking (R - P = 24 - 20 here). The performance contract pays a price
  // of 100 and 2 per KPI point below 95%, so effort pays within the month.
  const auto contract = [](bool performance, double continuation) {
    PartnershipParams params = key_accounts(40);
    params.game.effort_cost = 20.0;
    params.game.holdup_gain = 24.0;
    params.behaviour.continuation_probability = continuation;
    if (performance) {
      params.contract.kpis = {{KpiKind::on_time_delivery, 0.95, 0.0, 2.0}};
    } else {
      params.contract.cost_plus_fee = 30.0;
    }
    return params;
  };
  const auto effort_rate = [](const PartnershipMonth& m) {
    return static_cast<double>(m.supplier_cooperated) / static_cast<double>(m.relationships - m.exits);
  };
  std::vector<double> uplifts;
  for (const double continuation : {0.80, 0.90, 0.95, 0.98}) {
    const auto uplift =
        compare_contracts(contract(false, continuation), contract(true, continuation), 30, 48, effort_rate);
    const PartnershipParams& game = contract(true, continuation);
    tests::report_effect("supplier effort rate, performance - time and materials, continuation " +
                             std::to_string(continuation),
                         uplift.paired);
    const double kpi_gap = game.game.kpi_cooperative - game.game.kpi_defecting;
    std::cout << "[effect] delivered KPI uplift at continuation " << continuation << ": "
              << uplift.paired.mean * kpi_gap << " (95% CI " << uplift.paired.ci_low * kpi_gap << " to "
              << uplift.paired.ci_high * kpi_gap << ")\n";
    CHECK(uplift.paired.mean >= 0.0);
    uplifts.push_back(uplift.paired.mean);
    if (continuation <= 0.80) CHECK(uplift.paired.ci_low > 0.5);
  }
  // Where the future already pays for effort, the contract adds little.
  CHECK(uplifts.back() < 0.5 * uplifts.front());
}
