#include "simulated_backend.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "../backends/cpu/strided_copy.h"
#include "cuda_errors.h"
#include "errors.h"
#include "memory_cap.h"
#include "stoppable_copy.h"

namespace ss {

namespace {

// cudaMalloc returns 256-byte aligned memory; the simulation keeps that property.
constexpr std::size_t kDeviceAlignment = 256;
// Blocks are multiples of 512 bytes, as PyTorch's caching allocator rounds them.
constexpr std::size_t kBlockSize = 512;

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Freed blocks are kept for reuse by exact (rounded) size, as PyTorch's
// CUDACachingAllocator and CachingHostAllocator keep cudaMalloc'd and
// cudaHostAlloc'd blocks. Without it every simulated move would land in fresh
// host pages and time their first-touch page faults (measured here: ~13 us a
// page, 0.3 GB/s for a 64 MiB .cuda()) instead of the copy.
class BlockCache {
 public:
  void* get(std::size_t nbytes) {
    const std::size_t rounded = (nbytes == 0 ? 1 : nbytes + kBlockSize - 1) / kBlockSize * kBlockSize;
    std::lock_guard<std::mutex> lock(mu_);
    auto hit = free_.find(rounded);
    if (hit != free_.end()) {
      void* p = hit->second;
      free_.erase(hit);
      cached_ -= rounded;
      return p;
    }
    void* p = std::aligned_alloc(kDeviceAlignment, rounded);
    if (p) sizes_[p] = rounded;
    return p;
  }

  void put(void* p) {
    if (!p) return;
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sizes_.find(p);
    if (it == sizes_.end() || cached_ + it->second > kMaxCached) {
      if (it != sizes_.end()) sizes_.erase(it);
      std::free(p);
      return;
    }
    free_.emplace(it->second, p);
    cached_ += it->second;
  }

  std::size_t cached() {
    std::lock_guard<std::mutex> lock(mu_);
    return cached_;
  }

 private:
  static constexpr std::size_t kMaxCached = std::size_t{1} << 30;
  std::mutex mu_;
  std::unordered_map<void*, std::size_t> sizes_;  // every live or cached block
  std::multimap<std::size_t, void*> free_;        // cached blocks by size
  std::size_t cached_ = 0;
};

// Never destroyed: storages may be freed during static destruction.
BlockCache& device_blocks() {
  static BlockCache* cache = new BlockCache;
  return *cache;
}
BlockCache& pinned_blocks() {
  static BlockCache* cache = new BlockCache;
  return *cache;
}

TransferReport timed_memcpy(void* dst, const void* src, std::size_t n, const std::string& path, bool pinned) {
  TransferReport r;
  r.path = path;
  r.bytes = n;
  r.pinned = pinned;
  const auto t0 = Clock::now();
  if (n) std::memcpy(dst, src, n);
  r.seconds = since(t0);
  return r;
}

std::string host_side(bool pinned, bool non_blocking) {
  return std::string(pinned ? " pinned" : " pageable") + (non_blocking ? " non_blocking" : "");
}

}  // namespace

std::string SimulatedCudaBackend::device_name(int) const { return "Simulated CUDA device (host memory)"; }

void* SimulatedCudaBackend::alloc(int index, std::size_t nbytes) {
  void* p = device_blocks().get(nbytes);
  if (!p) {
    // The torch wording, with "free" unknown for a simulation: report what was asked.
    raise(PyExc::OutOfMemoryError, cuda::out_of_memory_message(nbytes, index, 0, 0));
  }
  return p;
}

void SimulatedCudaBackend::free(int, void* ptr) { device_blocks().put(ptr); }

std::size_t SimulatedCudaBackend::cached_bytes(int) const { return device_blocks().cached(); }

bool SimulatedCudaBackend::memory_info(int, std::size_t* free, std::size_t* total) const {
  *total = total_ram();
  *free = available_ram();
  return *total != 0;
}

void* SimulatedCudaBackend::alloc_pinned_host(std::size_t nbytes) {
  void* p = pinned_blocks().get(nbytes);
  // What a failed cudaHostAlloc raises through C10_CUDA_CHECK.
  if (!p) raise(PyExc::RuntimeError, cuda::cuda_error_message(2, "out of memory", "cudaErrorMemoryAllocation"));
  return p;
}

void SimulatedCudaBackend::free_pinned_host(void* ptr) { pinned_blocks().put(ptr); }

TransferReport SimulatedCudaBackend::copy_h2d(int, void* dst, const void* host_src, std::size_t n, bool src_pinned,
                                              bool non_blocking) {
  return timed_memcpy(dst, host_src, n, "simulated memcpy H2D" + host_side(src_pinned, non_blocking), src_pinned);
}

TransferReport SimulatedCudaBackend::copy_d2h(int, void* host_dst, const void* src, std::size_t n, bool dst_pinned,
                                              bool non_blocking) {
  return timed_memcpy(host_dst, src, n, "simulated memcpy D2H" + host_side(dst_pinned, non_blocking), dst_pinned);
}

TransferReport SimulatedCudaBackend::copy_d2d(int, void* dst, const void* src, std::size_t n) {
  return timed_memcpy(dst, src, n, "simulated memcpy D2D", false);
}

TransferReport SimulatedCudaBackend::strided_copy(int, void* dst, const std::int64_t* dst_strides, const void* src,
                                                  const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                                                  std::size_t itemsize) {
  const auto t0 = Clock::now();
  // The simulated device's kernel is the host's copy, as long as one: Stop reaches it (cancel.h).
  const cpu::CopyReport c = stoppable_strided_copy(dst, dst_strides, src, src_strides, sizes, ndim, itemsize);
  TransferReport r;
  r.seconds = since(t0);
  r.bytes = c.bytes;
  r.path = std::string("simulated ") + c.kernel + " kernel";
  return r;
}

void SimulatedCudaBackend::read_window(int, void* host_dst, const void* src, const std::int64_t* src_strides,
                                       const std::int64_t* sizes, int ndim, std::size_t itemsize) {
  std::vector<std::int64_t> dense(ndim);
  std::int64_t acc = static_cast<std::int64_t>(itemsize);
  for (int d = ndim - 1; d >= 0; --d) {
    dense[d] = acc;
    acc *= sizes[d];
  }
  cpu::strided_copy(host_dst, dense.data(), src, src_strides, sizes, ndim, itemsize);
}

}  // namespace ss
