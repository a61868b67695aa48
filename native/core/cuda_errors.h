// PyTorch's wording for CUDA failures, in one place. Each function names the
// PyTorch source its text comes from.
#pragma once
#include <cstddef>
#include <string>

namespace ss::cuda {

// cudaGetDeviceCount failed with cudaErrorInsufficientDriver and no driver is
// installed (driver version 0): what a CUDA-built torch raises on `.cuda()`
// (c10/cuda/CUDAFunctions.cpp, device_count_impl via device_count_ensure_non_zero,
// reached from torch.cuda._lazy_init -> torch._C._cuda_init). We use it too when
// our own CUDA library is missing: the app is built with CUDA support, the
// machine cannot use it.
std::string no_driver_message();
// A driver older than the runtime (same function, version > 0).
std::string driver_too_old_message(int driver_version);
// A driver and zero devices (c10/cuda/CUDAFunctions.cpp, device_count_ensure_non_zero).
std::string no_gpus_message();
// Any CUDA runtime error, as C10_CUDA_CHECK words it (c10/cuda/CUDAException.cpp
// c10_cuda_check_implementation + CUDAMiscFunctions.cpp help and suffix texts).
// cudaErrorInvalidDevice reads "CUDA error: invalid device ordinal\nGPU device may
// be out of range, do you have enough GPUs?...".
std::string cuda_error_message(int code, const std::string& error_string, const std::string& error_name);
std::string invalid_device_ordinal_message();
// The caching allocator's out-of-memory error (c10/cuda/CUDACachingAllocator.cpp,
// PyTorch 2.x), raised as torch.OutOfMemoryError. "Tried to allocate" names the
// block the allocator asked for (get_allocation_size of the request). total == 0:
// the first sentence only (a capacity that is not known). With `usage`, the whole
// text: "... of which 1.05 GiB is free. 8.00 GiB allowed; Of the allocated memory
// ..." (allowed: the per-process cap, as torch.cuda.set_per_process_memory_fraction
// sets one; 0 for none).
struct CudaMemoryUsage {
  std::size_t allowed = 0;
  std::size_t allocated = 0;  // memory_allocated()
  std::size_t reserved = 0;   // memory_reserved()
};
std::string out_of_memory_message(std::size_t requested, int device, std::size_t total, std::size_t free,
                                  const CudaMemoryUsage* usage = nullptr);
// The caching allocator's block size for a request (round_size, then get_allocation_size).
std::size_t allocation_size(std::size_t requested);
// format_size of the caching allocator: "1024 bytes", "1.50 KiB", "2.00 MiB", "3.25 GiB" (GiB at most).
std::string format_size(std::size_t bytes);

}  // namespace ss::cuda
