#include "sharing.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "errors.h"
#include "layout.h"

namespace ss {

namespace {

struct Range {
  std::uintptr_t lo, hi;  // [lo, hi)
  bool empty;
};

Range range_of(const Array& a) {
  auto e = layout::byte_extent(a.sizes, a.byte_strides, static_cast<std::int64_t>(a.itemsize()));
  auto base = reinterpret_cast<std::uintptr_t>(a.data_ptr());
  return {base + e.lo, base + e.hi, e.empty};
}

bool same_device(const Array& a, const Array& b) {
  // Host memory (pinned or not) is one address space; cuda memory is per device.
  if (a.storage->device != b.storage->device) return false;
  return a.storage->device.is_cpu() || a.storage->simulated == b.storage->simulated;
}

// Collects the sorted set of element start offsets (relative to `origin`) of a.
// Used only when the element count is small enough.
void element_starts(const Array& a, std::intptr_t origin, std::vector<std::intptr_t>& out) {
  const int n = a.ndim();
  std::vector<std::int64_t> idx(n, 0);
  std::intptr_t base = reinterpret_cast<std::intptr_t>(a.data_ptr()) - origin;
  std::int64_t total = a.numel();
  for (std::int64_t k = 0; k < total; ++k) {
    std::intptr_t off = base;
    for (int d = 0; d < n; ++d) off += idx[d] * a.byte_strides[d];
    out.push_back(off);
    for (int d = n - 1; d >= 0; --d) {
      if (++idx[d] < a.sizes[d]) break;
      idx[d] = 0;
    }
  }
  std::sort(out.begin(), out.end());
}

}  // namespace

bool may_share_memory(const Array& a, const Array& b) {
  if (!same_device(a, b)) return false;
  Range ra = range_of(a), rb = range_of(b);
  if (ra.empty || rb.empty) return false;
  return ra.lo < rb.hi && rb.lo < ra.hi;
}

namespace {

// A layout where each axis (by decreasing |stride|) jumps past everything the
// inner axes span: then elements sorted by address follow index order, and the
// greatest element start <= x is found greedily.
struct NestedLayout {
  std::intptr_t base = 0;  // lowest element start
  std::vector<std::int64_t> sizes, strides;  // positive strides, decreasing
  bool ok = false;
};

NestedLayout nested_layout(const Array& a, std::intptr_t origin) {
  NestedLayout L;
  L.base = reinterpret_cast<std::intptr_t>(a.data_ptr()) - origin;
  std::vector<std::pair<std::int64_t, std::int64_t>> dims;  // (stride, size)
  for (int d = 0; d < a.ndim(); ++d) {
    std::int64_t st = a.byte_strides[d], sz = a.sizes[d];
    if (sz <= 1 || st == 0) continue;  // broadcast axes repeat the same bytes
    if (st < 0) {
      L.base += (sz - 1) * st;
      st = -st;
    }
    dims.push_back({st, sz});
  }
  std::sort(dims.begin(), dims.end(), [](auto& x, auto& y) { return x.first > y.first; });
  std::int64_t inner = static_cast<std::int64_t>(a.itemsize());
  for (std::size_t k = dims.size(); k-- > 0;) {
    if (dims[k].first < inner) return L;
    inner = dims[k].first * (dims[k].second - 1) + inner;
  }
  for (auto& d : dims) {
    L.strides.push_back(d.first);
    L.sizes.push_back(d.second);
  }
  L.ok = true;
  return L;
}

// Greatest element start <= x, or false if none.
bool predecessor(const NestedLayout& L, std::intptr_t x, std::intptr_t* out) {
  std::intptr_t off = x - L.base;
  if (off < 0) return false;
  for (std::size_t k = 0; k < L.strides.size(); ++k) {
    std::int64_t i = std::min<std::int64_t>(L.sizes[k] - 1, off / L.strides[k]);
    off -= i * L.strides[k];
  }
  *out = x - off;
  return true;
}

}  // namespace

namespace {

// Bytes between the first and last byte a nested layout touches, and the bytes its
// distinct elements cover: equal when there are no gaps (a dense block).
bool dense_block(const NestedLayout& L, std::int64_t itemsize) {
  std::int64_t span = itemsize, covered = itemsize;
  for (std::size_t k = 0; k < L.sizes.size(); ++k) {
    span += (L.sizes[k] - 1) * L.strides[k];
    covered *= L.sizes[k];
  }
  return span == covered;
}

// Calls f(offset) for every element start of `a` relative to `origin`, stopping when f returns true.
template <class F>
bool any_element(const Array& a, std::intptr_t origin, F&& f) {
  const int n = a.ndim();
  std::vector<std::int64_t> idx(n, 0);
  std::intptr_t off = reinterpret_cast<std::intptr_t>(a.data_ptr()) - origin;
  const std::int64_t total = a.numel();
  for (std::int64_t k = 0; k < total; ++k) {
    if (f(off)) return true;
    for (int d = n - 1; d >= 0; --d) {
      off += a.byte_strides[d];
      if (++idx[d] < a.sizes[d]) break;
      off -= a.byte_strides[d] * a.sizes[d];
      idx[d] = 0;
    }
  }
  return false;
}

}  // namespace

bool shares_memory(const Array& a, const Array& b) {
  if (!may_share_memory(a, b)) return false;
  Range ra = range_of(a), rb = range_of(b);
  // Exact: NumPy solves a bounded Diophantine problem (mem_overlap.c). Here: a dense
  // block shares with anything whose extent overlaps it; otherwise one side's
  // elements probe the other side, by a greedy walk when that side's layout is
  // nested, else by binary search in its sorted element starts.
  const auto origin = static_cast<std::intptr_t>(std::min(ra.lo, rb.lo));
  NestedLayout La = nested_layout(a, origin), Lb = nested_layout(b, origin);
  // A dense block shares with a nested layout iff that layout's last element starting
  // before the block's end reaches into the block: O(ndim).
  auto block_vs = [&](const Range& r, const NestedLayout& other, std::intptr_t other_item) {
    std::intptr_t p;
    const auto lo = static_cast<std::intptr_t>(r.lo) - origin, hi = static_cast<std::intptr_t>(r.hi) - origin;
    return predecessor(other, hi - 1, &p) && p + other_item > lo;
  };
  if (La.ok && Lb.ok && dense_block(La, static_cast<std::int64_t>(a.itemsize())))
    return block_vs(ra, Lb, static_cast<std::intptr_t>(b.itemsize()));
  if (La.ok && Lb.ok && dense_block(Lb, static_cast<std::int64_t>(b.itemsize())))
    return block_vs(rb, La, static_cast<std::intptr_t>(a.itemsize()));
  // Probe the nested side (the larger one when both are), enumerate the other.
  const bool probe_b = Lb.ok && (!La.ok || b.numel() >= a.numel());
  const Array& walk = probe_b ? a : b;
  const Array& probe = probe_b ? b : a;
  const NestedLayout& L = probe_b ? Lb : La;
  const std::intptr_t wi = static_cast<std::intptr_t>(walk.itemsize()), pi = static_cast<std::intptr_t>(probe.itemsize());
  if (L.ok) {
    return any_element(walk, origin, [&](std::intptr_t s) {
      std::intptr_t p;
      // The last probe element starting before s + wi overlaps iff it ends after s.
      return predecessor(L, s + wi - 1, &p) && p + pi > s;
    });
  }
  // Neither layout is nested (overlapping windows): sorted starts of the smaller side.
  const Array& small = a.numel() <= b.numel() ? a : b;
  const Array& large = &small == &a ? b : a;
  std::vector<std::intptr_t> starts;
  element_starts(small, origin, starts);
  const std::intptr_t si = static_cast<std::intptr_t>(small.itemsize()), li = static_cast<std::intptr_t>(large.itemsize());
  return any_element(large, origin, [&](std::intptr_t l) {
    // A small element starting in (l - si, l + li) overlaps [l, l + li).
    auto it = std::upper_bound(starts.begin(), starts.end(), l - si);
    return it != starts.end() && *it < l + li;
  });
}

}  // namespace ss
