// The DeviceBackend of real GPUs: every call goes through the dlopen'd
// libstridescope_cuda.so (cuda_library.h). CUDA errors become PyError
// RuntimeErrors worded as PyTorch words them (cuda_errors.h).
#pragma once
#include "cuda_library.h"
#include "device_backend.h"

namespace ss::cuda {

class CudaBackend final : public DeviceBackend {
 public:
  explicit CudaBackend(const LibraryApi& api, int device_count) : api_(api), count_(device_count) {}
  bool simulated() const override { return false; }
  int device_count() const override { return count_; }
  std::string device_name(int index) const override;

  void* alloc(int index, std::size_t nbytes) override;
  void free(int index, void* ptr) override;
  void* alloc_pinned_host(std::size_t nbytes) override;
  void free_pinned_host(void* ptr) override;
  bool memory_info(int index, std::size_t* free, std::size_t* total) const override;

  TransferReport copy_h2d(int index, void* dst, const void* host_src, std::size_t n, bool src_pinned,
                          bool non_blocking) override;
  TransferReport copy_d2h(int index, void* host_dst, const void* src, std::size_t n, bool dst_pinned,
                          bool non_blocking) override;
  TransferReport copy_d2d(int index, void* dst, const void* src, std::size_t n) override;
  TransferReport strided_copy(int index, void* dst, const std::int64_t* dst_strides, const void* src,
                              const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                              std::size_t itemsize) override;
  void read_window(int index, void* host_dst, const void* src, const std::int64_t* src_strides,
                   const std::int64_t* sizes, int ndim, std::size_t itemsize) override;

 private:
  TransferReport memcpy_report(int index, void* dst, const void* src, std::size_t n, int kind, bool pinned,
                               bool non_blocking);
  const LibraryApi& api_;
  int count_;
};

}  // namespace ss::cuda
