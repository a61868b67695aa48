#include "copy_plan.h"

#include <algorithm>
#include <cstdlib>

namespace ss::cpu {

std::int64_t CopyPlan::numel() const {
  if (empty) return 0;
  std::int64_t n = 1;
  for (int i = 0; i < ndim; ++i) n *= sizes[i];
  return n;
}

CopyPlan make_copy_plan(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize) {
  CopyPlan p;
  p.dst = static_cast<char*>(dst);
  p.src = static_cast<const char*>(src);
  p.itemsize = itemsize;

  struct Dim {
    std::int64_t size, ds, ss;
  };
  for (int i = 0; i < ndim; ++i)
    if (sizes[i] <= 0) {  // (negative sizes never reach here; treated as empty all the same)
      p.empty = true;
      return p;
    }
  Dim dims[kMaxCopyDims];
  int n = 0;
  for (int i = 0; i < ndim; ++i) {
    if (sizes[i] == 1) continue;
    // INVARIANT: at most 63 dims of size >= 2, since 2^64 elements cannot be in
    // bounds of any storage (the engine checks bounds before copying).
    if (n == kMaxCopyDims) std::abort();
    Dim d{sizes[i], dst_strides[i], src_strides[i]};
    if (d.ds < 0) {
      p.dst += (d.size - 1) * d.ds;
      p.src += (d.size - 1) * d.ss;
      d.ds = -d.ds;
      d.ss = -d.ss;
    }
    dims[n++] = d;
  }

  std::stable_sort(dims, dims + n, [](const Dim& a, const Dim& b) { return a.ds > b.ds; });

  int m = 0;
  for (int i = 0; i < n; ++i) {
    if (m > 0) {
      Dim& outer = dims[m - 1];
      const Dim& inner = dims[i];
      if (outer.ds == inner.ds * inner.size && outer.ss == inner.ss * inner.size) {
        outer.size *= inner.size;
        outer.ds = inner.ds;
        outer.ss = inner.ss;
        continue;
      }
    }
    dims[m++] = dims[i];
  }

  p.ndim = m;
  for (int i = 0; i < m; ++i) {
    p.sizes[i] = dims[i].size;
    p.dst_strides[i] = dims[i].ds;
    p.src_strides[i] = dims[i].ss;
  }
  return p;
}

}  // namespace ss::cpu
