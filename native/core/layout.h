// Pure stride math: no storage, no dtype, no allocation. Every rule here is one
// of NumPy's or PyTorch's, named after it, with a unit test in native/tests.
// Units are whatever the caller passes (`unit` = itemsize for bytes, 1 for elements).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shape.h"

namespace ss::layout {

// Product of sizes; nullopt on int64 overflow (huge user shapes).
std::optional<std::int64_t> checked_numel(const Shape& sizes);
// NumPy's rule for any array it makes (PyArray_NewFromDescr): itemsize times every non-zero
// size must fit an intp, even when another size is 0 (np.zeros((0, 2**62)) is "too big").
bool numpy_size_fits(const Shape& sizes, std::int64_t itemsize);

// C-order strides with PyTorch's max(size, 1) rule: empty(2,0,3) -> (3,3,1) (TensorImpl.h).
Shape contiguous_strides(const Shape& sizes, std::int64_t unit = 1);
// Fortran-order strides, same max(size, 1) rule.
Shape fortran_strides(const Shape& sizes, std::int64_t unit = 1);
// Strides NumPy gives a NEW array (_array_fill_strides): like the above, but every
// stride is 0 when the array is empty (np.empty((2,0,3)).strides == (0,0,0)).
Shape numpy_new_strides(const Shape& sizes, std::int64_t itemsize, bool fortran);
// Channels-last (NHWC in memory) strides of a rank-4 NCHW shape (c10 get_channels_last_strides_2d).
Shape channels_last_strides(const Shape& sizes);

// NumPy's C_CONTIGUOUS / F_CONTIGUOUS flags (_UpdateContiguousFlags): size-1 dims
// ignored, an empty array is both.
bool numpy_c_contiguous(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize);
bool numpy_f_contiguous(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize);
// Tensor.is_contiguous() (c10/core/Contiguity.h): numel 0 is contiguous, size-1 dims ignored.
bool torch_is_contiguous(const Shape& sizes, const Shape& strides);
// is_contiguous(memory_format=torch.channels_last): rank 4 only (c10 compute_channels_last_contiguous_2d).
bool torch_is_channels_last_contiguous(const Shape& sizes, const Shape& strides);
// c10 compute_non_overlapping_and_dense.
bool is_non_overlapping_and_dense(const Shape& sizes, const Shape& strides);
// c10 infer_dense_strides: dense strides keeping the input's stride order (clone preserve_format).
Shape infer_dense_strides(const Shape& sizes, const Shape& strides);
// NumPy order='K': axes sorted by |stride| (largest first, ties in C order), laid out densely.
Shape numpy_keep_order_strides(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize);

// PyTorch's computeStride (aten/src/ATen/TensorUtils.cpp): the strides of a view of
// `old` with `new_sizes`, or nullopt when no view exists.
std::optional<Shape> compute_stride(const Shape& old_sizes, const Shape& old_strides, const Shape& new_sizes);
// NumPy's _attempt_nocopy_reshape (numpy/_core/src/multiarray/shape.c), byte strides.
std::optional<Shape> numpy_nocopy_reshape(const Shape& old_sizes, const Shape& old_strides, const Shape& new_sizes,
                                          std::int64_t itemsize, bool fortran);

// Byte range an array touches relative to element 0: [lo, hi). Both 0 when empty.
struct Extent {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  bool empty = true;
};
Extent byte_extent(const Shape& sizes, const Shape& byte_strides, std::int64_t itemsize);
// INVARIANT check for every view: all addressed bytes in [0, storage_nbytes).
bool in_bounds(const Shape& sizes, const Shape& byte_strides, std::int64_t byte_offset, std::int64_t itemsize,
               std::int64_t storage_nbytes);

// Broadcast two shapes (right-aligned); nullopt when incompatible.
std::optional<Shape> broadcast_shapes(const Shape& a, const Shape& b);

// "[2, 3]" (torch's IntArrayRef printing) and "(2, 3)" / "(2,)" (Python tuples).
std::string torch_list(const Shape& s);
std::string py_tuple(const Shape& s);

}  // namespace ss::layout
