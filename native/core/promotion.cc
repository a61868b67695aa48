#include "promotion.h"

#include <algorithm>

#include "errors.h"

namespace ss {

namespace {

int bits(DType d) { return static_cast<int>(itemsize_of(d)) * 8; }

DType signed_of_bits(int b) {
  switch (b) {
    case 8: return DType::Int8;
    case 16: return DType::Int16;
    case 32: return DType::Int32;
    default: return DType::Int64;
  }
}

DType float_of_bits(int b) { return b <= 16 ? DType::Float16 : b <= 32 ? DType::Float32 : DType::Float64; }

// Bits of the smallest float (NumPy) that holds every value of an integer dtype.
int numpy_float_bits_for_int(DType i) {
  int b = bits(i);
  return b <= 8 ? 16 : b <= 16 ? 32 : 64;
}

int complex_component_bits(DType c) { return bits(c) / 2; }

}  // namespace

DType numpy_promote(DType a, DType b) {
  if (a == b) return a;
  DKind ka = dtype_kind(a), kb = dtype_kind(b);
  if (ka == DKind::Bool) return b;
  if (kb == DKind::Bool) return a;
  // Order kinds: int/uint < float < complex.
  auto rank = [](DKind k) { return k == DKind::Complex ? 3 : k == DKind::Float ? 2 : 1; };
  if (rank(ka) < rank(kb)) std::swap(a, b), std::swap(ka, kb);
  // now a has the higher (or equal) kind
  if (ka == DKind::Complex) {
    int need = kb == DKind::Complex ? complex_component_bits(b)
               : kb == DKind::Float  ? bits(b)
                                     : numpy_float_bits_for_int(b);
    int have = complex_component_bits(a);
    return std::max(need, have) <= 32 ? DType::Complex64 : DType::Complex128;
  }
  if (ka == DKind::Float) {
    int need = kb == DKind::Float ? bits(b) : numpy_float_bits_for_int(b);
    return float_of_bits(std::max(need, bits(a)));
  }
  // both integers
  if (ka == kb) return bits(a) >= bits(b) ? a : b;
  DType s = ka == DKind::Int ? a : b, u = ka == DKind::Int ? b : a;
  if (bits(s) > bits(u)) return s;
  if (bits(u) == 64) return DType::Float64;
  return signed_of_bits(bits(u) * 2);
}

DType torch_promote(DType a, DType b) {
  // NOTE c10/core/ScalarType.cpp promoteTypes
  if (a == b) return a;
  auto barebones = [](DType d) { return d == DType::UInt16 || d == DType::UInt32 || d == DType::UInt64; };
  if (barebones(a) || barebones(b)) {
    if (is_floating(a)) return a;
    if (is_floating(b)) return b;
    raise(PyExc::RuntimeError, std::string("Promotion for uint16, uint32, uint64 types is not supported, attempted to promote ") +
                                   dtype_info(a).scalar_type + " and " + dtype_info(b).scalar_type);
  }
  DKind ka = dtype_kind(a), kb = dtype_kind(b);
  if (ka == DKind::Bool) return b;
  if (kb == DKind::Bool) return a;
  auto rank = [](DKind k) { return k == DKind::Complex ? 3 : k == DKind::Float ? 2 : 1; };
  if (rank(ka) < rank(kb)) std::swap(a, b), std::swap(ka, kb);
  if (ka == DKind::Complex) {
    int need = kb == DKind::Complex ? complex_component_bits(b) : kb == DKind::Float ? bits(b) : 0;
    return std::max(need, complex_component_bits(a)) <= 32 ? DType::Complex64 : DType::Complex128;
  }
  if (ka == DKind::Float) {
    if (kb != DKind::Float) return a;  // integers never widen a float in torch
    if ((a == DType::Float16 && b == DType::BFloat16) || (a == DType::BFloat16 && b == DType::Float16)) return DType::Float32;
    return bits(a) >= bits(b) ? a : b;
  }
  if (ka == kb) return bits(a) >= bits(b) ? a : b;
  // uint8 with a signed type: int16 for int8, otherwise the signed type.
  DType s = ka == DKind::Int ? a : b;
  return s == DType::Int8 ? DType::Int16 : s;
}

DType numpy_result_type(const std::vector<Operand>& ops) {
  // NEP 50: arrays (0-d included) promote among themselves; Python scalars are weak.
  std::optional<DType> strong;
  for (const auto& op : ops)
    if (op.array) strong = strong ? numpy_promote(*strong, op.array->dtype) : op.array->dtype;
  Scalar::Type weakest = Scalar::Type::Bool;
  bool any_weak = false;
  for (const auto& op : ops) {
    if (op.array) continue;
    any_weak = true;
    weakest = std::max(weakest, op.scalar.type);
  }
  if (!strong) return default_dtype_for(Kind::NDArray, ops[0].scalar);
  if (!any_weak) return *strong;
  DKind k = dtype_kind(*strong);
  switch (weakest) {
    case Scalar::Type::Bool: return *strong;
    case Scalar::Type::Int: return k == DKind::Bool ? DType::Int64 : *strong;
    case Scalar::Type::Float: return (k == DKind::Float || k == DKind::Complex) ? *strong : DType::Float64;
    case Scalar::Type::Complex:
      if (k == DKind::Complex) return *strong;
      if (*strong == DType::Float16 || *strong == DType::Float32) return DType::Complex64;
      return DType::Complex128;
  }
  return *strong;
}

DType torch_result_type(const std::vector<Operand>& ops) {
  // NOTE aten/src/ATen/native/TypeProperties.cpp update_result_type_state / combine_categories
  std::optional<DType> dim_r, zero_r, wrapped_r;
  auto promote = [](std::optional<DType>& acc, DType d) { acc = acc ? torch_promote(*acc, d) : d; };
  for (const auto& op : ops) {
    if (!op.array) {
      DType cur = default_dtype_for(Kind::Tensor, op.scalar);  // Long, Bool, default float / complex
      promote(wrapped_r, cur);
    } else if (op.array->ndim() == 0) {
      promote(zero_r, op.array->dtype);
    } else {
      promote(dim_r, op.array->dtype);
    }
  }
  auto combine = [](std::optional<DType> higher, std::optional<DType> lower) -> std::optional<DType> {
    if (!higher) return lower;
    if (!lower) return higher;
    if (is_complex(*higher)) return higher;
    if (is_complex(*lower)) {
      if (is_floating(*higher)) return *higher == DType::Float64 ? DType::Complex128 : DType::Complex64;
      return lower;
    }
    if (is_floating(*higher)) return higher;
    if (*higher == DType::Bool || is_floating(*lower)) return torch_promote(*higher, *lower);
    return higher;
  };
  auto r = combine(dim_r, combine(zero_r, wrapped_r));
  return r.value_or(DType::Float32);
}

bool numpy_can_cast_same_kind(DType from, DType to) {
  if (from == to) return true;
  auto rank = [](DKind k) {
    switch (k) {
      case DKind::Bool: return 0;
      case DKind::UInt: return 1;
      case DKind::Int: return 2;
      case DKind::Float: return 3;
      case DKind::Complex: return 4;
    }
    return 0;
  };
  DKind f = dtype_kind(from), t = dtype_kind(to);
  // Same kind (any size), or a kind that safely holds it (uint -> int counts as safe-ish in NumPy).
  if (f == t) return true;
  if (f == DKind::UInt && t == DKind::Int) return true;
  if (f == DKind::Int && t == DKind::UInt) return false;
  return rank(f) < rank(t);
}

bool torch_can_cast(DType from, DType to) {
  // NOTE c10/core/ScalarType.cpp canCast: no complex -> real, float -> integral, non-bool -> bool.
  if (is_complex(from) && !is_complex(to)) return false;
  if (is_floating(from) && is_integral(to)) return false;
  if (from != DType::Bool && to == DType::Bool) return false;
  return true;
}

}  // namespace ss
