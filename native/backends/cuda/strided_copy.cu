// On-device strided copies: the kernel behind .contiguous()/clone() of cuda
// tensors and behind device moves of strided sources. The host-side plan
// (native/core/cuda_copy_plan.cc) orders and merges dimensions and picks one of
// three paths: one cudaMemcpy, a shared-memory tile transpose, or a generic
// element-per-thread kernel.
#include <cstdint>

#include "device_state.cuh"
#include "strided_copy_kernels.cuh"

namespace ss_cuda {
namespace {

using ss::cuda::CopyKind;

// Launches the planned kernel for element type E on `stream`.
struct KernelLauncher {
  void* dst;
  const void* src;
  const CopyPlan& plan;
  cudaStream_t stream;
  cudaError_t result = cudaSuccess;

  template <typename E, int TILE, int ROWS>
  void operator()() {
    if (plan.kind == CopyKind::Tile) {
      const TileArgs a = make_tile_args(plan);
      const LaunchShape s = tile_launch<TILE, ROWS>(a);
      tile_copy<E, TILE, ROWS><<<s.grid, s.block, 0, stream>>>(static_cast<E*>(dst), static_cast<const E*>(src), a);
    } else {
      const GenericArgs a = make_generic_args(plan);
      const LaunchShape s = generic_launch(a);
      generic_copy<E><<<s.grid, s.block, 0, stream>>>(static_cast<E*>(dst), static_cast<const E*>(src), a);
    }
    result = cudaGetLastError();
  }
};

// Issues the planned copy on `stream` (does not wait).
cudaError_t enqueue(void* dst, const void* src, const CopyPlan& p, cudaStream_t stream) {
  switch (p.kind) {
    case CopyKind::Empty: return cudaSuccess;
    case CopyKind::Memcpy:
      return cudaMemcpyAsync(dst, src, static_cast<size_t>(p.numel) * p.elem, cudaMemcpyDeviceToDevice, stream);
    default: break;
  }
  KernelLauncher launch{dst, src, p, stream};
  if (!dispatch_elem(p.elem, launch)) return cudaErrorInvalidValue;
  return launch.result;
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
