// Sorting along an axis: np.sort / ndarray.sort / np.argsort / np.unique and torch.sort /
// argsort / topk / unique, each one engine op laid out as its library lays it out.
// Every line is ordered by a stable radix sort of order-preserving integer keys: NaN
// greatest (last ascending, first descending, as NumPy and PyTorch put it), -0.0 equal to
// 0.0, ties in index order either way. NumPy's default kind leaves the order of equal keys
// unspecified; the stable order is one it allows. Complex dtypes are refused.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "array.h"

namespace ss {

// The core: orders each line of `in` along `axis` (a 0-d input is one line of one element) and
// writes the first `keep` elements of each line's order to `values` (in's dtype, in native byte
// order unless `values` is swapped itself) and/or `indices` (int64), either may be null. Their
// shape is in's with `keep` along `axis`. `values` may be `in` itself (an in-place sort: each
// line is read whole before it is written). Long lines and many lines are spread over the cpu
// pool's threads; returns how many ran. Polls the Stop flag between pieces of the work (a
// stopped sort raises KeyboardInterrupt; lines already done stay written).
int sort_lines(const Array& in, int axis, bool descending, std::int64_t keep, const Array* values, const Array* indices);

// np.sort(a, axis): a new array in a.copy(order='K')'s layout; axis nullopt: the flattened array.
ArrayPtr np_sort(const ArrayPtr& a, std::optional<std::int64_t> axis);
// ndarray.sort(axis): sorts `a` in place (a write through every view of its memory).
void np_sort_inplace(const ArrayPtr& a, std::int64_t axis);
// np.argsort(a, axis): a new C-ordered int64 array; axis nullopt (or a 0-d input): of the flattened array.
ArrayPtr np_argsort(const ArrayPtr& a, std::optional<std::int64_t> axis);

struct SortedPair {
  ArrayPtr values;   // null for argsort
  ArrayPtr indices;
};
// torch.sort / torch.argsort (want_values false): values and indices laid out as t.clone()
// (t's strides when non-overlapping and dense), values carrying t's autograd state.
SortedPair torch_sort(const ArrayPtr& t, std::int64_t dim, bool descending, bool want_values);
// torch.topk(t, k, dim, largest): the first k of the sorted order, contiguous (sorted=True's order).
SortedPair torch_topk(const ArrayPtr& t, std::int64_t k, std::int64_t dim, bool largest);

// np.unique / torch.unique over the flattened array: the sorted distinct values, then on request
// the index of each one's first occurrence, the inverse (a's shape) and the counts (int64, of a's
// kind). equal_nan: NaNs are one value (NumPy's default); else each NaN is a value of its own.
std::vector<ArrayPtr> unique(const ArrayPtr& a, bool want_index, bool want_inverse, bool want_counts, bool equal_nan);

}  // namespace ss
