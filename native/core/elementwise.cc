#include "elementwise.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>
#include <type_traits>

#include "allocation.h"
#include "checked_math.h"
#include "copy_ops.h"
#include "elem_types.h"
#include "errors.h"
#include "flags.h"
#include "fp_status.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "overlap.h"
#include "report.h"
#include "strided_loop.h"
#include "ufunc_scalar.h"

namespace ss {

bool parse_binop(const std::string& name, BinOp* out) {
  static const std::pair<const char*, BinOp> names[] = {
      {"add", BinOp::Add},         {"sub", BinOp::Sub},         {"mul", BinOp::Mul},       {"div", BinOp::Div},
      {"floordiv", BinOp::FloorDiv}, {"mod", BinOp::Mod},       {"pow", BinOp::Pow},       {"and", BinOp::And},
      {"or", BinOp::Or},           {"xor", BinOp::Xor},         {"lshift", BinOp::LShift}, {"rshift", BinOp::RShift},
      {"maximum", BinOp::Maximum}, {"minimum", BinOp::Minimum}, {"eq", BinOp::Eq},         {"ne", BinOp::Ne},
      {"lt", BinOp::Lt},           {"le", BinOp::Le},           {"gt", BinOp::Gt},         {"ge", BinOp::Ge}};
  for (auto& [n, op] : names)
    if (name == n) {
      *out = op;
      return true;
    }
  return false;
}

const char* ufunc_name(BinOp op) {
  switch (op) {
    case BinOp::Add: return "add";
    case BinOp::Sub: return "subtract";
    case BinOp::Mul: return "multiply";
    case BinOp::Div: return "divide";
    case BinOp::FloorDiv: return "floor_divide";
    case BinOp::Mod: return "remainder";
    case BinOp::Pow: return "power";
    case BinOp::And: return "bitwise_and";
    case BinOp::Or: return "bitwise_or";
    case BinOp::Xor: return "bitwise_xor";
    case BinOp::LShift: return "left_shift";
    case BinOp::RShift: return "right_shift";
    case BinOp::Maximum: return "maximum";
    case BinOp::Minimum: return "minimum";
    case BinOp::Eq: return "equal";
    case BinOp::Ne: return "not_equal";
    case BinOp::Lt: return "less";
    case BinOp::Le: return "less_equal";
    case BinOp::Gt: return "greater";
    case BinOp::Ge: return "greater_equal";
  }
  return "?";
}

int elementwise_threads(std::int64_t numel) { return numel >= (std::int64_t{1} << 18) ? cpu::copy_threads() : 1; }

namespace {

bool is_comparison(BinOp op) { return op >= BinOp::Eq; }
bool is_bitwise(BinOp op) { return op >= BinOp::And && op <= BinOp::RShift; }

// PyTorch's kernel names, as its "not implemented for" errors print them.
const char* torch_kernel_name(BinOp op) {
  switch (op) {
    case BinOp::And: return "bitwise_and_cpu";
    case BinOp::Or: return "bitwise_or_cpu";
    case BinOp::Xor: return "bitwise_xor_cpu";
    case BinOp::LShift: return "lshift_cpu";
    case BinOp::RShift: return "rshift_cpu";
    case BinOp::FloorDiv: return "div_floor_cpu";
    case BinOp::Mod: return "remainder_cpu";
    default: return "binary_cpu";
  }
}

// Byte strides of `a` broadcast to `shape` (0 on broadcast axes).
Shape broadcast_strides(const Array& a, const Shape& shape) {
  Shape st(shape.size(), 0);
  const std::size_t off = shape.size() - a.sizes.size();
  for (std::size_t i = 0; i < a.sizes.size(); ++i) st[off + i] = a.sizes[i] == 1 ? 0 : a.byte_strides[i];
  return st;
}

std::string np_shape(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

Shape broadcast_or_raise(bool torch, const Array& a, const Array& b) {
  if (auto s = layout::broadcast_shapes(a.sizes, b.sizes)) return *s;
  if (torch) {
    const std::size_t n = std::max(a.sizes.size(), b.sizes.size());
    for (std::size_t k = 0; k < n; ++k) {
      std::int64_t x = k < a.sizes.size() ? a.sizes[a.sizes.size() - 1 - k] : 1;
      std::int64_t y = k < b.sizes.size() ? b.sizes[b.sizes.size() - 1 - k] : 1;
      if (x != y && x != 1 && y != 1)
        raise(PyExc::RuntimeError, "The size of tensor a (" + std::to_string(x) + ") must match the size of tensor b (" +
                                       std::to_string(y) + ") at non-singleton dimension " + std::to_string(n - 1 - k));
    }
  }
  raise(PyExc::ValueError, "operands could not be broadcast together with shapes " + np_shape(a.sizes) + " " +
                               np_shape(b.sizes) + " ");
}

// The value type arithmetic runs in: float for half-like types, T otherwise.
template <class T>
using compute_t = std::conditional_t<is_half_like<T>::value, float, T>;

// Integer +, -, * wrap around (through unsigned: no signed-overflow UB).
template <class V>
V wrap_add(V x, V y) {
  if constexpr (std::is_integral_v<V> && !std::is_same_v<V, bool>) {
    using U = std::make_unsigned_t<V>;
    return static_cast<V>(static_cast<U>(static_cast<U>(x) + static_cast<U>(y)));
  } else if constexpr (std::is_same_v<V, bool>) {
    return x || y;
  } else {
    return x + y;
  }
}
template <class V>
V wrap_sub(V x, V y) {
  if constexpr (std::is_integral_v<V> && !std::is_same_v<V, bool>) {
    using U = std::make_unsigned_t<V>;
    return static_cast<V>(static_cast<U>(static_cast<U>(x) - static_cast<U>(y)));
  } else if constexpr (std::is_same_v<V, bool>) {
    return x != y;
  } else {
    return x - y;
  }
}
template <class V>
V wrap_mul(V x, V y) {
  if constexpr (std::is_integral_v<V> && !std::is_same_v<V, bool>) {
    using U = std::make_unsigned_t<V>;
    return static_cast<V>(static_cast<U>(static_cast<U>(x) * static_cast<U>(y)));
  } else if constexpr (std::is_same_v<V, bool>) {
    return x && y;
  } else {
    return x * y;
  }
}

// out = f(a, b) elementwise; T the operands' dtype, R the result's element type.
// Aligned runs with unit (or zero) strides take a plain typed loop the compiler vectorises.
template <class T, class R, class F>
void binary_loop(const Array& out, const Array& a, const Shape& as, const Array& b, const Shape& bs, F f) {
  using V = compute_t<T>;
  constexpr std::int64_t ts = sizeof(T), rs = sizeof(R);
  Shape sizes = out.sizes;
  std::array<Shape, 3> st3{out.byte_strides, as, bs};
  memory_order<3>(sizes, st3);
  strided_runs<3>(sizes, {out.data_ptr(), a.data_ptr(), b.data_ptr()}, {&st3[0], &st3[1], &st3[2]},
                  [&](std::array<char*, 3> p, std::int64_t n, const std::array<std::int64_t, 3>& st) {
                    const bool aligned = reinterpret_cast<std::uintptr_t>(p[0]) % alignof(R) == 0 &&
                                         reinterpret_cast<std::uintptr_t>(p[1]) % alignof(T) == 0 &&
                                         reinterpret_cast<std::uintptr_t>(p[2]) % alignof(T) == 0;
                    if (aligned && st[0] == rs && (st[1] == ts || st[1] == 0) && (st[2] == ts || st[2] == 0)) {
                      R* o = reinterpret_cast<R*>(p[0]);
                      const T* x = reinterpret_cast<const T*>(p[1]);
                      const T* y = reinterpret_cast<const T*>(p[2]);
                      if (st[1] == ts && st[2] == ts) {
                        for (std::int64_t i = 0; i < n; ++i) o[i] = cast_to<R>(f(cast_to<V>(x[i]), cast_to<V>(y[i])));
                      } else if (st[1] == ts) {
                        const V yy = cast_to<V>(*y);
                        for (std::int64_t i = 0; i < n; ++i) o[i] = cast_to<R>(f(cast_to<V>(x[i]), yy));
                      } else if (st[2] == ts) {
                        const V xx = cast_to<V>(*x);
                        for (std::int64_t i = 0; i < n; ++i) o[i] = cast_to<R>(f(xx, cast_to<V>(y[i])));
                      } else {
                        const R r = cast_to<R>(f(cast_to<V>(*x), cast_to<V>(*y)));
                        for (std::int64_t i = 0; i < n; ++i) o[i] = r;
                      }
                      return;
                    }
                    for (std::int64_t i = 0; i < n; ++i) {
                      T x, y;
                      std::memcpy(&x, p[1] + i * st[1], sizeof(T));
                      std::memcpy(&y, p[2] + i * st[2], sizeof(T));
                      R r = cast_to<R>(f(cast_to<V>(x), cast_to<V>(y)));
                      std::memcpy(p[0] + i * st[0], &r, sizeof(R));
                    }
                  });
}

// Which loop computes a floating power, as each library's does:
//  - NumPy's float32/float64 loop takes sqrt where an inner run's exponent is one value, 0.5
//    (a scalar, or an exponent broadcast along the innermost axis): there -0 ** 0.5 is -0 and
//    -inf ** 0.5 is nan, where pow gives 0 and inf. An exponent array that merely holds 0.5
//    everywhere takes pow, as NumPy's does; float16 always takes pow.
//  - torch with a Python-number exponent (aten/src/ATen/native/cpu/PowKernel.cpp,
//    pow_tensor_scalar_kernel): 0.5 is sqrt, -0.5 rsqrt, -1 reciprocal for float, double and
//    bfloat16; 2, 3 and -2 are x*x, x*x*x and 1/(x*x) for float and double (two roundings,
//    so not always pow's result). A tensor exponent, even 0-d, takes pow.
enum class PowRule { Numpy, TorchScalar, Pow };

template <class T>
void float_power_loop(PowRule rule, double exponent, const Array& out, const Array& a, const Shape& as, const Array& b, const Shape& bs) {
  using V = compute_t<T>;
  constexpr bool full_torch_set = std::is_same_v<T, float> || std::is_same_v<T, double>;
  // torch's specialisation by the exponent's value (0: none).
  int torch_case = 0;
  if (rule == PowRule::TorchScalar && !std::is_same_v<T, half_t>) {
    if (exponent == 0.5) torch_case = 1;
    else if (exponent == -0.5) torch_case = 2;
    else if (exponent == -1.0) torch_case = 3;
    else if (full_torch_set && exponent == 2.0) torch_case = 4;
    else if (full_torch_set && exponent == 3.0) torch_case = 5;
    else if (full_torch_set && exponent == -2.0) torch_case = 6;
  }
  Shape sizes = out.sizes;
  std::array<Shape, 3> st3{out.byte_strides, as, bs};
  memory_order<3>(sizes, st3);
  strided_runs<3>(sizes, {out.data_ptr(), a.data_ptr(), b.data_ptr()}, {&st3[0], &st3[1], &st3[2]},
                  [&](std::array<char*, 3> p, std::int64_t n, const std::array<std::int64_t, 3>& st) {
                    T y0;
                    std::memcpy(&y0, p[2], sizeof(T));
                    const bool numpy_sqrt = rule == PowRule::Numpy && full_torch_set && st[2] == 0 && cast_to<V>(y0) == V(0.5);
                    for (std::int64_t i = 0; i < n; ++i) {
                      T xt, yt;
                      std::memcpy(&xt, p[1] + i * st[1], sizeof(T));
                      std::memcpy(&yt, p[2] + i * st[2], sizeof(T));
                      const V x = cast_to<V>(xt), y = cast_to<V>(yt);
                      V r;
                      switch (numpy_sqrt ? 1 : torch_case) {
                        case 1: r = std::sqrt(x); break;
                        case 2: r = V(1) / std::sqrt(x); break;
                        case 3: r = V(1) / x; break;
                        case 4: r = x * x; break;
                        case 5: r = x * x * x; break;
                        case 6: r = V(1) / (x * x); break;
                        default: r = std::pow(x, y); break;
                      }
                      const T rt = cast_to<T>(r);
                      std::memcpy(p[0] + i * st[0], &rt, sizeof(T));
                    }
                  });
}

// out = a <op> b where a and b already have dtype T (out: T, or bool for comparisons).
// plan_for has refused the (op, dtype) pairs no library computes, so the branches
// that would not compile for T are never reached.
template <class T>
void run_kernel(BinOp op, const Array& out, const Array& a, const Shape& as, const Array& b, const Shape& bs) {
  using V = compute_t<T>;
  constexpr bool cplx = is_cplx<V>::value;
  constexpr bool integer = std::is_integral_v<V> && !std::is_same_v<V, bool>;
  constexpr bool boolean = std::is_same_v<V, bool>;
  auto arith = [&](auto f) { binary_loop<T, T>(out, a, as, b, bs, f); };
  auto cmp = [&](auto f) { binary_loop<T, bool>(out, a, as, b, bs, f); };
  switch (op) {
    case BinOp::Add: return arith([](V x, V y) { return wrap_add(x, y); });
    case BinOp::Sub: return arith([](V x, V y) { return wrap_sub(x, y); });
    case BinOp::Mul: return arith([](V x, V y) { return wrap_mul(x, y); });
    case BinOp::Div:
      if constexpr (!integer && !boolean) return arith([](V x, V y) { return x / y; });
      break;
    case BinOp::FloorDiv:
      if constexpr (!cplx) return arith([](V x, V y) { return ufunc::floor_divide(x, y); });
      break;
    case BinOp::Mod:
      if constexpr (!cplx) return arith([](V x, V y) { return ufunc::remainder(x, y); });
      break;
    case BinOp::Pow: return arith([](V x, V y) { return ufunc::power(x, y); });
    case BinOp::And:
      if constexpr (integer || boolean) return arith([](V x, V y) { return static_cast<V>(x & y); });
      break;
    case BinOp::Or:
      if constexpr (integer || boolean) return arith([](V x, V y) { return static_cast<V>(x | y); });
      break;
    case BinOp::Xor:
      if constexpr (integer || boolean) return arith([](V x, V y) { return static_cast<V>(x ^ y); });
      break;
    case BinOp::LShift:
      if constexpr (integer) return arith([](V x, V y) { return ufunc::left_shift(x, y); });
      break;
    case BinOp::RShift:
      if constexpr (integer) return arith([](V x, V y) { return ufunc::right_shift(x, y); });
      break;
    case BinOp::Maximum: return arith([](V x, V y) { return ufunc::maximum(x, y); });
    case BinOp::Minimum: return arith([](V x, V y) { return ufunc::minimum(x, y); });
    case BinOp::Eq: return cmp([](V x, V y) { return x == y; });
    case BinOp::Ne: return cmp([](V x, V y) { return x != y; });
    case BinOp::Lt: return cmp([](V x, V y) { return ufunc::less(x, y); });
    case BinOp::Le: return cmp([](V x, V y) { return ufunc::less(x, y) || x == y; });
    case BinOp::Gt: return cmp([](V x, V y) { return ufunc::less(y, x); });
    case BinOp::Ge: return cmp([](V x, V y) { return ufunc::less(y, x) || x == y; });
  }
  raise(PyExc::TypeError, std::string("ufunc '") + ufunc_name(op) + "' has no loop for " + dtype_name(out.dtype));
}

// The operand as an array of dtype `dt` (a cast copy, or a 0-d array for a scalar).
ArrayPtr as_dtype(const Operand& op, DType dt, Kind kind) {
  if (!op.array) {
    auto z = new_array(Kind::Tensor, dt, {});
    if (kind == Kind::NDArray) store_scalar(Kind::NDArray, dt, op.scalar, z->data_ptr());
    else store_scalar_unchecked(dt, op.scalar, z->data_ptr());
    return z;
  }
  // A conj view's values are read conjugated: such operands go through a resolving copy.
  if (op.array->dtype == dt && op.array->byte_order != '>' && op.array->byte_order != '<' && !op.array->conj) {
    return std::shared_ptr<Array>(std::shared_ptr<Array>{}, const_cast<Array*>(op.array));  // non-owning
  }
  return copy_to_new(*op.array, op.array->kind, dt, layout::contiguous_strides(op.array->sizes, itemsize_of(dt)),
                     "operand dtype change");
}

void check_bool_sub(bool torch, BinOp op, const Operand& a, const Operand& b) {
  if (op != BinOp::Sub) return;
  auto is_bool = [](const Operand& o) { return o.array ? o.array->dtype == DType::Bool : o.scalar.type == Scalar::Type::Bool; };
  bool ab = is_bool(a), bb = is_bool(b);
  if (torch) {
    // NOTE aten/src/ATen/native/BinaryOps.cpp sub_check
    if (ab && bb)
      raise(PyExc::RuntimeError, "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
    if (ab || bb)
      raise(PyExc::RuntimeError, "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
  }
}

struct Plan {
  bool torch;
  Kind kind;
  DType compute;  // dtype both operands are cast to
  DType result;
};

[[noreturn]] void raise_no_loop(bool torch, BinOp op, DType dt) {
  if (torch)
    raise(PyExc::RuntimeError, std::string("\"") + torch_kernel_name(op) + "\" not implemented for '" + dtype_info(dt).scalar_type + "'");
  raise(PyExc::TypeError, std::string("ufunc '") + ufunc_name(op) +
                              "' not supported for the input types, and the inputs could not be safely coerced to any "
                              "supported types according to the casting rule ''safe''");
}

Plan plan_for(BinOp op, const Operand& a, const Operand& b) {
  Plan p;
  p.torch = (a.array && a.array->is_tensor()) || (b.array && b.array->is_tensor());
  p.kind = p.torch ? Kind::Tensor : Kind::NDArray;
  check_bool_sub(p.torch, op, a, b);
  DType promoted = p.torch ? torch_result_type({a, b}) : numpy_result_type({a, b});
  p.compute = promoted;
  if (op == BinOp::Div && (is_integral(promoted) || promoted == DType::Bool)) {
    p.compute = p.torch ? DType::Float32 : DType::Float64;  // true division
  }
  if (!p.torch && op == BinOp::Sub && promoted == DType::Bool) {
    raise(PyExc::TypeError, "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  }
  if (is_bitwise(op) && !(is_integral(promoted) || promoted == DType::Bool)) raise_no_loop(p.torch, op, promoted);
  if ((op == BinOp::FloorDiv || op == BinOp::Mod) && is_complex(promoted)) raise_no_loop(p.torch, op, promoted);
  if (p.torch && promoted == DType::Bool && (op == BinOp::FloorDiv || op == BinOp::Mod)) raise_no_loop(true, op, promoted);
  // NumPy has no bool loops for these: bool inputs run the int8 loop ('bb->b').
  if (promoted == DType::Bool && (op == BinOp::FloorDiv || op == BinOp::Mod || op == BinOp::Pow || op == BinOp::LShift ||
                                  op == BinOp::RShift))
    p.compute = p.torch && op != BinOp::LShift && op != BinOp::RShift ? DType::Int64 : DType::Int8;
  if (p.torch && is_comparison(op) && op != BinOp::Eq && op != BinOp::Ne && is_complex(p.compute)) {
    raise(PyExc::RuntimeError, std::string(op == BinOp::Lt ? "lt" : op == BinOp::Le ? "le" : op == BinOp::Gt ? "gt" : "ge") +
                                   "_cpu not implemented for '" + dtype_info(p.compute).scalar_type + "'");
  }
  if (p.torch && (op == BinOp::Maximum || op == BinOp::Minimum) && is_complex(p.compute))
    raise(PyExc::RuntimeError, std::string(op == BinOp::Maximum ? "maximum" : "minimum") + " not implemented for complex tensors.");
  p.result = is_comparison(op) ? DType::Bool : p.compute;
  return p;
}

// Checks the divisor / exponent operand before any element is written: integer powers
// refuse negative exponents (both libraries), torch refuses integer division by zero.
void check_operand_values(BinOp op, const Plan& p, const Array& cb, const Shape& bs, const Shape& shape) {
  const bool int_compute = is_integral(p.compute);
  const bool neg_pow = op == BinOp::Pow && int_compute && dtype_kind(p.compute) == DKind::Int;
  const bool zero_div = p.torch && int_compute && (op == BinOp::FloorDiv || op == BinOp::Mod);
  if (!neg_pow && !zero_div) return;
  bool bad = false;
  SS_DISPATCH(p.compute, T, {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      strided_for_each<1>(shape, {cb.data_ptr()}, {&bs}, [&](const std::array<char*, 1>& q) {
        T v;
        std::memcpy(&v, q[0], sizeof(T));
        if (neg_pow ? v < T(0) : v == T(0)) bad = true;
      });
    }
  });
  if (!bad) return;
  if (zero_div) raise(PyExc::RuntimeError, "ZeroDivisionError");
  raise(p.torch ? PyExc::RuntimeError : PyExc::ValueError, "Integers to negative integer powers are not allowed.");
}

ArrayPtr compute_into_new(BinOp op, const Plan& p, const Operand& a, const Operand& b) {
  static const Array kScalarShape{};  // 0-d shape for scalar operands
  const Array& sa = a.array ? *a.array : kScalarShape;
  const Array& sb = b.array ? *b.array : kScalarShape;
  Shape shape = broadcast_or_raise(p.torch, sa, sb);
  std::vector<const Array*> inputs;
  if (a.array) inputs.push_back(a.array);
  if (b.array) inputs.push_back(b.array);
  // The result lives on the operands' device (checked equal for tensors).
  const Array* home = a.array && a.array->is_tensor() ? a.array : b.array && b.array->is_tensor() ? b.array : inputs[0];
  const Shape out_strides = p.torch ? result_strides(p.kind, shape, inputs, itemsize_of(p.result))
                                    : ufunc_result_strides(shape, inputs, p.compute, itemsize_of(p.result));
  auto out = new_array_on(*home->storage, p.kind, p.result, shape, out_strides);
  auto ca = as_dtype(a, p.compute, p.kind), cb = as_dtype(b, p.compute, p.kind);
  Shape as = broadcast_strides(*ca, shape), bs = broadcast_strides(*cb, shape);
  check_operand_values(op, p, *cb, bs, shape);
  fp_take_noted();
  if (op == BinOp::Pow && is_floating(p.compute)) {
    const PowRule rule = !p.torch ? PowRule::Numpy : b.array ? PowRule::Pow : PowRule::TorchScalar;
    SS_DISPATCH(p.compute, T, {
      if constexpr (std::is_floating_point_v<compute_t<T>>) float_power_loop<T>(rule, b.scalar.to_double(), *out, *ca, as, *cb, bs);
    });
  } else {
    SS_DISPATCH(p.compute, T, run_kernel<T>(op, *out, *ca, as, *cb, bs));
  }
  // NumPy checks the FPU after the loop (torch never warns); its comparison and maximum/minimum
  // loops compare NaN quietly, where ours may raise 'invalid' doing so: those report nothing.
  const int fp = fp_take_noted();
  const bool quiet = op == BinOp::Maximum || op == BinOp::Minimum || op == BinOp::Eq || op == BinOp::Ne ||
                     op == BinOp::Lt || op == BinOp::Le || op == BinOp::Gt || op == BinOp::Ge;
  if (!p.torch && !quiet) report_fp_errors(ufunc_name(op), fp);
  report_copy("elementwise", static_cast<std::size_t>(out->nbytes()),
              std::string(ufunc_name(op)) + " result: a new " + (p.torch ? "tensor" : "array") +
                  " laid out like its inputs (" + (p.torch ? "TensorIterator" : "order='K'") + ")",
              elementwise_threads(out->numel()));
  // Autograd: a differentiable result of an input that requires grad records history.
  bool grad = (a.array && a.array->requires_grad) || (b.array && b.array->requires_grad);
  out->requires_grad = records_history(grad, p.result);
  return out;
}

bool torch_copy_needed(const Array& dst, const Array& src);

// torch's t[i] = value expands value (its leading size-1 dims dropped first) to the
// destination's shape: c10 infer_expand_geometry's errors, checked from the last dim.
void check_setitem_expand(const Array& dst, const Array& src) {
  Shape from = src.sizes;
  while (!from.empty() && from.front() == 1) from.erase(from.begin());
  const int n = dst.ndim(), m = static_cast<int>(from.size());
  if (m > n)
    raise(PyExc::RuntimeError, std::string("expand(torch.") + dtype_info(src.dtype).scalar_type + "Tensor{" +
                                   layout::torch_list(from) + "}, size=" + layout::torch_list(dst.sizes) +
                                   "): the number of sizes provided (" + std::to_string(n) +
                                   ") must be greater or equal to the number of dimensions in the tensor (" +
                                   std::to_string(m) + ")");
  for (int i = n - 1; i >= 0; --i) {
    const int d = i - (n - m);
    const std::int64_t size = d >= 0 ? from[d] : 1;
    if (size != dst.sizes[i] && size != 1)
      raise(PyExc::RuntimeError, "The expanded size of the tensor (" + std::to_string(dst.sizes[i]) +
                                     ") must match the existing size (" + std::to_string(size) +
                                     ") at non-singleton dimension " + std::to_string(i) + ".  Target sizes: " +
                                     layout::torch_list(dst.sizes) + ".  Tensor sizes: " + layout::torch_list(from));
  }
}

// An in-place write of a value that requires grad makes the written tensor record
// history (requires_grad=True, no longer a leaf), as autograd's rebase_history does.
void record_inplace_grad(Array& dst, const Array* src) {
  if (src && dst.is_tensor() && records_history(src->requires_grad, dst.dtype)) dst.requires_grad = true;
}

}  // namespace

std::vector<int> numpy_iter_order(const Shape& shape, const std::vector<Shape>& strides) {
  // numpy/_core/src/multiarray/nditer_constr.c npyiter_find_best_axis_ordering: a stable
  // insertion sort of the axes (fastest first, starting from reversed C order) by |stride|.
  // A pair of axes is compared only on operands whose strides are both non-zero; a pair no
  // operand can compare is passed over (the search goes on further out), and an operand
  // that says "keep" wins over one that says "swap" (C order on conflict).
  const int n = static_cast<int>(shape.size());
  std::vector<int> perm(n);
  for (int i = 0; i < n; ++i) perm[i] = n - 1 - i;
  for (int i0 = 1; i0 < n; ++i0) {
    const int ax0 = perm[i0];
    int ipos = i0;
    for (int i1 = i0 - 1; i1 >= 0; --i1) {
      const int ax1 = perm[i1];
      bool ambiguous = true, swap = false;
      for (auto& s : strides) {
        if (s[ax0] == 0 || s[ax1] == 0) continue;
        if (std::llabs(s[ax1]) <= std::llabs(s[ax0])) swap = false;
        else if (ambiguous) swap = true;
        ambiguous = false;
      }
      if (ambiguous) continue;
      if (!swap) break;
      ipos = i1;
    }
    for (int k = i0; k > ipos; --k) perm[k] = perm[k - 1];
    perm[ipos] = ax0;
  }
  return perm;
}

Shape result_strides(Kind kind, const Shape& shape, const std::vector<const Array*>& inputs, std::size_t itemsize) {
  const int n = static_cast<int>(shape.size());
  std::vector<Shape> st;
  for (auto* a : inputs) {
    Shape s = broadcast_strides(*a, shape);
    for (int d = 0; d < n; ++d)
      if (shape[d] == 1) s[d] = 0;  // size-1 axes say nothing about order
    st.push_back(s);
  }
  if (kind == Kind::NDArray) {
    // nditer npyiter_new_temp_array: dense in the iterator's order (a size-1 axis takes the
    // stride where it sits in that order); an empty result is allocated with all strides 0.
    const std::vector<int> perm = numpy_iter_order(shape, st);
    const bool empty = std::any_of(shape.begin(), shape.end(), [](std::int64_t s) { return s == 0; });
    Shape out(n, 0);
    std::int64_t acc = static_cast<std::int64_t>(itemsize);
    for (int k = 0; k < n && !empty; ++k) {
      out[perm[k]] = acc;
      acc = wrapping_mul(acc, shape[perm[k]]);
    }
    return out;
  }
  std::vector<int> perm(n);  // innermost first
  for (int i = 0; i < n; ++i) perm[i] = n - 1 - i;
  for (int i = 1; i < n; ++i) {
    int pos = i;
    for (int j = i - 1; j >= 0; --j) {
      int outer = perm[pos], inner = perm[j];
      // TensorIterator reorder_dimensions: the first operand with a strict order decides;
      // >0: the inner axis has the larger stride and should move outward.
      int verdict = 0;
      for (auto& s : st) {
        std::int64_t so = s[outer], si = s[inner];
        if (so == 0 || si == 0) continue;
        if (si < so) { verdict = -1; break; }
        if (si > so) { verdict = 1; break; }
        if (shape[inner] > shape[outer]) { verdict = 1; break; }
      }
      if (verdict > 0) {
        std::swap(perm[pos], perm[j]);
        pos = j;
      } else if (verdict < 0) {
        break;
      }
    }
  }
  Shape out(n);
  std::int64_t acc = static_cast<std::int64_t>(itemsize);
  for (int k = 0; k < n; ++k) {
    out[perm[k]] = acc;
    acc *= std::max<std::int64_t>(shape[perm[k]], 1);
  }
  return out;
}

Shape ufunc_result_strides(const Shape& shape, const std::vector<const Array*>& inputs, DType loop, std::size_t itemsize) {
  // numpy/_core/src/umath/ufunc_object.c check_for_trivial_loop + try_trivial_single_output_loop:
  // when every input of 1 or more dims already has the loop's dtype (a 0-d or short 1-d input
  // of another dtype is cast to a copy first), is aligned, has the full shape, and the N-d
  // ones are all C- or all F-contiguous (the same flags exactly), the result is a fresh
  // array: F order only when that common order is F and not also C. Otherwise the iterator.
  constexpr std::int64_t kBufferSize = 8192;  // NPY_BUFSIZE
  int order = 0;                              // 1 C, 2 F, 3 both
  bool trivial = true;
  for (auto* a : inputs) {
    if (a->ndim() == 0) continue;
    const bool castable_copy = a->ndim() == 1 && a->sizes[0] <= kBufferSize;
    const bool native = a->byte_order != '>' && a->byte_order != '<';
    if ((a->dtype != loop || !native || !aligned(*a)) && !castable_copy) trivial = false;
    if (a->sizes != shape) trivial = false;
    if (!trivial) break;
    if (a->ndim() == 1) continue;
    const int flags = (c_contiguous(*a) ? 1 : 0) | (f_contiguous(*a) ? 2 : 0);
    if (flags == 0 || (order != 0 && order != flags)) {
      trivial = false;
      break;
    }
    order = flags;
  }
  if (trivial) return layout::numpy_new_strides(shape, static_cast<std::int64_t>(itemsize), order == 2);
  return result_strides(Kind::NDArray, shape, inputs, itemsize);
}

ArrayPtr binary(BinOp op, const Operand& a, const Operand& b) {
  if (!a.array && !b.array) raise(PyExc::TypeError, "binary(): at least one operand must be an array or tensor");
  if (a.array && b.array) check_same_device(*a.array, *b.array);
  if (a.array) check_host_accessible(*a.array, "arithmetic");
  if (b.array) check_host_accessible(*b.array, "arithmetic");
  Plan p = plan_for(op, a, b);
  return compute_into_new(op, p, a, b);
}

void check_writeable(const Array& dst, bool ufunc_output) {
  if (!dst.is_tensor() && !dst.writeable)
    raise(PyExc::ValueError, ufunc_output ? "output array is read-only" : "assignment destination is read-only");
  if (dst.is_tensor() && dst.requires_grad && grad_enabled()) {
    // NOTE torch/csrc/autograd/VariableTypeUtils.h check_inplace
    if (dst.grad_leaf) raise(PyExc::RuntimeError, "a leaf Variable that requires grad is being used in an in-place operation.");
    if (dst.base && dst.base->grad_leaf)
      raise(PyExc::RuntimeError, "a view of a leaf Variable that requires grad is being used in an in-place operation.");
  }
}

void set_requires_grad(Array& t, bool flag) {
  if (!t.is_tensor()) raise(PyExc::AttributeError, "'numpy.ndarray' object has no attribute 'requires_grad_'");
  if (flag && !(is_floating(t.dtype) || is_complex(t.dtype)))
    raise(PyExc::RuntimeError, "only Tensors of floating point and complex dtype can require gradients");
  if (!flag && t.requires_grad && !t.grad_leaf)
    raise(PyExc::RuntimeError,
          "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a "
          "subgraph that doesn't require differentiation use var_no_grad = var.detach().");
  t.requires_grad = flag;
  t.grad_leaf = flag;
}

ArrayPtr detach(const ArrayPtr& t) {
  auto d = derive_view(t, t->sizes, t->byte_strides, t->byte_offset);
  d->requires_grad = false;
  d->base = nullptr;
  return d;
}

void inplace(BinOp op, const ArrayPtr& dst, const Operand& other) {
  check_writeable(*dst, true);
  Operand self{dst.get(), {}};
  Plan p = plan_for(op, self, other);
  if (is_comparison(op)) raise(PyExc::TypeError, "in-place comparison is not an operation of either library");
  // TensorIterator checks overlap before shapes, devices and dtypes.
  check_write_overlap(*dst, {dst.get(), other.array});
  if (other.array) check_same_device(*dst, *other.array);
  check_host_accessible(*dst, "in-place arithmetic");
  if (p.torch ? !torch_can_cast(p.result, dst->dtype) : !numpy_can_cast_same_kind(p.result, dst->dtype)) {
    if (p.torch)
      raise(PyExc::RuntimeError, std::string("result type ") + dtype_info(p.result).scalar_type +
                                     " can't be cast to the desired output type " + dtype_info(dst->dtype).scalar_type);
    raise(PyExc::UFuncOutputCastingError, std::string("Cannot cast ufunc '") + ufunc_name(op) + "' output from dtype('" +
                                dtype_name(p.result) + "') to dtype('" + dtype_name(dst->dtype) + "') with casting rule 'same_kind'");
  }
  if (other.array) {
    auto shape = broadcast_or_raise(p.torch, *dst, *other.array);
    if (shape != dst->sizes) {
      if (p.torch)
        raise(PyExc::RuntimeError, "output with shape " + layout::torch_list(dst->sizes) +
                                       " doesn't match the broadcast shape " + layout::torch_list(shape));
      raise(PyExc::ValueError, "non-broadcastable output operand with shape " + np_shape(dst->sizes) +
                                   " doesn't match the broadcast shape " + np_shape(shape));
    }
  }
  auto tmp = compute_into_new(op, p, self, other);
  copy_into(*dst, *tmp, "in-place result");
  record_inplace_grad(*dst, other.array);
  // The temporary (which makes aliasing operands safe) is an implementation detail:
  // what the operation does to the user's memory is write dst's bytes once.
  OpReport& r = current_report();
  r.bytes = static_cast<std::size_t>(dst->numel()) * dst->itemsize();
  r.reason = "in-place write";
}

void fill(const ArrayPtr& dst, const Scalar& value) {
  check_writeable(*dst);
  check_host_accessible(*dst, "fill");
  if (dst->numel() == 0) return;
  unsigned char elem[16];
  store_scalar(dst->kind, dst->dtype, value, elem);
  const std::size_t item = dst->itemsize();
  if (dst->conj && is_complex(dst->dtype)) {
    // Writes through a conj view store the conjugate (ConjugateFallback: conj_physical_, fill_, conj_physical_).
    if (item == 8) {
      float f;
      std::memcpy(&f, elem + 4, 4);
      f = -f;
      std::memcpy(elem + 4, &f, 4);
    } else {
      double d;
      std::memcpy(&d, elem + 8, 8);
      d = -d;
      std::memcpy(elem + 8, &d, 8);
    }
  }
  if (dst->byte_order == '>' || dst->byte_order == '<') {
    const std::size_t part = is_complex(dst->dtype) ? item / 2 : item;  // each component swaps alone
    for (std::size_t off = 0; off < item; off += part) std::reverse(elem + off, elem + off + part);
  }
  strided_for_each<1>(dst->sizes, {dst->data_ptr()}, {&dst->byte_strides},
                      [&](const std::array<char*, 1>& p) { std::memcpy(p[0], elem, item); });
  report_copy("fill", static_cast<std::size_t>(dst->nbytes()), "fill");
}

void assign(const ArrayPtr& dst, const Operand& value) {
  check_writeable(*dst);
  if (!value.array) {
    fill(dst, value.scalar);
    return;
  }
  const bool torch = dst->is_tensor();
  const Array& src = *value.array;
  // The value must broadcast to the destination's shape.
  bool ok = src.ndim() <= dst->ndim() || [&] {
    for (int i = 0; i < src.ndim() - dst->ndim(); ++i)
      if (src.sizes[i] != 1) return false;
    return true;
  }();
  Shape s;
  if (ok) {
    auto bs = layout::broadcast_shapes(dst->sizes, src.sizes);
    ok = bs && (bs->size() < dst->sizes.size() || Shape(bs->end() - dst->sizes.size(), bs->end()) == dst->sizes);
  }
  if (torch) check_setitem_expand(*dst, src);
  if (!ok) {
    raise(PyExc::ValueError, "could not broadcast input array from shape " + np_shape(src.sizes) + " into shape " +
                                 np_shape(dst->sizes));
  }
  // A view of src with dst's shape (leading size-1 axes dropped, stride 0 where broadcast).
  Array view = src;
  Shape st(dst->sizes.size(), 0);
  const int lead = src.ndim() - dst->ndim();
  for (int i = 0; i < dst->ndim(); ++i) {
    int si = i + lead;
    if (si >= 0 && si < src.ndim() && src.sizes[si] != 1) st[i] = src.byte_strides[si];
  }
  view.sizes = dst->sizes;
  view.byte_strides = st;
  if (torch) {
    // torch/csrc/autograd/python_variable_indexing.cpp copy_to: copy_ of the value
    // (expanded when its shape differs), except that a 0-d cpu value is fill_ed.
    const bool fills = src.ndim() == 0 && src.storage->device.is_cpu() && dst->ndim() != 0;
    if (!fills && !torch_copy_needed(*dst, src.sizes == dst->sizes ? src : view)) return;
  }
  copy_into(*dst, view, "assignment");
  record_inplace_grad(*dst, &src);
}

namespace {
bool torch_copy_needed(const Array& dst, const Array& src) {
  // NOTE aten/src/ATen/native/Copy.cpp copy_impl (PyTorch 2.x; 1.13 lacks the second
  // exit): the same tensor, or a view of the same elements in the same order, dtype and
  // conj/neg bits, is left alone; any other copy goes through TensorIterator, whose
  // overlap checks come before its broadcast shape.
  if (&dst == &src) return false;
  const bool same_data = dst.storage == src.storage && dst.byte_offset == src.byte_offset &&
                         dst.byte_strides == src.byte_strides && dst.sizes == src.sizes && dst.dtype == src.dtype &&
                         dst.conj == src.conj && dst.neg == src.neg;
  if (same_data) return false;
  check_write_overlap(dst, {&src});
  return true;
}
}  // namespace

void tensor_copy_(const ArrayPtr& dst, const ArrayPtr& src) {
  check_writeable(*dst);
  if (!torch_copy_needed(*dst, *src)) return;
  Array view = *src;
  if (src->sizes != dst->sizes) {
    // The source broadcasts to the destination's shape (TensorIterator, resize_outputs=false).
    Shape shape = broadcast_or_raise(true, *dst, *src);
    if (shape != dst->sizes)
      raise(PyExc::RuntimeError, "output with shape " + layout::torch_list(dst->sizes) +
                                     " doesn't match the broadcast shape " + layout::torch_list(shape));
    view.sizes = dst->sizes;
    view.byte_strides = broadcast_strides(*src, dst->sizes);
  }
  copy_into(*dst, view, "copy_");
  record_inplace_grad(*dst, src.get());
}

}  // namespace ss
