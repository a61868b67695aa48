// torch's grad mode (torch.no_grad / enable_grad / set_grad_enabled): a flag per thread,
// as c10's GradMode; each runner sets it for its runs. When off, results record no history
// (requires_grad=False) and in-place writes to leaves that require grad are allowed.
#pragma once
#include "dtype.h"

namespace ss {

bool grad_enabled();
void set_grad_enabled(bool on);

// Whether a result (a view, a copy, arithmetic) of inputs of which one requires grad
// records autograd history: only in grad mode, and only for floating or complex dtypes.
bool records_history(bool input_requires_grad, DType result);

}  // namespace ss
