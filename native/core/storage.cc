#include "storage.h"

#include <atomic>

#include "../backends/cpu/strided_copy.h"
#include "errors.h"
#include "memory_cap.h"
#include "view_parts.h"

namespace ss {

Storage::~Storage() {
  if (deleter && data) deleter(data, nbytes);
}

std::uint64_t next_storage_id() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

namespace {
StoragePtr cpu_storage(std::size_t nbytes, bool zeroed) {
  auto s = std::make_shared<Storage>();
  s->id = next_storage_id();
  s->nbytes = nbytes;
  // A zero-byte storage still gets a distinct, valid address, as malloc(0) does in NumPy.
  std::size_t request = nbytes == 0 ? 1 : nbytes;
  s->charge = charge_memory(Device{}, nbytes);  // before the bytes exist: the cap refuses, not the OS
  if (!s->charge) raise(PyExc::MemoryError, "allocation failed");
  s->data = zeroed ? cpu::host_alloc_zeroed(request) : cpu::host_alloc(request);
  if (!s->data) raise(PyExc::MemoryError, "allocation failed");
  s->deleter = [request](void* p, std::size_t) { cpu::host_free(p, request); };
  return s;
}
}  // namespace

StoragePtr allocate_cpu_storage(std::size_t nbytes) { return cpu_storage(nbytes, false); }
StoragePtr allocate_cpu_storage_zeroed(std::size_t nbytes) { return cpu_storage(nbytes, true); }

StoragePtr alias_storage(const StoragePtr& owner, void* data, std::size_t nbytes) {
  auto s = std::make_shared<Storage>();
  init_alias_storage(*s, owner, data, nbytes);
  return s;
}

void init_alias_storage(Storage& s, const StoragePtr& owner, void* data, std::size_t nbytes) {
  s.id = next_storage_id();
  s.device = owner->device;
  s.simulated = owner->simulated;
  s.pinned = owner->pinned;
  s.nbytes = nbytes;
  s.data = data;
  s.keepalive = owner;
}

}  // namespace ss
