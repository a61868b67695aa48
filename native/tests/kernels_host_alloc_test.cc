// The host allocator: alignment, reuse of freed buffers of the same size class,
// the bounded cache, failure as nullptr, and concurrent use.
#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

#include "../backends/cpu/strided_copy.h"
#include "kernels_test_util.h"

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

}  // namespace

TEST_MAIN()
