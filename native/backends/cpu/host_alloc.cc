// Host memory for CPU storages. Fresh memory costs more than the copy into it:
// a 256 MiB malloc+memcpy runs at ~1.9 GB/s because every 4 KiB page faults and
// is zeroed by the kernel, while a copy into already-touched memory runs at
// ~12 GB/s (DESIGN.md "Performance targets"). So freed buffers of a size class
// are kept (bounded) and handed out again, and large buffers are 2 MiB-aligned
// mappings with MADV_HUGEPAGE (where that cannot stall a fault) so that first
// touch faults 2 MiB at a time.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "strided_copy.h"
#include "thread_pool.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#define SS_HAVE_MMAP 1
#endif

namespace ss::cpu {
namespace {

constexpr std::size_t kAlign = 64;                       // a cache line; AVX-512 friendly
constexpr std::size_t kHuge = std::size_t{2} << 20;      // 2 MiB: a transparent huge page
constexpr std::size_t kCacheMin = std::size_t{256} << 10;  // smaller: malloc's own bins do well
constexpr std::size_t kCacheMaxBytes = std::size_t{1} << 30;  // keep at most 1 GiB of freed buffers
constexpr std::size_t kCacheMaxBuffers = 32;
constexpr std::size_t kMaxRequest = std::size_t{1} << 50;  // beyond this: no system can map it

// Size classes: four per power of two (waste <= 25%), multiples of 2 MiB for
// large buffers. Untouched tail pages of a mapping cost address space only.
std::size_t size_class(std::size_t n) {
  n = std::max(n, kAlign);
  int hi = 63 - __builtin_clzll(static_cast<unsigned long long>(n));
  std::size_t base = std::size_t{1} << hi;
  std::size_t step = hi >= 2 ? base >> 2 : 1;
  std::size_t cls = (n + step - 1) / step * step;
  cls = (cls + kAlign - 1) / kAlign * kAlign;
  if (cls >= kHuge) cls = (cls + kHuge - 1) / kHuge * kHuge;
  return cls;
}

bool is_large(std::size_t cls) { return cls >= kHuge; }

#ifdef MADV_HUGEPAGE
// MADV_HUGEPAGE only where a page fault will not wait for the kernel to compact
// memory into a huge page. With THP defrag set to "madvise", "always" or
// "defer+madvise", a fault in an madvised range that finds no free 2 MiB block
// compacts synchronously, and on a machine whose memory was fragmented that made
// first touch 6-8x slower than 4 KiB pages (64 MiB: 0.7-0.9 s against 0.1 s).
// With "defer" or "never" a fault takes a huge page only if one is free. Otherwise
// huge pages are asked for when the kernel's free lists (/proc/buddyinfo) already
// hold free 2 MiB blocks for twice the buffer (others allocate too): then no fault compacts, and
// each 2 MiB faults once instead of 512 times (64 MiB first touch: 10 ms of CPU
// against 30 ms, and unmapping it 0.2 ms against 12-20 ms, measured here).
bool huge_pages_never_stall() {
  static const bool ok = [] {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/defrag");
    std::string modes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    return modes.find("[defer]") != std::string::npos || modes.find("[never]") != std::string::npos;
  }();
  return ok;
}

// Bytes in free blocks of at least kHuge, over all memory zones (0 when unknown).
std::size_t free_huge_block_bytes() {
  const long page = sysconf(_SC_PAGESIZE);
  if (page <= 0) return 0;
  int huge_order = 0;
  while ((static_cast<std::size_t>(page) << huge_order) < kHuge) ++huge_order;
  std::ifstream f("/proc/buddyinfo");
  std::size_t total = 0;
  for (std::string line; std::getline(f, line);) {
    // "Node 0, zone   Normal   4374  24378 ...": free block counts by order, from 0.
    const std::size_t at = line.find("zone");
    if (at == std::string::npos) continue;
    std::istringstream in(line.substr(at + 4));
    std::string zone;
    in >> zone;
    std::size_t count = 0;
    for (int order = 0; in >> count; ++order)
      if (order >= huge_order) total += count * (static_cast<std::size_t>(page) << order);
  }
  return total;
}

bool want_huge_pages(std::size_t bytes) { return huge_pages_never_stall() || free_huge_block_bytes() / 2 >= bytes; }
#endif

void* system_alloc(std::size_t cls) {
#ifdef SS_HAVE_MMAP
  if (is_large(cls)) {
    // Over-map by 2 MiB, then cut the head and tail so the buffer starts on a
    // huge-page boundary (THP only backs aligned 2 MiB ranges).
    const std::size_t span = cls + kHuge;
    void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHuge - 1) & ~(static_cast<std::uintptr_t>(kHuge) - 1);
    const std::size_t head = aligned - start, tail = span - head - cls;
    if (head) munmap(raw, head);
    if (tail) munmap(reinterpret_cast<void*>(aligned + cls), tail);
#ifdef MADV_HUGEPAGE
    if (want_huge_pages(cls)) madvise(reinterpret_cast<void*>(aligned), cls, MADV_HUGEPAGE);  // advisory: ignore failure
#endif
    return reinterpret_cast<void*>(aligned);
  }
#endif
  void* p = nullptr;
  if (posix_memalign(&p, kAlign, cls) != 0) return nullptr;
  return p;
}

void system_free(void* p, std::size_t cls) {
#ifdef SS_HAVE_MMAP
  if (is_large(cls)) {
    munmap(p, cls);
    return;
  }
#endif
  std::free(p);
}

struct Cached {
  void* ptr;
  std::size_t cls;
};

struct Cache {
  std::mutex m;
  std::vector<Cached> entries;  // oldest free first
  HostAllocStats stats;
};

Cache& cache() {
  static Cache* c = new Cache();  // leaked: storages may be freed during static destruction
  return *c;
}

}  // namespace

namespace {

// `fresh_zero` is set when the bytes come straight from a new anonymous mapping,
// which the kernel hands out zero-filled (and lazily: untouched pages cost nothing).
void* alloc_impl(std::size_t nbytes, bool* fresh_zero) {
  *fresh_zero = false;
  if (nbytes > kMaxRequest) return nullptr;
  const std::size_t cls = size_class(nbytes);
  Cache& c = cache();
  if (cls >= kCacheMin) {
    std::lock_guard<std::mutex> lk(c.m);
    for (std::size_t i = 0; i < c.entries.size(); ++i) {
      if (c.entries[i].cls != cls) continue;
      void* p = c.entries[i].ptr;
      c.entries.erase(c.entries.begin() + static_cast<std::ptrdiff_t>(i));  // keeps seq order
      c.stats.cached_bytes -= cls;
      c.stats.cached_buffers -= 1;
      c.stats.live_bytes += cls;
      c.stats.reuse_hits += 1;
      return p;
    }
  }
  void* p = system_alloc(cls);
  if (p) {
    std::lock_guard<std::mutex> lk(c.m);
    c.stats.live_bytes += cls;
    c.stats.fresh_allocs += 1;
  }
#ifdef SS_HAVE_MMAP
  *fresh_zero = p && is_large(cls);
#endif
  return p;
}

}  // namespace

void* host_alloc(std::size_t nbytes) {
  bool fresh_zero;
  return alloc_impl(nbytes, &fresh_zero);
}

// np.zeros gets calloc's lazily zeroed pages; so do we, for fresh large mappings.
// Only reused or malloc'd buffers are cleared here.
void* host_alloc_zeroed(std::size_t nbytes) {
  bool fresh_zero;
  void* p = alloc_impl(nbytes, &fresh_zero);
  if (p && !fresh_zero) std::memset(p, 0, nbytes);
  return p;
}

void host_free(void* ptr, std::size_t nbytes) {
  if (!ptr) return;
  const std::size_t cls = size_class(nbytes);
  Cache& c = cache();
  std::vector<Cached> evicted;
  {
    std::lock_guard<std::mutex> lk(c.m);
    c.stats.live_bytes -= std::min(c.stats.live_bytes, cls);
    if (cls >= kCacheMin && cls <= kCacheMaxBytes) {
      c.entries.push_back({ptr, cls});
      c.stats.cached_bytes += cls;
      c.stats.cached_buffers += 1;
      ptr = nullptr;
      // Over budget: drop the least recently freed buffers (entries are in free
      // order, so the front; never the one just added, which fits the budget alone).
      while (c.stats.cached_bytes > kCacheMaxBytes || c.entries.size() > kCacheMaxBuffers) {
        const Cached oldest = c.entries.front();
        c.entries.erase(c.entries.begin());
        evicted.push_back(oldest);
        c.stats.cached_bytes -= oldest.cls;
        c.stats.cached_buffers -= 1;
      }
    }
  }
  if (ptr) system_free(ptr, cls);
  for (const Cached& e : evicted) system_free(e.ptr, e.cls);  // outside the lock: munmap is slow
}

// A fresh mapping faults on first touch, and the kernel zeroes each 2 MiB huge page through
// the cache: streaming stores into lines it just left there each wait for that line to be
// evicted first, which made streaming into fresh memory about twice as slow as faulting the
// whole range in first and streaming after (64 MiB: ~42 ms against 16 + 4 ms on one core,
// measured here). So a destination whose last page is not resident yet is populated first,
// split over the copy's threads; a reused buffer (resident) costs one mincore call.
void prefault_for_streaming(void* dst, std::size_t nbytes, int parts) {
#if defined(SS_HAVE_MMAP) && defined(__linux__)
  const long page_size = sysconf(_SC_PAGESIZE);
  if (page_size <= 0 || nbytes < kHuge) return;
  const auto page = static_cast<std::uintptr_t>(page_size);
  const auto begin = reinterpret_cast<std::uintptr_t>(dst);
  const std::uintptr_t last = (begin + nbytes - 1) & ~(page - 1);
  unsigned char resident = 0;
  if (mincore(reinterpret_cast<void*>(last), page, &resident) != 0 || (resident & 1)) return;
  // Whole pages inside the destination only: the bytes around it may belong to someone else.
  const std::uintptr_t lo = (begin + page - 1) & ~(page - 1);
  const std::uintptr_t hi = (begin + nbytes) & ~(page - 1);
  if (hi <= lo) return;
  const std::int64_t chunks = static_cast<std::int64_t>((hi - lo + kHuge - 1) / kHuge);
  parallel_for(chunks, std::max(parts, 1), [lo, hi](std::int64_t b, std::int64_t e) {
    const std::uintptr_t from = lo + static_cast<std::uintptr_t>(b) * kHuge;
    const std::uintptr_t to = std::min(hi, lo + static_cast<std::uintptr_t>(e) * kHuge);
#ifdef MADV_POPULATE_WRITE
    if (madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE) == 0) return;
#endif
    // Older kernels: a write fault per page that leaves its byte as it was.
    for (std::uintptr_t a = from; a < to; a += 4096) __atomic_fetch_add(reinterpret_cast<char*>(a), 0, __ATOMIC_RELAXED);
  });
#else
  (void)dst;
  (void)nbytes;
  (void)parts;
#endif
}

HostAllocStats host_alloc_stats() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lk(c.m);
  return c.stats;
}

void host_cache_trim() {
  Cache& c = cache();
  std::vector<Cached> all;
  {
    std::lock_guard<std::mutex> lk(c.m);
    all.swap(c.entries);
    c.stats.cached_bytes = 0;
    c.stats.cached_buffers = 0;
  }
  for (const Cached& e : all) system_free(e.ptr, e.cls);
}

}  // namespace ss::cpu
