#include "device_storage.h"

#include "device_backend.h"

namespace ss {

StoragePtr allocate_cuda_storage(int index, std::size_t nbytes) {
  DeviceBackend& backend = require_cuda(index);
  auto s = std::make_shared<Storage>();
  s->id = next_storage_id();
  s->device = Device{DeviceType::CUDA, index};
  s->simulated = backend.simulated();
  s->nbytes = nbytes;
  s->data = backend.alloc(index, nbytes);
  DeviceBackend* owner = &backend;
  s->deleter = [owner, index](void* p, std::size_t) { owner->free(index, p); };
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
