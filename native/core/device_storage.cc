#include "device_storage.h"

#include <atomic>
#include <map>
#include <mutex>

#include "device_backend.h"

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

StoragePtr allocate_cuda_storage(int index, std::size_t nbytes) {
  DeviceBackend& backend = require_cuda(index);
  auto s = std::make_shared<Storage>();
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
  auto s = std::make_shared<Storage>();
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
