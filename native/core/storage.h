// A Storage owns bytes on one device (c10's StorageImpl): the arrays and tensors
// that view it hold shared_ptrs, and the bytes are freed when the last one goes.
// Storages made by from_numpy / numpy() / DLPack are new Storage objects over
// the same bytes: they keep the original alive through `keepalive` (sharing is
// a fact about byte ranges, not about storage identity — semantics.md §71).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

#include "device.h"

namespace ss {

struct MemoryCharge;  // memory_cap.h

struct Storage {
  std::uint64_t id = 0;      // stable, unique for the process
  Device device;
  bool simulated = false;    // a simulated cuda device's host allocation
  std::size_t nbytes = 0;
  void* data = nullptr;      // base address (device pointer for cuda)
  bool pinned = false;       // page-locked host memory
  bool resizable = true;     // false after from_numpy / numpy() (§11, §12)
  // Frees `data`; empty for storages that borrow bytes (then keepalive owns them).
  std::function<void(void*, std::size_t)> deleter;
  std::shared_ptr<const void> keepalive;
  // The bytes this storage holds against its device's cap (memory_cap.h); empty
  // for storages that allocate nothing (aliases, file mappings).
  std::shared_ptr<MemoryCharge> charge;

  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage();

  char* bytes() const { return static_cast<char*>(data); }
};
using StoragePtr = std::shared_ptr<Storage>;

std::uint64_t next_storage_id();

// A fresh CPU storage from the cpu backend's host allocator. Contents are
// uninitialised. Throws PyError(MemoryError) when the allocation fails or would
// pass the cpu's memory cap; the message is completed by the caller (NumPy and
// torch word it differently).
StoragePtr allocate_cpu_storage(std::size_t nbytes);
// The same, all bytes zero: fresh large mappings come zeroed by the kernel and are
// not touched here (calloc's behaviour, which np.zeros relies on).
StoragePtr allocate_cpu_storage_zeroed(std::size_t nbytes);

// A storage that views bytes owned elsewhere (from_numpy, numpy(), DLPack).
StoragePtr alias_storage(const StoragePtr& owner, void* data, std::size_t nbytes);

}  // namespace ss
