#include "layout.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "checked_math.h"

namespace ss::layout {

std::optional<std::int64_t> checked_numel(const Shape& sizes) {
  std::int64_t n = 1;
  for (auto s : sizes) {
    if (s < 0) return std::nullopt;
    if (__builtin_mul_overflow(n, s, &n)) return std::nullopt;
  }
  return n;
}

bool numpy_size_fits(const Shape& sizes, std::int64_t itemsize) {
  std::int64_t n = itemsize;
  for (auto s : sizes)
    if (s != 0 && !checked_mul(n, s, &n)) return false;
  return true;
}

Shape contiguous_strides(const Shape& sizes, std::int64_t unit) {
  Shape st(sizes.size());
  std::int64_t acc = unit;
  for (std::size_t i = sizes.size(); i-- > 0;) {
    st[i] = acc;
    // Wraps as PyTorch's stride computation does: only an empty tensor can get this far
    // (torch.empty(0, 2**62, 2**62)), and its strides address nothing.
    acc = wrapping_mul(acc, std::max<std::int64_t>(sizes[i], 1));
  }
  return st;
}

Shape fortran_strides(const Shape& sizes, std::int64_t unit) {
  Shape st(sizes.size());
  std::int64_t acc = unit;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    st[i] = acc;
    // (wraps: see contiguous_strides)
    acc = wrapping_mul(acc, std::max<std::int64_t>(sizes[i], 1));
  }
  return st;
}

Shape numpy_new_strides(const Shape& sizes, std::int64_t itemsize, bool fortran) {
  for (auto s : sizes)
    if (s == 0) return Shape(sizes.size(), 0);
  return fortran ? fortran_strides(sizes, itemsize) : contiguous_strides(sizes, itemsize);
}

Shape channels_last_strides(const Shape& sizes) {
  Shape st(4);
  st[1] = 1;
  st[3] = std::max<std::int64_t>(sizes[1], 1);
  st[2] = wrapping_mul(st[3], std::max<std::int64_t>(sizes[3], 1));
  st[0] = wrapping_mul(st[2], std::max<std::int64_t>(sizes[2], 1));
  return st;
}

namespace {
// Shared walk of NumPy's flag rule and c10's is_contiguous: size-1 dims are skipped.
bool dense_in_order(const Shape& sizes, const Shape& strides, std::int64_t unit, bool reverse) {
  for (auto s : sizes)
    if (s == 0) return true;
  std::int64_t expected = unit;
  const std::size_t n = sizes.size();
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t i = reverse ? n - 1 - k : k;
    if (sizes[i] == 1) continue;
    if (strides[i] != expected) return false;
    expected = wrapping_mul(expected, sizes[i]);  // the last product may pass int64 unused
  }
  return true;
}
}  // namespace

bool numpy_c_contiguous(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize) {
  return dense_in_order(sizes, byte_strides, itemsize, true);
}
bool numpy_f_contiguous(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize) {
  return dense_in_order(sizes, byte_strides, itemsize, false);
}
bool torch_is_contiguous(const Shape& sizes, const Shape& strides) { return dense_in_order(sizes, strides, 1, true); }

bool torch_is_channels_last_contiguous(const Shape& sizes, const Shape& strides) {
  if (sizes.size() != 4) return false;
  std::int64_t expected = 1;
  for (int d : {1, 3, 2, 0}) {
    if (sizes[d] == 1) continue;
    if (strides[d] != expected) return false;
    expected = wrapping_mul(expected, sizes[d]);
  }
  return true;
}

bool is_non_overlapping_and_dense(const Shape& sizes, const Shape& strides) {
  const std::size_t n = sizes.size();
  if (n == 1) return sizes[0] < 2 || strides[0] == 1;
  std::vector<std::size_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  // Sort by stride, size-0/1 dims last (their strides do not matter).
  std::sort(perm.begin(), perm.end(), [&](std::size_t a, std::size_t b) {
    if (sizes[a] < 2) return false;
    if (sizes[b] < 2) return true;
    return strides[a] < strides[b];
  });
  std::int64_t require = 1;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t s = sizes[perm[i]];
    if (s < 2) return true;
    if (strides[perm[i]] != require) return false;
    require = wrapping_mul(require, s);
  }
  return true;
}

Shape infer_dense_strides(const Shape& sizes, const Shape& strides) {
  const int n = static_cast<int>(sizes.size());
  std::vector<int> perm(n);
  for (int i = 0; i < n; ++i) perm[i] = n - 1 - i;  // innermost first
  // Returns >0 when dim0 should move after dim1; 0-strides are ambiguous and never move.
  auto should_swap = [&](int d0, int d1) {
    std::int64_t s0 = strides[d0], s1 = strides[d1];
    if (s0 == 0 || s1 == 0) return 0;
    if (s0 < s1) return -1;
    if (s0 > s1) return 1;
    return sizes[d0] > sizes[d1] ? 1 : 0;
  };
  for (int i = 1; i < n; ++i) {  // stable insertion sort
    int d1 = i;
    for (int d0 = i - 1; d0 >= 0; --d0) {
      int c = should_swap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  Shape out(n);
  std::int64_t cur = 1;
  for (int i = 0; i < n; ++i) {
    out[perm[i]] = cur;
    if (sizes[perm[i]] > 1) cur *= sizes[perm[i]];
  }
  return out;
}

Shape numpy_keep_order_strides(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize) {
  const std::size_t n = sizes.size();
  for (auto s : sizes)
    if (s == 0) return Shape(n, 0);
  std::vector<std::size_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(),
                   [&](std::size_t a, std::size_t b) { return std::llabs(byte_strides[a]) > std::llabs(byte_strides[b]); });
  Shape out(n);
  std::int64_t acc = itemsize;
  for (std::size_t k = n; k-- > 0;) {
    out[perm[k]] = acc;
    acc *= sizes[perm[k]];
  }
  return out;
}

std::optional<Shape> compute_stride(const Shape& old_sizes, const Shape& old_strides, const Shape& new_sizes) {
  // NOTE (aten/src/ATen/TensorUtils.cpp, computeStride): see semantics.md §45.
  const std::int64_t nview = static_cast<std::int64_t>(new_sizes.size());
  if (old_sizes.empty()) return Shape(new_sizes.size(), 1);
  std::int64_t numel = 1;
  for (auto s : old_sizes) numel *= s;
  if (numel == 0 && old_sizes == new_sizes) return old_strides;
  Shape st(new_sizes.size());
  if (numel == 0) {
    for (std::int64_t d = nview - 1; d >= 0; --d)
      st[d] = d == nview - 1 ? 1 : std::max<std::int64_t>(new_sizes[d + 1], 1) * st[d + 1];
    return st;
  }
  std::int64_t view_d = nview - 1;
  std::int64_t chunk_base = old_strides.back();
  std::int64_t tensor_numel = 1, view_numel = 1;
  for (std::int64_t td = static_cast<std::int64_t>(old_sizes.size()) - 1; td >= 0; --td) {
    tensor_numel *= old_sizes[td];
    if (td == 0 || (old_sizes[td - 1] != 1 && old_strides[td - 1] != tensor_numel * chunk_base)) {
      while (view_d >= 0 && (view_numel < tensor_numel || new_sizes[view_d] == 1)) {
        st[view_d] = view_numel * chunk_base;
        view_numel *= new_sizes[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (td > 0) {
        chunk_base = old_strides[td - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return st;
}

std::optional<Shape> numpy_nocopy_reshape(const Shape& old_sizes, const Shape& old_strides, const Shape& new_sizes,
                                          std::int64_t itemsize, bool fortran) {
  // Size-1 axes of the old array carry no layout information: drop them.
  Shape od, os;
  for (std::size_t i = 0; i < old_sizes.size(); ++i) {
    if (old_sizes[i] != 1) {
      od.push_back(old_sizes[i]);
      os.push_back(old_strides[i]);
    }
  }
  const std::size_t oldnd = od.size(), newnd = new_sizes.size();
  Shape ns(newnd, 0);
  std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    std::int64_t np = new_sizes[ni], op = od[oi];
    while (np != op) {
      if (np < op) {
        if (nj >= newnd) return std::nullopt;
        np *= new_sizes[nj++];
      } else {
        if (oj >= oldnd) return std::nullopt;
        op *= od[oj++];
      }
    }
    for (std::size_t ok = oi; ok + 1 < oj; ++ok) {  // can these old axes merge?
      if (fortran ? os[ok + 1] != od[ok] * os[ok] : os[ok] != od[ok + 1] * os[ok + 1]) return std::nullopt;
    }
    if (fortran) {
      ns[ni] = os[oi];
      for (std::size_t nk = ni + 1; nk < nj; ++nk) ns[nk] = ns[nk - 1] * new_sizes[nk - 1];
    } else {
      ns[nj - 1] = os[oj - 1];
      for (std::size_t nk = nj - 1; nk > ni; --nk) ns[nk - 1] = ns[nk] * new_sizes[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  std::int64_t last = ni >= 1 ? ns[ni - 1] : itemsize;
  if (fortran && ni >= 1) last *= new_sizes[ni - 1];
  for (std::size_t nk = ni; nk < newnd; ++nk) ns[nk] = last;
  return ns;
}

Extent byte_extent(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize) {
  Extent e;
  for (auto s : sizes)
    if (s == 0) return e;
  e.empty = false;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    std::int64_t span = (sizes[i] - 1) * byte_strides[i];
    if (span < 0) e.lo += span;
    else e.hi += span;
  }
  e.hi += itemsize;
  return e;
}

bool in_bounds(const Shape& sizes, const Shape& byte_strides, std::int64_t byte_offset, std::int64_t itemsize,
               std::int64_t storage_nbytes) {
  // Overflow-safe: user strides and sizes can be anything.
  std::int64_t lo = byte_offset, hi = byte_offset;
  for (auto s : sizes) {
    if (s < 0) return false;
    if (s == 0) return byte_offset >= 0;
  }
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    std::int64_t span;
    if (__builtin_mul_overflow(sizes[i] - 1, byte_strides[i], &span)) return false;
    if (span < 0 ? __builtin_add_overflow(lo, span, &lo) : __builtin_add_overflow(hi, span, &hi)) return false;
  }
  if (__builtin_add_overflow(hi, itemsize, &hi)) return false;
  return lo >= 0 && hi <= storage_nbytes;
}

std::optional<Shape> broadcast_shapes(const Shape& a, const Shape& b) {
  const std::size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (std::size_t k = 0; k < n; ++k) {
    std::int64_t x = k < a.size() ? a[a.size() - 1 - k] : 1;
    std::int64_t y = k < b.size() ? b[b.size() - 1 - k] : 1;
    if (x != y && x != 1 && y != 1) return std::nullopt;
    out[n - 1 - k] = x == 1 ? y : x;
  }
  return out;
}

std::string torch_list(const Shape& s) {
  std::string r = "[";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + "]";
}

std::string py_tuple(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

}  // namespace ss::layout
