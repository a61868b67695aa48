// The seam between the engine and device memory. The CPU path never goes through
// here; a `cuda` device is served either by the real CUDA backend (a shared
// library dlopen'd at run time, see native/backends/cuda and cuda_library.h) or by
// the simulated backend (host allocations labelled as a device). All pointers are
// device pointers of this backend unless named host_*. Every call has finished
// when it returns (async copies are waited for), so callers track no streams.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ss {

// What a transfer or on-device copy did, for the operation log and profiler.
struct TransferReport {
  std::string path;      // e.g. "cudaMemcpy H2D pageable", "tile-transpose kernel", "simulated memcpy"
  std::size_t bytes = 0;
  double seconds = 0;    // measured by CUDA events on a real GPU, by a steady clock when simulated
  bool pinned = false;   // host side was page-locked
};

class DeviceBackend {
 public:
  virtual ~DeviceBackend() = default;
  virtual bool simulated() const = 0;
  virtual int device_count() const = 0;
  virtual std::string device_name(int index) const = 0;

  // All throw PyError(RuntimeError) with PyTorch's text on failure (out of
  // memory: "CUDA out of memory. Tried to allocate ..."). alloc(n == 0) returns
  // a valid, distinct pointer.
  virtual void* alloc(int index, std::size_t nbytes) = 0;
  virtual void free(int index, void* ptr) = 0;
  virtual void* alloc_pinned_host(std::size_t nbytes) = 0;  // for pin_memory() and non_blocking D2H
  virtual void free_pinned_host(void* ptr) = 0;
  // Device bytes freed by the program but kept for reuse (PyTorch's caching
  // allocator: memory_reserved() counts them, memory_allocated() does not).
  virtual std::size_t cached_bytes(int /*index*/) const { return 0; }
  // The device's total and free memory (cudaMemGetInfo); false when unknown.
  virtual bool memory_info(int /*index*/, std::size_t* /*free*/, std::size_t* /*total*/) const { return false; }

  // Contiguous copies. non_blocking picks cudaMemcpyAsync (asynchronous only
  // with pinned host memory, as in CUDA); the call still waits for completion.
  virtual TransferReport copy_h2d(int index, void* dst, const void* host_src, std::size_t n, bool src_pinned,
                                  bool non_blocking) = 0;
  virtual TransferReport copy_d2h(int index, void* host_dst, const void* src, std::size_t n, bool dst_pinned,
                                  bool non_blocking) = 0;
  virtual TransferReport copy_d2d(int index, void* dst, const void* src, std::size_t n) = 0;
  // Strided copy on the device: dst is dense with dst_strides, src strided. Strides in bytes.
  virtual TransferReport strided_copy(int index, void* dst, const std::int64_t* dst_strides, const void* src,
                                      const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                                      std::size_t itemsize) = 0;
  // Reads a strided window of device memory into host_dst, densely in C order of
  // `sizes` (for display: the caller bounds the window, never the whole tensor).
  virtual void read_window(int index, void* host_dst, const void* src, const std::int64_t* src_strides,
                           const std::int64_t* sizes, int ndim, std::size_t itemsize) = 0;
};

// The registry the engine asks for a cuda backend (device_registry.cc). Returns
// nullptr when no CUDA device is available (no library, no GPU, not simulated).
DeviceBackend* cuda_backend();
// The backend that owns memory made while `simulated` was (or was not) in use,
// whatever the current setting: frees and copies of existing storages go there.
// nullptr only for a real backend that never loaded.
DeviceBackend* cuda_backend_for(bool simulated);
// Turns the simulated cuda device on or off (off by default). When a real GPU is
// present the real backend wins unless `force` is set.
void set_simulate_cuda(bool on, bool force = false);
bool simulate_cuda_enabled();
// Why the real backend is unavailable (library missing, no driver, no GPU), for
// messages; empty when it is available.
std::string cuda_unavailable_reason();

// torch.cuda.device_count() / is_available() as the engine answers them: the
// backend in use (real or simulated), 0 / false without one.
int cuda_device_count();
bool cuda_is_available();
// The backend for cuda:`index`, or PyTorch's own error when there is none
// ("Found no NVIDIA driver on your system. ...", "No CUDA GPUs are available")
// or the index is out of range ("CUDA error: invalid device ordinal ...").
DeviceBackend& require_cuda(int index);

}  // namespace ss
