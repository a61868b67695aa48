// Elementwise functions of one operand (NumPy's unary ufuncs, PyTorch's unary ops):
// negation, abs, ~, the float functions (sqrt, exp, log, sin, ...), rounding, isnan.
// Result dtypes follow each library: NumPy gives integer inputs of the float functions
// the smallest float that holds them (int8 -> float16, int16 -> float32, else float64),
// torch the default float32; the result is laid out like the input (order='K' /
// TensorIterator), a new array reported as such.
#pragma once
#include <string>

#include "array.h"

namespace ss {

enum class UnOp {
  Neg, Pos, Abs, Invert, LogicalNot, Sign, Square,
  Sqrt, Exp, Exp2, Expm1, Log, Log2, Log10, Log1p, Sin, Cos, Tan, Arcsin, Arccos, Arctan, Sinh, Cosh, Tanh, Sigmoid,
  Floor, Ceil, Trunc, Rint,
  IsNan, IsInf, IsFinite,
  Abs2,  // |z|^2 as NumPy's z * conj(z) computes it (var/std of complex input)
  Reciprocal,  // 1/x; NumPy keeps integer types (1.0/x cast back), torch makes them float
};

bool parse_unop(const std::string& name, UnOp* out);
ArrayPtr unary(UnOp op, const ArrayPtr& a);

}  // namespace ss
