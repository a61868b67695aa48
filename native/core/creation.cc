#include "creation.h"

#include <cmath>
#include <cstring>

#include "allocation.h"
#include "errors.h"
#include "layout.h"
#include "report.h"

namespace ss {

namespace {

DType default_float(Kind kind) { return kind == Kind::NDArray ? DType::Float64 : DType::Float32; }

// Writes value v (as a Scalar) into element i of a C-contiguous array.
void put(const Array& a, std::int64_t i, const Scalar& v, bool checked) {
  char* p = a.data_ptr() + i * static_cast<std::int64_t>(a.itemsize());
  if (checked) store_scalar(a.kind, a.dtype, v, p);
  else store_scalar_unchecked(a.dtype, v, p);
}

void fill_all(const Array& a, const Scalar& v, bool checked) {
  const std::int64_t n = a.numel();
  if (n == 0) return;
  put(a, 0, v, checked);
  const std::size_t item = a.itemsize();
  for (std::int64_t i = 1; i < n; ++i) std::memcpy(a.data_ptr() + i * item, a.data_ptr(), item);
}

Scalar::Type widest(const std::vector<Scalar>& v) {
  Scalar::Type t = Scalar::Type::Bool;
  for (auto& s : v) t = std::max(t, s.type);
  return t;
}

}  // namespace

ArrayPtr create(Kind kind, Fill fill, const Shape& shape, std::optional<DType> dtype) {
  auto a = new_array(kind, dtype.value_or(default_float(kind)), shape);
  if (fill == Fill::Zeros) {
    std::memset(a->storage->data, 0, a->storage->nbytes);
  } else if (fill == Fill::Ones) {
    fill_all(*a, Scalar::of_int(1), false);
  }
  return a;
}

ArrayPtr full(Kind kind, const Shape& shape, const Scalar& value, std::optional<DType> dtype) {
  DType dt = dtype ? *dtype : default_dtype_for(kind, value);
  auto a = new_array(kind, dt, shape);
  if (a->numel() == 0) {
    unsigned char probe[16];
    store_scalar(kind, dt, value, probe);  // still validates the value
  }
  fill_all(*a, value, true);
  return a;
}

ArrayPtr arange(Kind kind, const Scalar& start, const Scalar& stop, const Scalar& step, std::optional<DType> dtype) {
  const bool any_float = start.type >= Scalar::Type::Float || stop.type >= Scalar::Type::Float || step.type >= Scalar::Type::Float;
  DType dt = dtype ? *dtype : any_float ? default_float(kind) : DType::Int64;
  const double b = start.to_double(), e = stop.to_double(), s = step.to_double();
  std::int64_t n;
  if (kind == Kind::Tensor) {
    // NOTE aten/src/ATen/native/RangeFactories.cpp arange_out
    if (s == 0) raise(PyExc::RuntimeError, "step must be nonzero");
    if (!std::isfinite(b) || !std::isfinite(e))
      raise(PyExc::RuntimeError, "unsupported range: " + start.repr() + " -> " + stop.repr());
    if ((s > 0 && e < b) || (s < 0 && e > b))
      raise(PyExc::RuntimeError, "upper bound and larger bound inconsistent with step sign");
    double len = std::ceil((e - b) / s);
    if (std::isnan(len)) raise(PyExc::RuntimeError, "unsupported range: " + start.repr() + " -> " + stop.repr());
    if (len > 9.2e18) raise(PyExc::RuntimeError, "Storage size calculation overflowed with sizes=[" + std::to_string(len) + "]");
    n = static_cast<std::int64_t>(len);
  } else {
    if (s == 0) raise(PyExc::ZeroDivisionError, "division by zero");
    double len;
    if (!any_float && !start.big && !stop.big && !step.big) {
      // Exact integer length: ceil((stop - start) / step).
      __int128 d = static_cast<__int128>(stop.i) - start.i, st = step.i;
      __int128 q = d / st;
      if (q * st != d && ((d > 0) == (st > 0))) ++q;
      len = static_cast<double>(q);
      if (q > static_cast<__int128>(INT64_MAX)) len = 1e300;
    } else {
      len = std::ceil((e - b) / s);
      if (std::isnan(len)) raise(PyExc::ValueError, "arange: cannot compute length");
    }
    if (len > 9.2e18) raise(PyExc::ValueError, "Maximum allowed size exceeded");
    n = len <= 0 ? 0 : static_cast<std::int64_t>(len);
  }
  auto a = new_array(kind, dt, {n});
  const bool int_args = !any_float && !start.big && !stop.big && !step.big;
  for (std::int64_t i = 0; i < n; ++i) {
    if (int_args) put(*a, i, Scalar::of_int(start.i + i * step.i), false);
    else put(*a, i, Scalar::of_float(b + static_cast<double>(i) * s), false);
  }
  return a;
}

ArrayPtr linspace(Kind kind, const Scalar& start, const Scalar& stop, std::int64_t num, bool endpoint,
                  std::optional<DType> dtype) {
  if (num < 0) {
    if (kind == Kind::Tensor) raise(PyExc::RuntimeError, "number of steps must be non-negative");
    raise(PyExc::ValueError, "Number of samples, " + std::to_string(num) + ", must be non-negative.");
  }
  DType dt = dtype.value_or(default_float(kind));
  auto a = new_array(kind, dt, {num});
  const double b = start.to_double(), e = stop.to_double();
  const bool int_out = is_integral(dt);
  if (kind == Kind::Tensor) {
    // NOTE aten/src/ATen/native/cpu/RangeFactoriesKernel.cpp: symmetric fill from both ends.
    double step = num > 1 ? (e - b) / static_cast<double>(num - 1) : 0;
    std::int64_t half = num / 2;
    for (std::int64_t i = 0; i < num; ++i) {
      double v = i < half ? b + step * static_cast<double>(i) : e - step * static_cast<double>(num - i - 1);
      put(*a, i, Scalar::of_float(v), false);
    }
    return a;
  }
  // numpy/_core/function_base.py linspace: arange(num) * step + start, last = stop.
  double div = endpoint ? static_cast<double>(num - 1) : static_cast<double>(num);
  double step = div > 0 ? (e - b) / div : 0;
  for (std::int64_t i = 0; i < num; ++i) {
    double v = div > 0 ? static_cast<double>(i) * step + b : static_cast<double>(i) * (e - b) + b;
    if (endpoint && num > 1 && i == num - 1) v = e;
    if (int_out) v = std::floor(v);
    put(*a, i, Scalar::of_float(v), false);
  }
  if (int_out) return a;  // astype(int) made a fresh array
  // NumPy's result is a reshape of an internal (num, 1) array: a view (OWNDATA False).
  auto view = derive_view(a, a->sizes, a->byte_strides, 0);
  view->base = nullptr;
  view->owns_data = false;
  return view;
}

ArrayPtr eye(Kind kind, std::int64_t n, std::optional<std::int64_t> m, std::int64_t k, std::optional<DType> dtype) {
  if (kind == Kind::Tensor) {
    if (n < 0) raise(PyExc::RuntimeError, "n must be greater or equal to 0, got " + std::to_string(n));
    if (m && *m < 0) raise(PyExc::RuntimeError, "m must be greater or equal to 0, got " + std::to_string(*m));
  }
  std::int64_t cols = m.value_or(n);
  auto a = create(kind, Fill::Zeros, {n, cols}, dtype);
  for (std::int64_t i = 0; i < n; ++i) {
    std::int64_t j = i + k;
    if (j >= 0 && j < cols) put(*a, i * cols + j, Scalar::of_int(1), false);
  }
  return a;
}

ArrayPtr from_values(Kind kind, const std::vector<Scalar>& values, const Shape& shape, std::optional<DType> dtype) {
  auto numel = layout::checked_numel(shape);
  if (!numel || *numel != static_cast<std::int64_t>(values.size()))
    raise(PyExc::ValueError, "from_values: " + std::to_string(values.size()) + " values do not fill shape " + layout::py_tuple(shape));
  DType dt;
  if (dtype) {
    dt = *dtype;
  } else {
    Scalar::Type t = widest(values);
    if (values.empty()) t = Scalar::Type::Float;  // np.array([]) is float64; torch.tensor([]) float32
    Scalar probe;
    probe.type = t;
    dt = default_dtype_for(kind, probe);
    if (kind == Kind::NDArray && t == Scalar::Type::Int) {
      for (auto& v : values)
        if (v.big) dt = DType::UInt64;  // np.array([2**63]) is uint64
    }
  }
  auto a = new_array(kind, dt, shape);
  for (std::size_t i = 0; i < values.size(); ++i) put(*a, static_cast<std::int64_t>(i), values[i], true);
  report_copy("from-values", static_cast<std::size_t>(a->nbytes()), "new data");
  return a;
}

namespace {
std::uint64_t g_state = 0x853c49e6748fea9bULL;

std::uint64_t next_u64() {
  // splitmix64
  std::uint64_t z = (g_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double next_unit() { return static_cast<double>(next_u64() >> 11) * (1.0 / 9007199254740992.0); }
}  // namespace

void seed_random(std::uint64_t seed) { g_state = seed * 0x9e3779b97f4a7c15ULL + 0x853c49e6748fea9bULL; }

ArrayPtr random(Kind kind, RandomDist dist, const Shape& shape, std::optional<DType> dtype, double low, double high) {
  DType dt = dtype ? *dtype : dist == RandomDist::Randint ? DType::Int64 : default_float(kind);
  if (dist == RandomDist::Randint && !(high > low)) {
    if (kind == Kind::Tensor)
      raise(PyExc::RuntimeError, "random_ expects 'from' to be less than 'to', but got from=" +
                                     std::to_string(static_cast<std::int64_t>(low)) + " >= to=" +
                                     std::to_string(static_cast<std::int64_t>(high)));
    raise(PyExc::ValueError, "low >= high");
  }
  auto a = new_array(kind, dt, shape);
  const std::int64_t n = a->numel();
  for (std::int64_t i = 0; i < n; ++i) {
    Scalar v;
    switch (dist) {
      case RandomDist::Rand: v = Scalar::of_float(low + (high - low) * next_unit()); break;
      case RandomDist::Randn: {
        double u1 = next_unit(), u2 = next_unit();
        v = Scalar::of_float(std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(6.283185307179586 * u2));
        break;
      }
      case RandomDist::Randint: {
        auto span = static_cast<std::uint64_t>(high - low);
        v = Scalar::of_int(static_cast<std::int64_t>(low) + static_cast<std::int64_t>(next_u64() % span));
        break;
      }
    }
    put(*a, i, v, false);
  }
  return a;
}

}  // namespace ss
