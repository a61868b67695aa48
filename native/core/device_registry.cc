// The registry of device_backend.h: which backend serves `cuda`, if any.
// The real backend wins when a GPU answers; the simulated one serves only when
// enabled (and, over a real GPU, only when forced).
#include <atomic>

#include "cuda_backend.h"
#include "cuda_errors.h"
#include "cuda_library.h"
#include "device_backend.h"
#include "errors.h"
#include "simulated_backend.h"

namespace ss {

namespace {

std::atomic<bool> g_simulate{false};
std::atomic<bool> g_force{false};

// Both live for the whole process and are never destroyed: storage deleters
// keep raw pointers to them, and storages held by JS objects may be finalised
// after static destructors have run.
DeviceBackend* real_backend() {
  static DeviceBackend* real = []() -> DeviceBackend* {
    const cuda::LibraryApi* api = cuda::library_api();
    return api ? new cuda::CudaBackend(*api, cuda::library_status().device_count) : nullptr;
  }();
  return real;
}

DeviceBackend* simulated_backend() {
  static DeviceBackend* sim = new SimulatedCudaBackend();
  return sim;
}

}  // namespace

DeviceBackend* cuda_backend() {
  if (g_simulate && g_force) return simulated_backend();
  if (DeviceBackend* real = real_backend()) return real;
  return g_simulate ? simulated_backend() : nullptr;
}

DeviceBackend* cuda_backend_for(bool simulated) { return simulated ? simulated_backend() : real_backend(); }

void set_simulate_cuda(bool on, bool force) {
  g_simulate = on;
  g_force = on && force;
}

bool simulate_cuda_enabled() { return g_simulate; }

std::string cuda_unavailable_reason() { return cuda::library_status().reason; }

int cuda_device_count() {
  DeviceBackend* b = cuda_backend();
  return b ? b->device_count() : 0;
}

bool cuda_is_available() { return cuda_device_count() > 0; }

DeviceBackend& require_cuda(int index) {
  DeviceBackend* b = cuda_backend();
  if (!b) raise(PyExc::RuntimeError, cuda::library_status().torch_error);
  if (index < 0 || index >= b->device_count()) raise(PyExc::RuntimeError, cuda::invalid_device_ordinal_message());
  return *b;
}

}  // namespace ss
