// The simulated cuda device: one device, "cuda:0", whose memory is ordinary
// host memory from its own allocations (never the cpu allocator's buffers; freed
// blocks are cached for reuse, as PyTorch's CUDA caching allocator does), so
// that device moves, their copies and their errors can be taught and tested on
// machines without a GPU. Moves are counted as transfers and timed with a
// steady clock; every report path starts with "simulated" so that nothing
// mistakes it for a GPU.
#pragma once
#include "device_backend.h"

namespace ss {

class SimulatedCudaBackend final : public DeviceBackend {
 public:
  bool simulated() const override { return true; }
  int device_count() const override { return 1; }
  std::string device_name(int index) const override;

  void* alloc(int index, std::size_t nbytes) override;
  void free(int index, void* ptr) override;
  void* alloc_pinned_host(std::size_t nbytes) override;
  void free_pinned_host(void* ptr) override;
  std::size_t cached_bytes(int index) const override;
  // The machine's RAM: the simulated device's memory is host memory.
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
};

}  // namespace ss
