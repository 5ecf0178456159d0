// Scenario loading: defaults, overrides, round trip, and every kind of bad input, located.
#include "sim/run/scenario_loader.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

using namespace salesim::sim::io;
using namespace salesim::sim::run;

namespace {

const std::string data_dir = std::string(SALESIM_SOURCE_DIR) + "/tests/io/data/";

/// The single problem a bad text produces.
InputProblem only_problem(const std::string& text, std::vector<Override> overrides = {},
                          const InputLimits& limits = {}) {
  try {
    (void)load_scenario_text(text, "bad.yaml", overrides, limits);
  } catch (const InputError& error) {
    REQUIRE(error.problems().size() == 1);
    return error.problems().front();
  }
  FAIL("no InputError for:\n" << text);
  return {};
}

std::vector<InputProblem> all_problems(const std::string& text) {
  try {
    (void)load_scenario_text(text, "bad.yaml");
  } catch (const InputError& error) {
    return error.problems();
  }
  return {};
}

const std::string one_segment = "segments:\n  - name: shops\n    size: 500\n";

}  // namespace

TEST_CASE("a minimal scenario loads with defaults for every other key", "[io][scenario]") {
  const auto loaded = load_scenario(data_dir + "valid_minimal.yaml");
  const auto& s = loaded.scenario;
  CHECK(s.name == "valid_minimal");
  REQUIRE(s.segments.size() == 1);
  CHECK(s.segments[0].name == "shops");
  CHECK(s.segments[0].size == 500);
  CHECK(s.segments[0].initial_customers == 100);
  CHECK(s.segments[0].gross_margin == 0.3);
  CHECK(s.segments[0].spend_per_purchase.mean == 100.0);
  CHECK(s.run.horizon_months == 36);
  CHECK(s.run.replications == 100);
  CHECK(s.referrals.network == salesim::models::NetworkKind::small_world);
  CHECK(s.survey.sample_rate == 0.1);
}

TEST_CASE("overrides set values by index, by segment name and in nested mappings", "[io][scenario][set]") {
  const std::vector<Override> overrides = {
      parse_override("run.seed=18446744073709551615"), parse_override("segments[0].gross_margin=0.45"),
      parse_override("segments.shops.spend_per_purchase.mean=250"),
      parse_override("referrals.network=scale_free"), parse_override("name=what-if")};
  const auto s = load_scenario(data_dir + "valid_minimal.yaml", overrides).scenario;
  CHECK(s.run.seed == 18446744073709551615ull);
  CHECK(s.segments[0].gross_margin == 0.45);
  CHECK(s.segments[0].spend_per_purchase.mean == 250.0);
  CHECK(s.referrals.network == salesim::models::NetworkKind::scale_free);
  CHECK(s.name == "what-if");
}

TEST_CASE("the resolved scenario loads back to the same scenario", "[io][scenario]") {
  const auto first = load_scenario(std::string(SALESIM_SOURCE_DIR) + "/scenarios/classroom/baseline.yaml",
                                   std::vector<Override>{parse_override("service.level=0.123456789")});
  const auto again = load_scenario_text(first.resolved_yaml, "resolved.yaml");
  CHECK(again.resolved_yaml == first.resolved_yaml);
  const auto& a = first.scenario;
  const auto& b = again.scenario;
  CHECK(a.name == b.name);
  CHECK(a.description == b.description);
  CHECK(b.service.level == 0.123456789);
  REQUIRE(a.segments.size() == b.segments.size());
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    CHECK(a.segments[i].name == b.segments[i].name);
    CHECK(a.segments[i].spend_per_purchase.cv == b.segments[i].spend_per_purchase.cv);
    CHECK(a.segments[i].acquisition_cost == b.segments[i].acquisition_cost);
  }
  CHECK(a.run.seed == b.run.seed);
  CHECK(a.survey.nonresponse_bias == b.survey.nonresponse_bias);
  REQUIRE(a.scorecard.size() == b.scorecard.size());
  REQUIRE_FALSE(a.scorecard.empty());
  for (std::size_t i = 0; i < a.scorecard.size(); ++i) {
    CHECK(a.scorecard[i].metric == b.scorecard[i].metric);
    CHECK(a.scorecard[i].perspective == b.scorecard[i].perspective);
    CHECK(a.scorecard[i].weight == b.scorecard[i].weight);
    CHECK(a.scorecard[i].higher_is_better == b.scorecard[i].higher_is_better);
  }
}

TEST_CASE("scorecard definitions are checked", "[io][scenario][scorecard][bad-input]") {
  const auto weights =
      only_problem(one_segment +
                   "scorecard:\n  - {perspective: financial, metric: profit, target: 1, weight: 0.5}\n"
                   "  - {perspective: customer, metric: true_nps, target: 10, weight: 0.4}\n");
  CHECK(weights.message == "weights sum to 0.9");
  const auto metric = only_problem(
      one_segment + "scorecard:\n  - {perspective: financial, metric: proft, target: 1, weight: 1}\n");
  CHECK(metric.key_path == "scorecard[0].metric");
  CHECK(metric.message.find("did you mean 'profit'") != std::string::npos);
  const auto perspective = only_problem(
      one_segment + "scorecard:\n  - {perspective: growth, metric: profit, target: 1, weight: 1}\n");
  CHECK(perspective.allowed == "financial, customer, internal_process, learning_growth");
  const auto target = only_problem(
      one_segment + "scorecard:\n  - {perspective: customer, metric: profit, target: 0, weight: 1}\n");
  CHECK(target.key_path == "scorecard[0].target");
}

TEST_CASE("a missing file and a directory are reported without a location", "[io][scenario][bad-input]") {
  try {
    (void)load_scenario(data_dir + "absent.yaml");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.problems()[0].to_string() ==
          data_dir + "absent.yaml: no such file (allowed: a path to a scenario YAML file)");
  }
  CHECK_THROWS_WITH(load_scenario(data_dir), Catch::Contains("not a regular file"));
}

TEST_CASE("a YAML syntax error is located at its line and column", "[io][scenario][bad-input]") {
  const auto problem = only_problem("run:\n  seed: 3\nsegments: [ {name: a, size: 10\n");
  CHECK(problem.line == 4);
  CHECK(problem.message.find("YAML syntax error") != std::string::npos);
}

TEST_CASE("an unknown key suggests the closest valid key", "[io][scenario][bad-input]") {
  const auto problem = only_problem(one_segment + "    gross_margn: 0.3\n");
  CHECK(problem.to_string().rfind(
            "bad.yaml:4:5: segments[0].gross_margn: unknown key 'gross_margn' (did you mean 'gross_margin'?)",
            0) == 0);
  const auto section = only_problem(one_segment + "survy:\n  sample_rate: 0.2\n");
  CHECK(section.key_path == "survy");
  CHECK(section.message.find("did you mean 'survey'") != std::string::npos);
}

TEST_CASE("wrong types name the expected type", "[io][scenario][bad-input]") {
  const auto text = only_problem(one_segment + "run:\n  horizon_months: soon\n");
  CHECK(text.line == 5);
  CHECK(text.column == 19);
  CHECK(text.key_path == "run.horizon_months");
  CHECK(text.allowed == "a whole number in [1, 1200]");
  const auto fraction = only_problem(one_segment + "run:\n  replications: 2.5\n");
  CHECK(fraction.message == "'2.5' is not a whole number");
  const auto mapping = only_problem(one_segment + "service: 0.5\n");
  CHECK(mapping.key_path == "service");
  CHECK(mapping.message.find("expected a mapping") != std::string::npos);
  const auto list = only_problem(one_segment + "pricing:\n  price_index: [1, 2]\n");
  CHECK(list.message == "expected a number in (0, 10], found a sequence");
  const auto flag = only_problem(one_segment + "run:\n  common_random_numbers: maybe\n");
  CHECK(flag.allowed == "true or false");
  const auto network = only_problem(one_segment + "referrals:\n  network: small_wrld\n");
  CHECK(network.message.find("did you mean 'small_world'") != std::string::npos);
}

TEST_CASE("values out of range say the bound and what is allowed", "[io][scenario][bad-input]") {
  const auto negative = only_problem(one_segment + "    base_churn_hazard_per_month: -0.1\n");
  CHECK(negative.to_string() ==
        "bad.yaml:4:34: segments[0].base_churn_hazard_per_month: -0.1 must be at least 0 (allowed: a number "
        "in [0, 1])");
  const auto probability = only_problem(one_segment + "survey:\n  response_rate: 1.5\n");
  CHECK(probability.message == "1.5 must be at most 1");
  const auto horizon = only_problem(one_segment + "run:\n  horizon_months: 0\n");
  CHECK(horizon.key_path == "run.horizon_months");
  const auto infinite = only_problem(one_segment + "marketing:\n  budget_per_month: .inf\n");
  CHECK(infinite.message.find("finite") != std::string::npos);
}

TEST_CASE("every range problem of a file is reported in one pass", "[io][scenario][bad-input]") {
  const auto problems =
      all_problems(one_segment + "    gross_margin: 2\nsurvey:\n  sample_rate: -1\n  response_rate: 3\n");
  CHECK(problems.size() == 3);
}

TEST_CASE("empty files and documents that are not mappings are refused", "[io][scenario][bad-input]") {
  CHECK(only_problem("").message == "the scenario is empty");
  CHECK(only_problem("# only a comment\n").message == "the scenario is empty");
  CHECK(only_problem("- a\n- b\n").message.find("must be a mapping of sections, found a sequence") !=
        std::string::npos);
  CHECK(only_problem("just words\n").message.find("found a scalar") != std::string::npos);
  CHECK(only_problem("run:\n  seed: 3\n").message == "missing required key 'segments'");
  CHECK(only_problem("segments: []\n").message.find("non-empty list") != std::string::npos);
  CHECK(only_problem("segments:\n  - name: a\n").message == "missing required key 'size'");
  CHECK(only_problem("a: 1\n---\nb: 2\n").message == "more than one YAML document");
}

TEST_CASE("alias bombs, huge files and duplicate keys stop before any node is walked",
          "[io][scenario][bad-input]") {
  // 100^11 leaves if walked; 1,100 aliases in the text.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'l'; ++level) {
    const char previous = static_cast<char>(level - 1);
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 100; ++i) bomb += std::string(i ? ", *" : "*") + previous;
    bomb += "]\n";
  }
  CHECK(only_problem(bomb).message.find("too many aliases") != std::string::npos);

  InputLimits small;
  small.max_file_bytes = 64;
  CHECK(
      only_problem(one_segment + "# " + std::string(100, 'x') + "\n", {}, small).message.find("too large") !=
      std::string::npos);
  small = {};
  small.max_yaml_nodes = 10;
  CHECK(only_problem(one_segment + "run:\n  seed: 1\n  replications: 2\n", {}, small)
            .message.find("too large") != std::string::npos);

  const auto duplicate = only_problem("segments:\n  - name: a\n    size: 10\n    size: 20\n");
  CHECK(duplicate.line == 4);
  CHECK(duplicate.message == "duplicate key 'size'");
}

TEST_CASE("absurd market sizes are refused with a clear message, not an out-of-memory kill",
          "[io][scenario][bad-input]") {
  const auto market =
      all_problems("segments:\n  - name: a\n    size: 4000000000\n  - name: b\n    size: 4000000000\n");
  REQUIRE_FALSE(market.empty());
  CHECK(market[0].key_path == "segments");
  CHECK(market[0].message == "market of 8000000000 members is too large");
  InputLimits tight;
  tight.bytes_per_member = std::uint64_t{1} << 40;  // as if each member needed a terabyte
  const auto memory = only_problem(one_segment, {}, tight);
  CHECK(memory.message.find("GiB, more than this machine's") != std::string::npos);
}

TEST_CASE("rules across keys are checked", "[io][scenario][bad-input]") {
  CHECK(only_problem("segments:\n  - name: a\n    size: 10\n    initial_customers: 11\n").key_path ==
        "segments[0].initial_customers");
  CHECK(only_problem("segments:\n  - {name: a, size: 10}\n  - {name: a, size: 10}\n").message ==
        "segment name 'a' is used twice");
  CHECK(only_problem(one_segment + "referrals:\n  mean_degree: 5\n").message == "5 is odd");
  // Seven members with six contacts each leave a rewired contact nowhere to go (the generator looped).
  const std::string seven = "segments:\n  - {name: a, size: 7}\n";
  const auto crowded = only_problem(seven);
  CHECK(crowded.key_path == "referrals.mean_degree");
  CHECK(crowded.message == "6 contacts in a market of 7");
  CHECK(crowded.allowed.find("members - 2") != std::string::npos);
  CHECK(all_problems(seven + "referrals:\n  rewiring_probability: 0\n").empty());
  CHECK(all_problems("segments:\n  - {name: a, size: 8}\n").empty());
  CHECK(only_problem("segments:\n  - {name: a, size: 6}\nreferrals:\n  network: random\n").message ==
        "6 contacts in a market of 6");
  CHECK(only_problem("segments:\n  - {name: a, size: 10, marketing_share: 0.5}\n  - {name: b, size: 10, "
                     "marketing_share: 0.4}\n"
                     "marketing:\n  budget_per_month: 100\n")
            .message == "marketing_share values sum to 0.9");
  CHECK(
      only_problem(one_segment + "    acquisition_cost: 0\nmarketing:\n  budget_per_month: 100\n").key_path ==
      "segments[0].acquisition_cost");
  CHECK(only_problem("name: a/b\n" + one_segment).message.find("cannot name an output file") !=
        std::string::npos);
}

TEST_CASE("bad overrides are reported against --set", "[io][scenario][set][bad-input]") {
  CHECK_THROWS_WITH(parse_override("service.level"), Catch::Contains("expected key.path=value"));
  const auto unknown = only_problem(one_segment, {parse_override("servce.level=0.3")});
  CHECK(unknown.file == "--set");
  CHECK(unknown.message.find("did you mean 'service.level'") != std::string::npos);
  const auto wrong_type = only_problem(one_segment, {parse_override("service.level=high")});
  CHECK(wrong_type.to_string() ==
        "--set: service.level: 'high' is not a finite number (allowed: a number in [0, 1])");
  const auto no_segment = only_problem(one_segment, {parse_override("segments[3].size=10")});
  CHECK(no_segment.message == "no segment '[3]'");
  const auto out_of_range = only_problem(one_segment, {parse_override("run.horizon_months=0")});
  CHECK(out_of_range.file == "--set");
  CHECK(out_of_range.key_path == "run.horizon_months");
}

namespace {

/// A B2B network and no segments: lines 1-3, so a section added after it starts on line 4.
const std::string two_buyers = "partnerships:\n  buyers: 2\n  suppliers: 3\n";

/// `kpis` entries (each a flow mapping on its own line) under a contract on line 4.
std::string contract_with_kpis(const std::string& items) {
  return two_buyers + "  contract:\n    kpis:\n" + items;
}

}  // namespace

TEST_CASE("a scenario with only partnerships loads and its resolved YAML loads back the same",
          "[io][partnerships]") {
  namespace partnership = salesim::models::partnership;
  const auto first = load_scenario(data_dir + "partnerships_only.yaml");
  const auto& a = first.scenario;
  CHECK(a.segments.empty());
  CHECK(a.name == "partnerships-only");
  CHECK(a.partnerships.buyers == 3);
  CHECK(a.partnerships.contract.volume_commitment == 0.6);
  CHECK(a.partnerships.switching_cost == 250.0);
  REQUIRE(a.partnerships.contract.kpis.size() == 3);
  CHECK(a.partnerships.contract.kpis[1].kind == partnership::KpiKind::quality);
  CHECK(a.partnerships.contract.kpis[1].bonus_per_point == 0.5);
  CHECK(a.partnerships.contract.kpis[2].target == 0.123456789);
  CHECK(a.partnerships.contract.kpis[2].penalty_per_point == 0.0);  // the struct's default

  const auto again = load_scenario_text(first.resolved_yaml, "resolved.yaml");
  CHECK(again.resolved_yaml == first.resolved_yaml);
  const auto& p = a.partnerships;
  const auto& q = again.scenario.partnerships;
  CHECK(again.scenario.segments.empty());
  CHECK(q.buyers == p.buyers);
  CHECK(q.suppliers == p.suppliers);
  CHECK(q.suppliers_per_buyer == p.suppliers_per_buyer);
  CHECK(q.switching == p.switching);
  CHECK(q.switching_cost == p.switching_cost);
  CHECK(q.contract.price_per_month == p.contract.price_per_month);
  CHECK(q.contract.price_adjustment_per_year == p.contract.price_adjustment_per_year);
  CHECK(q.contract.volume_commitment == p.contract.volume_commitment);
  CHECK(q.contract.duration_months == p.contract.duration_months);
  CHECK(q.contract.renewal == p.contract.renewal);
  CHECK(q.contract.kpi_noise_sd == p.contract.kpi_noise_sd);
  CHECK(q.contract.gain_share == p.contract.gain_share);
  CHECK(q.contract.open_book == p.contract.open_book);
  CHECK(q.contract.termination_breaches == p.contract.termination_breaches);
  REQUIRE(q.contract.kpis.size() == p.contract.kpis.size());
  for (std::size_t i = 0; i < p.contract.kpis.size(); ++i) {
    CHECK(q.contract.kpis[i].kind == p.contract.kpis[i].kind);
    CHECK(q.contract.kpis[i].target == p.contract.kpis[i].target);
    CHECK(q.contract.kpis[i].bonus_per_point == p.contract.kpis[i].bonus_per_point);
    CHECK(q.contract.kpis[i].penalty_per_point == p.contract.kpis[i].penalty_per_point);
  }
  CHECK(q.game.buyer_value_cooperative == p.game.buyer_value_cooperative);
  CHECK(q.game.buyer_value_defecting == p.game.buyer_value_defecting);
  CHECK(q.game.supplier_cost == p.game.supplier_cost);
  CHECK(q.game.effort_cost == p.game.effort_cost);
  CHECK(q.game.holdup_gain == p.game.holdup_gain);
  CHECK(q.game.kpi_cooperative == p.game.kpi_cooperative);
  CHECK(q.game.kpi_defecting == p.game.kpi_defecting);
  CHECK(q.investment.cost == p.investment.cost);
  CHECK(q.investment.saving_per_month == p.investment.saving_per_month);
  CHECK(q.investment.holdup_share == p.investment.holdup_share);
  CHECK(q.behaviour.continuation_probability == p.behaviour.continuation_probability);
  CHECK(q.behaviour.initial_trust == p.behaviour.initial_trust);
  CHECK(q.behaviour.trust_learning_rate == p.behaviour.trust_learning_rate);
  CHECK(q.behaviour.grim_trigger == p.behaviour.grim_trigger);
  CHECK(q.behaviour.opportunism == p.behaviour.opportunism);
  CHECK(q.behaviour.decision_noise == p.behaviour.decision_noise);

  // No KPIs is written as `kpis: []` and reads back as no KPIs.
  const auto no_kpis = load_scenario_text(two_buyers, "no-kpis.yaml");
  CHECK(no_kpis.resolved_yaml.find("    kpis: []\n") != std::string::npos);
  CHECK(
      load_scenario_text(no_kpis.resolved_yaml, "resolved.yaml").scenario.partnerships.contract.kpis.empty());
}

TEST_CASE("bad contract keys, KPIs and values are located", "[io][partnerships][bad-input]") {
  const std::string contract_keys =
      "price_per_month, price_adjustment_per_year, volume_commitment, duration_months, renewal, "
      "kpi_noise_sd, gain_share, open_book, termination_breaches, cost_plus_fee, monitoring_cost_per_kpi, "
      "dispute_cost, kpis";
  CHECK(only_problem(two_buyers + "  contract:\n    price_per_mont: 100\n").to_string() ==
        "bad.yaml:5:5: partnerships.contract.price_per_mont: unknown key 'price_per_mont' (did you mean "
        "'price_per_month'?) (allowed: " +
            contract_keys + ")");
  CHECK(only_problem(contract_with_kpis("      - {kind: ontime, target: 0.9}\n")).to_string() ==
        "bad.yaml:6:16: partnerships.contract.kpis[0].kind: unknown value 'ontime' (allowed: "
        "on_time_delivery, quality, cost_reduction, responsiveness)");
  CHECK(only_problem(contract_with_kpis("      - {kind: qualty}\n")).message ==
        "unknown value 'qualty' (did you mean 'quality'?)");
  CHECK(only_problem(
            contract_with_kpis("      - {kind: quality}\n      - {kind: quality, penalty_per_point: -2}\n"))
            .to_string() ==
        "bad.yaml:7:44: partnerships.contract.kpis[1].penalty_per_point: -2 must be at least 0 "
        "(allowed: a number >= 0)");
  CHECK(only_problem(contract_with_kpis("      - kind: quality\n        target: 1.2\n")).to_string() ==
        "bad.yaml:7:17: partnerships.contract.kpis[0].target: 1.2 must be at most 1 "
        "(allowed: a number in [0, 1])");
  CHECK(only_problem(contract_with_kpis("      - {kind: quality, colour: red}\n")).to_string() ==
        "bad.yaml:6:25: partnerships.contract.kpis[0].colour: unknown key 'colour' "
        "(allowed: kind, target, bonus_per_point, penalty_per_point)");
  CHECK(only_problem(two_buyers + "  contract:\n    duration_months: 0\n").to_string() ==
        "bad.yaml:5:22: partnerships.contract.duration_months: 0 must be at least 1 "
        "(allowed: a whole number in [1, 1200])");
  CHECK(only_problem(two_buyers + "  contract:\n    price_per_month: cheap\n").to_string() ==
        "bad.yaml:5:22: partnerships.contract.price_per_month: 'cheap' is not a finite number "
        "(allowed: a number >= 0)");
}

TEST_CASE("the KPI list must be a list of at most four", "[io][partnerships][bad-input]") {
  const std::string allowed = " (allowed: [{kind, target, bonus_per_point, penalty_per_point}, ...])";
  CHECK(only_problem(two_buyers + "  contract:\n    kpis: {kind: quality}\n").to_string() ==
        "bad.yaml:5:11: partnerships.contract.kpis: expected a list of at most 4 KPIs, found no list" +
            allowed);
  CHECK(only_problem(two_buyers + "  contract:\n    kpis: quality\n").to_string() ==
        "bad.yaml:5:11: partnerships.contract.kpis: expected a list of at most 4 KPIs, found no list" +
            allowed);
  std::string five;
  for (const char* kind : {"on_time_delivery", "quality", "cost_reduction", "responsiveness", "quality"})
    five += std::string("      - {kind: ") + kind + "}\n";
  CHECK(only_problem(contract_with_kpis(five)).to_string() ==
        "bad.yaml:6:7: partnerships.contract.kpis: expected a list of at most 4 KPIs, found 5 KPIs" +
            allowed);
  std::string four;
  for (const char* kind : {"on_time_delivery", "quality", "cost_reduction", "responsiveness"})
    four += std::string("      - {kind: ") + kind + "}\n";
  CHECK(
      load_scenario_text(contract_with_kpis(four), "four.yaml").scenario.partnerships.contract.kpis.size() ==
      4);
}

TEST_CASE("partnership rules across keys are checked", "[io][partnerships][bad-input]") {
  CHECK(only_problem(two_buyers + "  suppliers_per_buyer: 4\n").to_string() ==
        "bad.yaml:4:24: partnerships.suppliers_per_buyer: 4 suppliers per buyer but 3 suppliers "
        "(allowed: at most the number of suppliers)");
  CHECK(load_scenario_text(two_buyers + "  suppliers_per_buyer: 3\n", "ok.yaml")
            .scenario.partnerships.suppliers_per_buyer == 3);
  CHECK(
      only_problem(two_buyers + "  game:\n    kpi_cooperative: 0.8\n    kpi_defecting: 0.9\n").to_string() ==
      "bad.yaml:5:5: partnerships.game: cooperation must raise the KPI level and not lower the buyer's value "
      "(allowed: kpi_cooperative > kpi_defecting and buyer_value_cooperative >= buyer_value_defecting)");
  // Equal levels would hide effort from every KPI.
  CHECK(only_problem(two_buyers + "  game:\n    kpi_cooperative: 0.9\n    kpi_defecting: 0.9\n").key_path ==
        "partnerships.game");
  CHECK(only_problem(two_buyers + "workforce:\n  reps: 3\n").to_string() ==
        "bad.yaml:5:9: workforce.reps: reps need customers to serve, and the scenario has no segments "
        "(allowed: segments with customers, or reps: 0)");
  CHECK(only_problem(two_buyers + "  key_account_managers: true\n").to_string() ==
        "bad.yaml:4:25: partnerships.key_account_managers: key-account managers need a workforce serving a "
        "customer market (allowed: workforce.reps > 0 and at least one segment, or key_account_managers: "
        "false)");
  CHECK(only_problem(two_buyers + "  switching_cost: -5\n").to_string() ==
        "bad.yaml:4:19: partnerships.switching_cost: -5 must be at least 0 (allowed: a number >= 0)");
  CHECK(only_problem(two_buyers + "  sppliers_per_buyer: 2\n").message ==
        "unknown key 'sppliers_per_buyer' (did you mean 'suppliers_per_buyer'?)");
}

TEST_CASE("the continuation probability may be 1 but not 0", "[io][partnerships][bad-input]") {
  CHECK(only_problem(two_buyers + "  behaviour:\n    continuation_probability: 0\n").to_string() ==
        "bad.yaml:5:31: partnerships.behaviour.continuation_probability: 0 must be more than 0 "
        "(allowed: a number in (0, 1])");
  CHECK(only_problem(two_buyers + "  behaviour:\n    continuation_probability: 1.01\n").message ==
        "1.01 must be at most 1");
  const auto forever =
      load_scenario_text(two_buyers + "  behaviour:\n    continuation_probability: 1\n", "ok.yaml");
  CHECK(forever.scenario.partnerships.behaviour.continuation_probability == 1.0);
}

TEST_CASE("a contract that is not a mapping is one problem, not two", "[io][partnerships][bad-input]") {
  const auto problems = all_problems(two_buyers + "  contract: 100\n");
  CHECK(problems.size() == 1);
  CHECK(problems.at(0).to_string() ==
        "bad.yaml:4:13: partnerships.contract: expected a mapping of keys to values, found a scalar "
        "(allowed: keys price_per_month, price_adjustment_per_year, volume_commitment, duration_months, "
        "renewal, kpi_noise_sd, gain_share, open_book, termination_breaches, cost_plus_fee, "
        "monitoring_cost_per_kpi, dispute_cost, kpis)");
}

namespace {

/// A workforce plan under one segment: `workforce:` on line 4, plan keys from line 7 at column 5.
const std::string workforce_plan = one_segment + "workforce:\n  reps: 2\n  plan:\n";

}  // namespace

TEST_CASE("a full workforce loads key by key and its resolved YAML loads back the same", "[io][workforce]") {
  namespace workforce = salesim::models::workforce;
  const auto first = load_scenario(data_dir + "workforce_full.yaml");
  const auto& w = first.scenario.workforce;
  CHECK(first.scenario.segments.size() == 2);
  CHECK(w.reps == 12);
  CHECK(w.max_effort == 2.5);
  CHECK(w.decision_noise == 25.0);
  CHECK(w.discount_authority == 0.15);
  CHECK(w.coaching_possible);
  CHECK(w.clv_scores_visible);
  CHECK(w.clv_score_noise == 0.2);
  CHECK(w.organization == workforce::Organization::customer_centric);
  CHECK(w.product_lines == 3);
  CHECK(w.cross_sell_share == 0.4);
  CHECK(w.coordination_cost_per_customer == 1.5);
  CHECK(w.hiring_lag_months == 3);
  CHECK(w.quit_patience_months == 4.5);
  CHECK(w.profile.skill == 1.1);
  CHECK(w.profile.effort_cost == 900.0);
  CHECK(w.profile.service_norm == 40.0);
  CHECK(w.profile.risk_aversion == 0.0005);
  CHECK(w.profile.outside_option == 3200.0);
  CHECK(w.profile.new_hire_productivity == 0.5);
  CHECK(w.profile.months_to_learn == 8.0);
  CHECK(w.response.sell_elasticity == 0.4);
  CHECK(w.response.service_lift == 1.25);
  CHECK(w.response.coaching_lift == 2.5);
  CHECK(w.response.price_elasticity == 3.5);
  CHECK(w.response.bookings_cv == 0.3);
  CHECK(w.response.pull_forward_share == 0.25);
  CHECK(w.response.pull_forward_cost == 0.05);
  const auto& plan = w.plan;
  CHECK(plan.period == workforce::EvaluationPeriod::quarter);
  CHECK(plan.salary_per_month == 2500.0);
  CHECK(w.plan.quota_per_month == 40000.0);
  CHECK(plan.quota_ratchet == 0.5);
  CHECK(plan.quota_floor == 20000.0);
  CHECK(plan.quota_bonus == 1000.0);
  CHECK(plan.variable_pay_cap == 15000.0);
  CHECK(plan.clv_commission_rate == 0.01);
  REQUIRE(plan.commission);
  CHECK(plan.commission->base == workforce::CommissionBase::margin);
  REQUIRE(plan.commission->tiers.size() == 3);
  CHECK(plan.commission->tiers[1].from_attainment == 0.5);
  CHECK(plan.commission->tiers[1].rate == 0.05);
  CHECK(plan.commission->tiers[2].from_attainment == 1.0);
  CHECK(plan.commission->tiers[2].rate == 0.123456789);
  REQUIRE(plan.clawback);
  CHECK(plan.clawback->window_months == 6);
  CHECK(plan.clawback->share == 0.5);
  REQUIRE(plan.nps_bonus);
  CHECK(plan.nps_bonus->target == 20.0);
  CHECK(plan.nps_bonus->per_point == 15.0);
  CHECK(plan.nps_bonus->max_amount == 600.0);
  REQUIRE(plan.scorecard_bonus);
  CHECK(plan.scorecard_bonus->amount == 800.0);
  CHECK(plan.scorecard_bonus->max_achievement == 1.25);
  REQUIRE(plan.scorecard_bonus->kpis.size() == 2);
  CHECK(plan.scorecard_bonus->kpis[0].name == "attainment");
  CHECK(plan.scorecard_bonus->kpis[0].target == 0.9);
  CHECK(plan.scorecard_bonus->kpis[0].weight == 0.6);
  CHECK(plan.scorecard_bonus->kpis[0].higher_is_better);
  CHECK(plan.scorecard_bonus->kpis[1].name == "surveyed_nps");
  CHECK_FALSE(plan.scorecard_bonus->kpis[1].higher_is_better);
  REQUIRE(plan.team_bonus);
  CHECK(plan.team_bonus->pool == 50000.0);
  CHECK(plan.team_bonus->share == 0.08);
  CHECK(plan.team_bonus->min_attainment == 0.9);
  CHECK(plan.team_bonus->max_ratio == 1.5);
  CHECK(w.cherry_picking_possible);
  CHECK(w.territories == workforce::TerritoryRule::by_segment);
  CHECK(w.response.hunt_rate == 0.006);
  CHECK(w.response.cherry_pick_gain == 0.2);
  REQUIRE(plan.spiff);
  CHECK(plan.spiff->per_customer_won == 250.0);

  // The writer writes every key, so equal text means every value came back.
  const auto again = load_scenario_text(first.resolved_yaml, "resolved.yaml");
  CHECK(again.resolved_yaml == first.resolved_yaml);
  const auto& v = again.scenario.workforce;
  CHECK(v.reps == w.reps);
  CHECK(v.plan.quota_per_month == w.plan.quota_per_month);
  CHECK(v.organization == w.organization);
  CHECK(v.plan.commission->tiers[2].rate == w.plan.commission->tiers[2].rate);
  CHECK(v.plan.nps_bonus->max_amount == w.plan.nps_bonus->max_amount);
  CHECK(v.plan.scorecard_bonus->kpis[1].name == "surveyed_nps");
}

TEST_CASE("optional plan terms are present only when written, and so in the resolved YAML",
          "[io][workforce]") {
  const auto plain = load_scenario_text(one_segment + "workforce:\n  reps: 3\n", "plain.yaml");
  const auto& plan = plain.scenario.workforce.plan;
  CHECK_FALSE(plan.commission);
  CHECK_FALSE(plan.quota_bonus);
  CHECK_FALSE(plan.clawback);
  CHECK_FALSE(plan.nps_bonus);
  CHECK_FALSE(plan.scorecard_bonus);
  CHECK_FALSE(plan.team_bonus);
  CHECK_FALSE(plan.clv_commission_rate);
  CHECK(plain.resolved_yaml.find("  plan:\n    period: month\n") != std::string::npos);
  CHECK(plain.resolved_yaml.find("commission") == std::string::npos);
  CHECK(plain.resolved_yaml.find("quota_bonus") == std::string::npos);

  // An empty term is present with its defaults; a term's optional key stays absent unless written.
  const auto nps = load_scenario_text(workforce_plan + "    nps_bonus: {}\n", "nps.yaml");
  REQUIRE(nps.scenario.workforce.plan.nps_bonus);
  CHECK_FALSE(nps.scenario.workforce.plan.nps_bonus->max_amount);
  CHECK(load_scenario_text(nps.resolved_yaml, "resolved.yaml").resolved_yaml == nps.resolved_yaml);

  // No workforce: no section. No reps but a plan: still written, so the round trip keeps it.
  CHECK(load_scenario(data_dir + "valid_minimal.yaml").resolved_yaml.find("workforce") == std::string::npos);
  const auto idle = load_scenario_text(
      one_segment + "workforce:\n  plan:\n    commission:\n      tiers: [{from_attainment: 0, rate: 0.1}]\n",
      "idle.yaml");
  const auto idle_again = load_scenario_text(idle.resolved_yaml, "resolved.yaml");
  REQUIRE(idle_again.scenario.workforce.plan.commission);
  CHECK(idle_again.scenario.workforce.plan.commission->tiers.at(0).rate == 0.1);
}

TEST_CASE("bad workforce plans are located at their key", "[io][workforce][bad-input]") {
  CHECK(only_problem(workforce_plan + "    nps_bonuss:\n      target: 10\n").to_string() ==
        "bad.yaml:7:5: workforce.plan.nps_bonuss: unknown key 'nps_bonuss' (did you mean 'nps_bonus'?) "
        "(allowed: period, salary_per_month, salary_meets_outside_option, quota_ratchet, quota_floor, "
        "quota_bonus, "
        "variable_pay_cap, clv_commission_rate, quota_per_month, quota_setting, commission, clawback, "
        "nps_bonus, "
        "scorecard_bonus, "
        "team_bonus, spiff)");
  CHECK(only_problem(
            workforce_plan +
            "    commission:\n      tiers:\n        - {from_attainment: 0, rate: 0.02}\n"
            "        - {from_attainment: 1.0, rate: 0.08}\n        - {from_attainment: 0.5, rate: 0.05}\n")
            .to_string() ==
        "bad.yaml:11:29: workforce.plan.commission.tiers[2].from_attainment: tiers out of order "
        "(allowed: greater than the previous tier's from_attainment)");
  CHECK(only_problem(workforce_plan +
                     "    commission:\n      tiers:\n        - {from_attainment: 0, rate: -0.02}\n")
            .to_string() ==
        "bad.yaml:9:38: workforce.plan.commission.tiers[0].rate: -0.02 must be at least 0 "
        "(allowed: a number in [0, 1])");
  CHECK(only_problem(workforce_plan + "    scorecard_bonus:\n      amount: 100\n      kpis:\n"
                                      "        - {name: attainment, target: 0.9, weight: 0.5}\n"
                                      "        - {name: surveyed_nps, target: 3, weight: 0.4}\n")
            .to_string() ==
        "bad.yaml:10:9: workforce.plan.scorecard_bonus.kpis: weights do not sum to 1 "
        "(allowed: weights summing to 1 within 1e-9)");
  CHECK(only_problem(workforce_plan + "    commission:\n      base: revenu\n").to_string() ==
        "bad.yaml:8:13: workforce.plan.commission.base: unknown value 'revenu' (did you mean 'revenue'?) "
        "(allowed: revenue, margin)");
  // A commission without tiers pays nothing: located at the term when the list is missing.
  CHECK(only_problem(workforce_plan + "    commission:\n      base: margin\n").to_string() ==
        "bad.yaml:8:7: workforce.plan.commission.tiers: needs at least one tier "
        "(allowed: a list of {from_attainment, rate})");
  CHECK(only_problem(workforce_plan + "    period: week\n").allowed == "month, quarter, year");
  CHECK(only_problem(workforce_plan + "    quota_bonus: -5\n").message == "-5 must be at least 0");
  CHECK(only_problem(workforce_plan + "    clawback:\n      window_months: 0\n").key_path ==
        "workforce.plan.clawback.window_months");
  CHECK(only_problem(workforce_plan + "    commission:\n      tiers: 0.05\n").message ==
        "expected a list, found a scalar");
}

TEST_CASE("bad workforce values are located at their key", "[io][workforce][bad-input]") {
  CHECK(only_problem(one_segment + "workforce:\n  organization: customer_centrc\n").to_string() ==
        "bad.yaml:5:17: workforce.organization: unknown value 'customer_centrc' (did you mean "
        "'customer_centric'?) (allowed: product_centric, customer_centric)");
  CHECK(
      only_problem(one_segment + "workforce:\n  discount_authority: 1.5\n").to_string() ==
      "bad.yaml:5:23: workforce.discount_authority: 1.5 must be at most 0.9 (allowed: a number in [0, 0.9])");
  CHECK(only_problem(one_segment + "workforce:\n  product_lines: 0\n").message == "0 must be at least 1");
  CHECK(only_problem(one_segment + "workforce:\n  profile:\n    effort_cost: 0\n").to_string() ==
        "bad.yaml:6:18: workforce.profile.effort_cost: 0 must be more than 0 (allowed: a number > 0)");
  CHECK(only_problem(one_segment + "workforce:\n  respons:\n    sell_elasticity: 1\n").message ==
        "unknown key 'respons' (did you mean 'response'?)");
  CHECK(only_problem(one_segment + "workforce:\n  reps: 100001\n").to_string() ==
        "bad.yaml:5:9: workforce.reps: 100001 reps are too many (allowed: at most 100000 reps)");
  // Allowed: one product line under customer managers, and a noisy score nobody sees.
  const auto allowed = load_scenario_text(one_segment +
                                              "workforce:\n  reps: 2\n  organization: customer_centric\n"
                                              "  product_lines: 1\n  clv_score_noise: 0.5\n",
                                          "ok.yaml");
  CHECK(allowed.scenario.workforce.product_lines == 1);
  CHECK_FALSE(allowed.scenario.workforce.clv_scores_visible);
}

TEST_CASE("overrides with --set reach every level of the workforce", "[io][workforce][set]") {
  namespace workforce = salesim::models::workforce;
  const std::vector<Override> overrides = {
      parse_override("workforce.reps=10"),
      parse_override("workforce.plan.quota_bonus=500"),
      parse_override("workforce.profile.risk_aversion=0.001"),
      parse_override("workforce.plan.commission.tiers[1].rate=0.08"),
      parse_override("workforce.plan.commission.base=revenue"),
      parse_override("workforce.plan.quota_per_month=1234"),
      parse_override("workforce.plan.scorecard_bonus.kpis[1].higher_is_better=true")};
  const auto loaded = load_scenario(data_dir + "workforce_full.yaml", overrides);
  const auto& w = loaded.scenario.workforce;
  CHECK(w.reps == 10);
  CHECK(w.plan.quota_bonus == 500.0);
  CHECK(w.profile.risk_aversion == 0.001);
  CHECK(w.plan.commission->tiers[1].rate == 0.08);
  CHECK(w.plan.commission->tiers[2].rate == 0.123456789);
  CHECK(w.plan.commission->base == workforce::CommissionBase::revenue);
  CHECK(w.plan.quota_per_month == 1234.0);
  CHECK(w.plan.scorecard_bonus->kpis[1].higher_is_better);

  // Into a scenario without a workforce: sections and optional terms are created.
  const auto created =
      load_scenario(data_dir + "valid_minimal.yaml",
                    std::vector<Override>{parse_override("workforce.reps=4"),
                                          parse_override("workforce.plan.nps_bonus.per_point=3")});
  CHECK(created.scenario.workforce.reps == 4);
  REQUIRE(created.scenario.workforce.plan.nps_bonus);
  CHECK(created.scenario.workforce.plan.nps_bonus->per_point == 3.0);
  const auto margin = load_scenario_text(
      workforce_plan + "    commission:\n      tiers: [{from_attainment: 0, rate: 0.05}]\n", "margin.yaml",
      std::vector<Override>{parse_override("workforce.plan.commission.base=margin")});
  CHECK(margin.scenario.workforce.plan.commission->base == workforce::CommissionBase::margin);
}

TEST_CASE("bad workforce overrides are reported against --set", "[io][workforce][set][bad-input]") {
  const std::string file = data_dir + "workforce_full.yaml";
  const auto problem = [&](const std::string& text) {
    try {
      (void)load_scenario(file, std::vector<Override>{parse_override(text)});
    } catch (const InputError& error) {
      REQUIRE(error.problems().size() == 1);
      return error.problems().front();
    }
    FAIL("no InputError for --set " << text);
    return InputProblem{};
  };
  CHECK(
      problem("workforce.plan.commission.tiers[1].rate=-1").to_string() ==
      "--set: workforce.plan.commission.tiers[1].rate: -1 must be at least 0 (allowed: a number in [0, 1])");
  CHECK(problem("workforce.plan.commission.tiers[7].rate=0.1").to_string() ==
        "--set: workforce.plan.commission.tiers[7].rate: no workforce.plan.commission.tiers[7] "
        "(allowed: an index below 3)");
  CHECK(problem("workforce.plan.quota_bonsu=1").message ==
        "unknown key path (did you mean 'workforce.plan.quota_bonus'?)");
  CHECK(problem("workforce.organization=matrix").file == "--set");
  CHECK(problem("workforce.plan.commission.base=profit").allowed == "revenue, margin");
  CHECK(problem("workforce.plan.scorecard_bonus.kpis[0].weight=0.7").message == "weights do not sum to 1");
}
