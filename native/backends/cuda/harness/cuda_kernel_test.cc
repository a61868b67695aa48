// Tests of libstridescope_cuda.so on a real GPU, through its C ABI: strided
// copies of many layouts (permutes, slices, broadcasts, odd item sizes and
// misaligned byte strides) against a host reference, the kernel each layout
// gets, round trips through pageable and pinned memory, window reads, and
// error codes. Needs no Node; skips (exit 0, with the reason) without a GPU.
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

#include "harness_util.h"
#include "reference_copy.h"

namespace {

int g_failures = 0;
int g_checks = 0;

void expect(bool ok, const std::string& what) {
  ++g_checks;
  if (!ok) {
    ++g_failures;
    std::printf("FAIL %s\n", what.c_str());
  }
}

std::vector<std::int64_t> c_strides(const std::vector<std::int64_t>& sizes, std::size_t itemsize) {
  std::vector<std::int64_t> st(sizes.size());
  std::int64_t acc = static_cast<std::int64_t>(itemsize);
  for (int k = static_cast<int>(sizes.size()) - 1; k >= 0; --k) {
    st[k] = acc;
    acc *= sizes[k] > 1 ? sizes[k] : 1;
  }
  return st;
}

struct Case {
  std::string name;
  std::vector<std::int64_t> sizes;
  std::vector<std::int64_t> src_strides;  // bytes
  std::int64_t src_offset;                // bytes from the allocation's start
  std::size_t src_bytes;                  // allocation size
  std::size_t itemsize;
  const char* want_kernel;                // nullptr: any
  std::vector<int> dst_order;             // empty: C order; else dims outermost-first for a permuted dense dst
};

// A source that is base.permute(perm) of a C-contiguous `base`, then sliced with `step` on dim 0.
Case permuted(const std::string& name, std::vector<std::int64_t> base, std::vector<int> perm, std::size_t itemsize,
              const char* kernel, std::int64_t step0 = 1) {
  auto bst = c_strides(base, itemsize);
  std::size_t bytes = itemsize;
  for (auto s : base) bytes *= static_cast<std::size_t>(s);
  Case c{name, {}, {}, 0, bytes, itemsize, kernel, {}};
  for (int p : perm) c.sizes.push_back(base[p]), c.src_strides.push_back(bst[p]);
  c.sizes[0] = (c.sizes[0] + step0 - 1) / step0;
  c.src_strides[0] *= step0;
  return c;
}

void run_case(const Case& c) {
  const std::size_t item = c.itemsize;
  std::int64_t numel = 1;
  for (auto s : c.sizes) numel *= s;
  // Destination: dense, in C order or in the requested dim order.
  std::vector<std::int64_t> dst_strides(c.sizes.size());
  if (c.dst_order.empty()) {
    dst_strides = c_strides(c.sizes, item);
  } else {
    std::int64_t acc = static_cast<std::int64_t>(item);
    for (int k = static_cast<int>(c.dst_order.size()) - 1; k >= 0; --k) {
      dst_strides[c.dst_order[k]] = acc;
      acc *= c.sizes[c.dst_order[k]];
    }
  }
  const std::size_t dst_bytes = static_cast<std::size_t>(numel) * item;

  std::vector<unsigned char> host_src(c.src_bytes), want(dst_bytes + 1, 0xAB), got(dst_bytes + 1, 0xAB);
  harness::fill_pattern(host_src.data(), host_src.size(), static_cast<std::uint32_t>(c.name.size() * 7 + item));
  harness::reference_copy(want.data(), dst_strides, host_src.data() + c.src_offset, c.src_strides, c.sizes, item);

  void *dsrc = nullptr, *ddst = nullptr;
  harness::check(ss_cuda_malloc(0, c.src_bytes, &dsrc), "malloc src");
  harness::check(ss_cuda_malloc(0, dst_bytes + 1, &ddst), "malloc dst");
  double secs = 0;
  harness::check(ss_cuda_memcpy(0, dsrc, host_src.data(), c.src_bytes, SS_CUDA_H2D, 0, &secs), "h2d");
  harness::check(ss_cuda_memcpy(0, ddst, got.data(), dst_bytes + 1, SS_CUDA_H2D, 0, &secs), "h2d canary");
  const char* kernel = nullptr;
  int err = ss_cuda_strided_copy(0, ddst, dst_strides.data(), static_cast<unsigned char*>(dsrc) + c.src_offset,
                                 c.src_strides.data(), c.sizes.data(), static_cast<int>(c.sizes.size()), item, &secs,
                                 &kernel);
  expect(err == 0, c.name + ": strided copy returned " + std::to_string(err));
  harness::check(ss_cuda_memcpy(0, got.data(), ddst, dst_bytes + 1, SS_CUDA_D2H, 0, &secs), "d2h");
  expect(std::memcmp(want.data(), got.data(), dst_bytes) == 0, c.name + ": values differ from the host reference");
  expect(got[dst_bytes] == 0xAB, c.name + ": wrote past the end of the destination");
  if (c.want_kernel)
    expect(kernel && std::strcmp(kernel, c.want_kernel) == 0,
           c.name + ": kernel " + (kernel ? kernel : "null") + ", expected " + c.want_kernel);
  ss_cuda_free(0, dsrc);
  ss_cuda_free(0, ddst);
}

void test_strided_copies() {
  std::vector<Case> cases;
  for (std::size_t item : {1, 2, 4, 8, 16}) {
    const std::string t = "itemsize " + std::to_string(item) + " ";
    cases.push_back(permuted(t + "contiguous 1-D", {1001}, {0}, item, "memcpy"));
    cases.push_back(permuted(t + "transpose 2-D", {257, 131}, {1, 0}, item, "tile-transpose"));
    cases.push_back(permuted(t + "batched transpose", {5, 67, 45}, {0, 2, 1}, item, "tile-transpose"));
    cases.push_back(permuted(t + "NCHW->NHWC", {3, 16, 9, 11}, {0, 2, 3, 1}, item, "tile-transpose"));
    cases.push_back(permuted(t + "reverse dims 4-D", {6, 5, 9, 10}, {3, 2, 1, 0}, item, nullptr));
    cases.push_back(permuted(t + "row slice step 3", {100, 40}, {0, 1}, item, "strided-generic", 3));
    cases.push_back(permuted(t + "column slice of transpose", {64, 50}, {1, 0}, item, nullptr, 2));
  }
  // Broadcast source (stride 0), 0-d, empty, tiny inner dim, and non-native item sizes.
  cases.push_back({"broadcast rows", {300, 7}, {0, 4}, 0, 28, 4, "strided-generic", {}});
  cases.push_back({"0-d", {}, {}, 8, 24, 8, "memcpy", {}});
  cases.push_back({"empty", {3, 0, 4}, {0, 16, 4}, 0, 4, 4, "empty", {}});
  cases.push_back(permuted("inner dim of 3", {200, 3}, {1, 0}, 4, "strided-generic"));
  cases.push_back(permuted("itemsize 3 transpose", {40, 30}, {1, 0}, 3, nullptr));
  // Misaligned: float32 items 6 bytes apart (a NumPy-style byte stride) go as bytes.
  cases.push_back({"byte stride 6 for itemsize 4", {50}, {6}, 2, 304, 4, "strided-generic", {}});
  // A dense but permuted destination (clone of a transposed tensor keeps its strides): one memcpy.
  {
    Case c = permuted("dense permuted dst keeps strides", {33, 20}, {1, 0}, 4, "memcpy");
    c.dst_order = {1, 0};
    cases.push_back(c);
  }
  for (const auto& c : cases) run_case(c);
}

void test_round_trips() {
  for (std::size_t n : {std::size_t(1), std::size_t(4097), std::size_t(3) << 20}) {
    for (int pinned = 0; pinned < 2; ++pinned) {
      for (int async = 0; async < 2; ++async) {
        std::vector<unsigned char> pageable_in(n), pageable_out(n);
        void *in = pageable_in.data(), *out = pageable_out.data();
        if (pinned) {
          harness::check(ss_cuda_host_alloc(n, &in), "host alloc");
          harness::check(ss_cuda_host_alloc(n, &out), "host alloc");
        }
        harness::fill_pattern(in, n, static_cast<std::uint32_t>(n + pinned));
        std::memset(out, 0, n);
        void *a = nullptr, *b = nullptr;
        harness::check(ss_cuda_malloc(0, n, &a), "malloc");
        harness::check(ss_cuda_malloc(0, n, &b), "malloc");
        double t1 = -1, t2 = -1, t3 = -1;
        expect(ss_cuda_memcpy(0, a, in, n, SS_CUDA_H2D, async, &t1) == 0, "h2d");
        expect(ss_cuda_memcpy(0, b, a, n, SS_CUDA_D2D, async, &t2) == 0, "d2d");
        expect(ss_cuda_memcpy(0, out, b, n, SS_CUDA_D2H, async, &t3) == 0, "d2h");
        const std::string what = "round trip of " + std::to_string(n) + " bytes, pinned=" + std::to_string(pinned) +
                                 " async=" + std::to_string(async);
        expect(std::memcmp(in, out, n) == 0, what + ": bytes differ");
        expect(t1 >= 0 && t2 >= 0 && t3 >= 0, what + ": no event time");
        ss_cuda_free(0, a);
        ss_cuda_free(0, b);
        if (pinned) {
          ss_cuda_host_free(in);
          ss_cuda_host_free(out);
        }
      }
    }
  }
}

void test_window_read() {
  // A 64x48 int32 matrix; read the window [5:15:2, 40:8:-... ] as a transposed 2-D slice.
  const std::int64_t rows = 64, cols = 48;
  std::vector<std::int32_t> host(rows * cols);
  std::iota(host.begin(), host.end(), 0);
  void* d = nullptr;
  harness::check(ss_cuda_malloc(0, host.size() * 4, &d), "malloc");
  double s;
  harness::check(ss_cuda_memcpy(0, d, host.data(), host.size() * 4, SS_CUDA_H2D, 0, &s), "h2d");
  // Window: columns 3..8 (outer), rows 10,12,..,18 (inner) — i.e. a[10:20:2, 3:9].T
  const std::int64_t sizes[2] = {6, 5};
  const std::int64_t strides[2] = {4, 2 * cols * 4};
  const auto* base = static_cast<unsigned char*>(d) + (10 * cols + 3) * 4;
  std::vector<std::int32_t> win(30, -1);
  expect(ss_cuda_read_window(0, win.data(), base, strides, sizes, 2, 4) == 0, "read_window");
  bool ok = true;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 5; ++j) ok = ok && win[i * 5 + j] == (10 + 2 * j) * cols + 3 + i;
  expect(ok, "read_window values");
  ss_cuda_free(0, d);
}

void test_errors(int count) {
  void* p = reinterpret_cast<void*>(1);
  expect(ss_cuda_malloc(count, 16, &p) != 0 && p == nullptr, "malloc on a missing device fails");
  int err = ss_cuda_malloc(0, std::size_t(1) << 50, &p);
  expect(err == 2 /* cudaErrorMemoryAllocation */, "a 1 PiB malloc fails with cudaErrorMemoryAllocation, got " +
                                                       std::to_string(err));
  // The failure is not sticky: the next allocation works.
  expect(ss_cuda_malloc(0, 16, &p) == 0 && p != nullptr, "malloc after an out-of-memory error");
  ss_cuda_free(0, p);
  char name[256];
  expect(ss_cuda_device_name(0, name, sizeof name) == 0 && name[0] != '\0', "device name");
  std::printf("device 0: %s\n", name);
}

}  // namespace

int main() {
  const int count = harness::gpu_count_or_skip("cuda_kernel_test");
  expect(ss_cuda_abi_version() == SS_CUDA_ABI_VERSION, "ABI version");
  test_errors(count);
  test_strided_copies();
  test_round_trips();
  test_window_read();
  std::printf("%s: %d checks, %d failures\n", g_failures ? "FAILED" : "ok", g_checks, g_failures);
  return g_failures ? 1 : 0;
}
