// Scalar blocked transpose: 16x16 tiles. On power-of-two shapes the rows of a
// larger tile map to the same cache sets and evict each other; 16 beat 32 and 64
// there and lose little elsewhere (measured, DESIGN.md "Performance targets").
#include <algorithm>
#include <cstring>

#include "transpose_kernels.h"

namespace ss::cpu {
namespace {

constexpr std::int64_t kTile = 16;

template <std::size_t N>
void blocked_scalar(const Transpose2D& t, std::int64_t r_begin, std::int64_t r_end) {
  for (std::int64_t rb = r_begin; rb < r_end; rb += kTile) {
    const std::int64_t re = std::min(rb + kTile, r_end);
    for (std::int64_t cb = 0; cb < t.cols; cb += kTile) {
      const std::int64_t ce = std::min(cb + kTile, t.cols);
      for (std::int64_t r = rb; r < re; ++r) {
        char* d = t.dst + r * t.dst_row_stride + cb * static_cast<std::int64_t>(N);
        const char* s = t.src + r * t.src_row_stride + cb * t.src_col_stride;
        for (std::int64_t c = cb; c < ce; ++c, d += N, s += t.src_col_stride) std::memcpy(d, s, N);
      }
    }
  }
}

}  // namespace

TransposeKernel scalar_transpose_kernel(std::size_t itemsize) {
  switch (itemsize) {
    case 1: return {"blocked-2d", &blocked_scalar<1>, kTile};
    case 2: return {"blocked-2d", &blocked_scalar<2>, kTile};
    case 4: return {"blocked-2d", &blocked_scalar<4>, kTile};
    case 8: return {"blocked-2d", &blocked_scalar<8>, kTile};
    case 16: return {"blocked-2d", &blocked_scalar<16>, kTile};
    default: return {};
  }
}

TransposeKernel pick_transpose_kernel(std::size_t itemsize, bool src_rows_contiguous, bool allow_simd,
                                      bool streaming) {
  if (allow_simd && src_rows_contiguous) {
    TransposeKernel k = simd_transpose_kernel(itemsize, streaming);
    if (k.fn) return k;
  }
  return scalar_transpose_kernel(itemsize);
}

}  // namespace ss::cpu
