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
  // "empty", "memcpy", "memcpy-stream" (>= 32 MiB, streaming stores),
  // "transpose-avx2-8x8" (4-byte), "transpose-avx2-4x4" (8-byte),
  // "transpose-avx2-16x8" (2-byte), "transpose-avx2-32x16" (1-byte), each with
  // "-stream" when the copy is larger than the L2 cache (streaming stores),
  // "blocked-2d" (scalar 16x16 tiles), "generic-strided". Static strings.
  const char* kernel = "none";
  std::size_t bytes = 0;       // bytes written to dst
  int threads = 1;
  bool stopped = false;        // CopyOptions::stop was seen: dst is only partly written
};

// Copies every element of a strided source into a strided destination of the
// same sizes. Strides are in BYTES (may be 0 for src, negative for NumPy views).
// Requires: dst and src do not overlap; every addressed byte is in bounds (the
// engine checks this before calling). Picks the fastest kernel for the layout.
CopyReport strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize);

// Knobs for tests and benchmarks (the engine uses the defaults above).
struct CopyOptions {
  bool allow_simd = true;  // false: scalar kernels only, even where AVX2 exists
  int max_threads = 0;     // 0: as many as copy_threads(); 1: single-threaded
  // Read (relaxed, it may change under the copy) between chunks of a few MiB:
  // once nonzero the copy stops early with CopyReport::stopped. The engine passes
  // the running program's interrupt flag, so Stop and Ctrl-C reach a long copy.
  const std::int32_t* stop = nullptr;
};
CopyReport strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize, const CopyOptions& options);

// Fills dst[0, n) with copies of its first `period` bytes, which the caller has
// written (np.ones, np.full). A block of whole periods is built in cache and
// written out block after block: streaming stores once n is larger than the L2
// cache, both threads once it is large, polling options.stop between chunks.
CopyReport repeat_fill(void* dst, std::size_t n, std::size_t period, const CopyOptions& options);

// Allocation for CPU storages: reuses freed buffers of the same size class and
// asks for transparent huge pages on large ones (fresh memory costs more than
// the copy into it). Returns nullptr on failure. The bytes are NOT zeroed (a
// reused buffer holds its last owner's bytes). Alignment: 64 bytes, 2 MiB for
// large buffers. host_free must get the same nbytes; host_free(nullptr, n) is a no-op.
// Thread-safe.
void* host_alloc(std::size_t nbytes);
void host_free(void* ptr, std::size_t nbytes);
// The same, zero-filled (for zeros()): fresh large mappings are already zero and
// are not touched, so a big zeros() costs O(1) until written, as calloc in NumPy.
// Free with host_free.
void* host_alloc_zeroed(std::size_t nbytes);

// Called before streaming stores write dst[0, nbytes) whole: a fresh (not yet resident)
// destination is faulted in first, over `parts` threads (see host_alloc.cc for why).
void prefault_for_streaming(void* dst, std::size_t nbytes, int parts);

// The allocator's state, for tests and the profiler.
struct HostAllocStats {
  std::size_t cached_bytes = 0;   // freed buffers kept for reuse
  std::size_t cached_buffers = 0;
  std::size_t live_bytes = 0;     // handed out and not yet freed (size-class rounded)
  std::size_t reuse_hits = 0;     // host_alloc calls served from the cache
  std::size_t fresh_allocs = 0;   // host_alloc calls that asked the OS/malloc
};
HostAllocStats host_alloc_stats();
// Returns every cached buffer to the system.
void host_cache_trim();

}  // namespace ss::cpu
