// The blocked gemm against a plain triple loop: sizes that are not multiples of the
// register tile or the cache blocks, transposed and strided operands, batches, k = 0,
// and integer-valued floats (exact in any summation order).
#include <array>
#include <cmath>
#include <vector>

#include "../backends/cpu/gemm.h"
#include "test_harness.h"

using namespace ss::cpu;

namespace {

// C = A @ B with A read as a[i*rsa + p*csa] and B as b[p*rsb + j*csb]; returns max |C - ref|.
template <class T>
double max_error(std::int64_t m, std::int64_t n, std::int64_t k, bool ta, bool tb, std::int64_t batch, bool integers) {
  std::vector<T> a(static_cast<std::size_t>(batch * m * k)), b(static_cast<std::size_t>(batch * k * n)), c(static_cast<std::size_t>(batch * m * n));
  unsigned seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return integers ? static_cast<T>(static_cast<int>((seed >> 16) % 7) - 3) : static_cast<T>((seed >> 8) % 1000) / T(997);
  };
  for (auto& x : a) x = next();
  for (auto& x : b) x = next();
  GemmProblem<T> p;
  p.m = m, p.n = n, p.k = k;
  p.rsa = ta ? 1 : k, p.csa = ta ? m : 1;
  p.rsb = tb ? 1 : n, p.csb = tb ? k : 1;
  p.ldc = n;
  for (std::int64_t t = 0; t < batch; ++t) {
    p.a.push_back(a.data() + t * m * k), p.b.push_back(b.data() + t * k * n), p.c.push_back(c.data() + t * m * n);
  }
  for (auto& x : c) x = T(-777);  // C is overwritten, never read
  gemm(p);
  double worst = 0;
  for (std::int64_t t = 0; t < batch; ++t)
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) {
        double ref = 0;
        for (std::int64_t q = 0; q < k; ++q) ref += double(p.a[t][i * p.rsa + q * p.csa]) * double(p.b[t][q * p.rsb + j * p.csb]);
        worst = std::max(worst, std::fabs(ref - double(p.c[t][i * n + j])));
      }
  return worst;
}

}  // namespace

TEST(gemm_integer_values_are_exact) {
  for (auto [m, n, k] : {std::array<std::int64_t, 3>{1, 1, 1}, {7, 17, 5}, {73, 33, 300}, {6, 16, 256}, {13, 1030, 9}}) {
    for (bool ta : {false, true})
      for (bool tb : {false, true}) {
        CHECK(max_error<float>(m, n, k, ta, tb, 1, true) == 0);
        CHECK(max_error<double>(m, n, k, ta, tb, 2, true) == 0);
      }
  }
}

TEST(gemm_random_values_within_rounding) {
  CHECK(max_error<float>(131, 77, 513, false, false, 1, false) < 1e-3);
  CHECK(max_error<float>(64, 64, 64, true, true, 3, false) < 1e-4);
  CHECK(max_error<double>(101, 57, 300, true, false, 2, false) < 1e-10);
}

TEST(gemm_empty_sum_writes_zeros) {
  GemmProblem<double> p;
  p.m = 2, p.n = 3, p.k = 0, p.ldc = 3;
  std::vector<double> c(6, 5.0);
  double dummy = 0;
  p.a.push_back(&dummy), p.b.push_back(&dummy), p.c.push_back(c.data());
  gemm(p);
  for (double x : c) CHECK(x == 0);
}

TEST_MAIN()
