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

std::string out_of_memory_message(std::size_t requested, int device, std::size_t total, std::size_t free) {
  const std::string first = "CUDA out of memory. Tried to allocate " + format_size(requested) + ".";
  if (total == 0) return first;  // capacity unknown (the simulated device)
  return first + " GPU " + std::to_string(device) +
         " has a total capacity of " + format_size(total) + " of which " + format_size(free) + " is free.";
}

}  // namespace ss::cuda
