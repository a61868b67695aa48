#pragma once
// Integer arithmetic with its overflow made explicit. Shapes, strides and offsets come
// from users (np.zeros((0, 2**62, 2**62)), a[::10**30], t.as_strided(..., 2**61)), so a
// product can leave int64. Each site says what it wants: a checked result, or the
// two's-complement wrap that NumPy's and PyTorch's own stride arithmetic gives (and
// whose value is never used to address memory: the views involved have no elements).
#include <cstdint>

namespace ss {

/** a * b, false when it does not fit. */
inline bool checked_mul(std::int64_t a, std::int64_t b, std::int64_t* out) { return !__builtin_mul_overflow(a, b, out); }
/** a + b, false when it does not fit. */
inline bool checked_add(std::int64_t a, std::int64_t b, std::int64_t* out) { return !__builtin_add_overflow(a, b, out); }

/** a * b modulo 2^64, as the libraries' unchecked C arithmetic produces it. */
inline std::int64_t wrapping_mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}
/** a + b modulo 2^64. */
inline std::int64_t wrapping_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}

}  // namespace ss
