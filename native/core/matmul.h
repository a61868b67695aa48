// Matrix products with each library's shape rules, result dtype and error texts:
// NumPy's matmul gufunc ((n?,k),(k,m?)->(n?,m?), batch dims broadcast), dot,
// inner and outer; PyTorch's mm, bmm and matmul (1.13's dispatch: dot, mv, mm,
// folding of batch dims into mm, batched bmm). Results are new C-contiguous
// arrays (NumPy allocates gufunc outputs in C order; torch's are contiguous).
// float32/float64 run the cpu backend's blocked gemm; other dtypes a strided
// loop with a wide accumulator (integers wrap as the libraries' loops do).
#pragma once
#include "array.h"

namespace ss {

ArrayPtr np_matmul(const ArrayPtr& a, const ArrayPtr& b);
ArrayPtr np_dot(const ArrayPtr& a, const ArrayPtr& b);
ArrayPtr np_inner(const ArrayPtr& a, const ArrayPtr& b);
ArrayPtr np_outer(const ArrayPtr& a, const ArrayPtr& b);

ArrayPtr torch_mm(const ArrayPtr& a, const ArrayPtr& b);
ArrayPtr torch_bmm(const ArrayPtr& a, const ArrayPtr& b);
ArrayPtr torch_matmul(const ArrayPtr& a, const ArrayPtr& b);

// The batched product the functions above reduce to, also used by einsum:
// C[batch..., i, j] = sum_p A[batch..., i, p] * B[batch..., p, j], with byte strides
// per operand (0 where broadcast) and an output already allocated (any strides).
struct ProductSpec {
  Shape batch;                        // batch sizes, iterated in C order
  Shape a_batch, b_batch, c_batch;    // byte strides of each operand along the batch dims
  std::int64_t m = 0, n = 0, k = 0;
  std::int64_t a_row = 0, a_col = 0;  // byte strides of A along i and p
  std::int64_t b_row = 0, b_col = 0;  // byte strides of B along p and j
  std::int64_t c_row = 0, c_col = 0;  // byte strides of C along i and j
};
// Runs the product on arrays already in the result dtype and native byte order;
// returns the kernel name and records nothing.
struct ProductRun {
  const char* kernel;
  int threads;
};
ProductRun run_product(const ProductSpec& s, const Array& a, const Array& b, const Array& c);

// An operand as the kernels read it: `a` itself when already of `dtype`, native
// byte order and without a pending conjugate, else a C-ordered copy (recorded).
ArrayPtr product_operand(const ArrayPtr& a, DType dtype);
// Records the product in the op report: a new result of `out`'s size, plus `why`.
void report_product(const char* kernel, const Array& out, int threads, const std::string& why);

}  // namespace ss
