#include "cancel.h"

#include "errors.h"

namespace ss {
namespace {
thread_local std::int32_t* t_flag = nullptr;
}

void set_cancel_flag(std::int32_t* flag) { t_flag = flag; }
std::int32_t* cancel_flag() { return t_flag; }

void check_cancel() {
  std::int32_t* f = t_flag;
  if (!f) return;
  const std::int32_t v = __atomic_load_n(f, __ATOMIC_RELAXED);
  if (v == kInterruptNone) return;
  if (v == kInterruptStop) {
    std::int32_t expected = kInterruptStop;
    __atomic_compare_exchange_n(f, &expected, kInterruptNone, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  }
  raise(PyExc::KeyboardInterrupt, "");
}

}  // namespace ss
