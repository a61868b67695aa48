// Every strided_copy path (memcpy, SIMD and scalar blocked transposes, batched
// transposes, the generic loop) against a naive element loop, for item sizes
// 1/2/4/8/16, odd and power-of-two shapes, empty and size-1 dims, negative and
// zero src strides, strided dst, 1- to 6-D permutes, one and two threads.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "../backends/cpu/copy_plan.h"
#include "../backends/cpu/strided_copy.h"
#include "../backends/cpu/thread_pool.h"
#include "../backends/cpu/transpose_kernels.h"
#include "kernels_test_util.h"

using ss::cpu::CopyOptions;
using ss::cpu::CopyReport;
using I64 = std::int64_t;

namespace {

std::mt19937_64 rng(12345);

// A strided view over its own byte buffer, with guard bytes on both sides.
struct Buffer {
  std::vector<unsigned char> bytes;
  I64 base = 0;  // offset of element (0,...,0) in bytes
  static constexpr I64 kGuard = 64;
};

// Byte span [lo, hi) touched by a view relative to its first element.
void extent(const std::vector<I64>& sizes, const std::vector<I64>& strides, std::size_t item, I64& lo, I64& hi) {
  lo = 0;
  hi = static_cast<I64>(item);
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] == 0) {
      lo = 0;
      hi = 0;
      return;
    }
    const I64 reach = (sizes[i] - 1) * strides[i];
    if (reach < 0) lo += reach;
    else hi += reach;
  }
}

Buffer make_buffer(const std::vector<I64>& sizes, const std::vector<I64>& strides, std::size_t item, bool random) {
  I64 lo, hi;
  extent(sizes, strides, item, lo, hi);
  Buffer b;
  b.bytes.resize(static_cast<std::size_t>(hi - lo + 3 * Buffer::kGuard));
  if (random)
    for (auto& c : b.bytes) c = static_cast<unsigned char>(rng());
  else
    std::fill(b.bytes.begin(), b.bytes.end(), 0xA5);
  // Element 0 on a 64-byte boundary, as in engine storages (so aligned-only paths run).
  const auto addr = reinterpret_cast<std::uintptr_t>(b.bytes.data()) + static_cast<std::uintptr_t>(Buffer::kGuard - lo);
  b.base = Buffer::kGuard - lo + static_cast<I64>((64 - addr % 64) % 64);
  return b;
}

void naive_copy(unsigned char* dst, const std::vector<I64>& ds, const unsigned char* src, const std::vector<I64>& ss,
                const std::vector<I64>& sizes, std::size_t item) {
  const int nd = static_cast<int>(sizes.size());
  for (I64 s : sizes)
    if (s == 0) return;
  std::vector<I64> idx(nd, 0);
  for (;;) {
    I64 d = 0, s = 0;
    for (int i = 0; i < nd; ++i) {
      d += idx[i] * ds[i];
      s += idx[i] * ss[i];
    }
    std::memcpy(dst + d, src + s, item);
    int i = nd - 1;
    for (; i >= 0; --i) {
      if (++idx[i] < sizes[i]) break;
      idx[i] = 0;
    }
    if (i < 0) return;
  }
}

std::vector<I64> c_strides(const std::vector<I64>& sizes, std::size_t item) {
  std::vector<I64> st(sizes.size());
  I64 acc = static_cast<I64>(item);
  for (int i = static_cast<int>(sizes.size()) - 1; i >= 0; --i) {
    st[i] = acc;
    acc *= std::max<I64>(sizes[i], 1);
  }
  return st;
}

std::vector<I64> f_strides(const std::vector<I64>& sizes, std::size_t item) {
  std::vector<I64> st(sizes.size());
  I64 acc = static_cast<I64>(item);
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    st[i] = acc;
    acc *= std::max<I64>(sizes[i], 1);
  }
  return st;
}


// Copies src view -> dst view with strided_copy and with the naive loop; the
// whole dst buffers (gaps and guards included) must match, and src must be untouched.
CopyReport check_copy(const std::string& what, const std::vector<I64>& sizes, const std::vector<I64>& ds,
                      const std::vector<I64>& ss, std::size_t item, const CopyOptions& opt) {
  Buffer src = make_buffer(sizes, ss, item, true);
  const std::vector<unsigned char> src_before = src.bytes;
  Buffer got = make_buffer(sizes, ds, item, false);
  Buffer want = got;
  CopyReport rep = ss::cpu::strided_copy(got.bytes.data() + got.base, ds.data(), src.bytes.data() + src.base, ss.data(),
                                         sizes.data(), static_cast<int>(sizes.size()), item, opt);
  naive_copy(want.bytes.data() + want.base, ds, src.bytes.data() + src.base, ss, sizes, item);
  I64 n = 1;
  for (I64 s : sizes) n *= s;
  KT_CHECK(got.bytes == want.bytes, "%s: item %zu kernel %s: dst differs from the naive loop", what.c_str(), item,
           rep.kernel);
  KT_CHECK(src.bytes == src_before, "%s: src modified", what.c_str());
  KT_CHECK(rep.bytes == static_cast<std::size_t>(n) * item, "%s: report bytes %zu, want %lld", what.c_str(), rep.bytes,
           static_cast<long long>(n) * static_cast<long long>(item));
  KT_CHECK(rep.threads >= 1, "%s: threads %d", what.c_str(), rep.threads);
  return rep;
}

const std::size_t kItems[] = {1, 2, 4, 8, 16};

std::vector<CopyOptions> all_options() {
  CopyOptions simd1{true, 1}, simd2{true, 0}, scalar1{false, 1}, scalar2{false, 0};
  return {simd1, simd2, scalar1, scalar2};
}

// A permute of a C-contiguous source, copied into a C-contiguous dst of the permuted shape.
CopyReport permute_case(const std::vector<I64>& base_sizes, const std::vector<int>& perm, std::size_t item,
                        const CopyOptions& opt) {
  const auto base_st = c_strides(base_sizes, item);
  std::vector<I64> sizes, ss;
  for (int p : perm) {
    sizes.push_back(base_sizes[p]);
    ss.push_back(base_st[p]);
  }
  std::string what = "permute [";
  for (I64 s : base_sizes) what += std::to_string(s) + ",";
  what += "] by (";
  for (int p : perm) what += std::to_string(p) + ",";
  what += ")";
  return check_copy(what, sizes, c_strides(sizes, item), ss, item, opt);
}

TEST(test_transposes_2d) {
  const I64 shapes[][2] = {{64, 64}, {67, 131}, {128, 256}, {8, 8}, {16, 16}, {7, 9}, {1, 50}, {50, 1},
                           {3, 1000}, {1000, 3}, {33, 65}, {256, 17}, {0, 5}, {5, 0}};
  for (std::size_t item : kItems)
    for (auto& sh : shapes)
      for (const CopyOptions& opt : all_options()) permute_case({sh[0], sh[1]}, {1, 0}, item, opt);
  // Large enough to split over two threads (>= 512 KiB) with ragged edges.
  for (std::size_t item : kItems)
    for (const CopyOptions& opt : all_options()) permute_case({517, 389}, {1, 0}, item, opt);
}

TEST(test_permutes_nd) {
  // 3- to 6-D, every permutation of 3-D and 4-D, samples of 5-D and 6-D.
  const std::vector<std::vector<I64>> shapes3 = {{4, 5, 6}, {2, 16, 16}, {3, 1, 7}, {9, 33, 8}};
  for (std::size_t item : kItems)
    for (auto& sh : shapes3) {
      std::vector<int> perm = {0, 1, 2};
      do {
        permute_case(sh, perm, item, {true, 0});
        permute_case(sh, perm, item, {false, 1});
      } while (std::next_permutation(perm.begin(), perm.end()));
    }
  const std::vector<std::vector<I64>> shapes4 = {{2, 8, 5, 7}, {3, 4, 16, 16}, {2, 1, 9, 3}};
  for (std::size_t item : kItems)
    for (auto& sh : shapes4) {
      std::vector<int> perm = {0, 1, 2, 3};
      do {
        permute_case(sh, perm, item, {true, 0});
      } while (std::next_permutation(perm.begin(), perm.end()));
    }
  // NCHW -> NHWC, the batched-transpose case, large enough for two threads.
  for (std::size_t item : kItems) {
    for (const CopyOptions& opt : all_options()) permute_case({4, 64, 28, 29}, {0, 2, 3, 1}, item, opt);
    permute_case({2, 3, 17, 19}, {0, 2, 3, 1}, item, {true, 0});  // C=3: all edge tiles
  }
  for (std::size_t item : kItems) {
    for (int rep = 0; rep < 6; ++rep) {
      std::vector<I64> sh5 = {2, 3, 4, 5, 6};
      std::vector<int> p5 = {0, 1, 2, 3, 4};
      std::shuffle(p5.begin(), p5.end(), rng);
      permute_case(sh5, p5, item, {true, 0});
      std::vector<I64> sh6 = {2, 3, 2, 5, 1, 9};
      std::vector<int> p6 = {0, 1, 2, 3, 4, 5};
      std::shuffle(p6.begin(), p6.end(), rng);
      permute_case(sh6, p6, item, {true, 0});
    }
  }
}

TEST(test_negative_zero_and_stepped_strides) {
  for (std::size_t item : kItems) {
    const I64 it = static_cast<I64>(item);
    for (const CopyOptions& opt : all_options()) {
      // a[::-1] (1-D, reversed), a[:, ::-1].T and a[::-1, :].T (transposes with a reversed dim).
      check_copy("reversed 1-D", {1000}, {it}, {-it}, item, opt);
      check_copy("reversed-col transpose", {70, 90}, c_strides({70, 90}, item), {-it, 70 * it}, item, opt);
      check_copy("reversed-row transpose", {70, 90}, c_strides({70, 90}, item), {it, -70 * it}, item, opt);
      // Broadcast: expand a row (stride 0 outer) and a column (stride 0 inner).
      check_copy("broadcast rows", {40, 33}, c_strides({40, 33}, item), {0, it}, item, opt);
      check_copy("broadcast cols", {40, 33}, c_strides({40, 33}, item), {it, 0}, item, opt);
      check_copy("broadcast all", {5, 6, 7}, c_strides({5, 6, 7}, item), {0, 0, 0}, item, opt);
      // Stepped: a[:, ::2].T from a (60, 2*50) C array: src strides (2*item, 100*item).
      check_copy("stepped transpose", {50, 60}, c_strides({50, 60}, item), {2 * it, 100 * it}, item, opt);
      check_copy("stepped 1-D", {300}, {it}, {3 * it}, item, opt);
      // NumPy allows byte strides that are not multiples of the item size (views of
      // structured arrays, a.view() tricks); reads may even overlap.
      check_copy("odd byte strides transpose", {30, 40}, c_strides({30, 40}, item), {it + 3, 41 * it + 1}, item, opt);
      check_copy("odd byte strides 1-D", {100}, {it}, {it + 1}, item, opt);
      // Strided dst: F-order output of a C source, and a dst with a step of 2.
      check_copy("C to F", {37, 41}, f_strides({37, 41}, item), c_strides({37, 41}, item), item, opt);
      check_copy("F to C", {37, 41}, c_strides({37, 41}, item), f_strides({37, 41}, item), item, opt);
      check_copy("dst step 2", {20, 30}, {60 * it, 2 * it}, c_strides({20, 30}, item), item, opt);
      check_copy("dst reversed", {20, 30}, {-30 * it, it}, c_strides({20, 30}, item), item, opt);
      // Size-1 and empty dims mixed in.
      check_copy("size-1 dims", {1, 17, 1, 19, 1}, c_strides({1, 17, 1, 19, 1}, item),
                 {999 * it, it, -5 * it, 17 * it, 0}, item, opt);
      check_copy("empty dim", {4, 0, 7}, c_strides({4, 0, 7}, item), {it, 4 * it, 0}, item, opt);
      check_copy("0-d", {}, {}, {}, item, opt);
    }
  }
  // Item sizes without a blocked kernel (e.g. a NumPy void/structured dtype) use the generic loop.
  for (std::size_t item : {3, 12, 24})
    permute_case({31, 29}, {1, 0}, item, {true, 0});
}

TEST(test_contiguous) {
  for (std::size_t item : kItems)
    for (const CopyOptions& opt : all_options()) {
      CopyReport r = check_copy("contiguous 3-D", {7, 9, 11}, c_strides({7, 9, 11}, item),
                                c_strides({7, 9, 11}, item), item, opt);
      KT_CHECK(std::string(r.kernel) == "memcpy", "contiguous copy used %s", r.kernel);
      r = check_copy("contiguous F", {7, 9, 11}, f_strides({7, 9, 11}, item), f_strides({7, 9, 11}, item), item, opt);
      KT_CHECK(std::string(r.kernel) == "memcpy", "F-contiguous copy used %s", r.kernel);
    }
  // 6 MiB: above the threshold where memcpy splits over threads.
  CopyReport r = check_copy("big memcpy", {3 << 20}, {2}, {2}, 2, {true, 0});
  KT_CHECK(std::string(r.kernel) == "memcpy", "big contiguous copy used %s", r.kernel);
  // 40 MiB: streamed past the caches where AVX2 exists; odd offsets on both sides
  // exercise the unaligned head and the tail.
  for (const CopyOptions& opt : all_options()) {
    Buffer src = make_buffer({40 << 20}, {1}, 1, true);
    std::vector<unsigned char> dst((40 << 20) + 64, 0xA5);
    const I64 n = (40 << 20) - 7, sizes[] = {n}, st[] = {1};
    r = ss::cpu::strided_copy(dst.data() + 3, st, src.bytes.data() + src.base + 5, st, sizes, 1, 1, opt);
    KT_CHECK(std::memcmp(dst.data() + 3, src.bytes.data() + src.base + 5, static_cast<std::size_t>(n)) == 0 &&
                 dst[2] == 0xA5 && dst[static_cast<std::size_t>(n) + 3] == 0xA5,
             "40 MiB copy (simd %d, threads %d) wrong or out of bounds", opt.allow_simd, opt.max_threads);
    const bool streams = opt.allow_simd && ss::cpu::cpu_has_avx2();
    KT_CHECK(std::string(r.kernel) == (streams ? "memcpy-stream" : "memcpy"), "40 MiB copy used %s", r.kernel);
  }
  KT_CHECK(r.threads >= 1 && r.threads <= ss::cpu::copy_threads(), "big memcpy ran on %d thread(s)", r.threads);
}

TEST(test_kernel_choice) {
  const bool avx2 = ss::cpu::cpu_has_avx2();
  std::printf("cpu has AVX2: %s; copy threads: %d\n", avx2 ? "yes" : "no", ss::cpu::copy_threads());
  struct Want {
    std::size_t item;
    const char* simd;
  } wants[] = {{1, "transpose-avx2-32x16"}, {2, "transpose-avx2-16x8"}, {4, "transpose-avx2-8x8"},
               {8, "transpose-avx2-4x4"}, {16, "blocked-2d"}};
  for (const Want& w : wants) {
    CopyReport r = permute_case({96, 80}, {1, 0}, w.item, {true, 1});
    const char* expect = avx2 ? w.simd : "blocked-2d";
    KT_CHECK(std::string(r.kernel) == expect, "item %zu transpose used %s, want %s", w.item, r.kernel, expect);
    r = permute_case({96, 80}, {1, 0}, w.item, {false, 1});
    KT_CHECK(std::string(r.kernel) == "blocked-2d", "scalar transpose used %s", r.kernel);
    r = permute_case({4, 16, 10, 12}, {0, 2, 3, 1}, w.item, {true, 1});
    KT_CHECK(std::string(r.kernel) == expect, "item %zu NCHW->NHWC used %s, want %s", w.item, r.kernel, expect);
  }
  CopyReport r = check_copy("broadcast", {40, 33}, c_strides({40, 33}, 4), {4, 0}, 4, {true, 1});
  KT_CHECK(std::string(r.kernel) == "generic-strided", "broadcast used %s", r.kernel);
  // >= 32 MiB of 8-byte items: the streaming transpose (aligned dst), ragged edges included.
  for (const CopyOptions& opt : all_options()) {
    r = permute_case({2051, 2053}, {1, 0}, 8, opt);  // dst rows of 8*2051 bytes: not 32-aligned
    if (opt.allow_simd && avx2)
      KT_CHECK(std::string(r.kernel) == "transpose-avx2-4x4-stream", "big float64 transpose used %s", r.kernel);
    r = check_copy("big float64 transpose, aligned rows", {2048, 2056}, c_strides({2048, 2056}, 8),
                   {8, 2048 * 8}, 8, opt);
  }
  r = check_copy("empty", {4, 0}, {4, 4}, {4, 4}, 4, {true, 1});
  KT_CHECK(std::string(r.kernel) == "empty" && r.bytes == 0, "empty copy used %s", r.kernel);
  r = permute_case({700, 800}, {1, 0}, 4, {true, 0});
  // How many threads join is up to the scheduler (work is claimed dynamically);
  // test_parallel_for checks that the second one really runs.
  KT_CHECK(r.threads >= 1 && r.threads <= ss::cpu::copy_threads(), "transpose ran on %d thread(s)", r.threads);
  r = permute_case({700, 800}, {1, 0}, 4, {true, 1});
  KT_CHECK(r.threads == 1, "max_threads=1 transpose ran on %d thread(s)", r.threads);
}

// Transposes larger than any L2 cache (> 8 MiB) use the streaming kernels: whole
// blocks with streaming stores, column bands, and ordinary tiles on ragged edges.
TEST(test_streaming_transposes) {
  const bool avx2 = ss::cpu::cpu_has_avx2();
  struct Case {
    std::size_t item;
    std::vector<I64> aligned, ragged;  // source shapes
  } cases[] = {{1, {2304, 4096}, {3001, 2999}}, {2, {2304, 2048}, {2101, 2203}},
               {4, {1600, 1536}, {1601, 1549}}, {8, {1152, 1024}, {1091, 1103}}};
  for (const Case& c : cases)
    for (const auto& shape : {c.aligned, c.ragged})
      for (int threads : {1, 0}) {
        const CopyReport r = permute_case(shape, {1, 0}, c.item, {true, threads});
        const std::string kernel = r.kernel;
        KT_CHECK(!avx2 || (kernel.size() > 7 && kernel.substr(kernel.size() - 7) == "-stream"),
                 "item %zu transpose of %lld x %lld used %s", c.item, static_cast<long long>(shape[0]),
                 static_cast<long long>(shape[1]), r.kernel);
      }
}

// A copy given a stop flag that is set stops before its first chunk and says so;
// with the flag clear it copies everything (check_copy compares every byte).
TEST(test_stop_flag) {
  std::int32_t flag = 0;
  CopyOptions opt;
  opt.stop = &flag;
  for (int threads : {1, 0}) {
    opt.max_threads = threads;
    CopyReport r = permute_case({1500, 1700}, {1, 0}, 4, opt);
    KT_CHECK(!r.stopped, "a clear flag stopped the transpose");
    r = check_copy("contiguous 12 MiB, flag clear", {12 << 20}, {1}, {1}, 1, opt);
    KT_CHECK(!r.stopped, "a clear flag stopped the memcpy");
  }
  flag = 1;
  const I64 n = 3000, sizes[] = {n, n}, dst_st[] = {n * 4, 4}, src_st[] = {4, n * 4};
  std::vector<float> src(static_cast<std::size_t>(n * n), 1.0f), dst(static_cast<std::size_t>(n * n), 0.0f);
  for (int threads : {1, 0}) {
    opt.max_threads = threads;
    CopyReport r = ss::cpu::strided_copy(dst.data(), dst_st, src.data(), src_st, sizes, 2, 4, opt);
    KT_CHECK(r.stopped, "a set flag did not stop the transpose (threads %d)", threads);
    KT_CHECK(std::all_of(dst.begin(), dst.end(), [](float v) { return v == 0.0f; }), "a stopped copy wrote before its first poll");
    const I64 m = 12 << 20, msizes[] = {m}, mst[] = {1};
    std::vector<unsigned char> a(static_cast<std::size_t>(m), 1), b(static_cast<std::size_t>(m), 0);
    r = ss::cpu::strided_copy(b.data(), mst, a.data(), mst, msizes, 1, 1, opt);
    KT_CHECK(r.stopped, "a set flag did not stop the 12 MiB memcpy (threads %d)", threads);
  }
}

// repeat_fill repeats the first period bytes over the whole buffer, for any period
// and length (a partial period at the end), cached and streamed, one and two threads.
TEST(test_repeat_fill) {
  for (std::size_t period : {1, 2, 3, 4, 8, 12, 16})
    for (std::size_t n : {std::size_t{0}, period, period + 1, std::size_t{1000}, std::size_t{16 << 10} + 5,
                          std::size_t{(9 << 20) + 7}})
      for (int threads : {1, 0}) {
        std::vector<unsigned char> buf(n + 64, 0xA5);
        unsigned char* d = buf.data();
        for (std::size_t i = 0; i < std::min(period, n); ++i) d[i] = static_cast<unsigned char>(17 * i + 1);
        CopyOptions opt;
        opt.max_threads = threads;
        ss::cpu::repeat_fill(d, n, period, opt);
        bool ok = buf[n] == 0xA5;
        for (std::size_t i = 0; ok && i < n; ++i) ok = d[i] == static_cast<unsigned char>(17 * (i % period) + 1);
        KT_CHECK(ok, "repeat_fill(n %zu, period %zu, threads %d) wrong or out of bounds", n, period, threads);
      }
}

TEST(test_plan) {
  const I64 sizes[] = {2, 1, 3, 4};
  const I64 st[] = {48, 7, 16, 4};
  char dst[96] = {};
  char src[96] = {};
  auto p = ss::cpu::make_copy_plan(dst, st, src, st, sizes, 4, 4);
  KT_CHECK(p.ndim == 1 && p.sizes[0] == 24 && p.dst_strides[0] == 4, "contiguous dims merge to one (ndim %d)", p.ndim);
  const I64 neg[] = {-48, 7, -16, 4};
  p = ss::cpu::make_copy_plan(dst + 92, neg, src + 92, neg, sizes, 4, 4);
  KT_CHECK(p.ndim == 1 && p.dst == dst + 92 - 48 - 32 && p.src == src + 92 - 48 - 32,
           "negative dst strides flip with their src strides");
  const I64 tsizes[] = {3, 5};
  const I64 tdst[] = {20, 4}, tsrc[] = {4, 12};
  p = ss::cpu::make_copy_plan(dst, tdst, src, tsrc, tsizes, 2, 4);
  KT_CHECK(p.ndim == 2 && p.src_strides[1] == 12, "a transpose stays 2-D");
  const I64 zsizes[] = {3, 0, 5};
  p = ss::cpu::make_copy_plan(dst, tdst, src, tsrc, zsizes, 3, 4);
  KT_CHECK(p.empty && p.numel() == 0, "a zero-size dim makes the copy empty");
}

// parallel_for covers every index exactly once, and a second thread really joins.
TEST(test_parallel_for) {
  for (I64 n : {1, 2, 7, 64, 1000, 100003})
    for (int parts : {1, 2, 8}) {
      std::vector<std::atomic<int>> hits(static_cast<std::size_t>(n));
      for (auto& h : hits) h = 0;
      ss::cpu::parallel_for(n, parts, [&](I64 b, I64 e) {
        for (I64 i = b; i < e; ++i) hits[static_cast<std::size_t>(i)]++;
      });
      bool once = std::all_of(hits.begin(), hits.end(), [](const std::atomic<int>& h) { return h.load() == 1; });
      KT_CHECK(once, "parallel_for(%lld, %d) did not cover each index once", static_cast<long long>(n), parts);
    }
  if (ss::cpu::copy_threads() < 2) {
    std::printf("one core: skipping the two-thread check\n");
    return;
  }
  // The first chunk waits (up to 10 s, a guard, not a timing assertion) until a
  // chunk runs on another thread.
  std::atomic<bool> other{false};
  const auto caller = std::this_thread::get_id();
  const int ran = ss::cpu::parallel_for(64, 2, [&](I64 b, I64) {
    if (std::this_thread::get_id() != caller) other = true;
    if (b == 0)
      for (int i = 0; i < 10000 && !other; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  KT_CHECK(other.load() && ran == 2, "no second thread joined (ran = %d)", ran);
}

}  // namespace

TEST_MAIN()
