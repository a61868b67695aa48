// C++ element types for each DType, conversions between them (C-style casts as
// NumPy's and PyTorch's cast loops do them; float16/bfloat16 go through float)
// and SS_DISPATCH to instantiate code per dtype.
#pragma once
#include <complex>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "dtype.h"

namespace ss {

float half_to_float(std::uint16_t h);
std::uint16_t float_to_half(float f);  // round to nearest even
inline float bf16_to_float(std::uint16_t b) {
  std::uint32_t u = static_cast<std::uint32_t>(b) << 16;
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
std::uint16_t float_to_bf16(float f);  // round to nearest even, NaN kept

struct half_t {
  std::uint16_t bits;
  operator float() const { return half_to_float(bits); }
};
struct bf16_t {
  std::uint16_t bits;
  operator float() const { return bf16_to_float(bits); }
};
using c64 = std::complex<float>;
using c128 = std::complex<double>;

template <class T> struct is_cplx : std::false_type {};
template <class T> struct is_cplx<std::complex<T>> : std::true_type {};
template <class T> struct is_half_like : std::bool_constant<std::is_same_v<T, half_t> || std::is_same_v<T, bf16_t>> {};

// x86's truncating conversion to a 32- or 64-bit integer (cvttsd2si): NaN or a value
// out of range gives the "integer indefinite" (the type's minimum) and raises invalid.
template <class I>
inline I cvtt(double x, bool& invalid) {
  static_assert(sizeof(I) == 4 || sizeof(I) == 8);
  constexpr double lim = sizeof(I) == 4 ? 2147483648.0 : 9223372036854775808.0;
  constexpr double lo = sizeof(I) == 4 ? -2147483649.0 : -9223372036854775808.0;
  if ((sizeof(I) == 4 ? x > lo : x >= lo) && x < lim) return static_cast<I>(x);
  invalid = true;
  return std::numeric_limits<I>::min();
}

// Float -> integer as NumPy's and PyTorch's cast loops give it on x86-64 (C leaves
// out-of-range conversions undefined). Narrower types go through a 32-bit conversion and
// keep its low bits (300.7 -> int8 is 44, NaN -> 0); unsigned 32/64-bit subtract 2^31/2^63
// first when the value is that large, as compiled (and NumPy's SIMD loops) do. For uint32
// NumPy's scalar tail instead keeps a 64-bit conversion's low bits, so an out-of-range
// value's result there depends on its position; the engine gives the SIMD loop's.
// `invalid` is set where the hardware raises it (NumPy: "invalid value encountered in cast").
template <class D>
inline D float_to_int(double x, bool& invalid) {
  if constexpr (std::is_same_v<D, std::int64_t>) {
    return cvtt<std::int64_t>(x, invalid);
  } else if constexpr (std::is_same_v<D, std::uint64_t>) {
    constexpr double two63 = 9223372036854775808.0;
    if (x >= two63) return static_cast<std::uint64_t>(cvtt<std::int64_t>(x - two63, invalid)) ^ (1ULL << 63);
    return static_cast<std::uint64_t>(cvtt<std::int64_t>(x, invalid));
  } else if constexpr (std::is_same_v<D, std::uint32_t>) {
    constexpr double two31 = 2147483648.0;
    if (x >= two31) return static_cast<std::uint32_t>(cvtt<std::int32_t>(x - two31, invalid)) ^ 0x80000000U;
    return static_cast<std::uint32_t>(cvtt<std::int32_t>(x, invalid));
  } else {
    return static_cast<D>(cvtt<std::int32_t>(x, invalid));
  }
}

// Converts one value from S to D as a C cast would (complex -> real drops the imaginary part).
template <class D, class S>
inline D cast_to(S s) {
  if constexpr (std::is_same_v<D, S>) {
    return s;
  } else if constexpr (is_half_like<S>::value) {
    return cast_to<D>(static_cast<float>(s));
  } else if constexpr (std::is_same_v<D, half_t>) {
    if constexpr (is_cplx<S>::value) return half_t{float_to_half(static_cast<float>(s.real()))};
    else return half_t{float_to_half(static_cast<float>(s))};
  } else if constexpr (std::is_same_v<D, bf16_t>) {
    if constexpr (is_cplx<S>::value) return bf16_t{float_to_bf16(static_cast<float>(s.real()))};
    else return bf16_t{float_to_bf16(static_cast<float>(s))};
  } else if constexpr (std::is_same_v<D, bool>) {
    return s != S(0);
  } else if constexpr (is_cplx<D>::value) {
    using V = typename D::value_type;
    if constexpr (is_cplx<S>::value) return D(static_cast<V>(s.real()), static_cast<V>(s.imag()));
    else return D(static_cast<V>(s), V(0));
  } else if constexpr (is_cplx<S>::value) {
    return cast_to<D>(s.real());
  } else if constexpr (std::is_integral_v<D> && std::is_floating_point_v<S>) {
    bool invalid = false;
    return float_to_int<D>(static_cast<double>(s), invalid);
  } else {
    return static_cast<D>(s);
  }
}

template <DType> struct ctype_of;
template <> struct ctype_of<DType::Bool> { using type = bool; };
template <> struct ctype_of<DType::Int8> { using type = std::int8_t; };
template <> struct ctype_of<DType::Int16> { using type = std::int16_t; };
template <> struct ctype_of<DType::Int32> { using type = std::int32_t; };
template <> struct ctype_of<DType::Int64> { using type = std::int64_t; };
template <> struct ctype_of<DType::UInt8> { using type = std::uint8_t; };
template <> struct ctype_of<DType::UInt16> { using type = std::uint16_t; };
template <> struct ctype_of<DType::UInt32> { using type = std::uint32_t; };
template <> struct ctype_of<DType::UInt64> { using type = std::uint64_t; };
template <> struct ctype_of<DType::Float16> { using type = half_t; };
template <> struct ctype_of<DType::BFloat16> { using type = bf16_t; };
template <> struct ctype_of<DType::Float32> { using type = float; };
template <> struct ctype_of<DType::Float64> { using type = double; };
template <> struct ctype_of<DType::Complex64> { using type = c64; };
template <> struct ctype_of<DType::Complex128> { using type = c128; };

}  // namespace ss

// Runs BODY with `T` bound to the C++ type of dtype DT. BODY runs inside a generic
// lambda so that `if constexpr` discards branches that do not apply to T
// (a `return` in BODY leaves only the lambda).
#define SS_DISPATCH_CASE(DT, T, ...)                                      \
  case ::ss::DType::DT: {                                                 \
    [&](auto ss_tag_) {                                                   \
      using T = typename decltype(ss_tag_)::type;                         \
      __VA_ARGS__;                                                        \
    }(::ss::ctype_of<::ss::DType::DT>{});                                 \
    break;                                                                \
  }
#define SS_DISPATCH(DTYPE, T, ...)                      \
  switch (DTYPE) {                                       \
    SS_DISPATCH_CASE(Bool, T, __VA_ARGS__)               \
    SS_DISPATCH_CASE(Int8, T, __VA_ARGS__)               \
    SS_DISPATCH_CASE(Int16, T, __VA_ARGS__)              \
    SS_DISPATCH_CASE(Int32, T, __VA_ARGS__)              \
    SS_DISPATCH_CASE(Int64, T, __VA_ARGS__)              \
    SS_DISPATCH_CASE(UInt8, T, __VA_ARGS__)              \
    SS_DISPATCH_CASE(UInt16, T, __VA_ARGS__)             \
    SS_DISPATCH_CASE(UInt32, T, __VA_ARGS__)             \
    SS_DISPATCH_CASE(UInt64, T, __VA_ARGS__)             \
    SS_DISPATCH_CASE(Float16, T, __VA_ARGS__)            \
    SS_DISPATCH_CASE(BFloat16, T, __VA_ARGS__)           \
    SS_DISPATCH_CASE(Float32, T, __VA_ARGS__)            \
    SS_DISPATCH_CASE(Float64, T, __VA_ARGS__)            \
    SS_DISPATCH_CASE(Complex64, T, __VA_ARGS__)          \
    SS_DISPATCH_CASE(Complex128, T, __VA_ARGS__)         \
  }
