// Dispatch for strided copies: normalise the layout (copy_plan.h), then pick
// memcpy, a blocked (SIMD) transpose, or the generic strided loop, and split
// large copies over the persistent pool (thread_pool.h).
#include "strided_copy.h"

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
// Copies this large stream past the caches (stream_copy.h, 8-byte transposes): the dst
// would not stay cached anyway, and skipping read-for-ownership saves a third of
// the traffic. Smaller ones keep memcpy, which leaves dst in cache for its reader.
constexpr std::size_t kStreamingBytes = std::size_t{32} << 20;
// A src dim is worth blocking on when consecutive elements along it share cache lines.
constexpr std::int64_t kMaxBlockedSrcStride = 64;

std::int64_t abs64(std::int64_t v) { return v < 0 ? -v : v; }

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
  if (parts <= 1) {
    copy(dst, src, bytes);
    return rep;
  }
  constexpr std::int64_t kPage = 4096;  // split on page boundaries of dst
  const std::int64_t pages = static_cast<std::int64_t>((bytes + kPage - 1) / kPage);
  rep.threads = parallel_for(pages, parts, [&](std::int64_t b, std::int64_t e) {
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

CopyReport copy_transposed(const CopyPlan& p, int k, const TransposeKernel& kern, const CopyOptions& opt) {
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
  rep.threads = parallel_for(batches * blocks_per_batch, parts, run_units);
  return rep;
}

CopyReport copy_generic(const CopyPlan& p, const CopyOptions& opt) {
  CopyReport rep;
  rep.kernel = "generic-strided";
  rep.bytes = static_cast<std::size_t>(p.numel()) * p.itemsize;
  const int parts = threads_for(rep.bytes, kParallelStridedBytes, opt);
  rep.threads = parallel_for(generic_copy_row_count(p), parts,
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
    const bool streaming = static_cast<std::size_t>(p.numel()) * itemsize >= kStreamingBytes;
    const TransposeKernel kern = pick_transpose_kernel(itemsize, src_rows_contiguous, opt.allow_simd, streaming);
    if (kern.fn) return copy_transposed(p, k, kern, opt);
  }
  return copy_generic(p, opt);
}

CopyReport strided_copy(void* dst, const std::int64_t* dst_strides, const void* src,
                        const std::int64_t* src_strides, const std::int64_t* sizes, int ndim,
                        std::size_t itemsize) {
  return strided_copy(dst, dst_strides, src, src_strides, sizes, ndim, itemsize, CopyOptions{});
}

}  // namespace ss::cpu
