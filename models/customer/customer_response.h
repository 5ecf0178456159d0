// Pure functions of satisfaction: what a customer experiences and how it responds.
#pragma once

#include <algorithm>
#include <cmath>

namespace salesim::models::customer {

inline constexpr float min_satisfaction = 0.0f;
inline constexpr float max_satisfaction = 10.0f;

/// Experience (0-10) at a price relative to the market reference and a service level (0-1):
/// the baseline, plus service_sensitivity points per 10% of service above 50%, minus
/// price_sensitivity points per 10% of price above the reference.
[[nodiscard]] inline double experience(double baseline, double service_sensitivity, double service_level,
                                       double price_sensitivity, double price_index) noexcept {
  const double value = baseline + service_sensitivity * (service_level - 0.5) * 10.0 -
                       price_sensitivity * (price_index - 1.0) * 10.0;
  return std::clamp(value, 0.0, 10.0);
}

/// Partial adjustment toward experience plus a shock (adaptive expectations), kept in 0-10.
[[nodiscard]] inline float next_satisfaction(float satisfaction, float experience, float adjustment_rate,
                                             float shock) noexcept {
  const float moved = satisfaction + adjustment_rate * (experience - satisfaction) + shock;
  return std::clamp(moved, min_satisfaction, max_satisfaction);
}

/// Monthly churn probability: base * exp(k (reference - s)), capped at 1, for the multiplier
/// exp(k (reference - s)) of dropout_multiplier below (the customer step computes it in bulk:
/// models/world/month_draws.h). With k = 0 the hazard is constant, which gives the closed-form
/// retention CLV.
[[nodiscard]] inline float churn_hazard(float base_hazard, float satisfaction_multiplier) noexcept {
  return std::min(1.0f, base_hazard * satisfaction_multiplier);
}

/// How satisfaction scales a purchase rate: 1 + k (s - reference) / 10, at least 0.
[[nodiscard]] inline float purchase_multiplier(float sensitivity, float reference,
                                               float satisfaction) noexcept {
  return std::max(0.0f, 1.0f + sensitivity * (satisfaction - reference) * 0.1f);
}

/// How satisfaction scales a dropout hazard, and the churn hazard above: exp(k (reference - s)).
[[nodiscard]] inline float dropout_multiplier(float sensitivity, float reference,
                                              float satisfaction) noexcept {
  return std::exp(sensitivity * (reference - satisfaction));
}

/// Monthly purchase probability: base * (1 + k (s - reference) / 10), kept in [0, 1].
[[nodiscard]] inline float purchase_probability(float base_rate, float sensitivity, float reference,
                                                float satisfaction) noexcept {
  const float rate = base_rate * (1.0f + sensitivity * (satisfaction - reference) * 0.1f);
  return std::clamp(rate, 0.0f, 1.0f);
}

/// Survey response probability: response_rate * (1 + bias (s - 5) / 5), kept in [0, 1].
/// A positive bias makes satisfied customers answer more often (non-response bias).
[[nodiscard]] inline float response_probability(float response_rate, float bias,
                                                float satisfaction) noexcept {
  const float rate = response_rate * (1.0f + bias * (satisfaction - 5.0f) * 0.2f);
  return std::clamp(rate, 0.0f, 1.0f);
}

/// The 0-10 "how likely are you to recommend us" answer a customer of satisfaction s gives:
/// s rounded half up and clamped. True NPS uses it on latent satisfaction; the survey on
/// satisfaction plus answer noise.
[[nodiscard]] inline int recommend_answer(float satisfaction) noexcept {
  const int answer = static_cast<int>(std::floor(satisfaction + 0.5f));
  return std::clamp(answer, 0, 10);
}

}  // namespace salesim::models::customer
