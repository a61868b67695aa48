#include "sort.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>

#include "allocation.h"
#include "cancel.h"
#include "copy_ops.h"
#include "dims.h"
#include "elementwise.h"
#include "errors.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "report.h"
#include "../backends/cpu/thread_pool.h"

namespace ss {

namespace {

// ---------------------------------------------------------------------------------------------
// Keys: each element's bits mapped to an unsigned integer whose order is the value order, so
// that one radix sort serves every dtype. Floats: positives get the sign bit set, negatives are
// inverted, every NaN becomes the greatest key and -0.0 the key of 0.0 (NumPy and PyTorch
// compare them equal). Descending flips every key, which keeps equal keys in index order.

enum class KeyKind { Unsigned, Signed, Float };

template <class K>
K byteswap(K x) {
  if constexpr (sizeof(K) == 1) return x;
  else if constexpr (sizeof(K) == 2) return static_cast<K>(__builtin_bswap16(x));
  else if constexpr (sizeof(K) == 4) return __builtin_bswap32(x);
  else return __builtin_bswap64(x);
}

template <class K, KeyKind Kind>
struct KeyRule {
  using Bits = K;
  static constexpr KeyKind kKind = Kind;
  static constexpr K kSign = static_cast<K>(K{1} << (sizeof(K) * 8 - 1));
  static constexpr K kOnes = static_cast<K>(~K{0});
  K inf_bits = 0;  // floats: the magnitude bits of infinity (greater magnitudes are NaN)
  K desc = 0;      // all ones when descending

  // Floats: NaN or a zero, whose bits the values-only sort replays.
  bool special(K bits) const {
    const K mag = static_cast<K>(bits & ~kSign);
    return mag > inf_bits || mag == 0;
  }
  bool is_nan(K bits) const { return static_cast<K>(bits & ~kSign) > inf_bits; }
  // Branch-free, so that a contiguous line's loop vectorizes.
  K key(K bits) const {
    K k = bits;
    if constexpr (Kind == KeyKind::Signed) k = static_cast<K>(bits ^ kSign);
    if constexpr (Kind == KeyKind::Float) {
      const K mag = static_cast<K>(bits & ~kSign);
      k = static_cast<K>(bits ^ ((bits & kSign) ? kOnes : kSign));
      k = mag > inf_bits ? kOnes : k;
      k = mag == 0 ? kSign : k;
    }
    return static_cast<K>(k ^ desc);
  }
  // The bits of a key's value (for NaN and zero: one of them; the caller replays the real ones).
  K bits(K k) const {
    k = static_cast<K>(k ^ desc);
    if constexpr (Kind == KeyKind::Signed) return static_cast<K>(k ^ kSign);
    if constexpr (Kind == KeyKind::Float) return static_cast<K>(k ^ ((k & kSign) ? kSign : kOnes));
    return k;
  }
  K nan_key() const { return key(kOnes); }
  K zero_key() const { return key(0); }
};

// ---------------------------------------------------------------------------------------------
// Stable sorts of a buffer by key: insertion for short lines, std::stable_sort for middling ones,
// LSD radix (one byte a pass, passes that would move nothing skipped) for lines that fit in the
// caches, and for longer ones one MSD pass on the highest bits that differ, whose buckets (each
// sorted on its own, in cache, on the pool's threads) then need no further pass over memory.

template <class K, class I>
struct Pair {
  K key;
  I idx;
};
template <class K>
K key_of(K k) { return k; }
template <class K, class I>
K key_of(const Pair<K, I>& p) { return p.key; }

constexpr std::int64_t kInsertionMax = 16;
constexpr std::int64_t kComparisonMax = 256;
constexpr std::int64_t kLsdMax = std::int64_t{1} << 16;
// A bucket of an MSD pass longer than this takes another MSD pass (float keys crowd into few
// buckets: half of the values in [0, 1) share one exponent).
constexpr std::int64_t kBucketLsdMax = std::int64_t{1} << 12;
constexpr int kMsdBits = 11;
constexpr std::int64_t kMsdBuckets = std::int64_t{1} << kMsdBits;

// Sorts a[0, n) by key, stably; `scratch` holds n elements.
template <class E>
void lsd_sort(E* a, E* scratch, std::int64_t n) {
  using K = decltype(key_of(a[0]));
  if (n <= kInsertionMax) {
    for (std::int64_t i = 1; i < n; ++i) {
      E e = a[i];
      std::int64_t j = i;
      for (; j > 0 && key_of(e) < key_of(a[j - 1]); --j) a[j] = a[j - 1];
      a[j] = e;
    }
    return;
  }
  if (n <= kComparisonMax) {
    std::stable_sort(a, a + n, [](const E& x, const E& y) { return key_of(x) < key_of(y); });
    return;
  }
  constexpr int kBytes = sizeof(K);
  std::int64_t hist[kBytes][256] = {};
  for (std::int64_t i = 0; i < n; ++i) {
    const std::uint64_t k = key_of(a[i]);
    for (int b = 0; b < kBytes; ++b) ++hist[b][(k >> (8 * b)) & 255];
  }
  E* src = a;
  E* dst = scratch;
  const std::uint64_t first = key_of(a[0]);
  for (int b = 0; b < kBytes; ++b) {
    std::int64_t* h = hist[b];
    if (h[(first >> (8 * b)) & 255] == n) continue;  // every key has this byte: nothing moves
    std::int64_t sum = 0;
    for (int d = 0; d < 256; ++d) {
      const std::int64_t c = h[d];
      h[d] = sum;
      sum += c;
    }
    for (std::int64_t i = 0; i < n; ++i) {
      const E e = src[i];
      dst[h[(static_cast<std::uint64_t>(key_of(e)) >> (8 * b)) & 255]++] = e;
    }
    std::swap(src, dst);
  }
  if (src != a) std::copy(src, src + n, a);
}

// Sorts a[0, n) by key, stably, on up to `threads` threads; `scratch` holds n elements. Polls the
// Stop flag (when `stop` is given) between buckets; `*stopped` says the sort was left unfinished.
template <class E>
void sort_keys(E* a, E* scratch, std::int64_t n, int threads, const std::int32_t* stop, bool* stopped, std::int64_t lsd_max = kLsdMax) {
  if (n <= lsd_max) {
    lsd_sort(a, scratch, n);
    return;
  }
  std::uint64_t lo = key_of(a[0]), hi = lo;
  for (std::int64_t i = 1; i < n; ++i) {
    const std::uint64_t k = key_of(a[i]);
    lo = std::min(lo, k);
    hi = std::max(hi, k);
  }
  if (lo == hi) return;
  // The bits above `top` are the same in every key: the bucket is the kMsdBits below it.
  const int top = 64 - __builtin_clzll(lo ^ hi);
  const int shift = std::max(top - kMsdBits, 0);
  auto digit = [&](const E& e) { return static_cast<std::size_t>((static_cast<std::uint64_t>(key_of(e)) >> shift) & (kMsdBuckets - 1)); };
  std::vector<std::int64_t> start(static_cast<std::size_t>(kMsdBuckets) + 1, 0);
  for (std::int64_t i = 0; i < n; ++i) ++start[digit(a[i]) + 1];
  for (std::int64_t d = 0; d < kMsdBuckets; ++d) start[static_cast<std::size_t>(d) + 1] += start[static_cast<std::size_t>(d)];
  std::vector<std::int64_t> at(start.begin(), start.end() - 1);
  for (std::int64_t i = 0; i < n; ++i) scratch[at[digit(a[i])]++] = a[i];
  // Each bucket is sorted where it landed (a's same range as its scratch) and copied back.
  auto buckets = [&](std::int64_t b0, std::int64_t b1) {
    for (std::int64_t d = b0; d < b1; ++d) {
      const std::int64_t s = start[static_cast<std::size_t>(d)], m = start[static_cast<std::size_t>(d) + 1] - s;
      if (m == 0) continue;
      sort_keys(scratch + s, a + s, m, 1, nullptr, nullptr, kBucketLsdMax);
      std::copy(scratch + s, scratch + s + m, a + s);
    }
  };
  if (threads > 1 || stop) cpu::parallel_for_stoppable(kMsdBuckets, threads, 64, stop, stopped, buckets);
  else buckets(0, kMsdBuckets);
}

// ---------------------------------------------------------------------------------------------
// The lines of an array along one axis: the other axes walked in C order.

struct Lines {
  Shape outer_sizes;
  std::vector<Shape> outer_strides;  // one per array
  std::int64_t count = 1;
};

Lines lines_of(const std::vector<const Array*>& arrays, int axis) {
  Lines l;
  const Array& first = *arrays[0];
  l.outer_strides.resize(arrays.size());
  for (int d = 0; d < first.ndim(); ++d) {
    if (d == axis) continue;
    l.outer_sizes.push_back(first.sizes[d]);
    l.count *= first.sizes[d];
    for (std::size_t i = 0; i < arrays.size(); ++i) l.outer_strides[i].push_back(arrays[i]->byte_strides[d]);
  }
  return l;
}

// Calls f(offsets) for lines [begin, end) (in C order of the outer axes) with each line's byte
// offset in every array.
template <class F>
void for_each_line(const Lines& l, std::size_t narrays, std::int64_t begin, std::int64_t end, F f) {
  if (begin >= end) return;
  const int nd = static_cast<int>(l.outer_sizes.size());
  Shape pos(l.outer_sizes.size(), 0);
  Shape off(narrays, 0);
  std::int64_t r = begin;  // begin's position and offsets
  for (int d = nd - 1; d >= 0; --d) {
    const auto du = static_cast<std::size_t>(d);
    pos[du] = r % l.outer_sizes[du];
    r /= l.outer_sizes[du];
    for (std::size_t i = 0; i < narrays; ++i) off[i] += pos[du] * l.outer_strides[i][du];
  }
  for (std::int64_t line = begin; line < end; ++line) {
    f(off);
    for (int d = nd - 1; d >= 0; --d) {
      const auto du = static_cast<std::size_t>(d);
      for (std::size_t i = 0; i < narrays; ++i) off[i] += l.outer_strides[i][du];
      if (++pos[du] < l.outer_sizes[du]) break;
      for (std::size_t i = 0; i < narrays; ++i) off[i] -= l.outer_strides[i][du] * l.outer_sizes[du];
      pos[du] = 0;
    }
  }
}

bool swapped(const Array& a) { return a.byte_order == '>' || a.byte_order == '<'; }

template <class K>
K load_bits(const char* p, bool swap) {
  K bits;
  std::memcpy(&bits, p, sizeof(K));
  return swap ? byteswap(bits) : bits;
}
template <class K>
void store_bits(char* p, K bits, bool swap) {
  if (swap) bits = byteswap(bits);
  std::memcpy(p, &bits, sizeof(K));
}

// One line's geometry: where it starts in each array and its byte stride.
struct LineIO {
  const Array& in;
  const Array* values;
  const Array* indices;
  int axis;
  std::int64_t n, keep;
};

// Work spread over threads: a sort of at least this many elements in all.
constexpr std::int64_t kParallelMin = std::int64_t{1} << 15;

template <class Rule, class I>
void sort_lines_typed(const LineIO& io, const Rule& rule, int* threads_used) {
  using K = typename Rule::Bits;
  constexpr bool is_float = Rule::kKind == KeyKind::Float;
  std::vector<const Array*> arrays{&io.in};
  if (io.values) arrays.push_back(io.values);
  if (io.indices) arrays.push_back(io.indices);
  const std::size_t narrays = arrays.size();
  const Lines lines = lines_of(arrays, io.axis);
  const std::int64_t n = io.n, keep = io.keep;
  const std::int64_t in_step = io.in.byte_strides[static_cast<std::size_t>(io.axis)];
  const std::int64_t v_step = io.values ? io.values->byte_strides[static_cast<std::size_t>(io.axis)] : 0;
  const std::int64_t i_step = io.indices ? io.indices->byte_strides[static_cast<std::size_t>(io.axis)] : 0;
  const bool swap_in = swapped(io.in), swap_out = io.values && swapped(*io.values);
  char* const in0 = io.in.data_ptr();
  char* const v0 = io.values ? io.values->data_ptr() : nullptr;
  char* const i0 = io.indices ? io.indices->data_ptr() : nullptr;
  const K zero_key = rule.zero_key(), nan_key = rule.nan_key();

  // One thread's buffers, for lines of n elements.
  struct Work {
    std::vector<K> keys, key_scratch, zeros, nans, raw;
    std::vector<Pair<K, I>> pairs, pair_scratch;
  };
  auto sort_line = [&](Work& w, const Shape& off, int threads, const std::int32_t* stop, bool* stopped) {
    const char* src = in0 + off[0];
    if (!io.indices) {
      // Values only: sort the keys themselves; equal keys have equal bits except zeros (+0.0 and
      // -0.0) and NaNs, whose bits are replayed in line order (a stable sort keeps that order).
      w.keys.resize(static_cast<std::size_t>(n));
      w.key_scratch.resize(static_cast<std::size_t>(n));
      K* keys = w.keys.data();
      bool any_special = false;
      // (A contiguous line in native byte order gets a loop of its own, which vectorizes.)
      auto gather = [&](auto step, bool swap) {
        for (std::int64_t j = 0; j < n; ++j) {
          const K bits = load_bits<K>(src + j * step, swap);
          if constexpr (is_float) any_special |= rule.special(bits);
          keys[j] = rule.key(bits);
        }
      };
      if (in_step == sizeof(K) && !swap_in) gather(std::integral_constant<std::int64_t, sizeof(K)>{}, false);
      else gather(in_step, swap_in);
      w.zeros.clear();
      w.nans.clear();
      if (any_special) {
        for (std::int64_t j = 0; j < n; ++j) {
          const K bits = load_bits<K>(src + j * in_step, swap_in);
          if (rule.special(bits)) (rule.is_nan(bits) ? w.nans : w.zeros).push_back(bits);
        }
      }
      sort_keys(keys, w.key_scratch.data(), n, threads, stop, stopped);
      if (stopped && *stopped) return;
      char* dst = v0 + off[1];
      if (!any_special) {
        auto scatter = [&](auto step, bool swap) {
          for (std::int64_t j = 0; j < keep; ++j) store_bits<K>(dst + j * step, rule.bits(keys[j]), swap);
        };
        if (v_step == sizeof(K) && !swap_out) scatter(std::integral_constant<std::int64_t, sizeof(K)>{}, false);
        else scatter(v_step, swap_out);
        return;
      }
      std::size_t zi = 0, ni = 0;
      for (std::int64_t j = 0; j < keep; ++j) {
        const K k = keys[j];
        const K bits = k == nan_key ? w.nans[ni++] : k == zero_key ? w.zeros[zi++] : rule.bits(k);
        store_bits<K>(dst + j * v_step, bits, swap_out);
      }
      return;
    }
    // Indices wanted: sort (key, position) pairs; values are the line's own bits at each position.
    w.pairs.resize(static_cast<std::size_t>(n));
    w.pair_scratch.resize(static_cast<std::size_t>(n));
    if (io.values) w.raw.resize(static_cast<std::size_t>(n));
    for (std::int64_t j = 0; j < n; ++j) {
      const K bits = load_bits<K>(src + j * in_step, swap_in);
      if (io.values) w.raw[static_cast<std::size_t>(j)] = bits;
      w.pairs[static_cast<std::size_t>(j)] = {rule.key(bits), static_cast<I>(j)};
    }
    sort_keys(w.pairs.data(), w.pair_scratch.data(), n, threads, stop, stopped);
    if (stopped && *stopped) return;
    std::size_t at = 1;
    if (io.values) {
      char* dst = v0 + off[at++];
      for (std::int64_t j = 0; j < keep; ++j) store_bits<K>(dst + j * v_step, w.raw[w.pairs[static_cast<std::size_t>(j)].idx], swap_out);
    }
    char* dst = i0 + off[at];
    for (std::int64_t j = 0; j < keep; ++j) {
      const std::int64_t idx = static_cast<std::int64_t>(w.pairs[static_cast<std::size_t>(j)].idx);
      std::memcpy(dst + j * i_step, &idx, sizeof idx);
    }
  };

  // Long lines spread their buckets over the threads, many lines spread the lines; either way
  // the Stop flag is read between pieces of about kCancelChunk elements.
  const int threads = lines.count * n >= kParallelMin ? std::max(1, cpu::copy_threads()) : 1;
  const std::int32_t* stop = cancel_flag();
  bool stopped = false;
  if (lines.count == 1 || n > kLsdMax) {
    Work w;
    for_each_line(lines, narrays, 0, lines.count, [&](const Shape& off) {
      if (!stopped) sort_line(w, off, threads, stop, &stopped);
    });
    *threads_used = threads;
  } else {
    const std::int64_t chunks = std::min(lines.count, std::max<std::int64_t>(1, lines.count * n / kCancelChunk));
    *threads_used = cpu::parallel_for_stoppable(lines.count, threads, chunks, stop, &stopped, [&](std::int64_t l0, std::int64_t l1) {
      Work w;
      for_each_line(lines, narrays, l0, l1, [&](const Shape& off) { sort_line(w, off, 1, nullptr, nullptr); });
    });
  }
  if (stopped) check_cancel();
}

// Calls f(rule) with the key rule of `dt`.
template <class F>
void with_key_rule(DType dt, bool descending, F f) {
  auto rule = [&](auto zero, auto kind, std::uint64_t inf_bits) {
    using K = decltype(zero);
    KeyRule<K, decltype(kind)::value> r;
    r.inf_bits = static_cast<K>(inf_bits);
    r.desc = descending ? static_cast<K>(~K{0}) : K{0};
    f(r);
  };
  using U = std::integral_constant<KeyKind, KeyKind::Unsigned>;
  using S = std::integral_constant<KeyKind, KeyKind::Signed>;
  using Fl = std::integral_constant<KeyKind, KeyKind::Float>;
  switch (dt) {
    case DType::Bool:
    case DType::UInt8: rule(std::uint8_t{}, U{}, 0); break;
    case DType::Int8: rule(std::uint8_t{}, S{}, 0); break;
    case DType::UInt16: rule(std::uint16_t{}, U{}, 0); break;
    case DType::Int16: rule(std::uint16_t{}, S{}, 0); break;
    case DType::Float16: rule(std::uint16_t{}, Fl{}, 0x7C00); break;
    case DType::BFloat16: rule(std::uint16_t{}, Fl{}, 0x7F80); break;
    case DType::UInt32: rule(std::uint32_t{}, U{}, 0); break;
    case DType::Int32: rule(std::uint32_t{}, S{}, 0); break;
    case DType::Float32: rule(std::uint32_t{}, Fl{}, 0x7F800000u); break;
    case DType::UInt64: rule(std::uint64_t{}, U{}, 0); break;
    case DType::Int64: rule(std::uint64_t{}, S{}, 0); break;
    case DType::Float64: rule(std::uint64_t{}, Fl{}, 0x7FF0000000000000ull); break;
    default: raise(PyExc::NotImplementedError, std::string("sorting ") + dtype_name(dt) + " values is not supported by the Stridescope engine");
  }
}

// The (1,) view of a 0-d array (one line of one element); other arrays as they are.
Array as_line_array(const Array& a) {
  Array v = a;
  if (v.ndim() == 0) {
    v.sizes = {1};
    v.byte_strides = {0};
  }
  return v;
}

// The flattened array in C order: a view when a's layout allows it, else a copy (NumPy's ravel).
ArrayPtr flat_of(const ArrayPtr& a) { return a->ndim() == 1 ? a : reshape(a, {a->numel()}, Order::C); }

ArrayPtr new_like_on(const Array& like, Kind kind, DType dt, const Shape& sizes, const Shape& byte_strides) {
  return new_array_on(*like.storage, kind, dt, sizes, byte_strides);
}

Shape c_strides(const Shape& sizes, DType dt) { return layout::contiguous_strides(sizes, static_cast<std::int64_t>(itemsize_of(dt))); }

std::string axis_words(std::int64_t axis) { return "along axis " + std::to_string(axis); }

// The report of a sort: one op with its own kernel name and what it allocated or wrote.
void report_sort(const char* op, std::size_t bytes, const std::string& reason, int threads) {
  OpReport& r = current_report();
  r.threads = threads;
  r.op = op;
  r.copied = true;
  r.kernel = "sort";
  r.bytes = bytes;
  r.reason = reason;
}

void check_sortable(const Array& a, const char* op) {
  check_host_accessible(a, op);
  if (is_complex(a.dtype)) raise(PyExc::NotImplementedError, std::string(op) + " of complex values is not supported by the Stridescope engine");
}

}  // namespace

int sort_lines(const Array& in_arr, int axis, bool descending, std::int64_t keep, const Array* values_arr, const Array* indices_arr) {
  const Array in = as_line_array(in_arr);
  std::optional<Array> values, indices;
  if (values_arr) values = values_arr == &in_arr ? in : as_line_array(*values_arr);
  if (indices_arr) indices = as_line_array(*indices_arr);
  if (axis < 0 || axis >= in.ndim()) raise(PyExc::ValueError, "sort: axis out of range");
  const std::int64_t n = in.sizes[static_cast<std::size_t>(axis)];
  if (keep < 0 || keep > n) raise(PyExc::ValueError, "sort: keep out of range");
  if (in.numel() == 0 || keep == 0) return 1;
  const LineIO io{in, values ? &*values : nullptr, indices ? &*indices : nullptr, axis, n, keep};
  int threads = 1;
  with_key_rule(in.dtype, descending, [&](const auto& rule) {
    using Rule = std::decay_t<decltype(rule)>;
    if (n <= static_cast<std::int64_t>(std::numeric_limits<std::uint32_t>::max())) sort_lines_typed<Rule, std::uint32_t>(io, rule, &threads);
    else sort_lines_typed<Rule, std::uint64_t>(io, rule, &threads);
  });
  return threads;
}

ArrayPtr np_sort(const ArrayPtr& a, std::optional<std::int64_t> axis) {
  check_sortable(*a, "sort");
  if (!axis) {
    // The flattened array: sorted in place when flattening copied, else into a new array.
    ArrayPtr flat = flat_of(a);
    ArrayPtr out = flat;
    if (flat->storage == a->storage) {
      out = new_like_on(*a, a->kind, a->dtype, flat->sizes, strides_for_order(*flat, Order::C, a->dtype));
      out->byte_order = a->byte_order;
    }
    const int threads = sort_lines(*flat, 0, false, flat->numel(), out.get(), nullptr);
    report_sort("sort", static_cast<std::size_t>(out->nbytes()), "np.sort(axis=None) result: a new 1-d array of the flattened values, sorted", threads);
    return out;
  }
  const std::int64_t ax = numpy_wrap_axis(*axis, a->ndim());
  // NumPy sorts a.copy(order='K') in place: the result keeps the input's memory order.
  auto out = new_like_on(*a, a->kind, a->dtype, a->sizes, strides_for_order(*a, Order::K, a->dtype));
  out->byte_order = a->byte_order;
  const int threads = sort_lines(*a, static_cast<int>(ax), false, a->sizes[static_cast<std::size_t>(ax)], out.get(), nullptr);
  report_sort("sort", static_cast<std::size_t>(out->nbytes()),
              "np.sort result: a new array in the input's memory order (a.copy(order='K')), sorted " + axis_words(ax), threads);
  return out;
}

void np_sort_inplace(const ArrayPtr& a, std::int64_t axis) {
  check_sortable(*a, "sort");
  const std::int64_t ax = numpy_wrap_axis(axis, a->ndim());
  check_writeable(*a);
  const int threads = sort_lines(*a, static_cast<int>(ax), false, a->sizes[static_cast<std::size_t>(ax)], a.get(), nullptr);
  report_sort("sort", static_cast<std::size_t>(a->nbytes()),
              "ndarray.sort: sorted in place " + axis_words(ax) + ", a write seen through every view of its memory", threads);
}

ArrayPtr np_argsort(const ArrayPtr& a, std::optional<std::int64_t> axis) {
  check_sortable(*a, "argsort");
  ArrayPtr src = a;
  std::int64_t ax = 0;
  if (!axis || a->ndim() == 0) src = flat_of(a);  // a 0-d input sorts as its one-element ravel
  else ax = numpy_wrap_axis(*axis, a->ndim());
  auto out = new_like_on(*src, Kind::NDArray, DType::Int64, src->sizes, strides_for_order(*src, Order::C, DType::Int64));
  const int threads = sort_lines(*src, static_cast<int>(ax), false, src->sizes[static_cast<std::size_t>(ax)], nullptr, out.get());
  report_sort("argsort", static_cast<std::size_t>(out->nbytes()), "np.argsort result: a new C-ordered int64 array " + axis_words(ax), threads);
  return out;
}

SortedPair torch_sort(const ArrayPtr& t, std::int64_t dim, bool descending, bool want_values) {
  const char* op = want_values ? "sort" : "argsort";
  check_sortable(*t, op);
  const std::int64_t d = torch_wrap_dim(dim, t->ndim());
  SortedPair r;
  // NOTE aten/src/ATen/native/Sorting.cpp TORCH_META_FUNC2(sort, stable): values and indices
  // are laid out as empty_like(self) (its strides when non-overlapping and dense).
  const Shape el_order = memory_format_strides(*t, MemFormat::Preserve, DType::Int64);
  r.indices = new_like_on(*t, Kind::Tensor, DType::Int64, t->sizes, el_order);
  std::size_t bytes = static_cast<std::size_t>(r.indices->nbytes());
  if (want_values) {
    r.values = new_like_on(*t, Kind::Tensor, t->dtype, t->sizes, memory_format_strides(*t, MemFormat::Preserve, t->dtype));
    r.values->requires_grad = records_history(t->requires_grad, t->dtype);
    bytes += static_cast<std::size_t>(r.values->nbytes());
  }
  const std::int64_t n = t->ndim() == 0 ? 1 : t->sizes[static_cast<std::size_t>(d)];
  const int threads = sort_lines(*t, t->ndim() == 0 ? 0 : static_cast<int>(d), descending, n, r.values.get(), r.indices.get());
  report_sort(op, bytes,
              std::string("torch.") + op + " result: new " + (want_values ? "values and int64 indices tensors" : "int64 indices tensor") +
                  " laid out as the input (its strides when dense), " + (descending ? "descending " : "") + "along dim " + std::to_string(d),
              threads);
  return r;
}

SortedPair torch_topk(const ArrayPtr& t, std::int64_t k, std::int64_t dim, bool largest) {
  check_sortable(*t, "topk");
  const std::int64_t d = torch_wrap_dim(dim, t->ndim());
  const std::int64_t n = t->ndim() == 0 ? 1 : t->sizes[static_cast<std::size_t>(d)];
  if (k < 0 || k > n) raise(PyExc::RuntimeError, "selected index k out of range");
  Shape sizes = t->sizes;
  if (t->ndim() > 0) sizes[static_cast<std::size_t>(d)] = k;
  SortedPair r;
  r.values = new_like_on(*t, Kind::Tensor, t->dtype, sizes, c_strides(sizes, t->dtype));
  r.values->requires_grad = records_history(t->requires_grad, t->dtype);
  r.indices = new_like_on(*t, Kind::Tensor, DType::Int64, sizes, c_strides(sizes, DType::Int64));
  const int threads = sort_lines(*t, t->ndim() == 0 ? 0 : static_cast<int>(d), largest, k, r.values.get(), r.indices.get());
  report_sort("topk", static_cast<std::size_t>(r.values->nbytes() + r.indices->nbytes()),
              "torch.topk result: new contiguous values and int64 indices tensors, the " + std::to_string(k) + (largest ? " largest" : " smallest") +
                  " along dim " + std::to_string(d) + " in sorted order",
              threads);
  return r;
}

std::vector<ArrayPtr> unique(const ArrayPtr& a, bool want_index, bool want_inverse, bool want_counts, bool equal_nan) {
  check_sortable(*a, "unique");
  const ArrayPtr flat = flat_of(a);
  const std::int64_t n = flat->numel();
  const Kind kind = a->kind;
  auto make = [&](DType dt, const Shape& sizes) {
    return kind == Kind::Tensor ? new_like_on(*a, kind, dt, sizes, c_strides(sizes, dt)) : new_array(kind, dt, sizes);
  };
  // The stable sorted order of the flattened values, then one group per distinct key.
  auto order = make(DType::Int64, {n});
  const int threads = sort_lines(*flat, 0, false, n, nullptr, order.get());
  const auto* perm = reinterpret_cast<const std::int64_t*>(order->data_ptr());
  std::vector<std::int64_t> starts;
  ArrayPtr values;
  std::vector<std::int64_t> group_of(want_inverse ? static_cast<std::size_t>(n) : 0);
  with_key_rule(a->dtype, false, [&](const auto& rule) {
    using K = std::decay_t<decltype(rule.inf_bits)>;
    const char* base = flat->data_ptr();
    const std::int64_t step = flat->byte_strides[0];
    const bool swap = swapped(*flat);
    const K nan_key = rule.nan_key();
    K prev{};
    for (std::int64_t k = 0; k < n; ++k) {
      const K key = rule.key(load_bits<K>(base + perm[k] * step, swap));
      if (k == 0 || key != prev || (!equal_nan && key == nan_key)) starts.push_back(k);
      prev = key;
      if (want_inverse) group_of[static_cast<std::size_t>(perm[k])] = static_cast<std::int64_t>(starts.size()) - 1;
    }
    const std::int64_t g = static_cast<std::int64_t>(starts.size());
    values = make(a->dtype, {g});
    values->byte_order = flat->byte_order;
    char* out = values->data_ptr();
    // Each distinct value as its first sorted element stores it (a copy of the bytes).
    for (std::int64_t i = 0; i < g; ++i) std::memcpy(out + i * static_cast<std::int64_t>(sizeof(K)), base + perm[starts[static_cast<std::size_t>(i)]] * step, sizeof(K));
    starts.push_back(n);
  });
  std::vector<ArrayPtr> results{values};
  const std::int64_t g = static_cast<std::int64_t>(starts.size()) - 1;
  std::size_t bytes = static_cast<std::size_t>(results[0]->nbytes());
  auto ints = [&](const Shape& sizes, auto value_at) {
    auto r = make(DType::Int64, sizes);
    auto* p = reinterpret_cast<std::int64_t*>(r->data_ptr());
    for (std::int64_t i = 0; i < r->numel(); ++i) p[i] = value_at(i);
    bytes += static_cast<std::size_t>(r->nbytes());
    results.push_back(r);
  };
  if (want_index) ints({g}, [&](std::int64_t i) { return perm[starts[static_cast<std::size_t>(i)]]; });
  if (want_inverse) ints(a->sizes, [&](std::int64_t i) { return group_of[static_cast<std::size_t>(i)]; });
  if (want_counts) ints({g}, [&](std::int64_t i) { return starts[static_cast<std::size_t>(i) + 1] - starts[static_cast<std::size_t>(i)]; });
  report_sort("unique", bytes,
              std::string(kind == Kind::Tensor ? "torch" : "np") + ".unique result: the sorted distinct values of the flattened input" +
                  (results.size() > 1 ? " and its int64 index arrays" : "") + " (a stable sort, then one pass)",
              threads);
  return results;
}

}  // namespace ss
