#include "scalar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "elem_types.h"
#include "errors.h"

namespace ss {

Scalar Scalar::of_uint(std::uint64_t v) {
  if (v <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return of_int(static_cast<std::int64_t>(v));
  Scalar s;
  s.type = Type::Int;
  s.big = true;
  s.u = v;
  s.re = static_cast<double>(v);
  return s;
}

bool Scalar::truthy() const {
  switch (type) {
    case Type::Bool: return b;
    case Type::Int: return big || i != 0;
    case Type::Float: return re != 0;
    case Type::Complex: return re != 0 || im != 0;
  }
  return false;
}

namespace {

std::string py_float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  for (int prec = 1; prec <= 17; ++prec) {  // shortest repr that round-trips, as Python's repr
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

// torch's names for the C++ types in its overflow message (c10 Scalar::to##name).
const char* torch_ctype_name(DType dt) {
  switch (dt) {
    case DType::Bool: return "bool";
    case DType::Int8: return "int8_t";
    case DType::Int16: return "int16_t";
    case DType::Int32: return "int";
    case DType::Int64: return "int64_t";
    case DType::UInt8: return "uint8_t";
    case DType::UInt16: return "uint16_t";
    case DType::UInt32: return "uint32_t";
    case DType::UInt64: return "uint64_t";
    case DType::Float16: return "at::Half";
    case DType::BFloat16: return "at::BFloat16";
    case DType::Float32: return "float";
    case DType::Float64: return "double";
    case DType::Complex64: return "c10::complex<float>";
    case DType::Complex128: return "c10::complex<double>";
  }
  return "?";
}

template <class T>
bool int_fits(const Scalar& s) {
  if (s.big) return std::numeric_limits<T>::max() >= s.u && std::is_unsigned_v<T> && sizeof(T) == 8;
  if constexpr (std::is_unsigned_v<T>) return s.i >= 0 && static_cast<std::uint64_t>(s.i) <= std::numeric_limits<T>::max();
  else return s.i >= std::numeric_limits<T>::min() && s.i <= std::numeric_limits<T>::max();
}

template <class T>
bool value_fits(const Scalar& s) {
  if constexpr (std::is_same_v<T, bool> || is_cplx<T>::value) {
    return true;
  } else if constexpr (std::is_integral_v<T>) {
    if (s.type == Scalar::Type::Int) return int_fits<T>(s);
    if (s.type == Scalar::Type::Bool) return true;
    // c10::overflows for a double into an integer: the truncated value must fit.
    double v = s.re;
    if (std::isnan(v) || std::isinf(v)) return false;
    return v > static_cast<double>(std::numeric_limits<T>::lowest()) - 1.0 &&
           v < static_cast<double>(std::numeric_limits<T>::max()) + 1.0;
  } else {
    double v = s.to_double();
    if (std::isnan(v) || std::isinf(v)) return true;
    double lim = std::is_same_v<T, half_t> ? 65504.0 : std::is_same_v<T, float> ? 3.4028234663852886e38
                 : std::is_same_v<T, bf16_t> ? 3.3895313892515355e38 : std::numeric_limits<double>::max();
    return std::fabs(v) <= lim;
  }
}

}  // namespace

std::string Scalar::repr() const {
  switch (type) {
    case Type::Bool: return b ? "True" : "False";
    case Type::Int: return big ? std::to_string(u) : std::to_string(i);
    case Type::Float: return py_float_repr(re);
    case Type::Complex: return "(" + py_float_repr(re) + (im < 0 || std::signbit(im) ? "" : "+") + py_float_repr(im) + "j)";
  }
  return "";
}

void store_scalar(Kind kind, DType dt, const Scalar& s, void* dst) {
  if (kind == Kind::NDArray) {
    // NEP 50: Python ints must fit the integer dtype (floats and complex just cast).
    if (s.type == Scalar::Type::Int && is_integral(dt)) {
      bool ok = true;
      SS_DISPATCH(dt, T, if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) ok = int_fits<T>(s));
      if (!ok) raise(PyExc::OverflowError, "Python integer " + s.repr() + " out of bounds for " + dtype_name(dt));
    }
  } else {
    bool ok = true;
    if (s.type == Scalar::Type::Complex && !is_complex(dt)) {
      ok = s.im == 0;  // c10 checked_convert refuses to drop an imaginary part
    }
    SS_DISPATCH(dt, T, ok = ok && value_fits<T>(s));
    if (!ok) raise(PyExc::RuntimeError, std::string("value cannot be converted to type ") + torch_ctype_name(dt) + " without overflow");
  }
  store_scalar_unchecked(dt, s, dst);
}

void store_scalar_unchecked(DType dt, const Scalar& s, void* dst) {
  SS_DISPATCH(dt, T, {
    T v{};
    switch (s.type) {
      case Scalar::Type::Bool: v = cast_to<T>(s.b); break;
      case Scalar::Type::Int: v = s.big ? cast_to<T>(s.u) : cast_to<T>(s.i); break;
      case Scalar::Type::Float: v = cast_to<T>(s.re); break;
      case Scalar::Type::Complex: v = cast_to<T>(c128(s.re, s.im)); break;
    }
    std::memcpy(dst, &v, sizeof(T));
  });
}

Scalar load_scalar(DType dt, const void* src, bool swapped) {
  unsigned char buf[16];
  const std::size_t n = itemsize_of(dt);
  std::memcpy(buf, src, n);
  if (swapped) {
    // Complex values swap each half separately.
    std::size_t part = is_complex(dt) ? n / 2 : n;
    for (std::size_t off = 0; off < n; off += part) std::reverse(buf + off, buf + off + part);
  }
  Scalar out;
  SS_DISPATCH(dt, T, {
    T v;
    std::memcpy(&v, buf, sizeof(T));
    if constexpr (std::is_same_v<T, bool>) out = Scalar::of_bool(v);
    else if constexpr (is_cplx<T>::value) out = Scalar::of_complex(v.real(), v.imag());
    else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) out = Scalar::of_uint(v);
    else if constexpr (std::is_integral_v<T>) out = Scalar::of_int(v);
    else out = Scalar::of_float(cast_to<double>(v));
  });
  return out;
}

DType default_dtype_for(Kind kind, const Scalar& s) {
  switch (s.type) {
    case Scalar::Type::Bool: return DType::Bool;
    case Scalar::Type::Int: return kind == Kind::NDArray && s.big ? DType::UInt64 : DType::Int64;
    case Scalar::Type::Float: return kind == Kind::NDArray ? DType::Float64 : DType::Float32;
    case Scalar::Type::Complex: return kind == Kind::NDArray ? DType::Complex128 : DType::Complex64;
  }
  return DType::Float64;
}

}  // namespace ss
