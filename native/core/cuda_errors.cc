#include "cuda_errors.h"

#include <cstdio>

namespace ss::cuda {

namespace {
constexpr int kCudaErrorInvalidDevice = 101;
}

std::string no_driver_message() {
  return "Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver "
         "from http://www.nvidia.com/Download/index.aspx";
}

std::string driver_too_old_message(int driver_version) {
  return "The NVIDIA driver on your system is too old (found version " + std::to_string(driver_version) +
         "). Please update your GPU driver by downloading and installing a new version from the URL: "
         "http://www.nvidia.com/Download/index.aspx Alternatively, go to: https://pytorch.org to install a PyTorch "
         "version that has been compiled with your version of the CUDA driver.";
}

std::string no_gpus_message() { return "No CUDA GPUs are available"; }

std::string cuda_error_message(int code, const std::string& error_string, const std::string& error_name) {
  // NOTE: text of c10_cuda_check_implementation (c10/cuda/CUDAException.cpp) in a
  // build without device-side assertions: message, help, suffix, newline, DSA hint.
  std::string msg = "CUDA error: " + error_string;
  if (code == kCudaErrorInvalidDevice)
    msg += "\nGPU device may be out of range, do you have enough GPUs?";
  else
    msg += "\nSearch for `" + error_name +
           "' in https://docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__TYPES.html for more information.";
  msg += "\nFor more detailed error information, run with CUDA_LOG_FILE=stderr\n";
  msg += "Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n";
  return msg;
}

std::string invalid_device_ordinal_message() {
  return cuda_error_message(kCudaErrorInvalidDevice, "invalid device ordinal", "cudaErrorInvalidDevice");
}

// NOTE: c10/cuda/CUDACachingAllocator.cpp format_size: <= boundaries, GiB at most.
std::string format_size(std::size_t bytes) {
  char buf[64];
  if (bytes <= 1024) {
    std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
  } else if (bytes <= 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.2f KiB", bytes / 1024.0);
  } else if (bytes <= std::size_t(1024) * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.2f MiB", bytes / 1048576.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / 1073741824.0);
  }
  return buf;
}

// NOTE: CUDACachingAllocator.cpp round_size (512-byte blocks) and get_allocation_size
// (kSmallBuffer 2 MiB up to 1 MiB, kLargeBuffer 20 MiB below 10 MiB, else 2 MiB multiples).
std::size_t allocation_size(std::size_t requested) {
  constexpr std::size_t kMinBlock = 512, kSmallSize = 1 << 20, kSmallBuffer = 2 << 20, kLargeBuffer = 20 << 20,
                        kMinLargeAlloc = 10 << 20, kRoundLarge = 2 << 20;
  const std::size_t size = requested < kMinBlock ? kMinBlock : (requested + kMinBlock - 1) / kMinBlock * kMinBlock;
  if (size <= kSmallSize) return kSmallBuffer;
  if (size < kMinLargeAlloc) return kLargeBuffer;
  return (size + kRoundLarge - 1) / kRoundLarge * kRoundLarge;
}

std::string out_of_memory_message(std::size_t requested, int device, std::size_t total, std::size_t free,
                                  const CudaMemoryUsage* usage) {
  const std::string first = "CUDA out of memory. Tried to allocate " + format_size(allocation_size(requested)) + ".";
  if (total == 0) return first;  // capacity unknown
  std::string msg = first + " GPU " + std::to_string(device) + " has a total capacity of " + format_size(total) +
                    " of which " + format_size(free) + " is free.";
  if (!usage) return msg;
  // (no NVML process line: "Including non-PyTorch memory, ..." needs the driver's process list)
  if (usage->allowed) msg += " " + format_size(usage->allowed) + " allowed;";
  return msg + " Of the allocated memory " + format_size(usage->allocated) + " is allocated by PyTorch, and " +
         format_size(usage->reserved - usage->allocated) +
         " is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting "
         "PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory "
         "Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)";
}

}  // namespace ss::cuda
