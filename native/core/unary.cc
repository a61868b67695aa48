#include "unary.h"

#include <cmath>
#include <cstring>
#include <type_traits>

#include "allocation.h"
#include "copy_ops.h"
#include "elem_types.h"
#include "elementwise.h"
#include "errors.h"
#include "fp_status.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "report.h"
#include "strided_loop.h"

namespace ss {

namespace {

struct UnInfo {
  UnOp op;
  const char* name;   // the runner's name
  const char* numpy;  // NumPy's ufunc name (messages)
};

const UnInfo kOps[] = {
    {UnOp::Neg, "neg", "negative"},       {UnOp::Pos, "pos", "positive"},        {UnOp::Abs, "abs", "absolute"},
    {UnOp::Invert, "invert", "invert"},   {UnOp::LogicalNot, "logical_not", "logical_not"},
    {UnOp::Sign, "sign", "sign"},         {UnOp::Square, "square", "square"},   {UnOp::Sqrt, "sqrt", "sqrt"},
    {UnOp::Exp, "exp", "exp"},            {UnOp::Exp2, "exp2", "exp2"},         {UnOp::Expm1, "expm1", "expm1"},
    {UnOp::Log, "log", "log"},            {UnOp::Log2, "log2", "log2"},         {UnOp::Log10, "log10", "log10"},
    {UnOp::Log1p, "log1p", "log1p"},      {UnOp::Sin, "sin", "sin"},            {UnOp::Cos, "cos", "cos"},
    {UnOp::Tan, "tan", "tan"},            {UnOp::Arcsin, "arcsin", "arcsin"},   {UnOp::Arccos, "arccos", "arccos"},
    {UnOp::Arctan, "arctan", "arctan"},   {UnOp::Sinh, "sinh", "sinh"},         {UnOp::Cosh, "cosh", "cosh"},
    {UnOp::Tanh, "tanh", "tanh"},         {UnOp::Sigmoid, "sigmoid", "sigmoid"}, {UnOp::Floor, "floor", "floor"},
    {UnOp::Ceil, "ceil", "ceil"},         {UnOp::Trunc, "trunc", "trunc"},      {UnOp::Rint, "rint", "rint"},
    {UnOp::IsNan, "isnan", "isnan"},      {UnOp::IsInf, "isinf", "isinf"},      {UnOp::IsFinite, "isfinite", "isfinite"},
    {UnOp::Abs2, "abs2", "multiply"},     {UnOp::Reciprocal, "reciprocal", "reciprocal"},
};

const UnInfo& info_of(UnOp op) {
  for (auto& i : kOps)
    if (i.op == op) return i;
  return kOps[0];
}

bool is_float_function(UnOp op) { return op >= UnOp::Sqrt && op <= UnOp::Sigmoid; }
bool is_predicate(UnOp op) { return op >= UnOp::IsNan && op <= UnOp::IsFinite; }

template <class T>
using compute_t = std::conditional_t<is_half_like<T>::value, float, T>;

// NumPy: the smallest float that holds every value of an integer dtype.
DType numpy_float_for(DType d) {
  switch (d) {
    case DType::Bool: case DType::Int8: case DType::UInt8: return DType::Float16;
    case DType::Int16: case DType::UInt16: return DType::Float32;
    default: return DType::Float64;
  }
}

DType real_of(DType d) { return d == DType::Complex64 ? DType::Float32 : DType::Float64; }

[[noreturn]] void no_loop(bool torch, UnOp op, DType dt, const char* torch_kernel) {
  if (torch)
    raise(PyExc::RuntimeError, std::string("\"") + torch_kernel + "\" not implemented for '" + dtype_info(dt).scalar_type + "'");
  raise(PyExc::TypeError, std::string("ufunc '") + info_of(op).numpy +
                              "' not supported for the input types, and the inputs could not be safely coerced to any "
                              "supported types according to the casting rule ''safe''");
}

struct UnPlan {
  DType compute;  // the input is cast to this first
  DType result;
};

UnPlan plan_for(UnOp op, const Array& a) {
  const bool torch = a.is_tensor();
  const DType d = a.dtype;
  const bool exact = is_integral(d) || d == DType::Bool;
  if (is_float_function(op)) {
    if (op == UnOp::Sigmoid && !torch) raise(PyExc::AttributeError, "module 'numpy' has no attribute 'sigmoid'");
    DType f = exact ? (torch ? DType::Float32 : numpy_float_for(d)) : d;
    return {f, f};
  }
  if (is_predicate(op)) return {d, DType::Bool};
  switch (op) {
    case UnOp::Neg:
      if (d == DType::Bool) {
        if (torch)
          raise(PyExc::RuntimeError, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        raise(PyExc::TypeError, "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
      }
      return {d, d};
    case UnOp::Pos: return {d, d};
    case UnOp::Abs: return {d, is_complex(d) ? real_of(d) : d};
    case UnOp::Abs2: return {d, is_complex(d) ? real_of(d) : d};
    case UnOp::Invert:
      if (!exact && torch) raise(PyExc::TypeError, "~ (operator.invert) is only implemented on integer and Boolean-type tensors");
      if (!exact) no_loop(torch, op, d, "bitwise_not_cpu");
      return {d, d};
    case UnOp::LogicalNot: return {d, DType::Bool};
    case UnOp::Sign:
      if (d == DType::Bool && !torch)
        raise(PyExc::UFuncTypeError, "ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None");
      return {d, d};
    case UnOp::Square:
      if (d == DType::Bool) return {torch ? DType::Int64 : DType::Int8, torch ? DType::Int64 : DType::Int8};
      return {d, d};
    case UnOp::Reciprocal:
      // torch's reciprocal is a floating op (integers and bools give the default float32);
      // NumPy's has integer loops, and a bool array takes the int8 one.
      if (torch) return exact ? UnPlan{DType::Float32, DType::Float32} : UnPlan{d, d};
      return d == DType::Bool ? UnPlan{DType::Int8, DType::Int8} : UnPlan{d, d};
    default: break;
  }
  // Rounding: integers (and bools) are already whole; NumPy's rint still goes through float.
  if (is_complex(d)) no_loop(torch, op, d, op == UnOp::Floor ? "floor_cpu" : op == UnOp::Ceil ? "ceil_cpu" : op == UnOp::Trunc ? "trunc_cpu" : "round_cpu");
  if (op == UnOp::Rint && exact && !torch) return {numpy_float_for(d), numpy_float_for(d)};
  return {d, d};
}

template <class V>
V sign_of(V x) {
  if constexpr (is_cplx<V>::value) {
    // NumPy 2: z / |z| (0 for 0).
    auto m = std::abs(x);
    return m == 0 ? V(0) : x / m;
  } else if constexpr (std::is_same_v<V, bool>) {
    return x;
  } else if constexpr (std::is_unsigned_v<V>) {
    return x > 0 ? V(1) : V(0);
  } else if constexpr (std::is_floating_point_v<V>) {
    if (std::isnan(x)) return x;
    return x > 0 ? V(1) : x < 0 ? V(-1) : V(0);
  } else {
    return x > 0 ? V(1) : x < 0 ? V(-1) : V(0);
  }
}

// out = f(in) elementwise (I the input element type, R the result's).
template <class I, class R, class F>
void unary_loop(const Array& out, const Array& in, F f) {
  using V = compute_t<I>;
  constexpr std::int64_t is = sizeof(I), rs = sizeof(R);
  Shape sizes = out.sizes;
  std::array<Shape, 2> st2{out.byte_strides, in.byte_strides};
  memory_order<2>(sizes, st2);
  strided_runs<2>(sizes, {out.data_ptr(), in.data_ptr()}, {&st2[0], &st2[1]},
                  [&](std::array<char*, 2> p, std::int64_t n, const std::array<std::int64_t, 2>& st) {
                    if (st[0] == rs && st[1] == is && reinterpret_cast<std::uintptr_t>(p[0]) % alignof(R) == 0 &&
                        reinterpret_cast<std::uintptr_t>(p[1]) % alignof(I) == 0) {
                      R* o = reinterpret_cast<R*>(p[0]);
                      const I* x = reinterpret_cast<const I*>(p[1]);
                      for (std::int64_t i = 0; i < n; ++i) o[i] = cast_to<R>(f(cast_to<V>(x[i])));
                      return;
                    }
                    for (std::int64_t i = 0; i < n; ++i) {
                      I x;
                      std::memcpy(&x, p[1] + i * st[1], sizeof(I));
                      R r = cast_to<R>(f(cast_to<V>(x)));
                      std::memcpy(p[0] + i * st[0], &r, sizeof(R));
                    }
                  });
}

template <class T>
void run_unary(UnOp op, const Array& out, const Array& in) {
  using V = compute_t<T>;
  constexpr bool cplx = is_cplx<V>::value;
  constexpr bool flt = std::is_floating_point_v<V>;
  constexpr bool boolean = std::is_same_v<V, bool>;
  constexpr bool integer = std::is_integral_v<V> && !boolean;
  auto same = [&](auto f) { unary_loop<T, T>(out, in, f); };
  auto pred = [&](auto f) { unary_loop<T, bool>(out, in, f); };
  switch (op) {
    case UnOp::Neg:
      if constexpr (integer) {
        using U = std::make_unsigned_t<V>;
        return same([](V x) { return static_cast<V>(static_cast<U>(0) - static_cast<U>(x)); });
      } else if constexpr (!boolean) {
        return same([](V x) { return -x; });
      }
      break;
    case UnOp::Pos: return same([](V x) { return x; });
    case UnOp::Abs:
      if constexpr (cplx) {
        using Rt = typename V::value_type;
        return unary_loop<T, Rt>(out, in, [](V x) { return std::abs(x); });
      } else if constexpr (integer && std::is_signed_v<V>) {
        using U = std::make_unsigned_t<V>;
        return same([](V x) { return x < 0 ? static_cast<V>(static_cast<U>(0) - static_cast<U>(x)) : x; });
      } else if constexpr (flt) {
        return same([](V x) { return std::fabs(x); });
      } else {
        return same([](V x) { return x; });
      }
    case UnOp::Invert:
      if constexpr (boolean) return same([](V x) { return !x; });
      else if constexpr (integer) return same([](V x) { return static_cast<V>(~x); });
      break;
    case UnOp::LogicalNot:
      if constexpr (cplx) return pred([](V x) { return x == V(0); });
      else return pred([](V x) { return !x; });
    case UnOp::Sign: return same([](V x) { return sign_of(x); });
    case UnOp::Square:
      if constexpr (integer) {
        using U = std::make_unsigned_t<V>;
        return same([](V x) { return static_cast<V>(static_cast<U>(static_cast<U>(x) * static_cast<U>(x))); });
      } else if constexpr (!boolean) {
        return same([](V x) { return x * x; });
      }
      break;
#define SS_FLOAT_FN(OP, EXPR)                             \
  case UnOp::OP:                                          \
    if constexpr (flt || cplx) return same([](V x) { return EXPR; }); \
    break;
      SS_FLOAT_FN(Sqrt, std::sqrt(x))
      SS_FLOAT_FN(Exp, std::exp(x))
      SS_FLOAT_FN(Log, std::log(x))
      SS_FLOAT_FN(Log10, std::log10(x))
      SS_FLOAT_FN(Sin, std::sin(x))
      SS_FLOAT_FN(Cos, std::cos(x))
      SS_FLOAT_FN(Tan, std::tan(x))
      SS_FLOAT_FN(Arcsin, std::asin(x))
      SS_FLOAT_FN(Arccos, std::acos(x))
      SS_FLOAT_FN(Arctan, std::atan(x))
      SS_FLOAT_FN(Sinh, std::sinh(x))
      SS_FLOAT_FN(Cosh, std::cosh(x))
      SS_FLOAT_FN(Tanh, std::tanh(x))
      SS_FLOAT_FN(Sigmoid, V(1) / (V(1) + std::exp(-x)))
#undef SS_FLOAT_FN
#define SS_REAL_FN(OP, EXPR)                        \
  case UnOp::OP:                                    \
    if constexpr (flt) return same([](V x) { return EXPR; }); \
    break;
      SS_REAL_FN(Exp2, std::exp2(x))
      SS_REAL_FN(Expm1, std::expm1(x))
      SS_REAL_FN(Log2, std::log2(x))
      SS_REAL_FN(Log1p, std::log1p(x))
#undef SS_REAL_FN
    case UnOp::Floor:
      if constexpr (flt) return same([](V x) { return std::floor(x); });
      else if constexpr (!cplx) return same([](V x) { return x; });
      break;
    case UnOp::Ceil:
      if constexpr (flt) return same([](V x) { return std::ceil(x); });
      else if constexpr (!cplx) return same([](V x) { return x; });
      break;
    case UnOp::Trunc:
      if constexpr (flt) return same([](V x) { return std::trunc(x); });
      else if constexpr (!cplx) return same([](V x) { return x; });
      break;
    case UnOp::Rint:
      if constexpr (flt) return same([](V x) { return std::nearbyint(x); });  // half to even
      else if constexpr (!cplx) return same([](V x) { return x; });
      break;
    case UnOp::Reciprocal:
      if constexpr (cplx) {
        // NumPy's complex loop (Smith's division of 1 by z): 0j gives nan+nanj and 'invalid'.
        using Rt = typename V::value_type;
        return same([](V z) {
          const Rt re = z.real(), im = z.imag();
          if (std::fabs(im) <= std::fabs(re)) {
            const Rt r = im / re, d = re + im * r;
            return V(Rt(1) / d, -r / d);
          }
          const Rt r = re / im, d = re * r + im;
          return V(r / d, Rt(-1) / d);
        });
      } else if constexpr (flt) {
        return same([](V x) { return V(1) / x; });
      } else if constexpr (integer) {
        // NumPy computes 1.0 / x in double and converts back as the CPU does: 1/0 is inf
        // ('divide by zero'), and inf converted is the type's indefinite value ('invalid').
        return same([](V x) {
          bool invalid = false;
          const V r = float_to_int<V>(1.0 / static_cast<double>(x), invalid);
          if (invalid) fp_raise(kFpInvalid);
          return r;
        });
      }
      break;
    case UnOp::Abs2:
      if constexpr (cplx) {
        using Rt = typename V::value_type;
        return unary_loop<T, Rt>(out, in, [](V x) { return x.real() * x.real() + x.imag() * x.imag(); });
      } else if constexpr (!boolean) {
        return same([](V x) { return x * x; });
      }
      break;
    case UnOp::IsNan:
      if constexpr (cplx) return pred([](V x) { return std::isnan(x.real()) || std::isnan(x.imag()); });
      else if constexpr (flt) return pred([](V x) { return std::isnan(x); });
      else return pred([](V) { return false; });
    case UnOp::IsInf:
      if constexpr (cplx) return pred([](V x) { return std::isinf(x.real()) || std::isinf(x.imag()); });
      else if constexpr (flt) return pred([](V x) { return std::isinf(x); });
      else return pred([](V) { return false; });
    case UnOp::IsFinite:
      if constexpr (cplx) return pred([](V x) { return std::isfinite(x.real()) && std::isfinite(x.imag()); });
      else if constexpr (flt) return pred([](V x) { return std::isfinite(x); });
      else return pred([](V) { return true; });
  }
  raise(PyExc::TypeError, std::string("ufunc '") + info_of(op).numpy + "' has no loop for " + dtype_name(in.dtype));
}

}  // namespace

bool parse_unop(const std::string& name, UnOp* out) {
  for (auto& i : kOps)
    if (name == i.name) {
      *out = i.op;
      return true;
    }
  return false;
}

ArrayPtr unary(UnOp op, const ArrayPtr& a_in) {
  check_host_accessible(*a_in, info_of(op).numpy);
  const ArrayPtr a = a_in->conj ? resolve_conj(a_in) : a_in;
  UnPlan p = plan_for(op, *a);
  ArrayPtr in = a;
  if (p.compute != a->dtype || a->byte_order == '>' || a->byte_order == '<')
    in = copy_to_new(*a, a->kind, p.compute, result_strides(a->kind, a->sizes, {a.get()}, itemsize_of(p.compute)),
                     std::string(info_of(op).numpy) + " input cast");
  const Shape out_strides = a->is_tensor() ? result_strides(a->kind, a->sizes, {a.get()}, itemsize_of(p.result))
                                           : ufunc_result_strides(a->sizes, {a.get()}, p.compute, itemsize_of(p.result));
  auto out = new_array_on(*a->storage, a->kind, p.result, a->sizes, out_strides);
  fp_take_noted();
  SS_DISPATCH(p.compute, T, run_unary<T>(op, *out, *in));
  // np.sign compares NaN quietly (no warning); ours may raise 'invalid' doing so.
  const int fp = fp_take_noted();
  if (!a->is_tensor() && op != UnOp::Sign) report_fp_errors(info_of(op).numpy, fp);
  report_copy("elementwise", static_cast<std::size_t>(out->nbytes()),
              std::string(info_of(op).numpy) + " result: a new " + (a->is_tensor() ? "tensor" : "array") +
                  " laid out like its input",
              elementwise_threads(out->numel()));
  out->requires_grad = records_history(a->requires_grad, p.result);
  return out;
}

}  // namespace ss
