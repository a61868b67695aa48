// Per-device state shared by the library's entry points: one non-blocking
// stream for asynchronous work and a pair of timing events, created on first
// use. A mutex per device serialises users of the shared events.
#pragma once
#include <cuda_runtime.h>

#include <mutex>

#include "stridescope_cuda.h"

#define SS_EXPORT extern "C" __attribute__((visibility("default")))

// Returns from the enclosing function with the error code when a CUDA call fails.
#define SS_TRY(expr)                           \
  do {                                         \
    cudaError_t ss_err_ = (expr);              \
    if (ss_err_ != cudaSuccess) return ss_err_; \
  } while (0)

namespace ss_cuda {

constexpr int kMaxDevices = 64;

struct DeviceState {
  std::mutex mutex;
  bool ready = false;
  cudaStream_t stream = nullptr;
  cudaEvent_t start = nullptr;
  cudaEvent_t stop = nullptr;
};

// Makes `dev` current and returns its state (created on first use), or an error.
// The caller holds device_mutex(dev) while it uses the stream and events.
cudaError_t acquire_device(int dev, DeviceState** state);
// The mutex of device `dev` (0 <= dev < kMaxDevices).
std::mutex& device_mutex(int dev);

// Records `start` on the stream; after the work, finish_timing records `stop`,
// waits for it and stores the elapsed time in seconds (the work is complete on return).
cudaError_t begin_timing(DeviceState* st);
cudaError_t finish_timing(DeviceState* st, double* seconds);

}  // namespace ss_cuda
