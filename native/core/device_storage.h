// Storages whose bytes come from the cuda backend: device memory of cuda:N and
// page-locked host memory. Both free through the backend that made them (the
// backends live for the whole process, so a storage may outlive a switch of
// the simulated device).
#pragma once
#include <cstddef>

#include "storage.h"

namespace ss {

// Device memory on cuda:`index`. Raises PyTorch's errors when there is no cuda
// device, the index is out of range, or the device is out of memory.
StoragePtr allocate_cuda_storage(int index, std::size_t nbytes);
// Page-locked host memory (cudaHostAlloc): a cpu storage with pinned = true.
// Needs a cuda backend, as in PyTorch (its pinned allocator initialises CUDA).
StoragePtr allocate_pinned_storage(std::size_t nbytes);

// torch.cuda.memory_allocated / memory_reserved for cuda:`index`: the bytes of
// live device storages, each rounded up to the caching allocator's 512-byte
// blocks, and those plus the blocks the backend keeps cached for reuse.
struct DeviceMemoryStats {
  std::size_t allocated = 0;
  std::size_t reserved = 0;
};
DeviceMemoryStats cuda_memory_stats(int index);

}  // namespace ss
