#include "host_access.h"

#include "errors.h"

namespace ss {

bool host_accessible(const Array& a) { return a.storage->device.is_cpu() || a.storage->simulated; }

void check_host_accessible(const Array& a, const char* op) {
  if (!host_accessible(a))
    raise(PyExc::NotImplementedError, std::string(op) + " on " + a.storage->device.str() +
                                          " tensors is not available in this engine; move it with .cpu() first");
}

void check_same_device(const Array& a, const Array& b) {
  if (a.is_tensor() && b.is_tensor() && a.storage->device != b.storage->device) {
    raise(PyExc::RuntimeError, "Expected all tensors to be on the same device, but found at least two devices, " +
                                   a.storage->device.str() + " and " + b.storage->device.str() + "!");
  }
}

}  // namespace ss
