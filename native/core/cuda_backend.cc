#include "cuda_backend.h"

#include "../backends/cuda/stridescope_cuda.h"
#include "cuda_errors.h"
#include "errors.h"

namespace ss::cuda {

namespace {
constexpr int kErrMemoryAllocation = 2;  // cudaErrorMemoryAllocation

void check(int code) {
  if (code != 0) raise(PyExc::RuntimeError, library_error_message(code));
}
}  // namespace

std::string CudaBackend::device_name(int index) const {
  char name[256];
  check(api_.device_name(index, name, sizeof name));
  return name;
}

void* CudaBackend::alloc(int index, std::size_t nbytes) {
  void* p = nullptr;
  const int err = api_.malloc(index, nbytes, &p);
  if (err == kErrMemoryAllocation) {
    std::size_t free_b = 0, total_b = 0;
    api_.mem_get_info(index, &free_b, &total_b);
    raise(PyExc::OutOfMemoryError, out_of_memory_message(nbytes, index, total_b, free_b));
  }
  check(err);
  return p;
}

bool CudaBackend::memory_info(int index, std::size_t* free, std::size_t* total) const {
  return api_.mem_get_info(index, free, total) == 0;
}

void CudaBackend::free(int index, void* ptr) { api_.free(index, ptr); }  // from deleters: never throws

void* CudaBackend::alloc_pinned_host(std::size_t nbytes) {
  void* p = nullptr;
  check(api_.host_alloc(nbytes, &p));
  return p;
}

void CudaBackend::free_pinned_host(void* ptr) { api_.host_free(ptr); }

TransferReport CudaBackend::memcpy_report(int index, void* dst, const void* src, std::size_t n, int kind, bool pinned,
                                          bool non_blocking) {
  TransferReport r;
  r.bytes = n;
  r.pinned = pinned;
  const char* dir = kind == SS_CUDA_H2D ? "H2D" : kind == SS_CUDA_D2H ? "D2H" : "D2D";
  r.path = std::string(non_blocking ? "cudaMemcpyAsync " : "cudaMemcpy ") + dir +
           (kind == SS_CUDA_D2D ? "" : pinned ? " pinned" : " pageable");
  check(api_.memcpy(index, dst, src, n, kind, non_blocking ? 1 : 0, &r.seconds));
  return r;
}

TransferReport CudaBackend::copy_h2d(int index, void* dst, const void* host_src, std::size_t n, bool src_pinned,
                                     bool non_blocking) {
  return memcpy_report(index, dst, host_src, n, SS_CUDA_H2D, src_pinned, non_blocking);
}

TransferReport CudaBackend::copy_d2h(int index, void* host_dst, const void* src, std::size_t n, bool dst_pinned,
                                     bool non_blocking) {
  return memcpy_report(index, host_dst, src, n, SS_CUDA_D2H, dst_pinned, non_blocking);
}

TransferReport CudaBackend::copy_d2d(int index, void* dst, const void* src, std::size_t n) {
  return memcpy_report(index, dst, src, n, SS_CUDA_D2D, false, true);
}

TransferReport CudaBackend::strided_copy(int index, void* dst, const std::int64_t* dst_strides, const void* src,
                                         const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                                         std::size_t itemsize) {
  TransferReport r;
  std::int64_t numel = 1;
  for (int d = 0; d < ndim; ++d) numel *= sizes[d];
  r.bytes = static_cast<std::size_t>(numel) * itemsize;
  const char* kernel = "";
  check(api_.strided_copy(index, dst, dst_strides, src, src_strides, sizes, ndim, itemsize, &r.seconds, &kernel));
  r.path = std::string(kernel) + " kernel";
  return r;
}

void CudaBackend::read_window(int index, void* host_dst, const void* src, const std::int64_t* src_strides,
                              const std::int64_t* sizes, int ndim, std::size_t itemsize) {
  check(api_.read_window(index, host_dst, src, src_strides, sizes, ndim, itemsize));
}

}  // namespace ss::cuda
