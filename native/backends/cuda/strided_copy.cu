// On-device strided copies: the kernel behind .contiguous()/clone() of cuda
// tensors and behind device moves of strided sources. The host-side plan
// (native/core/cuda_copy_plan.cc) orders and merges dimensions and picks one of
// three paths: one cudaMemcpy, a shared-memory tile transpose, or a generic
// element-per-thread kernel.
#include <cstdint>

#include "../../core/cuda_copy_plan.h"
#include "device_state.cuh"

namespace ss_cuda {
namespace {

using ss::cuda::CopyKind;
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
// global accesses are coalesced. The +1 column avoids shared-memory bank conflicts.
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

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }
unsigned clamp_grid(std::int64_t v, std::int64_t limit) { return static_cast<unsigned>(v < 1 ? 1 : (v > limit ? limit : v)); }

template <typename E, int TILE, int ROWS>
cudaError_t launch_tile(void* dst, const void* src, const CopyPlan& p, cudaStream_t stream) {
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
  dim3 block(TILE, ROWS);
  dim3 grid(clamp_grid(ceil_div(a.N, TILE), kMaxGridX), clamp_grid(ceil_div(a.K, TILE), kMaxGridYZ),
            clamp_grid(a.batch, kMaxGridYZ));
  tile_copy<E, TILE, ROWS><<<grid, block, 0, stream>>>(static_cast<E*>(dst), static_cast<const E*>(src), a);
  return cudaGetLastError();
}

template <typename E>
cudaError_t launch_generic(void* dst, const void* src, const CopyPlan& p, cudaStream_t stream) {
  GenericArgs a{};
  a.ndim = p.ndim;
  a.rows = 1;
  for (int d = 0; d < p.ndim; ++d) {
    a.sizes[d] = p.sizes[d];
    a.dst[d] = p.dst_strides[d];
    a.src[d] = p.src_strides[d];
    if (d < p.ndim - 1) a.rows *= p.sizes[d];
  }
  const std::int64_t inner = p.sizes[p.ndim - 1];
  // Short rows share a block so that few threads idle.
  unsigned bx = 32;
  while (bx < 256 && bx < inner) bx *= 2;
  const unsigned by = 256 / bx;
  dim3 block(bx, by);
  dim3 grid(clamp_grid(ceil_div(inner, bx), kMaxGridX), clamp_grid(ceil_div(a.rows, by), kMaxGridYZ));
  generic_copy<E><<<grid, block, 0, stream>>>(static_cast<E*>(dst), static_cast<const E*>(src), a);
  return cudaGetLastError();
}

struct alignas(16) Bytes16 {
  std::uint64_t lo, hi;
};

template <typename E, int TILE, int ROWS>
cudaError_t launch(void* dst, const void* src, const CopyPlan& p, cudaStream_t stream) {
  return p.kind == CopyKind::Tile ? launch_tile<E, TILE, ROWS>(dst, src, p, stream)
                                  : launch_generic<E>(dst, src, p, stream);
}

// Issues the planned copy on `stream` (does not wait).
cudaError_t enqueue(void* dst, const void* src, const CopyPlan& p, cudaStream_t stream) {
  switch (p.kind) {
    case CopyKind::Empty: return cudaSuccess;
    case CopyKind::Memcpy:
      return cudaMemcpyAsync(dst, src, static_cast<size_t>(p.numel) * p.elem, cudaMemcpyDeviceToDevice, stream);
    default: break;
  }
  // Small items get wider tiles so that a warp still reads 64+ contiguous bytes.
  switch (p.elem) {
    case 1: return launch<std::uint8_t, 64, 4>(dst, src, p, stream);
    case 2: return launch<std::uint16_t, 64, 4>(dst, src, p, stream);
    case 4: return launch<std::uint32_t, 32, 8>(dst, src, p, stream);
    case 8: return launch<std::uint64_t, 32, 8>(dst, src, p, stream);
    case 16: return launch<Bytes16, 32, 8>(dst, src, p, stream);
    default: return cudaErrorInvalidValue;
  }
}

// Plans the copy; item sizes other than 1/2/4/8/16 are moved as bytes.
cudaError_t make_plan(CopyPlan* plan, const void* dst, const std::int64_t* dst_strides, const void* src,
                      const std::int64_t* src_strides, const std::int64_t* sizes, int ndim, size_t itemsize) {
  if (ndim < 0 || ndim > kMaxCopyDims) return cudaErrorInvalidValue;
  const bool native = itemsize == 1 || itemsize == 2 || itemsize == 4 || itemsize == 8 || itemsize == 16;
  if (native) {
    if (!ss::cuda::plan_strided_copy(plan, dst, dst_strides, src, src_strides, sizes, ndim, itemsize))
      return cudaErrorInvalidValue;
    return cudaSuccess;
  }
  if (ndim + 1 > kMaxCopyDims) return cudaErrorInvalidValue;
  std::int64_t s[kMaxCopyDims], ds[kMaxCopyDims], ss[kMaxCopyDims];
  for (int d = 0; d < ndim; ++d) s[d] = sizes[d], ds[d] = dst_strides[d], ss[d] = src_strides[d];
  s[ndim] = static_cast<std::int64_t>(itemsize), ds[ndim] = 1, ss[ndim] = 1;
  if (!ss::cuda::plan_strided_copy(plan, dst, ds, src, ss, s, ndim + 1, 1)) return cudaErrorInvalidValue;
  return cudaSuccess;
}

}  // namespace
}  // namespace ss_cuda

using namespace ss_cuda;

SS_EXPORT int ss_cuda_strided_copy(int dev, void* dst, const int64_t* dst_strides, const void* src,
                                   const int64_t* src_strides, const int64_t* sizes, int ndim, size_t itemsize,
                                   double* seconds, const char** kernel) {
  if (seconds) *seconds = 0;
  ss::cuda::CopyPlan plan;
  SS_TRY(make_plan(&plan, dst, dst_strides, src, src_strides, sizes, ndim, itemsize));
  if (kernel) *kernel = ss::cuda::copy_kind_name(plan.kind);
  if (plan.kind == CopyKind::Empty) return cudaSuccess;
  if (dev < 0 || dev >= kMaxDevices) return cudaErrorInvalidDevice;
  std::lock_guard<std::mutex> lock(device_mutex(dev));
  DeviceState* st = nullptr;
  SS_TRY(acquire_device(dev, &st));
  SS_TRY(begin_timing(st));
  SS_TRY(enqueue(dst, src, plan, st->stream));
  return finish_timing(st, seconds);
}

SS_EXPORT int ss_cuda_read_window(int dev, void* host_dst, const void* src, const int64_t* src_strides,
                                  const int64_t* sizes, int ndim, size_t itemsize) {
  if (ndim < 0 || ndim > kMaxCopyDims || itemsize == 0) return cudaErrorInvalidValue;
  // Dense C-order strides for the gathered window.
  std::int64_t dense[kMaxCopyDims];
  std::int64_t numel = 1;
  for (int d = ndim - 1; d >= 0; --d) {
    dense[d] = numel * static_cast<std::int64_t>(itemsize);
    numel *= sizes[d];
  }
  if (numel == 0) return cudaSuccess;
  const size_t nbytes = static_cast<size_t>(numel) * itemsize;
  if (dev < 0 || dev >= kMaxDevices) return cudaErrorInvalidDevice;
  std::lock_guard<std::mutex> lock(device_mutex(dev));
  DeviceState* st = nullptr;
  SS_TRY(acquire_device(dev, &st));
  void* scratch = nullptr;
  SS_TRY(cudaMalloc(&scratch, nbytes));
  ss::cuda::CopyPlan plan;
  cudaError_t err = make_plan(&plan, scratch, dense, src, src_strides, sizes, ndim, itemsize);
  if (err == cudaSuccess) err = enqueue(scratch, src, plan, st->stream);
  if (err == cudaSuccess) err = cudaMemcpyAsync(host_dst, scratch, nbytes, cudaMemcpyDeviceToHost, st->stream);
  if (err == cudaSuccess) err = cudaStreamSynchronize(st->stream);
  cudaError_t freed = cudaFree(scratch);
  return err != cudaSuccess ? err : freed;
}
