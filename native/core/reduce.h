// Reductions over all or some axes (sum, mean, prod, min, max, argmin, argmax, all,
// any, nanmin, nanmax, var, std) and the scans cumsum / cumprod, with each library's
// result dtype (NumPy: small ints sum to int64/uint64, mean of ints is float64; torch:
// ints sum to int64, mean refuses integer inputs) and each library's result layout
// (NumPy: the input's memory order; torch: contiguous).
// Float sums accumulate in the result dtype in NumPy's order: pairwise summation
// (blocks of 8, 128-element leaves) along a reduced innermost axis, sequential
// otherwise, so float results print the same digits as NumPy.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "array.h"

namespace ss {

enum class ReduceOp { Sum, Mean, Prod, Min, Max, ArgMin, ArgMax, All, Any, NanMin, NanMax, NanSum, Var, Std };
enum class ScanOp { CumSum, CumProd };

bool parse_reduce_op(const std::string& name, ReduceOp* out);

// ddof: var/std's delta degrees of freedom (NumPy 0, torch's default correction 1).
ArrayPtr reduce(const ArrayPtr& a, ReduceOp op, const std::optional<Shape>& dims, bool keepdim,
                std::optional<DType> dtype, double ddof = 0);
// axis nullopt: over the flattened array (NumPy's default).
ArrayPtr scan(const ArrayPtr& a, ScanOp op, std::optional<std::int64_t> axis, std::optional<DType> dtype);

}  // namespace ss
