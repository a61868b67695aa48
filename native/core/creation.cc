#include "creation.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "../backends/cpu/strided_copy.h"
#include "allocation.h"
#include "cancel.h"
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
  // Copies of the first element at memcpy's speed (one store per element was 3x
  // slower than NumPy's fill).
  cpu::CopyOptions opt;
  opt.stop = cancel_flag();
  const auto r = cpu::repeat_fill(a.data_ptr(), static_cast<std::size_t>(n) * a.itemsize(), a.itemsize(), opt);
  if (r.stopped) {
    check_cancel();
    raise(PyExc::KeyboardInterrupt, "");
  }
}

Scalar::Type widest(const std::vector<Scalar>& v) {
  Scalar::Type t = Scalar::Type::Bool;
  for (auto& s : v) t = std::max(t, s.type);
  return t;
}

}  // namespace

ArrayPtr create(Kind kind, Fill fill, const Shape& shape, std::optional<DType> dtype, NewLayout layout) {
  const DType dt = dtype.value_or(default_float(kind));
  if (fill == Fill::Zeros) return new_zeroed_array(kind, dt, shape, layout);
  auto a = new_array(kind, dt, shape, layout);
  if (fill == Fill::Ones) {
    fill_all(*a, Scalar::of_int(1), false);
  }
  return a;
}

ArrayPtr full(Kind kind, const Shape& shape, const Scalar& value, std::optional<DType> dtype, NewLayout layout) {
  DType dt = dtype ? *dtype : default_dtype_for(kind, value);
  auto a = new_array(kind, dt, shape, layout);
  if (a->numel() == 0) {
    unsigned char probe[16];
    store_scalar(kind, dt, value, probe);  // still validates the value
  }
  fill_all(*a, value, true);
  return a;
}

ArrayPtr create_like(const ArrayPtr& src, Fill fill, const Scalar* value, std::optional<DType> dtype, LikeLayout layout) {
  if (!src->storage->device.is_cpu())
    raise(PyExc::NotImplementedError, "*_like of an object on " + src->storage->device.str() + " is not supported by the Stridescope engine");
  const DType dt = dtype.value_or(src->dtype);
  const Shape st = src->is_tensor() ? memory_format_strides(*src, layout.format, dt) : strides_for_order(*src, layout.order, dt);
  // Dense strides (any permutation of a C layout) cover numel * itemsize bytes from offset 0,
  // so fill_all's run over those bytes fills every element.
  auto a = new_array_strided(src->kind, dt, src->sizes, st);
  if (fill == Fill::Zeros) fill_all(*a, Scalar::of_int(0), false);
  if (fill == Fill::Ones) fill_all(*a, Scalar::of_int(1), false);
  if (value) {
    if (a->numel() == 0) {
      unsigned char probe[16];
      store_scalar(a->kind, dt, *value, probe);  // still validates the value, as full does
    }
    fill_all(*a, *value, true);
  }
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
    if ((i & (kCancelChunk - 1)) == 0) check_cancel();  // Stop reaches a long fill (cancel.h)
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
      if ((i & (kCancelChunk - 1)) == 0) check_cancel();  // Stop reaches a long fill (cancel.h)
      double v = i < half ? b + step * static_cast<double>(i) : e - step * static_cast<double>(num - i - 1);
      put(*a, i, Scalar::of_float(v), false);
    }
    return a;
  }
  // numpy/_core/function_base.py linspace: arange(num) * step + start, last = stop.
  double div = endpoint ? static_cast<double>(num - 1) : static_cast<double>(num);
  double step = div > 0 ? (e - b) / div : 0;
  for (std::int64_t i = 0; i < num; ++i) {
    if ((i & (kCancelChunk - 1)) == 0) check_cancel();  // Stop reaches a long fill (cancel.h)
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
    if ((i & (kCancelChunk - 1)) == 0) check_cancel();  // Stop reaches a long fill (cancel.h)
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
// MT19937 as NumPy's legacy RandomState (numpy/random/src/mt19937) and torch's CPU generator
// (aten/src/ATen/core/MT19937RNGEngine.h) both run it: 624-word state, standard tempering.
struct MT19937 {
  std::uint32_t mt[624];
  int pos = 624;
  // init_genrand: NumPy's mt19937_seed (np.random.seed(int)) and torch's init_with_uint32.
  void seed(std::uint32_t s) {
    mt[0] = s;
    for (std::uint32_t i = 1; i < 624; ++i) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
    pos = 624;
  }
  void generate() {
    constexpr std::uint32_t upper = 0x80000000u, lower = 0x7fffffffu, matrix = 0x9908b0dfu;
    for (int k = 0; k < 624; ++k) {
      std::uint32_t y = (mt[k] & upper) | (mt[(k + 1) % 624] & lower);
      mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1u) ? matrix : 0u);
    }
    pos = 0;
  }
  std::uint32_t next32() {
    if (pos >= 624) generate();
    std::uint32_t y = mt[pos++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
  }
};

// NumPy's global RandomState: MT19937 plus legacy_gauss's cached second value.
struct NumpyLegacy {
  MT19937 mt;
  bool has_gauss = false;
  double gauss = 0.0;
  NumpyLegacy() { mt.seed(5489u); }
  void seed(std::uint32_t s) { mt.seed(s); has_gauss = false; gauss = 0.0; }
  // mt19937_next_double / legacy_double: 53 bits from two draws (a >> 5, b >> 6).
  double next_double() {
    std::int32_t a = static_cast<std::int32_t>(mt.next32() >> 5), b = static_cast<std::int32_t>(mt.next32() >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
  std::uint64_t next64() {
    std::uint64_t hi = mt.next32();
    return (hi << 32) | mt.next32();
  }
  // legacy_gauss: polar Box-Muller, returns f*x2 and keeps f*x1 for the next call.
  double next_gauss() {
    if (has_gauss) {
      has_gauss = false;
      double t = gauss;
      gauss = 0.0;
      return t;
    }
    double f, x1, x2, r2;
    do {
      x1 = 2.0 * next_double() - 1.0;
      x2 = 2.0 * next_double() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    f = std::sqrt(-2.0 * std::log(r2) / r2);
    gauss = f * x1;
    has_gauss = true;
    return f * x2;
  }
};

// torch's default CPU generator: mt19937 seeded by init_genrand(seed & 0xffffffff)
// (CPUGeneratorImpl: random() is one draw, random64() is (draw1 << 32) | draw2).
struct TorchCpu {
  MT19937 mt;
  TorchCpu() { mt.seed(static_cast<std::uint32_t>(67280421310721ULL)); }  // torch's default_rng_seed_val
  std::uint32_t random() { return mt.next32(); }
  std::uint64_t random64() {
    std::uint64_t hi = mt.next32();
    return (hi << 32) | mt.next32();
  }
};

NumpyLegacy g_np;
TorchCpu g_torch;

std::uint64_t fill_mask(std::uint64_t rng) {
  std::uint64_t m = rng;
  m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32;
  return m;
}

// NumPy's random_bounded_uint{64,32,16,8}_fill with use_masked=true (RandomState.randint):
// rng = high - 1 - low (inclusive span); the narrow dtypes draw from a 32-bit buffer that
// lives for one call.
void numpy_bounded_fill(std::uint64_t rng, int bits, std::int64_t n, std::vector<std::uint64_t>& out) {
  out.resize(static_cast<std::size_t>(n));
  std::uint32_t buf = 0;
  int bcnt = 0;
  auto draw_narrow = [&]() -> std::uint32_t {
    if (bits == 32) return g_np.mt.next32();
    if (bcnt == 0) {
      buf = g_np.mt.next32();
      bcnt = bits == 16 ? 1 : 3;
    } else {
      buf >>= bits;
      --bcnt;
    }
    return bits == 16 ? (buf & 0xffffu) : (buf & 0xffu);
  };
  for (std::int64_t i = 0; i < n; ++i) {
    if ((i & (kCancelChunk - 1)) == 0) check_cancel();  // Stop reaches a long fill (cancel.h)
    std::uint64_t v;
    if (rng == 0) {
      v = 0;
    } else if (bits == 64 && rng > 0xffffffffULL) {
      if (rng == ~0ULL) v = g_np.next64();
      else {
        const std::uint64_t mask = fill_mask(rng);
        while ((v = (g_np.next64() & mask)) > rng) {}
      }
    } else {
      const int nb = bits == 64 ? 32 : bits;
      const std::uint64_t full = nb == 32 ? 0xffffffffULL : (1ULL << nb) - 1;
      if (rng == full) v = nb == 32 ? g_np.mt.next32() : draw_narrow();
      else {
        const std::uint64_t mask = fill_mask(rng);
        if (nb == 32) { while ((v = (g_np.mt.next32() & mask)) > rng) {} }
        else { while ((v = (draw_narrow() & mask)) > rng) {} }
      }
    }
    out[static_cast<std::size_t>(i)] = v;
  }
}

int int_bits(DType dt) {
  switch (dt) {
    case DType::Int8: case DType::UInt8: return 8;
    case DType::Int16: case DType::UInt16: return 16;
    case DType::Int32: case DType::UInt32: return 32;
    default: return 64;
  }
}
}  // namespace

void seed_random(Kind kind, std::uint64_t seed) {
  if (kind == Kind::NDArray) g_np.seed(static_cast<std::uint32_t>(seed));
  else g_torch.mt.seed(static_cast<std::uint32_t>(seed));
}

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
  const auto ilow = static_cast<std::int64_t>(low);
  if (kind == Kind::NDArray) {
    if (dist == RandomDist::Randint) {
      std::vector<std::uint64_t> vals;
      const auto rng = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - 1 - ilow);
      numpy_bounded_fill(rng, int_bits(dt), n, vals);
      for (std::int64_t i = 0; i < n; ++i) {
        if ((i & (kCancelChunk - 1)) == 0) check_cancel();
        put(*a, i, Scalar::of_int(static_cast<std::int64_t>(static_cast<std::uint64_t>(ilow) + vals[static_cast<std::size_t>(i)])), false);
      }
      return a;
    }
    for (std::int64_t i = 0; i < n; ++i) {
      if ((i & (kCancelChunk - 1)) == 0) check_cancel();  // Stop reaches a long fill (cancel.h)
      double v = dist == RandomDist::Rand ? low + (high - low) * g_np.next_double() : g_np.next_gauss();
      put(*a, i, Scalar::of_float(v), false);
    }
    return a;
  }
  // torch CPU kernels (aten/src/ATen/native/cpu/DistributionTemplates.h) run serially over the
  // output: uniform_real_distribution<T> (DistributionsHelper.h) takes random() for float32/half
  // and random64() for float64, then TransformationHelper.h uniform_real keeps `digits` low bits:
  // (val & ((1 << digits) - 1)) * 2^-digits.
  const bool is_double = dt == DType::Float64;
  // std::numeric_limits<T>::digits: float 24, Half 11, BFloat16 8.
  const int digits = dt == DType::Float16 ? 11 : dt == DType::BFloat16 ? 8 : 24;
  for (std::int64_t i = 0; i < n; ++i) {
    if ((i & (kCancelChunk - 1)) == 0) check_cancel();  // Stop reaches a long fill (cancel.h)
    Scalar v;
    switch (dist) {
      case RandomDist::Rand: {
        double x = is_double ? static_cast<double>(g_torch.random64() & ((1ULL << 53) - 1)) * (1.0 / 9007199254740992.0)
                             : static_cast<double>(g_torch.random() & ((1u << digits) - 1)) / static_cast<double>(1u << digits);
        v = Scalar::of_float(x * (high - low) + low);
        break;
      }
      case RandomDist::Randn: {
        // Not torch's stream (its vectorised normal_fill is not reproduced): Box-Muller on its draws.
        double u1 = static_cast<double>(g_torch.random64() & ((1ULL << 53) - 1)) * (1.0 / 9007199254740992.0);
        double u2 = static_cast<double>(g_torch.random64() & ((1ULL << 53) - 1)) * (1.0 / 9007199254740992.0);
        v = Scalar::of_float(std::sqrt(-2.0 * std::log1p(-u1)) * std::cos(6.283185307179586 * u2));
        break;
      }
      case RandomDist::Randint: {
        // uniform_int_from_to_distribution: random64() when range >= 2^32 (64-bit/float types), else
        // random(); value = val % range + base.
        const auto range = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - ilow);
        const bool wide = range >= (1ULL << 32) && (dt == DType::Int64 || dt == DType::Float64 || dt == DType::Float32);
        const std::uint64_t val = wide ? g_torch.random64() : g_torch.random();
        v = Scalar::of_int(static_cast<std::int64_t>(val % range) + ilow);
        break;
      }
    }
    put(*a, i, v, false);
  }
  return a;
}

}  // namespace ss
