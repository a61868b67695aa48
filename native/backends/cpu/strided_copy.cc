// Dispatch for strided copies: normalise the layout (copy_plan.h), then pick
// memcpy, a blocked (SIMD) transpose, or the generic strided loop, and split
// large copies over the persistent pool (thread_pool.h).
#include "strided_copy.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "copy_plan.h"
#include "generic_copy.h"
#include "stream_copy.h"
#include "thread_pool.h"
#include "transpose_kernels.h"

namespace ss::cpu {
namespace {

// Below these sizes waking the second core costs more than it saves (a wake-up
// round trip is ~10-30 µs). Estimates, not a measured crossover: the shared
// machine was too loaded to time it (retune with bench/copy_bench.cc --threads).
constexpr std::size_t kParallelMemcpyBytes = std::size_t{4} << 20;
constexpr std::size_t kParallelStridedBytes = std::size_t{512} << 10;
// Contiguous copies this large stream past the caches (stream_copy.h): the dst
// would not stay cached anyway, and skipping read-for-ownership saves a third of
// the traffic. Smaller ones keep memcpy, which leaves dst in cache for its reader.
constexpr std::size_t kStreamingBytes = std::size_t{32} << 20;
// A stoppable copy polls its stop flag about this often (~0.3-1 ms of copying).
constexpr std::size_t kPollBytes = std::size_t{4} << 20;
// A src dim is worth blocking on when consecutive elements along it share cache lines.
constexpr std::int64_t kMaxBlockedSrcStride = 64;

std::int64_t abs64(std::int64_t v) { return v < 0 ? -v : v; }

// Transposes stream their dst once it is larger than this core's L2 cache:
// their dst lines are written in pieces, and without streaming stores each
// piece first reads its line from memory (measured: up to 2.5x faster above
// L2, slower below it, where the result would have stayed cached).
std::size_t transpose_streaming_bytes() {
  static const std::size_t bytes = [] {
    long l2 = -1;
#ifdef _SC_LEVEL2_CACHE_SIZE
    l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
#endif
    const std::size_t fallback = std::size_t{1} << 20;
    return std::clamp<std::size_t>(l2 > 0 ? static_cast<std::size_t>(l2) : fallback, std::size_t{256} << 10,
                                   std::size_t{8} << 20);
  }();
  return bytes;
}

std::int64_t poll_chunks(std::size_t bytes) { return static_cast<std::int64_t>(bytes / kPollBytes); }

int threads_for(std::size_t bytes, std::size_t threshold, const CopyOptions& opt) {
  if (bytes < threshold) return 1;
  int t = copy_threads();
  if (opt.max_threads > 0) t = std::min(t, opt.max_threads);
  return std::max(t, 1);
}

CopyReport copy_contiguous(char* dst, const char* src, std::size_t bytes, const CopyOptions& opt) {
  CopyReport rep;
  const bool stream = opt.allow_simd && bytes >= kStreamingBytes && stream_copy_available();
  rep.kernel = stream ? "memcpy-stream" : "memcpy";
  rep.bytes = bytes;
  auto copy = [stream](char* d, const char* s, std::size_t n) {
    if (stream) stream_copy(d, s, n);
    else std::memcpy(d, s, n);
  };
  const int parts = threads_for(bytes, kParallelMemcpyBytes, opt);
  if (stream) prefault_for_streaming(dst, bytes, parts);
  if (parts <= 1 && (!opt.stop || bytes < 2 * kPollBytes)) {
    copy(dst, src, bytes);
    return rep;
  }
  constexpr std::int64_t kPage = 4096;  // split on page boundaries of dst
  const std::int64_t pages = static_cast<std::int64_t>((bytes + kPage - 1) / kPage);
  rep.threads = parallel_for_stoppable(pages, parts, poll_chunks(bytes), opt.stop, &rep.stopped,
                                       [&](std::int64_t b, std::int64_t e) {
                                         const std::size_t lo = static_cast<std::size_t>(b * kPage);
                                         const std::size_t hi = std::min(bytes, static_cast<std::size_t>(e * kPage));
                                         copy(dst + lo, src + lo, hi - lo);
                                       });
  return rep;
}

// The outer dim to block against the innermost one, or -1 when the copy is not
// transpose-like: dst contiguous innermost, src not, and some outer dim along
// which src is (nearly) contiguous.
int transpose_partner(const CopyPlan& p) {
  if (p.ndim < 2) return -1;
  const int inner = p.ndim - 1;
  const auto item = static_cast<std::int64_t>(p.itemsize);
  if (p.dst_strides[inner] != item) return -1;
  const std::int64_t s_in = abs64(p.src_strides[inner]);
  if (s_in == item || s_in == 0) return -1;
  int best = -1;
  for (int k = 0; k < inner; ++k) {
    const std::int64_t s = abs64(p.src_strides[k]);
    if (s == 0 || s >= s_in || s > kMaxBlockedSrcStride) continue;
    if (best < 0 || s < abs64(p.src_strides[best])) best = k;
  }
  return best;
}

// dst covers one dense block in the plan's order (what a fresh contiguous result is).
bool dst_is_dense(const CopyPlan& p) {
  auto expect = static_cast<std::int64_t>(p.itemsize);
  for (int i = p.ndim - 1; i >= 0; --i) {
    if (p.dst_strides[i] != expect) return false;
    expect *= p.sizes[i];
  }
  return true;
}

CopyReport copy_transposed(const CopyPlan& p, int k, const TransposeKernel& kern, bool streaming, const CopyOptions& opt) {
  const int inner = p.ndim - 1;
  // Batch dims: every dim but k and inner (e.g. N of an NCHW->NHWC permute).
  int bdims[kMaxCopyDims];
  int nb = 0;
  std::int64_t batches = 1;
  for (int i = 0; i < inner; ++i)
    if (i != k) {
      bdims[nb++] = i;
      batches *= p.sizes[i];
    }
  const Transpose2D base{p.dst, p.dst_strides[k], p.src, p.src_strides[k], p.src_strides[inner],
                         p.sizes[k], p.sizes[inner]};
  const std::int64_t rb = kern.row_block;
  const std::int64_t blocks_per_batch = (base.rows + rb - 1) / rb;

  auto run_units = [&](std::int64_t u0, std::int64_t u1) {
    for (std::int64_t u = u0; u < u1; ++u) {
      std::int64_t b = u / blocks_per_batch;
      const std::int64_t blk = u % blocks_per_batch;
      Transpose2D t = base;
      for (int j = nb - 1; j >= 0; --j) {
        const int d = bdims[j];
        const std::int64_t i = b % p.sizes[d];
        b /= p.sizes[d];
        t.dst += i * p.dst_strides[d];
        t.src += i * p.src_strides[d];
      }
      kern.fn(t, blk * rb, std::min(base.rows, (blk + 1) * rb));
    }
  };

  CopyReport rep;
  rep.kernel = kern.name;
  rep.bytes = static_cast<std::size_t>(p.numel()) * p.itemsize;
  const int parts = threads_for(rep.bytes, kParallelStridedBytes, opt);
  if (streaming && dst_is_dense(p)) prefault_for_streaming(p.dst, rep.bytes, parts);
  rep.threads = parallel_for_stoppable(batches * blocks_per_batch, parts, poll_chunks(rep.bytes), opt.stop, &rep.stopped,
                                       run_units);
  return rep;
}

CopyReport copy_generic(const CopyPlan& p, const CopyOptions& opt) {
  CopyReport rep;
  rep.kernel = "generic-strided";
  rep.bytes = static_cast<std::size_t>(p.numel()) * p.itemsize;
  const int parts = threads_for(rep.bytes, kParallelStridedBytes, opt);
  rep.threads = parallel_for_stoppable(generic_copy_row_count(p), parts, poll_chunks(rep.bytes), opt.stop, &rep.stopped,
                                       [&](std::int64_t b, std::int64_t e) { generic_copy_rows(p, b, e); });
  return rep;
}

}  // namespace

CopyReport strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize, const CopyOptions& opt) {
  const CopyPlan p = make_copy_plan(dst, dst_strides, src, src_strides, sizes, ndim, itemsize);
  if (p.empty || itemsize == 0) {
    CopyReport rep;
    rep.kernel = "empty";
    return rep;
  }
  const auto item = static_cast<std::int64_t>(itemsize);
  if (p.ndim == 0) return copy_contiguous(p.dst, p.src, itemsize, opt);
  if (p.ndim == 1 && p.dst_strides[0] == item && p.src_strides[0] == item)
    return copy_contiguous(p.dst, p.src, static_cast<std::size_t>(p.sizes[0]) * itemsize, opt);

  const int k = transpose_partner(p);
  if (k >= 0) {
    const bool src_rows_contiguous = p.src_strides[k] == item;
    const bool streaming = static_cast<std::size_t>(p.numel()) * itemsize >= transpose_streaming_bytes();
    const TransposeKernel kern = pick_transpose_kernel(itemsize, src_rows_contiguous, opt.allow_simd, streaming);
    if (kern.fn) return copy_transposed(p, k, kern, streaming, opt);
  }
  return copy_generic(p, opt);
}

CopyReport repeat_fill(void* dst, std::size_t n, std::size_t period, const CopyOptions& opt) {
  CopyReport rep;
  rep.kernel = "fill";
  rep.bytes = n;
  char* d = static_cast<char*>(dst);
  if (period == 0 || n <= period) return rep;
  // The block: as many whole periods as fit in 16 KiB (L1-resident), by doubling.
  std::size_t block = period;
  const std::size_t want = std::min(n, std::max(period, std::size_t{16} << 10));
  for (; block * 2 <= want; block *= 2) std::memcpy(d + block, d, block);
  if (block >= n) return rep;
  const bool stream = opt.allow_simd && n >= transpose_streaming_bytes() && stream_copy_available();
  const auto blocks = static_cast<std::int64_t>((n - block + block - 1) / block);  // after the first
  const int parts = threads_for(n, kParallelMemcpyBytes, opt);
  if (stream) prefault_for_streaming(d + block, n - block, parts);
  rep.threads = parallel_for_stoppable(blocks, parts, poll_chunks(n), opt.stop, &rep.stopped,
                                       [&](std::int64_t b, std::int64_t e) {
                                         for (std::int64_t i = b; i < e; ++i) {
                                           const std::size_t off = block * static_cast<std::size_t>(i + 1);
                                           const std::size_t len = std::min(block, n - off);
                                           if (stream) stream_copy(d + off, d, len);
                                           else std::memcpy(d + off, d, len);
                                         }
                                       });
  return rep;
}

CopyReport strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize) {
  return strided_copy(dst, dst_strides, src, src_strides, sizes, ndim, itemsize, CopyOptions{});
}

}  // namespace ss::cpu
