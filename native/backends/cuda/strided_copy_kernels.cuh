// The strided-copy kernels and their launch configurations, kept apart from the
// CUDA runtime calls so that the same code also runs under the CPU emulation in
// native/tests/cuda_kernel_emulation_test.cc (harness/cuda_emulation.h supplies
// dim3, threadIdx, __syncthreads, ... there). Include after <cuda_runtime.h> or
// after the emulation header.
#pragma once
#include <cstdint>

#include "../../core/cuda_copy_plan.h"

namespace ss_cuda {

using ss::cuda::CopyPlan;
using ss::cuda::kMaxCopyDims;

struct GenericArgs {
  int ndim;  // dims in destination memory order; the last one is walked by threadIdx.x
  std::int64_t sizes[kMaxCopyDims];
  std::int64_t dst[kMaxCopyDims];
  std::int64_t src[kMaxCopyDims];
  std::int64_t rows;  // product of all sizes but the last
};

struct TileArgs {
  std::int64_t K, N;             // tiled sizes: K read along (source-fast), N written along (dst stride 1)
  std::int64_t src_k, src_n, dst_k;
  int nb;                        // remaining ("batch") dims
  std::int64_t bsizes[kMaxCopyDims];
  std::int64_t bsrc[kMaxCopyDims];
  std::int64_t bdst[kMaxCopyDims];
  std::int64_t batch;
};

struct LaunchShape {
  dim3 grid, block;
};

// One thread per element of a row; rows spread over threadIdx.y and the grid's
// y dimension; both loops grid-stride so any grid size is correct.
template <typename E>
__global__ void generic_copy(E* __restrict__ dst, const E* __restrict__ src, GenericArgs a) {
  const int last = a.ndim - 1;
  const std::int64_t inner = a.sizes[last];
  const std::int64_t ds = a.dst[last], ss = a.src[last];
  for (std::int64_t row = std::int64_t(blockIdx.y) * blockDim.y + threadIdx.y; row < a.rows;
       row += std::int64_t(gridDim.y) * blockDim.y) {
    std::int64_t rem = row, doff = 0, soff = 0;
    for (int d = last - 1; d >= 0; --d) {
      const std::int64_t i = rem % a.sizes[d];
      rem /= a.sizes[d];
      doff += i * a.dst[d];
      soff += i * a.src[d];
    }
    for (std::int64_t i = std::int64_t(blockIdx.x) * blockDim.x + threadIdx.x; i < inner;
         i += std::int64_t(gridDim.x) * blockDim.x)
      dst[doff + i * ds] = src[soff + i * ss];
  }
}

// A TILE x TILE tile goes through shared memory: threadIdx.x walks the source's
// fast dimension on the way in and the destination's on the way out, so both
// global accesses are coalesced. The +1 column avoids shared-memory bank
// conflicts. All loops are grid-stride and uniform across a block, so the
// __syncthreads() calls are reached by every thread.
template <typename E, int TILE, int ROWS>
__global__ void tile_copy(E* __restrict__ dst, const E* __restrict__ src, TileArgs a) {
  __shared__ E tile[TILE][TILE + 1];
  const int tx = threadIdx.x, ty = threadIdx.y;
  const std::int64_t ntiles = (a.N + TILE - 1) / TILE;
  const std::int64_t ktiles = (a.K + TILE - 1) / TILE;
  for (std::int64_t b = blockIdx.z; b < a.batch; b += gridDim.z) {
    std::int64_t rem = b, sb = 0, db = 0;
    for (int d = a.nb - 1; d >= 0; --d) {
      const std::int64_t i = rem % a.bsizes[d];
      rem /= a.bsizes[d];
      sb += i * a.bsrc[d];
      db += i * a.bdst[d];
    }
    for (std::int64_t kt = blockIdx.y; kt < ktiles; kt += gridDim.y) {
      const std::int64_t k0 = kt * TILE;
      for (std::int64_t nt = blockIdx.x; nt < ntiles; nt += gridDim.x) {
        const std::int64_t n0 = nt * TILE;
        for (int j = ty; j < TILE; j += ROWS) {
          const std::int64_t n = n0 + j, k = k0 + tx;
          if (n < a.N && k < a.K) tile[j][tx] = src[sb + k * a.src_k + n * a.src_n];
        }
        __syncthreads();
        for (int j = ty; j < TILE; j += ROWS) {
          const std::int64_t k = k0 + j, n = n0 + tx;
          if (n < a.N && k < a.K) dst[db + k * a.dst_k + n] = tile[tx][j];
        }
        __syncthreads();
      }
    }
  }
}

constexpr std::int64_t kMaxGridYZ = 65535;
constexpr std::int64_t kMaxGridX = 1 << 20;  // grid-stride loops cover the rest

inline std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }
inline unsigned clamp_grid(std::int64_t v, std::int64_t limit) {
  return static_cast<unsigned>(v < 1 ? 1 : (v > limit ? limit : v));
}

inline TileArgs make_tile_args(const CopyPlan& p) {
  TileArgs a{};
  const int last = p.ndim - 1, k = p.tile_dim;
  a.K = p.sizes[k];
  a.N = p.sizes[last];
  a.src_k = p.src_strides[k];
  a.src_n = p.src_strides[last];
  a.dst_k = p.dst_strides[k];
  a.batch = 1;
  for (int d = 0; d < last; ++d) {
    if (d == k) continue;
    a.bsizes[a.nb] = p.sizes[d];
    a.bsrc[a.nb] = p.src_strides[d];
    a.bdst[a.nb] = p.dst_strides[d];
    a.batch *= p.sizes[d];
    ++a.nb;
  }
  return a;
}

template <int TILE, int ROWS>
LaunchShape tile_launch(const TileArgs& a) {
  return {dim3(clamp_grid(ceil_div(a.N, TILE), kMaxGridX), clamp_grid(ceil_div(a.K, TILE), kMaxGridYZ),
               clamp_grid(a.batch, kMaxGridYZ)),
          dim3(TILE, ROWS)};
}

inline GenericArgs make_generic_args(const CopyPlan& p) {
  GenericArgs a{};
  a.ndim = p.ndim;
  a.rows = 1;
  for (int d = 0; d < p.ndim; ++d) {
    a.sizes[d] = p.sizes[d];
    a.dst[d] = p.dst_strides[d];
    a.src[d] = p.src_strides[d];
    if (d < p.ndim - 1) a.rows *= p.sizes[d];
  }
  return a;
}

inline LaunchShape generic_launch(const GenericArgs& a) {
  const std::int64_t inner = a.sizes[a.ndim - 1];
  // Short rows share a block so that few threads idle.
  unsigned bx = 32;
  while (bx < 256 && bx < inner) bx *= 2;
  const unsigned by = 256 / bx;
  return {dim3(clamp_grid(ceil_div(inner, bx), kMaxGridX), clamp_grid(ceil_div(a.rows, by), kMaxGridYZ)),
          dim3(bx, by)};
}

struct alignas(16) Bytes16 {
  std::uint64_t lo, hi;
};

// Calls f.template operator()<E, TILE, ROWS>() (f: a functor with a member template)
// for the element type of `elem`
// bytes (small items get wider tiles so that a warp still reads 64+ contiguous
// bytes). Returns false for other widths.
template <typename F>
bool dispatch_elem(std::size_t elem, F&& f) {
  switch (elem) {
    case 1: f.template operator()<std::uint8_t, 64, 4>(); return true;
    case 2: f.template operator()<std::uint16_t, 64, 4>(); return true;
    case 4: f.template operator()<std::uint32_t, 32, 8>(); return true;
    case 8: f.template operator()<std::uint64_t, 32, 8>(); return true;
    case 16: f.template operator()<Bytes16, 32, 8>(); return true;
    default: return false;
  }
}

}  // namespace ss_cuda
