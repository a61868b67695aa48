// A Python scalar (bool / int / float / complex) as the runner passes it, and
// the rules for storing one into an element of a dtype: NumPy raises
// OverflowError for Python ints out of the dtype's range, PyTorch RuntimeError
// "value cannot be converted to type ... without overflow".
#pragma once
#include <complex>
#include <cstdint>
#include <string>

#include "array.h"

namespace ss {

struct Scalar {
  enum class Type { Bool, Int, Float, Complex };
  Type type = Type::Int;
  bool b = false;
  std::int64_t i = 0;       // Int within int64
  bool big = false;         // Int above INT64_MAX (then `u` holds it)
  std::uint64_t u = 0;
  double re = 0, im = 0;    // Float uses re; Complex both

  static Scalar of_bool(bool v) { Scalar s; s.type = Type::Bool; s.b = v; s.i = v; s.re = v; return s; }
  static Scalar of_int(std::int64_t v) { Scalar s; s.type = Type::Int; s.i = v; s.re = static_cast<double>(v); return s; }
  static Scalar of_uint(std::uint64_t v);
  static Scalar of_float(double v) { Scalar s; s.type = Type::Float; s.re = v; return s; }
  static Scalar of_complex(double r, double m) { Scalar s; s.type = Type::Complex; s.re = r; s.im = m; return s; }

  double to_double() const { return type == Type::Int && big ? static_cast<double>(u) : (type == Type::Int ? static_cast<double>(i) : re); }
  std::complex<double> to_complex() const { return {to_double(), type == Type::Complex ? im : 0.0}; }
  bool truthy() const;
  std::string repr() const;  // as Python prints it (for messages)
};

// Stores `s` into the element at `dst` of dtype `dt`, with the range checks of `kind`'s library.
void store_scalar(Kind kind, DType dt, const Scalar& s, void* dst);
// Stores `s` with a plain C cast (torch's wrapped scalars in arithmetic wrap around).
void store_scalar_unchecked(DType dt, const Scalar& s, void* dst);
// Reads one element (native byte order unless `swapped`) as the Python scalar .item() returns.
Scalar load_scalar(DType dt, const void* src, bool swapped = false);
// The dtype each library gives a lone Python scalar: NumPy int64/float64/complex128/bool;
// torch int64 / default float32 / complex64 / bool.
DType default_dtype_for(Kind kind, const Scalar& s);

}  // namespace ss
