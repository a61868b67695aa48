// sum / mean over all or some axes, with each library's result dtype
// (NumPy: small ints sum to int64/uint64, mean of ints is float64; torch: ints
// sum to int64, mean refuses integer inputs). Accumulates in double/int64.
#pragma once
#include <optional>
#include <vector>

#include "array.h"

namespace ss {

enum class ReduceOp { Sum, Mean };

ArrayPtr reduce(const ArrayPtr& a, ReduceOp op, const std::optional<std::vector<std::int64_t>>& dims, bool keepdim,
                std::optional<DType> dtype);

}  // namespace ss
