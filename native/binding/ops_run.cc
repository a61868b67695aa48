// Stopping a run: the calling thread's interrupt flag, which long kernels poll
// (core/cancel.h). An Int32Array over a SharedArrayBuffer: another thread (the
// app's parent thread, the CLI's main thread) writes it while this one computes.
#include "../core/cancel.h"
#include "../core/errors.h"
#include "registry.h"

namespace ssb {
namespace {

std::int32_t* flag_of(const Napi::Value& v) {
  if (v.IsNull() || v.IsUndefined()) return nullptr;
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_int32_array)
    ss::raise(ss::PyExc::TypeError, "the interrupt flag must be an Int32Array");
  auto a = v.As<Napi::Int32Array>();
  if (a.ElementLength() < 1) ss::raise(ss::PyExc::ValueError, "the interrupt flag is empty");
  return a.Data();
}

}  // namespace

std::vector<OpEntry> run_ops() {
  return {
      // The caller keeps the array alive until it clears the flag (the Runner does, per run).
      inspection("setInterruptFlag",
                 [](const Napi::CallbackInfo& info) -> Napi::Value {
                   ss::set_cancel_flag(flag_of(info[0]));
                   return info.Env().Undefined();
                 }),
  };
}

}  // namespace ssb
