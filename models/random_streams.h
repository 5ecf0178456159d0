// The models' families of random draws; each a Stream of sim/core, never reused for another purpose.
#pragma once

#include "sim/core/random_stream.h"

namespace salesim::models::streams {

using sim::core::Stream;

inline constexpr Stream customer_behaviour{1};  ///< churn, purchase, spend, satisfaction shocks, referrals
inline constexpr Stream acquisition{2};         ///< which prospects marketing converts
inline constexpr Stream survey{3};              ///< survey sampling, response and answers
inline constexpr Stream network{4};             ///< the referral graph
inline constexpr Stream initial_state{5};       ///< starting satisfaction and tenure
// 6 is sim/core's design stream.
inline constexpr Stream partnership{7};    ///< buyer-supplier decisions, KPI noise, switching
inline constexpr Stream workforce{8};      ///< reps' effort choices and output noise
inline constexpr Stream buyer_process{9};  ///< latent buyers' purchase times, dropouts and spend
inline constexpr Stream rep_traits{
    10};  ///< each rep's skill, effort cost, risk aversion, outside option, tenure

}  // namespace salesim::models::streams
