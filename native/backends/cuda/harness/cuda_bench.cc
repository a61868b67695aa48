// Benchmark of libstridescope_cuda.so on a real GPU, printed as JSON lines on
// stdout (one object per measurement) for scripts/test-cuda.sh, which puts
// them beside PyTorch's numbers measured in the same run
// (native/backends/cuda/harness/torch_bench.py).
//   transfers: H2D and D2H, pageable and pinned, 1/64/1024 MiB
//   permutes:  on-device contiguous() of transposes and NCHW->NHWC
// Times are CUDA-event times of the copy alone (allocations outside), the
// median of several repetitions. GB/s = bytes of the tensor / time / 1e9.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "harness_util.h"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void emit(const std::string& name, std::size_t bytes, double seconds, const char* kernel) {
  std::printf("{\"name\": \"%s\", \"bytes\": %zu, \"seconds\": %.9g, \"gbps\": %.4f, \"kernel\": \"%s\"}\n",
              name.c_str(), bytes, seconds, seconds > 0 ? bytes / seconds / 1e9 : 0.0, kernel);
  std::fflush(stdout);
}

int reps_for(std::size_t bytes) { return bytes >= (std::size_t(512) << 20) ? 5 : bytes >= (std::size_t(32) << 20) ? 10 : 50; }

void bench_transfers() {
  for (std::size_t mib : {1, 64, 1024}) {
    const std::size_t n = mib << 20;
    void* dev = nullptr;
    harness::check(ss_cuda_malloc(0, n, &dev), "malloc");
    std::vector<unsigned char> pageable(n);
    std::memset(pageable.data(), 1, n);  // fault the pages in before timing
    void* pinned = nullptr;
    harness::check(ss_cuda_host_alloc(n, &pinned), "host alloc");
    std::memset(pinned, 1, n);
    struct Variant { const char* name; int kind; void* host; int async; };
    const Variant variants[] = {
        {"h2d_pageable", SS_CUDA_H2D, pageable.data(), 0},
        {"h2d_pinned", SS_CUDA_H2D, pinned, 1},
        {"d2h_pageable", SS_CUDA_D2H, pageable.data(), 0},
        {"d2h_pinned", SS_CUDA_D2H, pinned, 1},
    };
    for (const auto& v : variants) {
      std::vector<double> times;
      for (int r = 0; r < reps_for(n) + 1; ++r) {
        double s = 0;
        void* dst = v.kind == SS_CUDA_H2D ? dev : v.host;
        const void* src = v.kind == SS_CUDA_H2D ? static_cast<const void*>(v.host) : dev;
        harness::check(ss_cuda_memcpy(0, dst, src, n, v.kind, v.async, &s), v.name);
        if (r > 0) times.push_back(s);  // the first run warms up
      }
      emit(std::string(v.name) + "_" + std::to_string(mib) + "MiB", n, median(times),
           v.async ? "cudaMemcpyAsync" : "cudaMemcpy");
    }
    ss_cuda_host_free(pinned);
    ss_cuda_free(0, dev);
  }
}

struct Permute {
  const char* name;
  std::vector<std::int64_t> base;  // C-contiguous source shape
  std::vector<int> perm;
  std::size_t itemsize;
};

void bench_permutes() {
  const Permute cases[] = {
      {"transpose_4096x4096_float32", {4096, 4096}, {1, 0}, 4},
      {"transpose_8192x8192_float32", {8192, 8192}, {1, 0}, 4},
      {"transpose_4096x4096_uint8", {4096, 4096}, {1, 0}, 1},
      {"transpose_4096x4096_float64", {4096, 4096}, {1, 0}, 8},
      {"nchw_to_nhwc_32x64x56x56_float32", {32, 64, 56, 56}, {0, 2, 3, 1}, 4},
  };
  for (const auto& c : cases) {
    const int nd = static_cast<int>(c.base.size());
    std::vector<std::int64_t> bstr(nd), sizes(nd), src_str(nd), dst_str(nd);
    std::size_t n = c.itemsize;
    for (int k = nd - 1; k >= 0; --k) bstr[k] = static_cast<std::int64_t>(n), n *= c.base[k];
    for (int k = 0; k < nd; ++k) sizes[k] = c.base[c.perm[k]], src_str[k] = bstr[c.perm[k]];
    std::int64_t acc = static_cast<std::int64_t>(c.itemsize);
    for (int k = nd - 1; k >= 0; --k) dst_str[k] = acc, acc *= sizes[k];
    void *src = nullptr, *dst = nullptr;
    harness::check(ss_cuda_malloc(0, n, &src), "malloc");
    harness::check(ss_cuda_malloc(0, n, &dst), "malloc");
    std::vector<double> times;
    const char* kernel = "";
    for (int r = 0; r < 11; ++r) {
      double s = 0;
      harness::check(ss_cuda_strided_copy(0, dst, dst_str.data(), src, src_str.data(), sizes.data(), nd, c.itemsize,
                                          &s, &kernel),
                     c.name);
      if (r > 0) times.push_back(s);
    }
    emit(std::string("permute_") + c.name, n, median(times), kernel);
    // The ceiling: a plain device-to-device copy of the same bytes.
    times.clear();
    for (int r = 0; r < 11; ++r) {
      double s = 0;
      harness::check(ss_cuda_memcpy(0, dst, src, n, SS_CUDA_D2D, 1, &s), "d2d");
      if (r > 0) times.push_back(s);
    }
    emit(std::string("d2d_memcpy_") + c.name, n, median(times), "cudaMemcpyAsync");
    ss_cuda_free(0, src);
    ss_cuda_free(0, dst);
  }
}

}  // namespace

int main(int argc, char** argv) {
  harness::gpu_count_or_skip("cuda_bench");
  char name[256];
  harness::check(ss_cuda_device_name(0, name, sizeof name), "device name");
  std::printf("{\"device\": \"%s\"}\n", name);
  const bool only_permutes = argc > 1 && std::strcmp(argv[1], "--permutes") == 0;
  if (!only_permutes) bench_transfers();
  bench_permutes();
  return 0;
}
