// Elementwise arithmetic and comparisons with broadcasting and each library's
// type promotion, in-place updates (visible through every alias), fill and
// assignment. float16/bfloat16 compute in float, integers wrap around as in C.
#pragma once
#include <string>
#include <vector>

#include "array.h"
#include "promotion.h"

namespace ss {

// Comparisons come last (is_comparison relies on the order).
enum class BinOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, And, Or, Xor, LShift, RShift, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge };

bool parse_binop(const std::string& name, BinOp* out);
// NumPy's ufunc name ("floor_divide"), as its messages print it.
const char* ufunc_name(BinOp op);
// Threads the elementwise kernels use for `numel` elements (both cores for big work).
int elementwise_threads(std::int64_t numel);

// a <op> b; a tensor operand makes it a torch operation, else NumPy's.
ArrayPtr binary(BinOp op, const Operand& a, const Operand& b);
// dst <op>= other (result cast back to dst's dtype under each library's casting rule).
void inplace(BinOp op, const ArrayPtr& dst, const Operand& other);
// ndarray.fill / Tensor.fill_ / zero_.
void fill(const ArrayPtr& dst, const Scalar& value);
// dst[...] = value: broadcast value to dst's shape and cast to its dtype.
void assign(const ArrayPtr& dst, const Operand& value);
// Tensor.copy_(src): src broadcast to dst's shape, cast to its dtype; PyTorch's
// overlap rules (overlap.h) refuse it before anything is written.
void tensor_copy_(const ArrayPtr& dst, const ArrayPtr& src);
// NumPy "assignment destination is read-only" when dst is not writeable; torch's
// autograd refusal of in-place writes to leaves that require grad (and their views).
void check_writeable(const Array& dst, bool ufunc_output = false);

// Tensor.requires_grad_(flag) (returns the same tensor) and Tensor.detach() (a new alias).
void set_requires_grad(Array& t, bool flag);
ArrayPtr detach(const ArrayPtr& t);

// Strides for a new result of `shape` following the inputs' layout (NumPy: C order
// wins conflicts; torch: the first input with a strict stride order decides).
Shape result_strides(Kind kind, const Shape& shape, const std::vector<const Array*>& inputs, std::size_t itemsize);
// NumPy's iterator axis order for order='K' (nditer npyiter_find_best_axis_ordering): the
// axes of `shape`, fastest first, from each operand's byte strides (size-1 axes given 0).
std::vector<int> numpy_iter_order(const Shape& shape, const std::vector<Shape>& strides);
// The strides a NumPy ufunc gives its new result: a fresh C/F array on the single-loop fast
// path (contiguous inputs of the loop's dtype), else laid out in the iterator's order.
Shape ufunc_result_strides(const Shape& shape, const std::vector<const Array*>& inputs, DType loop, std::size_t itemsize);

}  // namespace ss
