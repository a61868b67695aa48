#include "indexing.h"

#include <limits>

#include "checked_math.h"
#include "errors.h"
#include "layout.h"

namespace ss {

SliceBounds adjust_slice(std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                         std::optional<std::int64_t> step, std::int64_t size) {
  std::int64_t st = step.value_or(1);
  if (st == 0) raise(PyExc::ValueError, "slice step cannot be zero");
  auto clamp = [&](std::optional<std::int64_t> v, bool is_start) -> std::int64_t {
    if (!v) {
      if (is_start) return st < 0 ? size - 1 : 0;
      return st < 0 ? -1 : size;
    }
    std::int64_t x = *v;
    if (x < 0) {
      x += size;
      if (x < 0) x = st < 0 ? -1 : 0;
    } else if (x >= size) {
      x = st < 0 ? size - 1 : size;
    }
    return x;
  };
  std::int64_t b = clamp(start, true), e = clamp(stop, false);
  std::int64_t len = 0;
  if (st < 0) {
    if (e < b) len = (b - e - 1) / (-st) + 1;
  } else if (b < e) {
    len = (e - b - 1) / st + 1;
  }
  return {b, st, len};
}

ArrayPtr basic_index(const ArrayPtr& a, const std::vector<IndexItem>& items) {
  const bool tensor = a->is_tensor();
  std::int64_t consumed = 0, ellipses = 0;
  for (const auto& it : items) {
    if (it.type == IndexItem::Type::Int || it.type == IndexItem::Type::Slice) ++consumed;
    if (it.type == IndexItem::Type::Ellipsis) ++ellipses;
  }
  if (ellipses > 1) raise(PyExc::IndexError, "an index can only have a single ellipsis ('...')");
  const std::int64_t n = a->ndim();
  if (consumed > n) {
    if (tensor) raise(PyExc::IndexError, "too many indices for tensor of dimension " + std::to_string(n));
    raise(PyExc::IndexError, "too many indices for array: array is " + std::to_string(n) + "-dimensional, but " +
                                 std::to_string(consumed) + " were indexed");
  }
  if (!tensor) {
    std::int64_t result_dims = n - consumed;
    for (const auto& it : items) result_dims += it.type == IndexItem::Type::NewAxis || it.type == IndexItem::Type::Slice;
    if (result_dims > kMaxDims)
      raise(PyExc::IndexError, "number of dimensions must be within [0, " + std::to_string(kMaxDims) +
                                   "], indexing result would have " + std::to_string(result_dims));
  }
  Shape sz, st;
  std::int64_t off = a->byte_offset;
  std::int64_t dim = 0;
  auto copy_dims = [&](std::int64_t count) {
    for (std::int64_t k = 0; k < count; ++k, ++dim) {
      sz.push_back(a->sizes[dim]);
      st.push_back(a->byte_strides[dim]);
    }
  };
  for (const auto& it : items) {
    switch (it.type) {
      case IndexItem::Type::Ellipsis: copy_dims(n - consumed); break;
      case IndexItem::Type::NewAxis:
        sz.push_back(1);
        // NumPy gives a new axis stride 0; torch indexes None with unsqueeze (size*stride of the next dim).
        if (!tensor) st.push_back(0);
        else st.push_back(dim < n ? a->sizes[dim] * a->byte_strides[dim] : static_cast<std::int64_t>(a->itemsize()));
        break;
      case IndexItem::Type::Int: {
        std::int64_t size = a->sizes[dim], i = it.index;
        if (i < -size || i >= size) {
          if (tensor)
            raise(PyExc::IndexError, "index " + std::to_string(i) + " is out of bounds for dimension " + std::to_string(dim) +
                                         " with size " + std::to_string(size));
          raise(PyExc::IndexError, "index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(dim) +
                                       " with size " + std::to_string(size));
        }
        if (i < 0) i += size;
        off += i * a->byte_strides[dim];
        ++dim;
        break;
      }
      case IndexItem::Type::Slice: {
        if (tensor && it.step && *it.step < 0) {
          // NOTE aten/src/ATen/TensorIndexing.h applySlicing (semantics.md §54)
          raise(PyExc::ValueError, "step must be greater than zero");
        }
        SliceBounds b = adjust_slice(it.start, it.stop, it.step, a->sizes[dim]);
        // torch clamps start into [0, size] (aten::slice); Python's adjust gives the same for step > 0.
        if (b.length > 0 || tensor) off += b.start * a->byte_strides[dim];
        sz.push_back(b.length);
        // NumPy gives an empty slice step 1. A huge step (a[::10**30], clamped to 2**63-1) wraps
        // in both libraries' stride products; the dim then has at most one element, so the
        // stride is never used to step.
        const std::int64_t step = !tensor && b.length == 0 ? 1 : b.step;
        st.push_back(wrapping_mul(step, a->byte_strides[dim]));
        ++dim;
        break;
      }
      case IndexItem::Type::Array:
      case IndexItem::Type::Bool:
        // advanced_index.cc lowers these to slices and new axes before calling here.
        raise(PyExc::IndexError, "advanced index item reached basic indexing");
    }
  }
  copy_dims(n - dim);
  if (tensor) {
    // A huge step wraps the stride product negative, which aten's as_strided refuses.
    for (auto s : st)
      if (s < 0) {
        Shape elem(st.size());
        const auto item = static_cast<std::int64_t>(a->itemsize());
        for (std::size_t i = 0; i < st.size(); ++i) elem[i] = st[i] / item;
        raise(PyExc::RuntimeError, "as_strided: Negative strides are not supported at the moment, got strides: " + layout::torch_list(elem));
      }
  }
  return derive_view(a, sz, st, off);
}

}  // namespace ss
