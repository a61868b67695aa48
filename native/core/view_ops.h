// Views that never copy: each returns a new Array over the same storage with new
// sizes / byte strides / offset, or raises the library's error. Where NumPy and
// PyTorch share a name with different meanings, the input's kind decides.
#pragma once
#include <optional>
#include <vector>

#include "array.h"

namespace ss {

using Dims = std::vector<std::int64_t>;

// ndarray.transpose(*axes) (empty: reverse) / Tensor.transpose(d0, d1) (exactly two dims).
ArrayPtr transpose(const ArrayPtr& a, const Dims& dims);
// Tensor.permute(dims) / np.transpose(a, axes).
ArrayPtr permute(const ArrayPtr& a, const Dims& dims);
ArrayPtr swapaxes(const ArrayPtr& a, std::int64_t d0, std::int64_t d1);
ArrayPtr T(const ArrayPtr& a);   // .T (tensor: warns when ndim not in {0, 2})
ArrayPtr mT(const ArrayPtr& a);  // .mT
ArrayPtr t(const ArrayPtr& a);   // Tensor.t()

ArrayPtr expand(const ArrayPtr& a, const Dims& sizes);        // Tensor.expand
ArrayPtr broadcast_to(const ArrayPtr& a, const Dims& shape);  // np.broadcast_to (read-only) / torch.broadcast_to

// Tensor.view(shape) (computeStride); -1 inferred.
ArrayPtr view_shape(const ArrayPtr& a, const Dims& shape);
// a.view(np.int16) / t.view(torch.int16): reinterpret bytes (last dim rescaled).
ArrayPtr view_dtype(const ArrayPtr& a, DType dtype);
// The view reshape would return, or nullopt when it must copy. Errors for bad shapes.
std::optional<ArrayPtr> reshape_view(const ArrayPtr& a, const Dims& shape, bool fortran);
// Resolves one -1 in `shape` against numel, with the library's errors.
Dims infer_shape(const Array& a, const Dims& shape);

ArrayPtr squeeze(const ArrayPtr& a, const std::optional<Dims>& dims);
ArrayPtr unsqueeze(const ArrayPtr& a, std::int64_t dim);
ArrayPtr expand_dims(const ArrayPtr& a, const Dims& axes);
ArrayPtr narrow(const ArrayPtr& a, std::int64_t dim, std::int64_t start, std::int64_t length);
ArrayPtr diagonal(const ArrayPtr& a, std::int64_t offset, std::int64_t d1, std::int64_t d2);
ArrayPtr unfold(const ArrayPtr& a, std::int64_t dim, std::int64_t size, std::int64_t step);
ArrayPtr sliding_window_view(const ArrayPtr& a, const Dims& window, const std::optional<Dims>& axes);
// Tensor.as_strided (element units; offset defaults to storage_offset()) /
// np.lib.stride_tricks.as_strided (byte strides). Always bounds-checked.
ArrayPtr as_strided(const ArrayPtr& a, const Dims& size, const Dims& stride, std::optional<std::int64_t> offset);
// as_strided's checks alone (a dry run): raises exactly what as_strided would, makes no
// view, takes no id. The app asks it before running a typed as_strided line.
void check_as_strided(const ArrayPtr& a, const Dims& size, const Dims& stride, std::optional<std::int64_t> offset);
// np.flip (a view with negated strides). torch.flip copies: see copy_ops.h.
ArrayPtr flip_view(const ArrayPtr& a, const std::optional<Dims>& dims);

// ndarray.real / .imag and Tensor.real / .imag. Complex: a view of the real or imaginary
// components (component dtype, same strides, the imaginary part one component further on).
// Not complex: .real is the object itself; NumPy's .imag is a new read-only array of zeros,
// torch's refuses.
ArrayPtr complex_part(const ArrayPtr& a, bool imag);
// torch.view_as_real (a trailing dimension of 2 components) and torch.view_as_complex.
ArrayPtr view_as_real(const ArrayPtr& t);
ArrayPtr view_as_complex(const ArrayPtr& t);

}  // namespace ss
