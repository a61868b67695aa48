// Guards for ops that read or write elements on the CPU: a real GPU's memory is
// not addressable from the host (the simulated device's memory is), and torch
// refuses to mix devices in one op.
#pragma once
#include "array.h"

namespace ss {

bool host_accessible(const Array& a);
// NotImplementedError naming the op when a's bytes live on a real GPU.
void check_host_accessible(const Array& a, const char* op);
// torch's "Expected all tensors to be on the same device, ..." for two tensors.
void check_same_device(const Array& a, const Array& b);

}  // namespace ss
