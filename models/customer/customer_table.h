// Structure-of-arrays storage for every market member: prospects, customers, churned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/customer/latent_buyer.h"

namespace salesim::models::customer {

enum class CustomerStatus : std::uint8_t { prospect = 0, active = 1, churned = 2 };

/// How a customer was won; decides which acquisition cost its CLV carries.
enum class AcquisitionChannel : std::uint8_t { initial = 0, marketing = 1, referral = 2, sales = 3 };

/**
 * @brief One column per variable, indexed by market-member id (EnTT/FLAME GPU style).
 *
 * The hot columns are read and written every step; `value_at_month0` is the customer's
 * margin net of service cost, discounted to month 0 (so no per-customer power is needed).
 */
struct CustomerTable {
  std::vector<std::uint8_t> segment;
  std::vector<CustomerStatus> status;
  std::vector<AcquisitionChannel> channel;
  std::vector<std::uint8_t> referral_marks;  ///< bit (t & 1): referred during step t
  std::vector<float> satisfaction;           ///< latent, 0-10
  std::vector<std::int32_t> acquired_month;  ///< -1 while a prospect
  std::vector<double> value_at_month0;
  /// Per member of segments with latent buyers (all members when any segment has them; else empty).
  std::vector<BuyerTraits> buyer_traits;

  explicit CustomerTable(std::size_t members)
      : segment(members),
        status(members, CustomerStatus::prospect),
        channel(members, AcquisitionChannel::initial),
        referral_marks(members, 0),
        satisfaction(members, 0.0f),
        acquired_month(members, -1),
        value_at_month0(members, 0.0) {}

  [[nodiscard]] std::size_t size() const noexcept { return segment.size(); }

  /// Bytes of state per member touched by the monthly update.
  static constexpr std::size_t hot_bytes_per_member = sizeof(std::uint8_t) + sizeof(CustomerStatus) +
                                                      sizeof(AcquisitionChannel) + sizeof(std::uint8_t) +
                                                      sizeof(float) + sizeof(std::int32_t) + sizeof(double);
};

}  // namespace salesim::models::customer
