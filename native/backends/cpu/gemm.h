// A cache-blocked matrix product for float32 / float64 on the cpu, the kernel of
// matmul, dot, inner, bmm and mm. Operands are read through element strides (any
// layout, transposed or broadcast, no copy first); each block is packed into a
// contiguous panel, multiplied by a register-tiled micro-kernel (AVX2+FMA when the
// cpu has it, chosen at run time) and added into C. Work is split over the cores
// by (batch, row block). Summation runs along k in order, so small integer values
// are exact; the last bits of other sums can differ from a BLAS.
#pragma once
#include <cstdint>
#include <vector>

namespace ss::cpu {

template <class T>
struct GemmProblem {
  std::int64_t m = 0, n = 0, k = 0;
  // Element strides: A[i, p] = a[i * rsa + p * csa], B[p, j] = b[p * rsb + j * csb],
  // C[i, j] = c[i * ldc + j] (C rows are dense).
  std::int64_t rsa = 0, csa = 0, rsb = 0, csb = 0, ldc = 0;
  // One entry per product in the batch.
  std::vector<const T*> a, b;
  std::vector<T*> c;
};

struct GemmRun {
  const char* kernel;  // "gemm-f32-avx2-fma" ...
  int threads;
};

// C = A @ B for every product of the batch (C is overwritten, never read).
GemmRun gemm(const GemmProblem<float>& p);
GemmRun gemm(const GemmProblem<double>& p);

}  // namespace ss::cpu
