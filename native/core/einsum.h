// np.einsum / torch.einsum for small problems: explicit ('ij,jk->ik') and implicit
// ('ij,jk') subscripts, '...' broadcasting, repeated subscripts (diagonals, traces),
// each library's parse errors and result dtype. One operand without a summed
// subscript gives a view (a transpose, a diagonal), as both libraries do; otherwise
// a new array laid out as the library lays it out (NumPy: its iterator's axis order
// over the operands; PyTorch 1.13: the bmm / mul result of its pairwise contraction).
// The sums run in a plain loop with a double / int64 / complex accumulator.
#pragma once
#include <string>
#include <vector>

#include "array.h"

namespace ss {

ArrayPtr einsum(Kind kind, const std::string& equation, const std::vector<ArrayPtr>& operands);

}  // namespace ss
