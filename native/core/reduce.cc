#include "reduce.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <numeric>
#include <type_traits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "allocation.h"
#include "checked_math.h"
#include "copy_ops.h"
#include "dims.h"
#include "elem_types.h"
#include "elementwise.h"
#include "errors.h"
#include "fp_status.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "promotion.h"
#include "report.h"
#include "scalar.h"
#include "cancel.h"
#include "strided_loop.h"
#include "ufunc_scalar.h"
#include "unary.h"

namespace ss {

namespace {

struct OpName {
  ReduceOp op;
  const char* name;
};
const OpName kNames[] = {{ReduceOp::Sum, "sum"},       {ReduceOp::Mean, "mean"},     {ReduceOp::Prod, "prod"},
                         {ReduceOp::Min, "min"},       {ReduceOp::Max, "max"},       {ReduceOp::ArgMin, "argmin"},
                         {ReduceOp::ArgMax, "argmax"}, {ReduceOp::All, "all"},       {ReduceOp::Any, "any"},
                         {ReduceOp::NanMin, "nanmin"}, {ReduceOp::NanMax, "nanmax"}, {ReduceOp::NanSum, "nansum"},
                         {ReduceOp::Var, "var"},       {ReduceOp::Std, "std"}};

const char* op_name(ReduceOp op) {
  for (auto& n : kNames)
    if (n.op == op) return n.name;
  return "reduce";
}

// NumPy sums small integers in its default int (int64) and unsigned ones in uint64;
// torch sums every integer dtype (and bool) in int64.
DType sum_dtype(const Array& a) {
  DKind k = dtype_kind(a.dtype);
  if (k == DKind::Bool || k == DKind::Int) return DType::Int64;
  if (k == DKind::UInt) return a.is_tensor() ? DType::Int64 : DType::UInt64;
  return a.dtype;
}

DType mean_dtype(const Array& a) {
  DKind k = dtype_kind(a.dtype);
  if (k == DKind::Float || k == DKind::Complex) return a.dtype;
  if (a.is_tensor()) {
    // NOTE aten/src/ATen/native/ReduceOps.cpp mean_meta
    raise(PyExc::RuntimeError, std::string("mean(): could not infer output dtype. Input dtype must be either a floating point "
                                           "or complex dtype. Got: ") + dtype_info(a.dtype).scalar_type);
  }
  return DType::Float64;
}

struct Geometry {
  std::vector<bool> red;
  Shape out_shape, kept_shape;  // kept_shape: the input's rank, 1 on reduced axes
  std::int64_t count = 1;       // elements per output element
};

Geometry geometry(const Array& a, const std::optional<Shape>& dims, bool keepdim) {
  const int n = a.ndim();
  Geometry g;
  g.red.assign(n, false);
  if (!dims || (a.is_tensor() && dims->empty())) {
    g.red.assign(n, true);
  } else if (a.is_tensor()) {
    for (auto d : *dims) {
      auto w = torch_wrap_dim(d, n);
      if (n == 0) continue;
      if (g.red[w]) raise(PyExc::RuntimeError, "dim " + std::to_string(w) + " appears multiple times in the list of dims");
      g.red[w] = true;
    }
  } else {
    for (auto w : numpy_wrap_axes(*dims, n, kDuplicateAxis)) g.red[w] = true;
  }
  // An empty input may have sizes whose product leaves int64 ((0, 2**40, 2**40) summed over
  // all axes): its count is 0.
  const bool empty_input = a.numel() == 0;
  if (empty_input) g.count = 0;
  for (int i = 0; i < n; ++i) {
    if (g.red[i]) {
      if (!empty_input) g.count *= a.sizes[i];  // a factor of numel, which fits
      if (keepdim) g.out_shape.push_back(1);
    } else {
      g.out_shape.push_back(a.sizes[i]);
    }
    g.kept_shape.push_back(g.red[i] ? 1 : a.sizes[i]);
  }
  return g;
}

// NumPy allocates a reduction's result in the input's memory order; torch contiguous.
ArrayPtr new_result(const Array& a, const Geometry& g, DType dt, bool keepdim) {
  Shape strides;
  if (a.is_tensor()) {
    strides = layout::contiguous_strides(g.out_shape, itemsize_of(dt));
  } else {
    // The reduction's iterator (reduction.c PyUFunc_ReduceWrapper, order='K') orders the
    // input's axes; the result is allocated dense in that order over its kept axes
    // (npyiter_new_temp_array), a kept reduced axis being 1 long.
    const int n = a.ndim();
    Shape st = a.byte_strides;
    for (int i = 0; i < n; ++i)
      if (a.sizes[i] == 1) st[i] = 0;
    Shape by_axis(n, 0);
    std::int64_t acc = static_cast<std::int64_t>(itemsize_of(dt));
    for (int i : numpy_iter_order(a.sizes, {st})) {
      if (g.red[i] && !keepdim) continue;
      by_axis[i] = acc;
      acc = wrapping_mul(acc, g.red[i] ? 1 : a.sizes[i]);
    }
    for (int i = 0; i < n; ++i)
      if (keepdim || !g.red[i]) strides.push_back(by_axis[i]);
    bool empty = std::any_of(g.out_shape.begin(), g.out_shape.end(), [](std::int64_t s) { return s == 0; });
    if (empty) strides = layout::numpy_new_strides(g.out_shape, itemsize_of(dt), false);
  }
  return new_array_on(*a.storage, a.kind, dt, g.out_shape, strides);
}

// One axis of the reduction walk: its size, the input's byte stride, the accumulator's
// element stride (0 on reduced axes).
struct Axis {
  std::int64_t size, in, acc;
};

// The input's axes in NumPy's iteration order (outermost first: largest |stride|,
// ties in C order), size-1 axes dropped, neighbours that tile memory for both the
// input and the accumulator merged (nditer's coalescing).
std::vector<Axis> walk_axes(const Array& a, const std::vector<bool>& red) {
  const int n = a.ndim();
  std::vector<std::int64_t> acc_stride(n, 0);
  std::int64_t s = 1;
  for (int i = n - 1; i >= 0; --i) {
    if (red[i]) continue;
    acc_stride[i] = s;
    s = wrapping_mul(s, a.sizes[i]);
  }
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return std::llabs(a.byte_strides[x]) > std::llabs(a.byte_strides[y]); });
  std::vector<Axis> axes;
  for (int i : order)
    if (a.sizes[i] != 1) axes.push_back({a.sizes[i], a.byte_strides[i], acc_stride[i]});
  std::vector<Axis> merged;
  for (auto& ax : axes) {
    if (!merged.empty()) {
      Axis& o = merged.back();
      if (o.in == ax.in * ax.size && o.acc == ax.acc * ax.size) {
        o.size *= ax.size;
        o.in = ax.in;
        o.acc = ax.acc;
        continue;
      }
    }
    merged.push_back(ax);
  }
  return merged;
}

template <class T>
using compute_t = std::conditional_t<is_half_like<T>::value, float, T>;

template <class A, class I>
A load_as(const char* p) {
  I v;
  std::memcpy(&v, p, sizeof(I));
  return cast_to<A>(cast_to<compute_t<I>>(v));
}

// NumPy's pairwise_sum (umath loops_utils): blocks of 8 partial sums, leaves of <= 128.
template <class A, class I>
A pairwise_sum(const char* p, std::int64_t n, std::int64_t s) {
  if (n < 8) {
    A res = A(0);
    for (std::int64_t i = 0; i < n; ++i) res += load_as<A, I>(p + i * s);
    return res;
  }
  if (n <= 128) {
    A r[8];
    for (int j = 0; j < 8; ++j) r[j] = load_as<A, I>(p + j * s);
    std::int64_t i = 8;
    if constexpr (std::is_same_v<A, I>) {
      if (s == static_cast<std::int64_t>(sizeof(I))) {
        // Contiguous: the same eight partial sums in the same order, from whole blocks the
        // compiler turns into vector adds.
        for (; i < n - (n % 8); i += 8) {
          A x[8];
          std::memcpy(x, p + i * s, sizeof x);
          for (int j = 0; j < 8; ++j) r[j] += x[j];
        }
      }
    }
    for (; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; ++j) r[j] += load_as<A, I>(p + (i + j) * s);
    A res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += load_as<A, I>(p + i * s);
    return res;
  }
  // A run can be a broadcast view of any length: poll the interrupt flag at every
  // node of at least kCancelChunk elements (the summation order is unchanged).
  if (n >= kCancelChunk) check_cancel();
  std::int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_sum<A, I>(p, n2, s) + pairwise_sum<A, I>(p + n2 * s, n - n2, s);
}

// The max (Max) or min of a contiguous run of n >= 1 elements, in independent lanes the
// compiler turns into vector compares. Gives up (false) wherever the lanes' order could
// change the answer from the sequential fold's: a NaN in the run (the fold returns its first
// NaN) or a floating zero result (+0.0 and -0.0 compare equal; the fold keeps the first).
#if defined(__SSE2__)
// float and double lanes as SSE vectors (four per step, so four independent chains); the
// NaN check is an unordered compare OR-ed into a mask.
template <bool Max>
bool sse_lanes(const float* x, std::int64_t blocks, float* lane, bool* nan) {
  __m128 m[4], bad = _mm_setzero_ps();
  for (int v = 0; v < 4; ++v) m[v] = _mm_loadu_ps(lane + 4 * v);
  for (std::int64_t b = 0; b < blocks; ++b, x += 16)
    for (int v = 0; v < 4; ++v) {
      const __m128 y = _mm_loadu_ps(x + 4 * v);
      m[v] = Max ? _mm_max_ps(y, m[v]) : _mm_min_ps(y, m[v]);
      bad = _mm_or_ps(bad, _mm_cmpunord_ps(y, y));
    }
  for (int v = 0; v < 4; ++v) _mm_storeu_ps(lane + 4 * v, m[v]);
  *nan = *nan || _mm_movemask_ps(bad) != 0;
  return true;
}
template <bool Max>
bool sse_lanes(const double* x, std::int64_t blocks, double* lane, bool* nan) {
  __m128d m[4], bad = _mm_setzero_pd();
  for (int v = 0; v < 4; ++v) m[v] = _mm_loadu_pd(lane + 2 * v);
  for (std::int64_t b = 0; b < blocks; ++b, x += 8)
    for (int v = 0; v < 4; ++v) {
      const __m128d y = _mm_loadu_pd(x + 2 * v);
      m[v] = Max ? _mm_max_pd(y, m[v]) : _mm_min_pd(y, m[v]);
      bad = _mm_or_pd(bad, _mm_cmpunord_pd(y, y));
    }
  for (int v = 0; v < 4; ++v) _mm_storeu_pd(lane + 2 * v, m[v]);
  *nan = *nan || _mm_movemask_pd(bad) != 0;
  return true;
}
#endif
// Other types (and builds without SSE2): plain lanes.
template <bool Max, class A>
bool sse_lanes(const A*, std::int64_t, A*, bool*) {
  return false;
}

template <class A, bool Max>
bool extreme_run(const char* p, std::int64_t n, A* out) {
  constexpr int L = std::max<int>(8, 64 / static_cast<int>(sizeof(A)));
  if (n < 2 * L) return false;
  using Flag = std::conditional_t<sizeof(A) == 8, std::int64_t, std::conditional_t<sizeof(A) == 4, std::int32_t, std::int16_t>>;
  constexpr bool fp = std::is_floating_point_v<A>;
  A lane[L];
  Flag nan[L] = {};
  std::memcpy(lane, p, sizeof lane);
  if constexpr (fp)
    for (int j = 0; j < L; ++j) nan[j] |= static_cast<Flag>(lane[j] != lane[j]);
  std::int64_t i = L;
  while (i + L <= n) {
    const std::int64_t stop = std::min(n - (n - i) % L, i + kCancelChunk);
    bool vec_nan = false;
    if (sse_lanes<Max>(reinterpret_cast<const A*>(p) + i, (stop - i) / L, lane, &vec_nan)) {
      // p is only byte-aligned: the vector loads are unaligned ones.
      if (vec_nan) return false;
      i = stop;
    }
    for (; i < stop; i += L) {
      A x[L];
      std::memcpy(x, p + i * static_cast<std::int64_t>(sizeof(A)), sizeof x);
      for (int j = 0; j < L; ++j) lane[j] = (Max ? x[j] > lane[j] : x[j] < lane[j]) ? x[j] : lane[j];
      if constexpr (fp)
        for (int j = 0; j < L; ++j) nan[j] |= static_cast<Flag>(x[j] != x[j]);
    }
    if (i + L <= n) check_cancel();
  }
  A r = lane[0];
  for (int j = 0; j < L; ++j) {
    if (nan[j]) return false;
    if (Max ? lane[j] > r : lane[j] < r) r = lane[j];
  }
  for (; i < n; ++i) {
    A x;
    std::memcpy(&x, p + i * static_cast<std::int64_t>(sizeof(A)), sizeof x);
    if (x != x) return false;
    if (Max ? x > r : x < r) r = x;
  }
  if (fp && r == A(0)) return false;
  *out = r;
  return true;
}

// The reduction walk: acc[k] = combine(acc[k], x) for every input element x in NumPy's
// iteration order. Where the innermost axis is reduced, `run` folds the whole inner run
// first (pairwise for sums); `chunk` splits runs the way NumPy's casting buffer does.
template <class A, std::size_t ISize, class Combine, class Run, class Load>
void walk(const Array& in, const std::vector<bool>& red, std::vector<A>& acc, Combine combine, Run run, std::int64_t chunk,
          Load load) {
  if (in.numel() == 0) return;
  auto axes = walk_axes(in, red);
  if (axes.empty()) axes.push_back({1, 0, 0});
  const Axis inner = axes.back();
  axes.pop_back();
  const int outer = static_cast<int>(axes.size());
  std::vector<std::int64_t> idx(outer, 0);
  const char* p = in.data_ptr();
  std::int64_t k = 0;
  // A reduction over a broadcast view is not bounded by memory: poll the run's
  // interrupt flag every kCancelChunk elements (cancel.h).
  std::int64_t since_poll = 0;
  auto poll = [&](std::int64_t n) {
    since_poll += n;
    if (since_poll >= kCancelChunk) {
      since_poll = 0;
      check_cancel();
    }
  };
  while (true) {
    if (inner.acc == 0) {
      for (std::int64_t c0 = 0; c0 < inner.size; c0 += chunk) {
        const std::int64_t c = std::min(chunk, inner.size - c0);
        acc[k] = combine(acc[k], run(p + c0 * inner.in, c, inner.in));
        poll(c);
      }
    } else {
      for (std::int64_t j0 = 0; j0 < inner.size; j0 += kCancelChunk) {
        const std::int64_t j1 = std::min(inner.size, j0 + kCancelChunk);
        if (inner.acc == 1 && inner.in == static_cast<std::int64_t>(ISize)) {
          // Unit strides (sum(axis=0) of a C array): a loop the compiler can vectorise.
          A* o = acc.data() + k;
          for (std::int64_t j = j0; j < j1; ++j) o[j] = combine(o[j], load(p + j * static_cast<std::int64_t>(ISize)));
        } else {
          for (std::int64_t j = j0; j < j1; ++j) acc[k + j * inner.acc] = combine(acc[k + j * inner.acc], load(p + j * inner.in));
        }
        poll(j1 - j0);
      }
    }
    int d = outer - 1;
    for (; d >= 0; --d) {
      p += axes[d].in;
      k += axes[d].acc;
      if (++idx[d] < axes[d].size) break;
      p -= axes[d].in * axes[d].size;
      k -= axes[d].acc * axes[d].size;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

template <class V>
bool isnan_any(V x) {
  return ufunc::is_nan_v(x);
}

// Stores acc (one value per output element, C order over the kept axes) into out.
template <class A>
void store_acc(const Array& out, const std::vector<A>& acc) {
  SS_DISPATCH(out.dtype, T, {
    std::int64_t k = 0;
    strided_for_each<1>(out.sizes, {out.data_ptr()}, {&out.byte_strides}, [&](const std::array<char*, 1>& q) {
      T v = cast_to<T>(acc[k++]);
      std::memcpy(q[0], &v, sizeof(T));
    });
  });
}

// The accumulating reductions (sum, prod, min, max, all, any and the nan- forms), in
// the accumulator type A of the result dtype (float16 accumulates in float).
template <class I, class A>
std::vector<A> fold(ReduceOp op, const Array& in, const Geometry& g, std::int64_t out_n, bool casts) {
  const std::int64_t chunk = casts ? 8192 : std::numeric_limits<std::int64_t>::max();
  auto load = [](const char* p) { return load_as<A, I>(p); };
  std::vector<A> acc(static_cast<std::size_t>(out_n));
  auto seq = [&](auto comb) {
    return [comb, load](const char* p, std::int64_t n, std::int64_t s) {
      A r = load(p);
      for (std::int64_t i0 = 1; i0 < n; i0 += kCancelChunk) {
        const std::int64_t i1 = std::min(n, i0 + kCancelChunk);
        for (std::int64_t i = i0; i < i1; ++i) r = comb(r, load(p + i * s));
        if (i1 < n) check_cancel();
      }
      return r;
    };
  };
  constexpr bool cplx = is_cplx<A>::value;
  switch (op) {
    case ReduceOp::Sum:
    case ReduceOp::NanSum: {
      std::fill(acc.begin(), acc.end(), A(0));
      auto add = [](A x, A y) { return static_cast<A>(x + y); };
      if (op == ReduceOp::NanSum) {
        auto nadd = [](A x, A y) { return isnan_any(y) ? x : static_cast<A>(x + y); };
        walk<A, sizeof(I)>(in, g.red, acc, nadd, seq(nadd), chunk, load);
      } else if constexpr (std::is_floating_point_v<A> || cplx) {
        walk<A, sizeof(I)>(in, g.red, acc, add, [](const char* p, std::int64_t n, std::int64_t s) { return pairwise_sum<A, I>(p, n, s); },
             chunk, load);
      } else {
        // Integers wrap (through unsigned: no signed-overflow UB).
        auto iadd = [](A x, A y) {
          using U = std::make_unsigned_t<A>;
          return static_cast<A>(static_cast<U>(static_cast<U>(x) + static_cast<U>(y)));
        };
        walk<A, sizeof(I)>(in, g.red, acc, iadd, seq(iadd), chunk, load);
      }
      break;
    }
    case ReduceOp::Prod: {
      std::fill(acc.begin(), acc.end(), A(1));
      if constexpr (std::is_integral_v<A>) {
        auto mul = [](A x, A y) {
          using U = std::make_unsigned_t<A>;
          return static_cast<A>(static_cast<U>(static_cast<U>(x) * static_cast<U>(y)));
        };
        walk<A, sizeof(I)>(in, g.red, acc, mul, seq(mul), chunk, load);
      } else {
        auto mul = [](A x, A y) { return static_cast<A>(x * y); };
        walk<A, sizeof(I)>(in, g.red, acc, mul, seq(mul), chunk, load);
      }
      break;
    }
    case ReduceOp::Min:
    case ReduceOp::Max:
    case ReduceOp::NanMin:
    case ReduceOp::NanMax: {
      const bool mx = op == ReduceOp::Max || op == ReduceOp::NanMax;
      const bool nan_skip = op == ReduceOp::NanMin || op == ReduceOp::NanMax;
      // Start from each output's first element (NumPy copies the first slice).
      {
        Array first = in;
        for (int i = 0; i < in.ndim(); ++i)
          if (g.red[i]) first.sizes[i] = 1;
        std::int64_t k = 0;
        strided_for_each<1>(first.sizes, {first.data_ptr()}, {&first.byte_strides},
                            [&](const std::array<char*, 1>& q) { acc[k++] = load(q[0]); });
      }
      auto comb = [mx, nan_skip](A x, A y) {
        if (nan_skip) {
          if (isnan_any(x)) return y;
          if (isnan_any(y)) return x;
        }
        return mx ? ufunc::maximum(x, y) : ufunc::minimum(x, y);
      };
      auto fold_run = seq(comb);
      auto run = [&](const char* p, std::int64_t n, std::int64_t s) -> A {
        if constexpr (std::is_same_v<A, I> && (std::is_floating_point_v<A> || std::is_integral_v<A>)) {
          A r;
          if (!nan_skip && s == static_cast<std::int64_t>(sizeof(I)) && (mx ? extreme_run<A, true>(p, n, &r) : extreme_run<A, false>(p, n, &r)))
            return r;
        }
        return fold_run(p, n, s);
      };
      walk<A, sizeof(I)>(in, g.red, acc, comb, run, chunk, load);
      break;
    }
    default: break;
  }
  return acc;
}

std::vector<bool> fold_bool(ReduceOp op, const Array& in, const Geometry& g, std::int64_t out_n) {
  const bool all = op == ReduceOp::All;
  std::vector<char> acc(static_cast<std::size_t>(out_n), all ? 1 : 0);
  SS_DISPATCH(in.dtype, I, {
    using V = compute_t<I>;
    auto load = [](const char* p) -> char {
      I v;
      std::memcpy(&v, p, sizeof(I));
      return cast_to<V>(v) != V(0) ? 1 : 0;
    };
    auto comb = [all](char x, char y) -> char { return all ? (x && y) : (x || y); };
    walk<char, sizeof(I)>(in, g.red, acc, comb,
         [&](const char* p, std::int64_t n, std::int64_t s) {
           char r = load(p);
           for (std::int64_t i = 1; i < n; ++i) r = comb(r, load(p + i * s));
           return r;
         },
         std::numeric_limits<std::int64_t>::max(), load);
  });
  return std::vector<bool>(acc.begin(), acc.end());
}

// argmin / argmax along one axis (or the flattened array): the first extreme, NaN first.
ArrayPtr arg_reduce(const ArrayPtr& a, ReduceOp op, const std::optional<Shape>& dims, bool keepdim) {
  const bool torch = a->is_tensor();
  const char* name = op == ReduceOp::ArgMax ? "argmax" : "argmin";
  if (dims && dims->size() > 1) raise(PyExc::TypeError, "'tuple' object cannot be interpreted as an integer");
  Array view = *a;
  std::optional<std::int64_t> axis;
  if (dims && !dims->empty()) axis = torch ? torch_wrap_dim((*dims)[0], a->ndim()) : numpy_wrap_axes(*dims, a->ndim())[0];
  Geometry g = geometry(*a, axis ? std::optional<Shape>(Shape{*axis}) : std::nullopt, keepdim);
  if (a->numel() == 0 || (axis && a->ndim() > 0 && a->sizes[*axis] == 0)) {
    if (torch)
      raise(PyExc::IndexError, std::string(name) + "(): Expected reduction dim " + (axis ? std::to_string(*axis) + " " : "") +
                                   "to have non-zero size.");
    raise(PyExc::ValueError, std::string("attempt to get ") + name + " of an empty sequence");
  }
  if (!axis && keepdim && !torch) g.out_shape.assign(a->ndim(), 1);
  auto out = torch ? new_array_on(*a->storage, a->kind, DType::Int64, g.out_shape, layout::contiguous_strides(g.out_shape, 8))
                   : new_array_on(*a->storage, a->kind, DType::Int64, g.out_shape, layout::numpy_new_strides(g.out_shape, 8, false));
  // Walk the input with the reduced axis last (C order otherwise).
  if (axis) {
    std::vector<std::int64_t> perm;
    for (int i = 0; i < a->ndim(); ++i)
      if (i != *axis) perm.push_back(i);
    perm.push_back(*axis);
    Shape s, st;
    for (auto i : perm) {
      s.push_back(a->sizes[i]);
      st.push_back(a->byte_strides[i]);
    }
    view.sizes = s;
    view.byte_strides = st;
  }
  const std::int64_t n = axis && a->ndim() > 0 ? a->sizes[*axis] : a->numel();
  std::vector<std::int64_t> res(static_cast<std::size_t>(std::max<std::int64_t>(out->numel(), 1)), 0);
  const bool mx = op == ReduceOp::ArgMax;
  SS_DISPATCH(a->dtype, I, {
    using V = compute_t<I>;
    std::int64_t pos = 0;
    V best{};
    strided_for_each<1>(view.sizes, {view.data_ptr()}, {&view.byte_strides}, [&](const std::array<char*, 1>& q) {
      I raw;
      std::memcpy(&raw, q[0], sizeof(I));
      V v = cast_to<V>(raw);
      const std::int64_t k = pos / n, j = pos % n;
      ++pos;
      if (j == 0) {
        best = v;
        res[k] = 0;
        return;
      }
      if (ufunc::is_nan_v(best)) return;
      if (ufunc::is_nan_v(v) || (mx ? ufunc::less(best, v) : ufunc::less(v, best))) {
        best = v;
        res[k] = j;
      }
    });
  });
  std::int64_t k = 0;
  strided_for_each<1>(out->sizes, {out->data_ptr()}, {&out->byte_strides},
                      [&](const std::array<char*, 1>& q) { std::memcpy(q[0], &res[k++], 8); });
  report_copy("reduce", static_cast<std::size_t>(out->nbytes()), std::string(name) + " result: a new int64 " + (torch ? "tensor" : "array"));
  return out;
}

// NumPy's _var: mean (keepdims) -> deviations (laid out like the input) -> squared
// (|x|^2 for complex) -> summed -> divided by max(n - ddof, 0); std is its sqrt.
ArrayPtr var_std(const ArrayPtr& a, ReduceOp op, const std::optional<Shape>& dims, bool keepdim,
                 std::optional<DType> dtype, double ddof) {
  const bool torch = a->is_tensor();
  if (torch && !(is_floating(a->dtype) || is_complex(a->dtype)))
    raise(PyExc::RuntimeError, std::string("std and var only support floating point and complex dtypes"));
  Geometry g = geometry(*a, dims, keepdim);
  // NumPy's _var warns before it computes anything.
  if (!torch && static_cast<double>(g.count) - ddof <= 0) report_warning("RuntimeWarning", "Degrees of freedom <= 0 for slice");
  DType acc_dt = dtype ? *dtype : (is_integral(a->dtype) || a->dtype == DType::Bool ? DType::Float64 : a->dtype);
  auto mean = reduce(a, ReduceOp::Sum, dims, true, acc_dt);
  mean = binary(BinOp::Div, Operand{mean.get(), {}}, Operand{nullptr, Scalar::of_int(g.count)});
  auto dev = binary(BinOp::Sub, Operand{a.get(), {}}, Operand{mean.get(), {}});
  ArrayPtr sq;
  if (is_complex(dev->dtype)) {
    sq = unary(UnOp::Abs2, dev);
  } else {
    sq = binary(BinOp::Mul, Operand{dev.get(), {}}, Operand{dev.get(), {}});
  }
  auto s = reduce(sq, ReduceOp::Sum, dims, keepdim, std::nullopt);
  const double denom = std::max(static_cast<double>(g.count) - ddof, 0.0);
  const std::size_t before = fp_report.size();
  auto v = binary(BinOp::Div, Operand{s.get(), {}}, Operand{nullptr, Scalar::of_float(denom)});
  // A full reduction divides a NumPy scalar there (ret.dtype.type(ret / rcount)): "scalar divide".
  if (!torch && v->ndim() == 0)
    for (std::size_t k = before; k < fp_report.size(); ++k)
      if (fp_report[k].ufunc == "divide") fp_report[k].ufunc = "scalar divide";
  if (op == ReduceOp::Std) v = unary(UnOp::Sqrt, v);
  report_copy("reduce", static_cast<std::size_t>(v->nbytes()),
              std::string(op_name(op)) + " result (two passes: mean, then squared deviations in a temporary)");
  return v;
}

// Half-likes accumulate in float, bools (min/max of masks) in uint8.
DType fold_acc_dtype(DType out_dt) {
  if (out_dt == DType::Bool) return DType::UInt8;
  return out_dt == DType::Float16 || out_dt == DType::BFloat16 ? DType::Float32 : out_dt;
}

}  // namespace

bool parse_reduce_op(const std::string& name, ReduceOp* out) {
  for (auto& n : kNames)
    if (name == n.name) {
      *out = n.op;
      return true;
    }
  return false;
}

ArrayPtr reduce(const ArrayPtr& a_in, ReduceOp op, const std::optional<Shape>& dims, bool keepdim,
                std::optional<DType> dtype, double ddof) {
  check_host_accessible(*a_in, op_name(op));
  // ConjugateFallback: a conj view is resolved before the kernel reads it; swapped bytes are read native.
  ArrayPtr a = a_in->conj ? resolve_conj(a_in) : a_in;
  if (a->byte_order == '>' || a->byte_order == '<')
    a = copy_to_new(*a, a->kind, a->dtype, layout::contiguous_strides(a->sizes, a->itemsize()), "native byte order");
  if (op == ReduceOp::ArgMin || op == ReduceOp::ArgMax) return arg_reduce(a, op, dims, keepdim);
  if (op == ReduceOp::Var || op == ReduceOp::Std) return var_std(a, op, dims, keepdim, dtype, ddof);
  Geometry g = geometry(*a, dims, keepdim);
  const bool torch = a->is_tensor();
  DType out_dt;
  switch (op) {
    case ReduceOp::Sum: case ReduceOp::Prod: case ReduceOp::NanSum: out_dt = dtype ? *dtype : sum_dtype(*a); break;
    case ReduceOp::Mean: {
      out_dt = dtype ? *dtype : mean_dtype(*a);
      break;
    }
    case ReduceOp::All: case ReduceOp::Any:
      out_dt = torch && a->dtype == DType::UInt8 ? DType::UInt8 : DType::Bool;
      break;
    default: out_dt = a->dtype;
  }
  check_dtype_supported(a->kind, out_dt);
  std::int64_t out_numel = 1;
  for (auto s : g.out_shape) out_numel *= s;
  if ((op == ReduceOp::Min || op == ReduceOp::Max || op == ReduceOp::NanMin || op == ReduceOp::NanMax) && g.count == 0 &&
      out_numel > 0) {
    const char* uf = op == ReduceOp::Max || op == ReduceOp::NanMax ? "maximum" : "minimum";
    if (torch)
      raise(PyExc::RuntimeError, std::string(op == ReduceOp::Max ? "max" : "min") +
                                     "(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
    raise(PyExc::ValueError, std::string("zero-size array to reduction operation ") + uf + " which has no identity");
  }
  auto out = new_result(*a, g, out_dt, keepdim);
  const std::int64_t out_n = std::max<std::int64_t>(out->numel(), 0);
  // NumPy's _mean warns before it divides by a count of zero (the division then says invalid).
  if (op == ReduceOp::Mean && !torch && g.count == 0) report_warning("RuntimeWarning", "Mean of empty slice");
  // NumPy reads the FPU's flags after the reduce loop (sum of [inf, -inf]: "invalid value
  // encountered in reduce") and after _mean's divide; max/min's NaN handling raises nothing there.
  const bool watch_fp = !torch && (op == ReduceOp::Sum || op == ReduceOp::Prod || op == ReduceOp::NanSum || op == ReduceOp::Mean);
  if (watch_fp) fp_clear_thread();
  if (op == ReduceOp::All || op == ReduceOp::Any) {
    auto acc = fold_bool(op, *a, g, out_n);
    store_acc(*out, std::vector<char>(acc.begin(), acc.end()));
  } else {
    // Mean sums in the result dtype (NumPy: float16 means sum in float32), then divides.
    DType sum_dt = op == ReduceOp::Mean && out_dt == DType::Float16 && !torch ? DType::Float32 : out_dt;
    DType acc_dt = fold_acc_dtype(sum_dt);
    const bool casts = acc_dt != a->dtype && !(a->dtype == DType::Float16 && acc_dt == DType::Float32);
    SS_DISPATCH(a->dtype, I, {
      SS_DISPATCH(acc_dt, A, {
        if constexpr (!std::is_same_v<A, bool> && !is_half_like<A>::value) {
          auto acc = fold<I, A>(op == ReduceOp::Mean ? ReduceOp::Sum : op, *a, g, out_n, casts);
          if (watch_fp) {
            report_fp_errors("reduce", fp_thread_raised());
            fp_clear_thread();
          }
          if (op == ReduceOp::Mean) {
            for (auto& v : acc) {
              if constexpr (is_cplx<A>::value) {
                using R = typename A::value_type;
                v = A(v.real() / static_cast<R>(g.count), v.imag() / static_cast<R>(g.count));
              } else {
                v = static_cast<A>(v / static_cast<A>(g.count));
              }
            }
          }
          // A full reduction divides a NumPy scalar ("scalar divide"), an axis one an array.
          if (watch_fp && op == ReduceOp::Mean) report_fp_errors(out->ndim() == 0 ? "scalar divide" : "divide", fp_thread_raised());
          // np.nanmax / np.nanmin: a slice of NaNs only gives NaN, with NumPy's warning.
          if constexpr (std::is_floating_point_v<A>) {
            if (!torch && (op == ReduceOp::NanMax || op == ReduceOp::NanMin) &&
                std::any_of(acc.begin(), acc.end(), [](A v) { return std::isnan(v); }))
              report_warning("RuntimeWarning", "All-NaN slice encountered");
          }
          store_acc(*out, acc);
        } else {
          raise(PyExc::TypeError, std::string(op_name(op)) + " has no loop for " + dtype_name(acc_dt));
        }
      });
    });
  }
  out->requires_grad = records_history(a->requires_grad, out_dt);
  report_copy("reduce", static_cast<std::size_t>(out->nbytes()),
              std::string(op_name(op)) + " result: a new " + (torch ? "contiguous tensor" : "array in the input's memory order") +
                  (op == ReduceOp::Sum && (is_floating(out_dt) || is_complex(out_dt)) ? " (pairwise float summation, as NumPy)" : ""));
  return out;
}

ArrayPtr scan(const ArrayPtr& a_in, ScanOp op, std::optional<std::int64_t> axis, std::optional<DType> dtype) {
  const char* name = op == ScanOp::CumSum ? "cumsum" : "cumprod";
  check_host_accessible(*a_in, name);
  ArrayPtr a = a_in->conj ? resolve_conj(a_in) : a_in;
  const bool torch = a->is_tensor();
  if (!axis) {
    // NumPy: over the flattened array (C order), a new 1-d result.
    a = reshape(a, {a->numel()}, Order::C);
    axis = 0;
  }
  const std::int64_t ax = torch ? torch_wrap_dim(*axis, a->ndim()) : numpy_wrap_axes({*axis}, std::max(a->ndim(), 1))[0];
  DType out_dt = dtype ? *dtype : sum_dtype(*a);
  Shape strides = torch ? layout::contiguous_strides(a->sizes, itemsize_of(out_dt))
                        : result_strides(Kind::NDArray, a->sizes, {a.get()}, itemsize_of(out_dt));
  auto out = new_array_on(*a->storage, a->kind, out_dt, a->sizes, strides);
  if (a->numel() > 0 && a->ndim() > 0) {
    // Walk with the scanned axis last; every other axis is an independent line.
    Array vin = *a, vout = *out;
    std::vector<std::int64_t> perm;
    for (int i = 0; i < a->ndim(); ++i)
      if (i != ax) perm.push_back(i);
    perm.push_back(ax);
    for (std::size_t i = 0; i < perm.size(); ++i) {
      vin.sizes[i] = a->sizes[perm[i]];
      vin.byte_strides[i] = a->byte_strides[perm[i]];
      vout.sizes[i] = out->sizes[perm[i]];
      vout.byte_strides[i] = out->byte_strides[perm[i]];
    }
    const std::int64_t n = a->sizes[ax];
    DType acc_dt = fold_acc_dtype(out_dt);
    if (!torch) fp_clear_thread();
    SS_DISPATCH(a->dtype, I, {
      SS_DISPATCH(acc_dt, A, {
        if constexpr (!std::is_same_v<A, bool> && !is_half_like<A>::value) {
          SS_DISPATCH(out_dt, O, {
            std::int64_t pos = 0;
            A acc{};
            strided_for_each<2>(vin.sizes, {vin.data_ptr(), vout.data_ptr()}, {&vin.byte_strides, &vout.byte_strides},
                                [&](const std::array<char*, 2>& q) {
                                  A x = load_as<A, I>(q[0]);
                                  if (pos++ % n == 0) acc = x;
                                  else if constexpr (std::is_integral_v<A>) {
                                    using U = std::make_unsigned_t<A>;
                                    acc = static_cast<A>(op == ScanOp::CumSum ? static_cast<U>(static_cast<U>(acc) + static_cast<U>(x))
                                                                               : static_cast<U>(static_cast<U>(acc) * static_cast<U>(x)));
                                  } else {
                                    acc = op == ScanOp::CumSum ? static_cast<A>(acc + x) : static_cast<A>(acc * x);
                                  }
                                  O o = cast_to<O>(acc);
                                  std::memcpy(q[1], &o, sizeof(O));
                                });
          });
        }
      });
    });
    // NumPy reads the FPU's flags after the accumulate loop ("overflow encountered in accumulate").
    if (!torch) report_fp_errors("accumulate", fp_thread_raised());
  }
  out->requires_grad = records_history(a->requires_grad, out_dt);
  report_copy("scan", static_cast<std::size_t>(out->nbytes()),
              std::string(name) + " result: a new " + (torch ? "contiguous tensor" : "array in the input's memory order"));
  return out;
}

}  // namespace ss
