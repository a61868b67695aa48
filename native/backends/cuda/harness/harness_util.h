// Shared helpers of the Node-free CUDA harness (kernel tests and benchmark):
// they link libstridescope_cuda.so directly and need no CUDA headers.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "stridescope_cuda.h"

namespace harness {

// Exits 0 with a printed reason when this machine has no usable GPU, so that
// the harness "skips" rather than fails where there is nothing to test.
inline int gpu_count_or_skip(const char* what) {
  int count = 0;
  int err = ss_cuda_device_count(&count);
  if (err != 0 || count == 0) {
    int driver = 0;
    ss_cuda_driver_version(&driver);
    std::printf("SKIP %s: no usable GPU (cudaGetDeviceCount: %s, driver version %d)\n", what,
                err ? ss_cuda_error_string(err) : "0 devices", driver);
    std::exit(0);
  }
  return count;
}

// Aborts with the CUDA error text: the harness has no recovery to do.
inline void check(int err, const char* what) {
  if (err != 0) {
    std::fprintf(stderr, "FATAL %s: %s (%s)\n", what, ss_cuda_error_string(err), ss_cuda_error_name(err));
    std::exit(2);
  }
}

// A reproducible byte pattern that differs between neighbouring bytes.
inline void fill_pattern(void* p, std::size_t n, std::uint32_t seed) {
  auto* b = static_cast<unsigned char*>(p);
  std::uint32_t x = seed * 2654435761u + 12345u;
  for (std::size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b[i] = static_cast<unsigned char>(x);
  }
}

}  // namespace harness
