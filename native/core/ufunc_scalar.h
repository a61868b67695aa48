// One element of each arithmetic ufunc, as NumPy's loops (and PyTorch's CPU kernels,
// where they agree) compute it: Python-style floor division and modulo (npy_divmod),
// integer powers by squaring with wrap-around, NumPy's shift rules for counts past the
// width, NaN-propagating maximum/minimum. V is the compute type (float for half-likes).
#pragma once
#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "elem_types.h"
#include "fp_status.h"

namespace ss::ufunc {

template <class V>
inline V floor_divide(V a, V b) {
  if constexpr (std::is_same_v<V, bool>) {
    return a && b;
  } else if constexpr (std::is_integral_v<V>) {
    if (b == 0) {  // NumPy: 0 with a divide-by-zero warning (torch raises before)
      fp_raise(kFpDivide);
      return 0;
    }
    if constexpr (std::is_signed_v<V>) {
      if (b == -1 && a == std::numeric_limits<V>::min()) fp_raise(kFpOverflow);  // NumPy 2: "overflow encountered in floor_divide"
      if (b == -1) return static_cast<V>(static_cast<std::make_unsigned_t<V>>(0) - static_cast<std::make_unsigned_t<V>>(a));
      V q = a / b;
      if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
      return q;
    } else {
      return a / b;
    }
  } else {
    // npy_floor_divide / c10 div_floor_floating
    if (b == 0) return a / b;
    V mod = std::fmod(a, b);
    V div = (a - mod) / b;
    if (mod != 0) {
      if ((b < 0) != (mod < 0)) div -= V(1);
    }
    if (div != 0) {
      V fl = std::floor(div);
      if (div - fl > V(0.5)) fl += V(1);
      return fl;
    }
    return std::copysign(V(0), a / b);
  }
}

template <class V>
inline V remainder(V a, V b) {
  if constexpr (std::is_same_v<V, bool>) {
    return false;
  } else if constexpr (std::is_integral_v<V>) {
    if (b == 0) {
      fp_raise(kFpDivide);
      return 0;
    }
    if constexpr (std::is_signed_v<V>) {
      if (b == -1) return 0;
      V m = a % b;
      if (m != 0 && ((m < 0) != (b < 0))) m += b;
      return m;
    } else {
      return a % b;
    }
  } else {
    V mod = std::fmod(a, b);
    if (b == 0) return mod;
    if (mod != 0) {
      if ((b < 0) != (mod < 0)) mod += b;
    } else {
      mod = std::copysign(V(0), b);
    }
    return mod;
  }
}

// Integer power by squaring (wraps like C unsigned arithmetic); the caller refuses
// negative exponents first.
template <class V>
inline V int_power(V base, V exp) {
  using U = std::make_unsigned_t<V>;
  U result = 1, b = static_cast<U>(base);
  std::uint64_t e = static_cast<std::uint64_t>(exp);
  while (e) {
    if (e & 1) result = static_cast<U>(result * b);
    b = static_cast<U>(b * b);
    e >>= 1;
  }
  return static_cast<V>(result);
}

template <class V>
inline V power(V a, V b) {
  if constexpr (std::is_same_v<V, bool>) {
    return a || !b;
  } else if constexpr (std::is_integral_v<V>) {
    return int_power(a, b);
  } else {
    return std::pow(a, b);
  }
}

template <class V>
inline V left_shift(V a, V b) {
  using U = std::make_unsigned_t<V>;
  if (static_cast<std::uint64_t>(static_cast<U>(b)) >= sizeof(V) * 8) return 0;
  return static_cast<V>(static_cast<U>(a) << static_cast<U>(b));
}

template <class V>
inline V right_shift(V a, V b) {
  using U = std::make_unsigned_t<V>;
  if (static_cast<std::uint64_t>(static_cast<U>(b)) >= sizeof(V) * 8) {
    if constexpr (std::is_signed_v<V>) return a < 0 ? V(-1) : V(0);
    return 0;
  }
  return static_cast<V>(a >> b);
}

template <class V>
inline bool is_nan_v(V x) {
  if constexpr (is_cplx<V>::value) return std::isnan(x.real()) || std::isnan(x.imag());
  else if constexpr (std::is_floating_point_v<V>) return std::isnan(x);
  else return false;
}

// NumPy's (and torch's) complex order: lexicographic on (real, imag).
template <class V>
inline bool less(V a, V b) {
  if constexpr (is_cplx<V>::value) return a.real() < b.real() || (a.real() == b.real() && a.imag() < b.imag());
  else return a < b;
}

template <class V>
inline V maximum(V a, V b) {
  if (is_nan_v(a)) return a;
  if (is_nan_v(b)) return b;
  return less(a, b) ? b : a;
}

template <class V>
inline V minimum(V a, V b) {
  if (is_nan_v(a)) return a;
  if (is_nan_v(b)) return b;
  return less(b, a) ? b : a;
}

}  // namespace ss::ufunc
