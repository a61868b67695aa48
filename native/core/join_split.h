// Joining and splitting with each library's rules, result layouts and errors:
// NumPy concatenate / stack / vstack / hstack (result dtype by promotion, memory
// order following the inputs as PyArray_ConcatenateArrays does), split /
// array_split / hsplit / vsplit (views), where, nonzero, tile, repeat; PyTorch cat
// (channels-last inputs stay channels-last), stack, split / chunk (views), where.
// Copies go through copy_into (the cpu backend's strided copy), so the op report
// says which kernel copied how many bytes and why.
#pragma once
#include <optional>
#include <vector>

#include "array.h"
#include "promotion.h"

namespace ss {

using Arrays = std::vector<ArrayPtr>;

// NumPy. `axis` nullopt: axis=None (inputs flattened).
ArrayPtr np_concatenate(const Arrays& arrays, std::optional<std::int64_t> axis, std::optional<DType> dtype);
ArrayPtr np_stack(const Arrays& arrays, std::int64_t axis, std::optional<DType> dtype);
ArrayPtr np_vstack(const Arrays& arrays);
ArrayPtr np_hstack(const Arrays& arrays);
// np.split (equal=true: sections must divide the axis) / np.array_split. Either
// `sections` or `indices` (division points, Python slice semantics) is given.
Arrays np_split(const ArrayPtr& a, std::optional<std::int64_t> sections, const std::vector<std::int64_t>& indices,
                std::int64_t axis, bool equal);
// np.hsplit / np.vsplit: the library's dimension checks, then np.split on axis 1 (0) / 0.
Arrays np_hsplit(const ArrayPtr& a, std::optional<std::int64_t> sections, const std::vector<std::int64_t>& indices);
Arrays np_vsplit(const ArrayPtr& a, std::optional<std::int64_t> sections, const std::vector<std::int64_t>& indices);
ArrayPtr np_where(const ArrayPtr& cond, const Operand& x, const Operand& y);
// np.nonzero / np.where(cond): the (n, ndim) int64 array of indices, then one view of it per dim.
Arrays np_nonzero(const ArrayPtr& a);
ArrayPtr np_tile(const ArrayPtr& a, const std::vector<std::int64_t>& reps);
// np.repeat: `repeats` one count (broadcast) or one per element of the axis; axis nullopt: flattened.
ArrayPtr np_repeat(const ArrayPtr& a, const std::vector<std::int64_t>& repeats, std::optional<std::int64_t> axis);

// PyTorch.
ArrayPtr torch_cat(const Arrays& tensors, std::int64_t dim);
ArrayPtr torch_stack(const Arrays& tensors, std::int64_t dim);
// torch.split(t, split_size) (sizes empty) / torch.split(t, [sizes]).
Arrays torch_split(const ArrayPtr& t, std::optional<std::int64_t> split_size, const std::vector<std::int64_t>& sizes, std::int64_t dim);
Arrays torch_chunk(const ArrayPtr& t, std::int64_t chunks, std::int64_t dim);
ArrayPtr torch_where(const ArrayPtr& cond, const Operand& x, const Operand& y);
// torch.where(cond) / nonzero(as_tuple=True): the (ndim, n) int64 tensor, then its rows (views).
Arrays torch_nonzero_tuple(const ArrayPtr& t);

}  // namespace ss
