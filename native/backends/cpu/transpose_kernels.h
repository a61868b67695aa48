// 2-D transpose-like copies, the heart of contiguous() on transposed and
// permuted views. Internal to the CPU backend (strided_copy.cc picks one).
#pragma once
#include <cstddef>
#include <cstdint>

namespace ss::cpu {

// One 2-D problem: element (r, c) goes from src + r*src_row_stride + c*src_col_stride
// to dst + r*dst_row_stride + c*itemsize. "Transpose-like" means dst is contiguous
// along c while src is (nearly) contiguous along r, so a plain loop over c reads one
// element per cache line; blocking makes both sides touch whole lines.
struct Transpose2D {
  char* dst;
  std::int64_t dst_row_stride;
  const char* src;
  std::int64_t src_row_stride;
  std::int64_t src_col_stride;
  std::int64_t rows, cols;
};

// Copies rows [r_begin, r_end) of the problem (all columns). Threads split by rows,
// in multiples of `row_block` so that each thread's dst rows are its own.
using TransposeFn = void (*)(const Transpose2D&, std::int64_t r_begin, std::int64_t r_end);

struct TransposeKernel {
  const char* name = nullptr;  // nullptr: no blocked kernel for this item size
  TransposeFn fn = nullptr;
  std::int64_t row_block = 64;  // rows per block (the unit threads split on)
};

// The best kernel for this item size and stride pattern. SIMD kernels need
// src_row_stride == itemsize and are used only when allow_simd and the CPU has them.
// `streaming`: the copy is far larger than the caches, so kernels may bypass them.
TransposeKernel pick_transpose_kernel(std::size_t itemsize, bool src_rows_contiguous, bool allow_simd,
                                      bool streaming = false);

// Scalar blocked tiles (any strides), exposed for the SIMD kernels' edges.
TransposeKernel scalar_transpose_kernel(std::size_t itemsize);

// x86 SIMD kernels (transpose_simd_x86.cc); return an empty kernel elsewhere or
// when the CPU lacks the instructions.
TransposeKernel simd_transpose_kernel(std::size_t itemsize, bool streaming);

bool cpu_has_avx2();

}  // namespace ss::cpu
