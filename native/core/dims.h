// Dimension (axis) arguments: negative values count from the end; out-of-range
// values raise each library's error (torch IndexError "Dimension out of range
// ...", NumPy AxisError "axis 2 is out of bounds for array of dimension 2").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "array.h"

namespace ss {

// torch maybe_wrap_dim (a 0-d tensor accepts dims -1 and 0).
std::int64_t torch_wrap_dim(std::int64_t dim, std::int64_t ndim);
// NumPy normalize_axis_index; `prefix` is e.g. "axis2: " for swapaxes' second argument.
std::int64_t numpy_wrap_axis(std::int64_t axis, std::int64_t ndim, const std::string& prefix = "");
// Picks the rule by the array's kind.
std::int64_t wrap_dim(const Array& a, std::int64_t dim);
// Wraps a list of NumPy axes and refuses repeats: "repeated axis" is normalize_axis_tuple's text
// (flip, expand_dims), "duplicate value in 'axis'" PyArray_ConvertMultiAxis's (reductions, squeeze).
inline constexpr const char* kRepeatedAxis = "repeated axis";
inline constexpr const char* kDuplicateAxis = "duplicate value in 'axis'";
std::vector<std::int64_t> numpy_wrap_axes(const std::vector<std::int64_t>& axes, std::int64_t ndim,
                                          const char* repeated = kRepeatedAxis);

// Legacy torch type name used in some errors: "torch.FloatTensor".
std::string torch_legacy_type(DType dt);

}  // namespace ss
