// Kernel-level benchmark of the CPU backend, no Node needed: what the engine's
// clone() and contiguous() do (host_alloc a dst, strided_copy into it, free it),
// beside memcpy into already-touched memory measured in the same run.
// Built and run by scripts/bench.mjs, which adds NumPy's numbers; prints JSON.
//   copy_bench [--threads N] [--scalar] [--cpu-time] CASE...   (CASE: "ITEMSIZE;SHAPE;PERM")
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <ctime>
#include <vector>

#include "../native/backends/cpu/strided_copy.h"
#include "../native/backends/cpu/transpose_kernels.h"

using namespace ss::cpu;
using I64 = std::int64_t;
using Clock = std::chrono::steady_clock;

namespace {

struct Case {
  std::string name;
  std::vector<I64> shape;  // source shape (C-contiguous)
  std::vector<int> perm;   // view = source.permute(perm), copied to C order (identity: a clone)
  std::size_t item = 0;
};

struct Result {
  double seconds = 0;  // median
  CopyReport rep;
};

// --cpu-time: time with this thread's CPU clock instead of the wall clock. Only
// meaningful with --threads 1; for tuning kernels on a machine others are using
// (time spent descheduled is not counted, cache contention still is).
bool g_cpu_time = false;

double now() {
  if (g_cpu_time) {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
  }
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

// Median of at least `min_reps` runs, continuing until ~`budget` seconds are spent.
template <class F>
double median_time(F&& fn, int min_reps = 5, double budget = 0.4) {
  fn();  // warm-up (also fills the allocator's cache)
  std::vector<double> ts;
  const double start = now();
  while (static_cast<int>(ts.size()) < min_reps || (now() - start < budget && ts.size() < 50)) {
    const double t0 = now();
    fn();
    ts.push_back(now() - t0);
  }
  std::sort(ts.begin(), ts.end());
  return ts[ts.size() / 2];
}

I64 numel(const std::vector<I64>& s) {
  I64 n = 1;
  for (I64 v : s) n *= v;
  return n;
}

std::vector<I64> c_strides(const std::vector<I64>& sizes, std::size_t item) {
  std::vector<I64> st(sizes.size());
  I64 acc = static_cast<I64>(item);
  for (int i = static_cast<int>(sizes.size()) - 1; i >= 0; --i) {
    st[i] = acc;
    acc *= sizes[i];
  }
  return st;
}

Result run_case(const Case& c, const CopyOptions& opt) {
  const std::size_t bytes = static_cast<std::size_t>(numel(c.shape)) * c.item;
  auto* src = static_cast<unsigned char*>(host_alloc(bytes));
  for (std::size_t i = 0; i < bytes; ++i) src[i] = static_cast<unsigned char>(i * 2654435761u >> 13);
  const auto st = c_strides(c.shape, c.item);
  std::vector<I64> vsizes, vstrides;
  for (int p : c.perm) {
    vsizes.push_back(c.shape[p]);
    vstrides.push_back(st[p]);
  }
  const auto dst_strides = c_strides(vsizes, c.item);
  Result r;
  r.seconds = median_time([&] {
    void* dst = host_alloc(bytes);  // as the engine's clone/contiguous does
    r.rep = strided_copy(dst, dst_strides.data(), src, vstrides.data(), vsizes.data(), static_cast<int>(vsizes.size()),
                         c.item, opt);
    host_free(dst, bytes);
  });
  host_free(src, bytes);
  return r;
}

// memcpy between two touched buffers of the same size: the bandwidth ceiling.
double memcpy_seconds(std::size_t bytes) {
  std::vector<unsigned char> a(bytes, 1), b(bytes, 2);
  return median_time([&] { std::memcpy(b.data(), a.data(), bytes); });
}

// A case on the command line: "ITEMSIZE;SHAPE;PERM", e.g. "4;8192,8192;1,0"
// (scripts/bench.mjs holds the one list of cases and their names).
bool parse_case(const std::string& spec, Case& c) {
  auto list = [](const std::string& s) {
    std::vector<I64> v;
    std::size_t pos = 0;
    while (pos <= s.size()) {
      std::size_t e = s.find(',', pos);
      if (e == std::string::npos) e = s.size();
      if (e > pos) v.push_back(std::stoll(s.substr(pos, e - pos)));
      pos = e + 1;
    }
    return v;
  };
  const std::size_t a = spec.find(';'), b = spec.find(';', a + 1);
  if (a == std::string::npos || b == std::string::npos) return false;
  c.item = static_cast<std::size_t>(std::stoll(spec.substr(0, a)));
  c.shape = list(spec.substr(a + 1, b - a - 1));
  for (I64 p : list(spec.substr(b + 1))) c.perm.push_back(static_cast<int>(p));
  if (c.perm.size() != c.shape.size() || c.item == 0) return false;
  std::vector<int> seen(c.shape.size(), 0);
  for (int p : c.perm)
    if (p < 0 || p >= static_cast<int>(c.shape.size()) || seen[p]++) return false;
  c.name = spec;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CopyOptions opt;
  std::vector<Case> cases;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--scalar") opt.allow_simd = false;
    else if (a == "--cpu-time") g_cpu_time = true;
    else if (a == "--threads" && i + 1 < argc) opt.max_threads = std::atoi(argv[++i]);
    else {
      Case c;
      if (!parse_case(a, c)) {
        std::fprintf(stderr, "copy_bench: bad case '%s' (want ITEMSIZE;SHAPE;PERM)\n", a.c_str());
        return 2;
      }
      cases.push_back(c);
    }
  }
  std::printf("{\"avx2\": %s, \"results\": [\n", cpu_has_avx2() ? "true" : "false");
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const std::size_t bytes = static_cast<std::size_t>(numel(c.shape)) * c.item;
    const Result r = run_case(c, opt);
    const double mc = memcpy_seconds(bytes);
    std::printf("  {\"spec\": \"%s\", \"bytes\": %zu, \"seconds\": %.9f, \"memcpy_seconds\": %.9f, \"kernel\": \"%s\", "
                "\"threads\": %d}%s\n",
                c.name.c_str(), bytes, r.seconds, mc, r.rep.kernel, r.rep.threads, i + 1 < cases.size() ? "," : "");
    std::fflush(stdout);
  }
  std::printf("]}\n");
  return 0;
}
