#include "device_storage.h"

#include <atomic>
#include <map>
#include <mutex>

#include "cuda_errors.h"
#include "device_backend.h"
#include "errors.h"
#include "memory_cap.h"

namespace ss {

namespace {

// PyTorch's CUDACachingAllocator hands out blocks in multiples of 512 bytes.
constexpr std::size_t kBlockSize = 512;
std::size_t block_bytes(std::size_t nbytes) { return nbytes == 0 ? 0 : (nbytes + kBlockSize - 1) / kBlockSize * kBlockSize; }

// Live device bytes per device index (storages may be freed during static destruction: never destroyed).
struct Allocated {
  std::mutex mu;
  std::map<int, std::size_t> bytes;
};
Allocated& allocated() {
  static Allocated* a = new Allocated;
  return *a;
}
void count_allocated(int index, std::size_t nbytes, bool add) {
  Allocated& a = allocated();
  std::lock_guard<std::mutex> lock(a.mu);
  std::size_t& b = a.bytes[index];
  b = add ? b + block_bytes(nbytes) : b - block_bytes(nbytes);
}

}  // namespace

DeviceMemoryStats cuda_memory_stats(int index) {
  DeviceMemoryStats s;
  {
    Allocated& a = allocated();
    std::lock_guard<std::mutex> lock(a.mu);
    auto it = a.bytes.find(index);
    if (it != a.bytes.end()) s.allocated = it->second;
  }
  const DeviceBackend* backend = cuda_backend();
  s.reserved = s.allocated + (backend ? backend->cached_bytes(index) : 0);
  return s;
}

namespace {

// The user's cap on cuda:`index` refuses `nbytes`: torch.OutOfMemoryError in the words the
// caching allocator uses when torch.cuda.set_per_process_memory_fraction's limit is reached.
[[noreturn]] void raise_cuda_cap_exceeded(DeviceBackend& backend, int index, std::size_t nbytes) {
  std::size_t free = 0, total = 0;
  backend.memory_info(index, &free, &total);
  cuda::CudaMemoryUsage usage;
  usage.allowed = memory_cap(DeviceType::CUDA);
  // PyTorch empties its cache before it gives up: what stays reserved is what is allocated.
  usage.allocated = usage.reserved = cuda_memory_stats(index).allocated;
  raise(PyExc::OutOfMemoryError, cuda::out_of_memory_message(nbytes, index, total, free, &usage));
}

}  // namespace

StoragePtr allocate_cuda_storage(int index, std::size_t nbytes) {
  DeviceBackend& backend = require_cuda(index);
  MemoryChargePtr charge = charge_memory(Device{DeviceType::CUDA, index}, nbytes);
  if (!charge) raise_cuda_cap_exceeded(backend, index, nbytes);
  auto s = std::make_shared<Storage>();
  s->charge = std::move(charge);
  s->id = next_storage_id();
  s->device = Device{DeviceType::CUDA, index};
  s->simulated = backend.simulated();
  s->nbytes = nbytes;
  s->data = backend.alloc(index, nbytes);
  count_allocated(index, nbytes, true);
  DeviceBackend* owner = &backend;
  s->deleter = [owner, index](void* p, std::size_t n) {
    owner->free(index, p);
    count_allocated(index, n, false);
  };
  return s;
}

StoragePtr allocate_pinned_storage(std::size_t nbytes) {
  DeviceBackend& backend = require_cuda(0);
  // Pinned memory is host memory: the cpu's cap. Refused, it fails as cudaHostAlloc does.
  MemoryChargePtr charge = charge_memory(Device{}, nbytes);
  if (!charge) raise(PyExc::RuntimeError, cuda::cuda_error_message(2, "out of memory", "cudaErrorMemoryAllocation"));
  auto s = std::make_shared<Storage>();
  s->charge = std::move(charge);
  s->id = next_storage_id();
  s->device = Device{};
  s->simulated = backend.simulated();
  s->pinned = true;
  s->nbytes = nbytes;
  s->data = backend.alloc_pinned_host(nbytes);
  DeviceBackend* owner = &backend;
  s->deleter = [owner](void* p, std::size_t) { owner->free_pinned_host(p); };
  return s;
}

}  // namespace ss
