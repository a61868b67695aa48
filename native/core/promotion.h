// Result dtypes of binary operations. NumPy 2 follows NEP 50 (Python scalars are
// "weak": they take the array's dtype when of the same or a lower kind); PyTorch
// follows at::native::result_type (dimensioned tensors > 0-d tensors > Python
// scalars, by category: bool < integer < floating < complex).
#pragma once
#include <optional>
#include <vector>

#include "array.h"
#include "scalar.h"

namespace ss {

// np.promote_types for two dtypes (neither may be bfloat16).
DType numpy_promote(DType a, DType b);
// c10::promoteTypes; raises PyTorch's error for uint16/32/64 with other integers.
DType torch_promote(DType a, DType b);

// One operand of an elementwise op: an array, or a Python scalar.
struct Operand {
  const Array* array = nullptr;  // null for a Python scalar
  Scalar scalar;
};

DType numpy_result_type(const std::vector<Operand>& ops);
DType torch_result_type(const std::vector<Operand>& ops);

// NumPy can_cast(from, to, 'same_kind') and c10::canCast (in-place result checks).
bool numpy_can_cast_same_kind(DType from, DType to);
bool torch_can_cast(DType from, DType to);

}  // namespace ss
