// The functions that go with advanced indexing, on the same kernels (index_plan.h):
// torch index_select / masked_select / masked_fill(_) / nonzero and np.take.
#pragma once
#include <optional>

#include "array.h"
#include "promotion.h"
#include "scalar.h"

namespace ss {

// torch.index_select(t, dim, index) / Tensor.index_select: a new contiguous tensor.
ArrayPtr index_select(const ArrayPtr& t, std::int64_t dim, const ArrayPtr& index);
// torch.masked_select(t, mask): the elements where the broadcast mask is True, 1-D.
ArrayPtr masked_select(const ArrayPtr& t, const ArrayPtr& mask);
// Tensor.masked_fill(mask, value) (a new tensor) / masked_fill_ (in place, returns t).
ArrayPtr masked_fill(const ArrayPtr& t, const ArrayPtr& mask, const Scalar& value, bool in_place);
// torch.nonzero(t) / Tensor.nonzero(): (n, ndim) int64, laid out as the transpose of (ndim, n).
ArrayPtr torch_nonzero(const ArrayPtr& t);
// np.take / np.put's `mode`: an index out of range raises, wraps around (Python's modulo), or
// is clipped to the nearest end (a negative index then means 0, not counting from the end).
enum class ClipMode { Raise, Wrap, Clip };

// np.take(a, indices, axis=None, mode): along `axis`, or on the flattened array; a new C-order
// array. Indices cast as NumPy casts them here ('same_kind': integers and bools).
ArrayPtr np_take(const ArrayPtr& a, const ArrayPtr& indices, std::optional<std::int64_t> axis, ClipMode mode = ClipMode::Raise);

// np.put(a, indices, values, mode) / ndarray.put: values (cycled) written at a's flat C-order
// positions, in place; returns a. Indices cast 'safe' (no uint64, no floats).
ArrayPtr np_put(const ArrayPtr& a, const ArrayPtr& indices, const Operand& values, ClipMode mode = ClipMode::Raise);

}  // namespace ss
