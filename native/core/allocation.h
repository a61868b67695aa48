// New arrays and tensors in fresh CPU memory, with each library's errors for
// shapes that cannot exist (negative, too big) and allocations that fail.
#pragma once
#include "array.h"

namespace ss {

enum class NewLayout { C, F };

// Validates `sizes` and allocates. NumPy arrays get NumPy's new-array strides
// (all 0 when empty); tensors get contiguous strides with the max(size,1) rule.
ArrayPtr new_array(Kind kind, DType dtype, const Shape& sizes, NewLayout layout = NewLayout::C);
// new_array with every byte zero (np.zeros / torch.zeros), without touching fresh pages.
ArrayPtr new_zeroed_array(Kind kind, DType dtype, const Shape& sizes, NewLayout layout = NewLayout::C);
// A new array with explicit byte strides (dense, non-negative, checked by the caller).
ArrayPtr new_array_strided(Kind kind, DType dtype, const Shape& sizes, const Shape& byte_strides);
// A new array on the same device as `like` (a simulated or real cuda device, or the cpu).
ArrayPtr new_array_on(const Storage& like, Kind kind, DType dtype, const Shape& sizes, const Shape& byte_strides);
// NumPy's "Unable to allocate 6.94 EiB for an array with shape (...) and data type float64" size text.
std::string numpy_size_string(std::uint64_t nbytes);
// The library's own error for an allocation that cannot be made (the machine's memory
// or the cpu's memory cap): NumPy's _ArrayMemoryError "Unable to allocate ...", torch's
// DefaultCPUAllocator RuntimeError.
[[noreturn]] void raise_cpu_out_of_memory(Kind kind, DType dtype, const Shape& sizes, std::uint64_t nbytes);
// Refuses bytes > what the machine can give (the engine must never be OOM-killed).
void check_allocatable(Kind kind, DType dtype, const Shape& sizes, std::uint64_t nbytes);
// Type error for dtypes a library does not have (NumPy: bfloat16).
void check_dtype_supported(Kind kind, DType dtype);

}  // namespace ss
