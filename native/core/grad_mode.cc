#include "grad_mode.h"

namespace ss {

namespace {
// Per thread, as c10's GradMode: a runner on a worker thread has its own.
thread_local bool g_grad_enabled = true;
}

bool grad_enabled() { return g_grad_enabled; }
void set_grad_enabled(bool on) { g_grad_enabled = on; }

bool records_history(bool input_requires_grad, DType result) {
  return input_requires_grad && g_grad_enabled && (is_floating(result) || is_complex(result));
}

}  // namespace ss
