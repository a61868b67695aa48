// The host allocator: alignment, reuse of freed buffers of the same size class,
// the bounded cache, failure as nullptr, and concurrent use.
#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

#include "../backends/cpu/strided_copy.h"
#include "kernels_test_util.h"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

using namespace ss::cpu;

namespace {

constexpr std::size_t MiB = std::size_t{1} << 20;

bool aligned(void* p, std::size_t a) { return reinterpret_cast<std::uintptr_t>(p) % a == 0; }

TEST(test_alignment_and_use) {
  const std::size_t sizes[] = {0, 1, 63, 64, 100, 4096, 300000, 2 * MiB - 1, 2 * MiB, 5 * MiB + 3, 64 * MiB};
  for (std::size_t n : sizes) {
    void* p = host_alloc(n);
    KT_CHECK(p != nullptr, "host_alloc(%zu) failed", n);
    if (!p) continue;
    KT_CHECK(aligned(p, 64), "host_alloc(%zu) not 64-byte aligned", n);
    if (n >= 2 * MiB) KT_CHECK(aligned(p, 2 * MiB), "large host_alloc(%zu) not 2 MiB aligned", n);
    std::memset(p, 0x5a, n);  // every requested byte is writable (ASan checks the small ones)
    host_free(p, n);
  }
  host_free(nullptr, 100);  // no-op
}

TEST(test_reuse) {
  host_cache_trim();
  const HostAllocStats s0 = host_alloc_stats();
  KT_CHECK(s0.cached_bytes == 0 && s0.cached_buffers == 0, "trim leaves %zu bytes cached", s0.cached_bytes);
  void* a = host_alloc(16 * MiB);
  KT_CHECK(host_alloc_stats().live_bytes >= s0.live_bytes + 16 * MiB, "live bytes count the new buffer");
  std::memset(a, 1, 16 * MiB);
  host_free(a, 16 * MiB);
  const HostAllocStats s1 = host_alloc_stats();
  KT_CHECK(s1.cached_buffers == 1 && s1.cached_bytes >= 16 * MiB, "a freed 16 MiB buffer is cached");
  KT_CHECK(s1.live_bytes == s0.live_bytes, "live bytes return to %zu after the free", s0.live_bytes);
  void* b = host_alloc(16 * MiB - 100);  // same size class
  const HostAllocStats s2 = host_alloc_stats();
  KT_CHECK(b == a, "same size class reuses the freed buffer");
  KT_CHECK(s2.reuse_hits == s1.reuse_hits + 1, "reuse counted");
  KT_CHECK(s2.cached_buffers == 0, "a reused buffer leaves the cache");
  void* c = host_alloc(40 * MiB);  // another class: fresh
  KT_CHECK(c != a && c != nullptr, "another size class gets its own buffer");
  host_free(b, 16 * MiB - 100);
  host_free(c, 40 * MiB);
  KT_CHECK(host_alloc_stats().cached_buffers == 2, "both buffers cached");
  host_cache_trim();
  KT_CHECK(host_alloc_stats().cached_bytes == 0, "trim empties the cache");
}

TEST(test_bounded_cache) {
  host_cache_trim();
  // 8 x 200 MiB = 1.6 GiB freed: the cache keeps at most 1 GiB (untouched pages: cheap).
  std::vector<void*> ps;
  for (int i = 0; i < 8; ++i) ps.push_back(host_alloc(200 * MiB));
  for (void* p : ps) host_free(p, 200 * MiB);
  const HostAllocStats s = host_alloc_stats();
  KT_CHECK(s.cached_bytes <= (std::size_t{1} << 30), "cache holds %zu bytes, over its 1 GiB bound", s.cached_bytes);
  KT_CHECK(s.cached_buffers >= 1, "the cache keeps recent buffers");
  // Many small-class frees: bounded count.
  std::vector<void*> qs;
  for (int i = 0; i < 100; ++i) qs.push_back(host_alloc(300000));
  for (void* q : qs) host_free(q, 300000);
  KT_CHECK(host_alloc_stats().cached_buffers <= 32, "cache holds %zu buffers", host_alloc_stats().cached_buffers);
  host_cache_trim();
}

TEST(test_zeroed) {
  // Dirty a cached buffer, then ask for zeroed memory of the same class: it must be cleared.
  for (std::size_t n : {std::size_t{100}, 300000 + std::size_t{1}, 8 * MiB, 8 * MiB + 5}) {
    auto* d = static_cast<unsigned char*>(host_alloc(n));
    std::memset(d, 0xee, n);
    host_free(d, n);
    auto* z = static_cast<unsigned char*>(host_alloc_zeroed(n));
    KT_CHECK(z != nullptr, "host_alloc_zeroed(%zu) failed", n);
    if (!z) continue;
    bool zero = true;
    for (std::size_t i = 0; i < n; ++i) zero = zero && z[i] == 0;
    KT_CHECK(zero, "host_alloc_zeroed(%zu) is not all zero", n);
    host_free(z, n);
  }
  host_cache_trim();
  auto* z = static_cast<unsigned char*>(host_alloc_zeroed(64 * MiB));  // a fresh mapping
  bool zero = z != nullptr;
  for (std::size_t i = 0; z && i < 64 * MiB; i += 4096) zero = zero && z[i] == 0 && z[i + 4095] == 0;
  KT_CHECK(zero, "a fresh zeroed mapping reads as zero");
  host_free(z, 64 * MiB);
}

TEST(test_failure) {
  void* p = host_alloc(std::size_t{1} << 60);
  KT_CHECK(p == nullptr, "an impossible allocation returns nullptr");
  p = host_alloc(SIZE_MAX);
  KT_CHECK(p == nullptr, "SIZE_MAX returns nullptr");
}

TEST(test_threads) {
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([t] {
      for (int i = 0; i < 200; ++i) {
        const std::size_t n = (static_cast<std::size_t>(i % 7) + 1) * 300000 + static_cast<std::size_t>(t);
        auto* p = static_cast<unsigned char*>(host_alloc(n));
        if (!p) continue;
        p[0] = p[n - 1] = static_cast<unsigned char>(t);
        host_free(p, n);
      }
    });
  for (auto& th : ts) th.join();
  const HostAllocStats s = host_alloc_stats();
  KT_CHECK(s.cached_buffers <= 32, "concurrent use keeps the bound");
  host_cache_trim();
}

#if defined(__linux__)
bool resident(const void* p) {
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  unsigned char v = 0;
  return mincore(reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(p) & ~(page - 1)), page, &v) == 0 && (v & 1);
}
#endif

// Populating a fresh destination before streaming into it keeps every byte it already had
// (a partly written one, a range that starts and ends inside pages), and makes it resident.
TEST(test_prefault_for_streaming) {
  host_cache_trim();
  const std::size_t n = 8 * MiB;
  auto* p = static_cast<unsigned char*>(host_alloc(n));
  KT_CHECK(p != nullptr, "host_alloc(8 MiB)");
  if (!p) return;
  for (std::size_t i = 0; i < 4096; ++i) p[i] = static_cast<unsigned char>(i * 7 + 1);
  p[3 * MiB + 5] = 0xab;
#if defined(__linux__)
  KT_CHECK(!resident(p + n - 1), "a fresh mapping's last page is not resident before");
#endif
  prefault_for_streaming(p + 100, n - 200, 2);
#if defined(__linux__)
  KT_CHECK(resident(p + n - 4097), "populated: the last whole page inside the range is resident");
#endif
  bool kept = true;
  for (std::size_t i = 0; i < 4096; ++i) kept = kept && p[i] == static_cast<unsigned char>(i * 7 + 1);
  KT_CHECK(kept, "bytes written before are kept");
  KT_CHECK(p[3 * MiB + 5] == 0xab, "a byte in the middle is kept");
  std::size_t nonzero = 0;
  for (std::size_t i = 4096; i < n; ++i) nonzero += p[i] != 0 && i != 3 * MiB + 5;
  KT_CHECK(nonzero == 0, "untouched bytes read as zero (%zu do not)", nonzero);
  prefault_for_streaming(p, n, 1);  // resident now: nothing changes
  KT_CHECK(p[0] == 1 && p[3 * MiB + 5] == 0xab, "a resident destination is left as it is");
  prefault_for_streaming(p, 0, 2);  // empty and small ranges are no-ops
  prefault_for_streaming(p + 1, 4096, 2);
  host_free(p, n);
  host_cache_trim();
}

// Streaming copies and fills into fresh buffers (populated first) write what the naive loops do.
TEST(test_streaming_into_fresh_memory) {
  host_cache_trim();
  const std::int64_t rows = 2048, cols = 2048;  // 16 MiB of float32: above any L2 clamp
  const std::size_t bytes = static_cast<std::size_t>(rows * cols) * 4;
  std::vector<float> src(static_cast<std::size_t>(rows * cols));
  for (std::size_t i = 0; i < src.size(); ++i) src[i] = static_cast<float>(i % 100003);
  for (int threads : {1, 2}) {
    CopyOptions opt;
    opt.max_threads = threads;
    auto* dst = static_cast<float*>(host_alloc(bytes));
    const std::int64_t sizes[2] = {cols, rows};
    const std::int64_t dst_strides[2] = {rows * 4, 4};
    const std::int64_t src_strides[2] = {4, cols * 4};  // src.T
    strided_copy(dst, dst_strides, src.data(), src_strides, sizes, 2, 4, opt);
    std::size_t wrong = 0;
    for (std::int64_t i = 0; i < cols; ++i)
      for (std::int64_t j = 0; j < rows; ++j) wrong += dst[i * rows + j] != src[static_cast<std::size_t>(j * cols + i)];
    KT_CHECK(wrong == 0, "transpose into fresh memory, %d threads: %zu wrong", threads, wrong);
    const std::int64_t flat[1] = {rows * cols};
    const std::int64_t unit[1] = {4};
    auto* copy = static_cast<float*>(host_alloc(bytes + 4096));  // another size class: fresh too
    strided_copy(copy, unit, src.data(), unit, flat, 1, 4, opt);
    KT_CHECK(std::memcmp(copy, src.data(), bytes) == 0, "contiguous copy into fresh memory, %d threads", threads);
    auto* fill = static_cast<float*>(host_alloc(bytes + 8192));
    fill[0] = 1.5f;
    repeat_fill(fill, bytes, 4, opt);
    std::size_t bad = 0;
    for (std::int64_t i = 0; i < rows * cols; ++i) bad += fill[i] != 1.5f;
    KT_CHECK(bad == 0, "fill of fresh memory, %d threads: %zu wrong", threads, bad);
    host_free(dst, bytes);
    host_free(copy, bytes + 4096);
    host_free(fill, bytes + 8192);
    host_cache_trim();
  }
}

}  // namespace

TEST_MAIN()
