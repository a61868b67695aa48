// The JS values that hold engine objects: an array handle (one ss::Array, kept
// alive while JS references it or until release()) and a DLPack capsule handle.
// Both are N-API externals over a slot of this environment's handle pool
// (handles.cc): an external costs a fraction of a class instance (no constructor
// call, no property write), which is most of a zero-copy conversion's time.
#pragma once
#include <napi.h>

#include "../core/array.h"
#include "../core/dlpack.h"

namespace ssb {

// Sets up this environment's handle pool (once, from register_all).
void init_handles(Napi::Env env);

struct NativeArray {
  static Napi::Value New(Napi::Env env, ss::ArrayPtr a);
  static bool Is(Napi::Value v);
};

struct NativeCapsule {
  static Napi::Value New(Napi::Env env, ss::CapsulePtr c);
  static bool Is(Napi::Value v);
};

// The Array behind a handle argument; TypeError naming the argument otherwise.
ss::ArrayPtr unwrap_array(Napi::Value v, const char* name);
bool is_array_handle(Napi::Value v);
ss::CapsulePtr unwrap_capsule(Napi::Value v, const char* name);
// Drops the Array of an array handle now (dispose()); anything else is ignored.
void release_handle(Napi::Value v);
// Start and end of an exported call (registry.cc): begin_call forgets the previous
// call's unwrapped arguments; calls may nest (JS run from inside an op).
void begin_call();
void end_call();
// Wraps a result; returns the argument object itself when the op returned its input.
Napi::Value wrap_result(const Napi::CallbackInfo& info, const ss::ArrayPtr& result);

}  // namespace ssb
