// Philox4x32-10 (Salmon et al. 2011) over SIMD lanes, one entity per 32-bit lane, compiled for
// every x86 target Highway has and dispatched at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sim/core/random_blocks.cpp"
#include "sim/core/random_blocks.h"

#include <Random123/philox.h>
#include <hwy/foreach_target.h>  // must come before highway.h
#include <hwy/highway.h>

#include "sim/core/detail/vector_math_sets.h"

HWY_BEFORE_NAMESPACE();
namespace salesim::sim::core::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Random123 itself, one entity at a time: the scalar target, and the tail of the vector ones.
void philox_blocks_one_by_one(const BlockAddress& address, const std::uint32_t* HWY_RESTRICT entities,
                              std::size_t count, std::uint32_t* HWY_RESTRICT out) {
  const r123::Philox4x32::key_type key = {{address.key[0], address.key[1]}};
  for (std::size_t k = 0; k < count; ++k) {
    const r123::Philox4x32::ctr_type counter = {
        {entities[k], address.step, address.replication, address.tag}};
    const auto words = r123::Philox4x32()(counter, key);
    for (int w = 0; w < 4; ++w) out[4 * k + w] = words[w];
  }
}

#if HWY_TARGET == HWY_SCALAR
// One lane has no odd half to multiply. (GCC before 12.3 gets HWY_SCALAR as its baseline, not EMU128.)
void philox_blocks(const BlockAddress& address, const std::uint32_t* HWY_RESTRICT entities, std::size_t count,
                   std::uint32_t* HWY_RESTRICT out) {
  philox_blocks_one_by_one(address, entities, count, out);
}
#else
// The 32x32 -> 64-bit products of each lane: MulEven multiplies the even lanes into 64-bit
// lanes, so the odd lanes are shifted down first and the two high halves merged back.
template <class D, class V>
HWY_INLINE void multiply_high_low(D d, V a, V multiplier, V& high, V& low) {
  const hn::Repartition<std::uint64_t, D> wide;
  low = hn::Mul(a, multiplier);
  const auto even = hn::MulEven(a, multiplier);
  const auto odd = hn::MulEven(hn::BitCast(d, hn::ShiftRight<32>(hn::BitCast(wide, a))), multiplier);
  high = hn::OddEven(hn::BitCast(d, odd), hn::BitCast(d, hn::ShiftRight<32>(even)));
}

void philox_blocks(const BlockAddress& address, const std::uint32_t* HWY_RESTRICT entities, std::size_t count,
                   std::uint32_t* HWY_RESTRICT out) {
  const hn::ScalableTag<std::uint32_t> d;
  const std::size_t lanes = hn::Lanes(d);
  // Random123's constants (philox.h): the multipliers and the Weyl key increments.
  const auto multiplier0 = hn::Set(d, 0xD2511F53u);
  const auto multiplier1 = hn::Set(d, 0xCD9E8D57u);
  std::uint32_t round_key0[10], round_key1[10];
  round_key0[0] = address.key[0];
  round_key1[0] = address.key[1];
  for (int round = 1; round < 10; ++round) {
    round_key0[round] = round_key0[round - 1] + 0x9E3779B9u;
    round_key1[round] = round_key1[round - 1] + 0xBB67AE85u;
  }
  std::size_t k = 0;
  for (; k + lanes <= count; k += lanes) {
    auto c0 = hn::LoadU(d, entities + k);
    auto c1 = hn::Set(d, address.step);
    auto c2 = hn::Set(d, address.replication);
    auto c3 = hn::Set(d, address.tag);
    for (int round = 0; round < 10; ++round) {
      decltype(c0) high0, low0, high1, low1;
      multiply_high_low(d, c0, multiplier0, high0, low0);
      multiply_high_low(d, c2, multiplier1, high1, low1);
      c0 = hn::Xor(hn::Xor(high1, c1), hn::Set(d, round_key0[round]));
      c1 = low1;
      c2 = hn::Xor(hn::Xor(high0, c3), hn::Set(d, round_key1[round]));
      c3 = low0;
    }
    hn::StoreInterleaved4(c0, c1, c2, c3, d, out + 4 * k);
  }
  // The last entities, which fill no whole vector.
  philox_blocks_one_by_one(address, entities + k, count - k, out + 4 * k);
}
#endif

// The target this copy was compiled for, so that a caller sees which one dispatch chose.
std::int64_t compiled_target() { return HWY_TARGET; }

}  // namespace salesim::sim::core::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace salesim::sim::core {

HWY_EXPORT(philox_blocks);
HWY_EXPORT(compiled_target);

namespace {

// Highway's mock of the CPU's targets, which use_simd_target sets: 0 when none.
std::int64_t forced_target = 0;

std::vector<std::int64_t> runnable_targets() {
  hwy::SetSupportedTargetsForTest(0);
  std::vector<std::int64_t> targets = hwy::SupportedAndGeneratedTargets();  // best first
  hwy::SetSupportedTargetsForTest(forced_target);
  return targets;
}

}  // namespace

void philox_blocks(const BlockAddress& address, const std::uint32_t* entities, std::size_t count,
                   std::uint32_t* out) noexcept {
  HWY_DYNAMIC_DISPATCH(philox_blocks)(address, entities, count, out);
}

std::vector<std::string> simd_targets() {
  std::vector<std::string> names;
  for (const std::int64_t target : runnable_targets()) names.emplace_back(hwy::TargetName(target));
  return names;
}

std::string simd_target() { return hwy::TargetName(HWY_DYNAMIC_DISPATCH(compiled_target)()); }

bool use_simd_target(const std::string& name) {
  std::int64_t chosen = 0;
  for (const std::int64_t target : runnable_targets()) {
    if (name == hwy::TargetName(target)) chosen = target;
  }
  if (!name.empty() && chosen == 0) return false;
  forced_target = chosen;
  hwy::SetSupportedTargetsForTest(forced_target);
  detail::forget_vector_math_set();  // the float math follows the target (vector_math.h)
  return true;
}

}  // namespace salesim::sim::core
#endif  // HWY_ONCE
