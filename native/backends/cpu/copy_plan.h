// Normalising a strided copy before picking a kernel: the same bytes can be
// described by many (sizes, strides) tuples, and the kernels only want the
// simplest one. Pure functions, tested on their own.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ss::cpu {

constexpr int kMaxCopyDims = 64;  // NumPy's NPY_MAXDIMS; PyTorch allows fewer in practice

// A copy with dims ordered outermost first (innermost = ndim-1), all sizes >= 2,
// every dst stride >= 0, and dims merged where both sides are contiguous with
// each other. ndim == 0 means one element (or nothing when `empty`).
struct CopyPlan {
  char* dst = nullptr;
  const char* src = nullptr;
  int ndim = 0;
  bool empty = false;
  std::size_t itemsize = 0;
  std::int64_t sizes[kMaxCopyDims];
  std::int64_t dst_strides[kMaxCopyDims];
  std::int64_t src_strides[kMaxCopyDims];

  std::int64_t numel() const;
};

// Steps, each valid for a copy because the element-to-element mapping is kept:
//   1. any size 0 -> empty; size-1 dims dropped (their strides never matter);
//   2. negative dst strides flipped together with the src stride of that dim
//      (base pointers moved to the dim's last element);
//   3. dims sorted by dst stride, largest first (stable, so ties keep order);
//   4. neighbours merged when outer.stride == inner.stride * inner.size on both sides.
// Any ndim; at most kMaxCopyDims dims of size >= 2 (always true for in-bounds views).
CopyPlan make_copy_plan(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize);

}  // namespace ss::cpu
