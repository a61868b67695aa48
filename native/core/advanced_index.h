// Advanced indexing: a[[0, 2]], a[idx, 1:3], a[mask], a[mask] = v, with each
// library's rules. Both gather/scatter through one offset per element of the
// broadcast index shape, copying the "subspace" (the dims the basic items keep)
// for each; long loops poll the interrupt flag.
//
// NumPy (mapping.c): integers count as advanced indices when deciding whether the
// advanced indices are adjacent; the result is allocated with the broadcast index
// dims first (C order, or the index arrays' order when the subspace has one element)
// and the subspace in the source's memory order, then transposed into place (so a
// result whose index dims are not first is a view of that allocation).
// PyTorch (aten index / index_put_): integers select first; the result of
// aten::index is laid out by TensorIterator from the restrided source and indices.
#pragma once
#include <optional>
#include <vector>

#include "array.h"
#include "indexing.h"
#include "promotion.h"

namespace ss {

// True when the index has an Array or Bool item (the advanced path).
bool is_advanced(const std::vector<IndexItem>& items);

// a[items]: a new array/tensor holding the selected elements.
ArrayPtr advanced_get(const ArrayPtr& a, const std::vector<IndexItem>& items);

// a[items] = value: written into a's memory (visible through every alias).
void advanced_set(const ArrayPtr& a, const std::vector<IndexItem>& items, const Operand& value);

// NumPy stores a Python scalar in an element with Python's int() / float(): a complex
// value refuses (TypeError) for integer and float arrays, in every kind of assignment.
void check_numpy_setitem_scalar(const Array& dst, const Operand& value);

}  // namespace ss
