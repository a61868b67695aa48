// a <op> b written into an existing array: np.add(a, b, out=o) / torch.add(a, b, out=o).
// Refusals come first and in each library's order, so a refused call writes nothing:
// torch's out= autograd refusal, then PyTorch's overlap rules (overlap.h); NumPy's
// read-only output. NumPy resolves overlapping inputs by copying, as the engine does.
#pragma once
#include "array.h"
#include "elementwise.h"

namespace ss {

void binary_out(BinOp op, const Operand& a, const Operand& b, const ArrayPtr& out);

}  // namespace ss
