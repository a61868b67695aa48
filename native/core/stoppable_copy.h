// Host copies that a program's Stop, Ctrl-C or --timeout reaches (cancel.h): the cpu
// kernels with the calling thread's interrupt flag as CopyOptions::stop, raising
// KeyboardInterrupt when the flag stopped them part way. For copies whose length is the
// data's (device staging, simulated device memory, file loads, np.save's gather), which
// run for seconds on big tensors. The destination is only partly written then: callers
// copy into memory that the exception frees (a new storage, scratch), never a live array.
#pragma once
#include <cstddef>
#include <cstdint>

#include "../backends/cpu/strided_copy.h"

namespace ss {

// cpu::strided_copy (strides in bytes), stoppable.
cpu::CopyReport stoppable_strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                                       const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                                       std::size_t itemsize);

// n contiguous bytes, stoppable.
cpu::CopyReport stoppable_memcpy(void* dst, const void* src, std::size_t n);

}  // namespace ss
