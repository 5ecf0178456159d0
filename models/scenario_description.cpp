// The customer market's sections and the scenario's top level; workforce and partnerships describe
// their own sections beside their structs.
#include "models/scenario_description.h"

#include "models/partnership/partnership_description.h"
#include "models/scenario.h"
#include "models/workforce/workforce_description.h"

namespace salesim::models {
namespace {

/// Why the market's size and contacts cannot change in a timeline.
constexpr const char* market_laid_out = "the market's members and their contacts exist from month 0";

using sim::core::Describe;
using sim::core::SectionDescription;

const SectionDescription& run_description() {
  static const SectionDescription section =
      Describe<RunParams>("horizon, replications and random numbers")
          .field("horizon_months", &RunParams::horizon_months,
                 {.min = 1, .max = 1200, .unit = "months", .meaning = "months simulated"})
          .field("discount_rate_per_year", &RunParams::discount_rate_per_year,
                 {.min = 0,
                  .max = 1,
                  .unit = "share per year",
                  .meaning = "for CLV and customer equity (converted to monthly)"})
          .field("replications", &RunParams::replications,
                 {.min = 1, .max = 1'000'000, .unit = "runs", .meaning = "Monte Carlo replications"})
          .field("seed", &RunParams::seed,
                 {.min = 0, .max = 18446744073709551615.0, .meaning = "master seed; same seed, same bits"})
          .field("common_random_numbers", &RunParams::common_random_numbers,
                 {.meaning = "design points and compared scenarios share random draws"})
          .done();
  return section;
}

const SectionDescription& spend_description() {
  static const SectionDescription section =
      Describe<SpendDistribution>("spend per purchase: lognormal")
          .field("mean", &SpendDistribution::mean,
                 {.min = 0,
                  .min_exclusive = true,
                  .unit = "currency",
                  .meaning = "money per purchase at list price"})
          .field("cv", &SpendDistribution::cv,
                 {.min = 0, .max = 10, .unit = "ratio", .meaning = "coefficient of variation"})
          .done();
  return section;
}

const SectionDescription& gamma_gamma_description() {
  static const SectionDescription section =
      Describe<GammaGammaSpend>(
          "spend per transaction Gamma(p, nu), nu ~ Gamma(q, gamma) per customer (Fader, Hardie & Lee 2005)")
          .field("p", &GammaGammaSpend::p,
                 {.min = 0,
                  .max = 1e6,
                  .min_exclusive = true,
                  .meaning = "shape of one customer's spend",
                  .source = "CDNOW: Fader & Hardie, note 025"})
          .field("q", &GammaGammaSpend::q,
                 {.min = 1,
                  .max = 1e6,
                  .min_exclusive = true,
                  .meaning = "shape of nu across customers; > 1 for a finite mean spend"})
          .field("gamma", &GammaGammaSpend::gamma,
                 {.min = 0, .max = 1e9, .min_exclusive = true, .unit = "currency", .meaning = "scale of nu"})
          .done();
  return section;
}

const SectionDescription& buyers_description() {
  static const SectionDescription section =
      Describe<LatentBuyers>(
          "heterogeneous buyers of a buy-till-you-die model, as salesim calibrate fits them")
          .field("model", &LatentBuyers::model,
                 {.meaning = "bg_nbd (Fader, Hardie & Lee 2005) or pareto_nbd (Schmittlein et al. 1987)",
                  .words = {"bg_nbd", "pareto_nbd"}})
          .field("time_unit_days", &LatentBuyers::time_unit_days,
                 {.min = 0.01, .max = 366, .unit = "days", .meaning = "the rates below are per this time"})
          .field("r", &LatentBuyers::r,
                 {.min = 0,
                  .max = 1e6,
                  .min_exclusive = true,
                  .meaning = "shape of the purchase rate lambda",
                  .source = "CDNOW, weeks: Fader, Hardie & Lee 2005, Marketing Science 24(2)"})
          .field("alpha", &LatentBuyers::alpha,
                 {.min = 0,
                  .max = 1e9,
                  .min_exclusive = true,
                  .unit = "time units",
                  .meaning = "scale of lambda: mean rate r / alpha"})
          .field("a", &LatentBuyers::a,
                 {.min = 0, .max = 1e6, .min_exclusive = true, .meaning = "bg_nbd: dropout p ~ Beta(a, b)"})
          .field("b", &LatentBuyers::b,
                 {.min = 0, .max = 1e6, .min_exclusive = true, .meaning = "bg_nbd: dropout p ~ Beta(a, b)"})
          .field("s", &LatentBuyers::s,
                 {.min = 0,
                  .max = 1e6,
                  .min_exclusive = true,
                  .meaning = "pareto_nbd: shape of the dropout rate mu",
                  .source = "CDNOW, weeks: Fader, Hardie & Lee 2005, note 008"})
          .field("beta", &LatentBuyers::beta,
                 {.min = 0,
                  .max = 1e9,
                  .min_exclusive = true,
                  .unit = "time units",
                  .meaning = "pareto_nbd: scale of mu: mean rate s / beta"})
          .optional("spend", &LatentBuyers::spend, gamma_gamma_description())
          .field("history", &LatentBuyers::history,
                 {.meaning = "a customer summary (x, t_x, T; as salesim calibrate writes it) of the initial "
                             "customers, relative to the scenario's folder; they start from their histories. "
                             "Absent: a new cohort",
                  .fixed_in_run = "the initial customers start from it once"})
          .field("history_digest", &LatentBuyers::history_digest,
                 {.meaning = "XXH3-64 of the history file, recorded by salesim when it reads it; given, the "
                             "file must still have that content",
                  .fixed_in_run = "the initial customers start from it once"})
          .done();
  return section;
}

const SectionDescription& segment_description() {
  static const SectionDescription section =
      Describe<SegmentParams>("one customer segment of the market")
          .field("name", &SegmentParams::name,
                 {.meaning = "unique; names the segment in --set paths",
                  .required = true,
                  .fixed_in_run = "a segment keeps its name for the whole run"})
          .field("size", &SegmentParams::size,
                 {.min = 1,
                  .max = 4294967295.0,
                  .unit = "members",
                  .meaning = "market size: prospects plus customers",
                  .required = true,
                  .fixed_in_run = market_laid_out})
          .field("initial_customers", &SegmentParams::initial_customers,
                 {.min = 0,
                  .max = 4294967295.0,
                  .unit = "customers",
                  .meaning = "customers already active at month 0",
                  .fixed_in_run = "it describes month 0"})
          .field("purchase_rate_per_month", &SegmentParams::purchase_rate_per_month,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability per month",
                  .meaning = "purchase probability at reference satisfaction"})
          .field("gross_margin", &SegmentParams::gross_margin,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "margin as a share of revenue"})
          .field("price_sensitivity", &SegmentParams::price_sensitivity,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "lost per 10% above the reference price"})
          .field("service_sensitivity", &SegmentParams::service_sensitivity,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "gained per 10% of service level above 50%"})
          .field("base_churn_hazard_per_month", &SegmentParams::base_churn_hazard_per_month,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability per month",
                  .meaning = "churn probability at reference satisfaction"})
          .field("referral_propensity", &SegmentParams::referral_propensity,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability per month",
                  .meaning = "referral probability of a delighted customer"})
          .field("acquisition_cost", &SegmentParams::acquisition_cost,
                 {.min = 0, .unit = "currency", .meaning = "marketing cost of one new customer"})
          .field("marketing_share", &SegmentParams::marketing_share,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "share of the marketing budget (all 0: equal split)"})
          .field("initial_satisfaction", &SegmentParams::initial_satisfaction,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "mean starting satisfaction, 0-10",
                  .fixed_in_run = "it describes month 0"})
          .field("satisfaction_baseline", &SegmentParams::satisfaction_baseline,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "experience at list price and a 50% service level"})
          .mapping("spend_per_purchase", &SegmentParams::spend_per_purchase, spend_description())
          .optional("buyers", &SegmentParams::buyers, buyers_description(),
                    {.fixed_in_run = "latent buyers draw their rates for life when the run starts"})
          .done();
  return section;
}

const SectionDescription& marketing_description() {
  static const SectionDescription section =
      Describe<MarketingParams>("the marketing budget that wins prospects")
          .field("budget_per_month", &MarketingParams::budget_per_month,
                 {.min = 0, .unit = "currency per month", .meaning = "spent on acquisition across segments"})
          .done();
  return section;
}

const SectionDescription& referral_description() {
  static const SectionDescription section =
      Describe<ReferralParams>("the referral graph among market members")
          .field("network", &ReferralParams::network,
                 {.meaning = "graph generator",
                  .words = {"small_world", "scale_free", "random"},
                  .fixed_in_run = market_laid_out})
          .field("mean_degree", &ReferralParams::mean_degree,
                 {.min = 2,
                  .max = 1000,
                  .unit = "contacts",
                  .meaning = "contacts per market member: fewer than the members, even for small_world, "
                             "and at most members - 2 when it rewires",
                  .fixed_in_run = market_laid_out})
          .field("rewiring_probability", &ReferralParams::rewiring_probability,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability",
                  .meaning = "small_world only",
                  .source = "Watts & Strogatz 1998",
                  .fixed_in_run = market_laid_out})
          .field("power_law_exponent", &ReferralParams::power_law_exponent,
                 {.min = 1,
                  .max = 5,
                  .min_exclusive = true,
                  .unit = "exponent",
                  .meaning = "scale_free only (power-law out-degree)",
                  .fixed_in_run = market_laid_out})
          .field("conversion_probability", &ReferralParams::conversion_probability,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability",
                  .meaning = "a referred prospect becomes a customer"})
          .field("reward", &ReferralParams::reward,
                 {.min = 0, .unit = "currency", .meaning = "paid per referred customer acquired"})
          .done();
  return section;
}

const SectionDescription& satisfaction_description() {
  static const SectionDescription section =
      Describe<SatisfactionParams>("how latent satisfaction (0-10) moves and what it drives")
          .field("reference", &SatisfactionParams::reference,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "level at which churn and purchase rates are the base"})
          .field("adjustment_rate", &SatisfactionParams::adjustment_rate,
                 {.min = 0,
                  .max = 1,
                  .unit = "share per month",
                  .meaning = "share of the gap to experience closed each month"})
          .field("shock_sd", &SatisfactionParams::shock_sd,
                 {.min = 0,
                  .max = 5,
                  .unit = "satisfaction points",
                  .meaning = "sd of the monthly random shock"})
          .field("churn_sensitivity", &SatisfactionParams::churn_sensitivity,
                 {.min = 0,
                  .max = 5,
                  .unit = "per satisfaction point",
                  .meaning = "churn hazard x exp(k (reference - satisfaction))"})
          .field("purchase_sensitivity", &SatisfactionParams::purchase_sensitivity,
                 {.min = 0,
                  .max = 10,
                  .unit = "multiplier",
                  .meaning = "purchase rate x (1 + k (satisfaction - reference) / 10)"})
          .field("referral_threshold", &SatisfactionParams::referral_threshold,
                 {.min = 0,
                  .max = 10,
                  .unit = "satisfaction points",
                  .meaning = "below this a customer never refers"})
          .done();
  return section;
}

const SectionDescription& service_description() {
  static const SectionDescription section =
      Describe<ServiceParams>("the service customers receive without a workforce")
          .field("level", &ServiceParams::level,
                 {.min = 0, .max = 1, .unit = "share", .meaning = "service level, 0-1"})
          .field("cost_per_customer_per_month", &ServiceParams::cost_per_customer_per_month,
                 {.min = 0, .unit = "currency per month", .meaning = "cost of serving one active customer"})
          .done();
  return section;
}

const SectionDescription& pricing_description() {
  static const SectionDescription section = Describe<PricingParams>("the price customers pay")
                                                .field("price_index", &PricingParams::price_index,
                                                       {.min = 0,
                                                        .max = 10,
                                                        .min_exclusive = true,
                                                        .unit = "ratio",
                                                        .meaning = "price relative to the market reference"})
                                                .done();
  return section;
}

const SectionDescription& survey_description() {
  static const SectionDescription section =
      Describe<SurveyParams>(
          "the firm's survey: who is asked, who answers, how answers differ from satisfaction")
          .field("sample_rate", &SurveyParams::sample_rate,
                 {.min = 0,
                  .max = 1,
                  .unit = "share per month",
                  .meaning = "share of active customers asked each month"})
          .field("response_rate", &SurveyParams::response_rate,
                 {.min = 0,
                  .max = 1,
                  .unit = "probability",
                  .meaning = "response probability at satisfaction 5"})
          .field(
              "nonresponse_bias", &SurveyParams::nonresponse_bias,
              {.min = -1, .max = 1, .unit = "ratio", .meaning = "> 0: satisfied customers answer more often"})
          .field("answer_noise_sd", &SurveyParams::answer_noise_sd,
                 {.min = 0,
                  .max = 5,
                  .unit = "answer points",
                  .meaning = "noise of the 0-10 answer around satisfaction"})
          .done();
  return section;
}

const SectionDescription& scorecard_kpi_description() {
  static const SectionDescription section =
      Describe<ScorecardKpi>("one Balanced Scorecard KPI: a summary metric, its target and weight")
          .field("perspective", &ScorecardKpi::perspective,
                 {.meaning = "Kaplan & Norton's perspective",
                  .words = {"financial", "customer", "internal_process", "learning_growth"},
                  .required = true})
          .field("metric", &ScorecardKpi::metric,
                 {.meaning = "a summary metric of the run (`salesim metrics`)",
                  .name_set = summary_metric_set,
                  .required = true})
          .field("target", &ScorecardKpi::target,
                 {.nonzero = true,
                  .unit = "metric units",
                  .meaning = "score is value / target",
                  .required = true})
          .field("weight", &ScorecardKpi::weight,
                 {.min = 0,
                  .max = 1,
                  .unit = "share",
                  .meaning = "weights of all KPIs sum to 1",
                  .required = true})
          .field("direction", &ScorecardKpi::higher_is_better,
                 {.meaning = "whether a higher value scores higher",
                  .words = {"lower_is_better", "higher_is_better"}})
          .done();
  return section;
}

}  // namespace

const SectionDescription& scenario_description() {
  static const SectionDescription section =
      Describe<Scenario>("a scenario")
          .field("name", &Scenario::name,
                 {.meaning = "names the output file; default: the file's name",
                  .fixed_in_run = "it names the whole run"})
          .field("description", &Scenario::description,
                 {.meaning = "the question the scenario asks", .fixed_in_run = "it describes the whole run"})
          .mapping("run", &Scenario::run, run_description(),
                   {.fixed_in_run = "the horizon, seed and replications are set for the whole run"})
          .list("segments", &Scenario::segments, segment_description(),
                {.meaning = "the customer market, one entry per segment",
                 .min_items = 1,
                 .omit_when_empty = true,
                 .item_name_key = "name",
                 .item_noun = "segments"})
          .mapping("marketing", &Scenario::marketing, marketing_description())
          .mapping("referrals", &Scenario::referrals, referral_description())
          .mapping("satisfaction", &Scenario::satisfaction, satisfaction_description())
          .mapping("service", &Scenario::service, service_description())
          .mapping("pricing", &Scenario::pricing, pricing_description())
          .mapping("survey", &Scenario::survey, survey_description())
          .mapping("partnerships", &Scenario::partnerships, partnership::partnership_description(),
                   {.meaning = "B2B buyer-supplier relationships; written when there are buyers"})
          .written_when([](const Scenario& scenario) { return scenario.partnerships.buyers > 0; })
          .mapping("workforce", &Scenario::workforce, workforce::workforce_description(),
                   {.meaning = "the reps who serve the customers", .omit_when_default = true})
          .list("scorecard", &Scenario::scorecard, scorecard_kpi_description(),
                {.meaning = "the Balanced Scorecard the run is scored on",
                 .omit_when_empty = true,
                 .fixed_in_run = "the scorecard scores the whole run"})
          .done();
  return section;
}

}  // namespace salesim::models
