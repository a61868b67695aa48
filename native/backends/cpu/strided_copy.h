// CPU copy kernels: the engine's hot path. Every layout-changing copy (clone,
// contiguous, copy(order=...), ascontiguousarray, tensor(), device staging)
// lands here.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace ss::cpu {

// Which kernel ran and what it moved, for the operation log and the profiler.
struct CopyReport {
  const char* kernel = "none";  // e.g. "memcpy", "transpose-avx2-8x8", "blocked-2d", "generic-strided"
  std::size_t bytes = 0;       // bytes written to dst
  int threads = 1;
};

// Copies every element of a strided source into a strided destination of the
// same sizes. Strides are in BYTES (may be 0 for src, negative for NumPy views).
// Requires: dst and src do not overlap; every addressed byte is in bounds (the
// engine checks this before calling). Picks the fastest kernel for the layout.
CopyReport strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize);

// Allocation for CPU storages: reuses freed buffers of the same size class and
// asks for transparent huge pages on large ones (fresh memory costs more than
// the copy into it). Returns nullptr on failure.
void* host_alloc(std::size_t nbytes);
void host_free(void* ptr, std::size_t nbytes);

}  // namespace ss::cpu
