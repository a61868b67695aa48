// Basic indexing: a[i, 1:5:2, None, ...]. Always a view (NumPy returns a scalar
// when every axis gets an integer: the runner reads that 0-d view with item()).
// Items of type Array (integer or boolean arrays, lists made arrays) and Bool
// (a Python True/False) make it advanced indexing: advanced_index.h.
#pragma once
#include <optional>
#include <vector>

#include "array.h"

namespace ss {

struct IndexItem {
  enum class Type { Int, Slice, NewAxis, Ellipsis, Array, Bool };
  Type type = Type::Int;
  std::int64_t index = 0;  // Int: the index; Bool: 0 or 1
  std::optional<std::int64_t> start, stop, step;
  ArrayPtr array;  // Array: the index array or tensor
};

ArrayPtr basic_index(const ArrayPtr& a, const std::vector<IndexItem>& items);

// Python's slice.indices(length) / PySlice_AdjustIndices: start, step, and the resulting length.
struct SliceBounds {
  std::int64_t start, step, length;
};
SliceBounds adjust_slice(std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                         std::optional<std::int64_t> step, std::int64_t size);

}  // namespace ss
