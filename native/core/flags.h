// Flags of an Array as its own library computes them.
#pragma once
#include "array.h"

namespace ss {

bool c_contiguous(const Array& a);  // NumPy C_CONTIGUOUS / Tensor.is_contiguous()
bool f_contiguous(const Array& a);  // NumPy F_CONTIGUOUS (tensors: same rule on reversed dims)
bool channels_last_contiguous(const Array& a);
bool aligned(const Array& a);  // NumPy ALIGNED: data and strides multiples of the alignment
// Element strides exactly representable (tensor rules need byte strides % itemsize == 0).
bool strides_are_multiples(const Array& a);
// ndarray.flags.writeable = on / setflags(write=on): clearing is always allowed; setting
// follows NumPy's _IsWriteable (the owning array or the buffer underneath must be writable).
void set_writeable(Array& a, bool on);

}  // namespace ss
