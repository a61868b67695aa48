// JS objects that hold engine objects: NativeArray (one ss::Array, kept alive
// while JS references it or until release()) and NativeCapsule (a DLPack capsule).
#pragma once
#include <napi.h>

#include "../core/array.h"
#include "../core/dlpack.h"

namespace ssb {

class NativeArray : public Napi::ObjectWrap<NativeArray> {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  static Napi::Object New(Napi::Env env, ss::ArrayPtr a);
  static bool Is(Napi::Value v);
  explicit NativeArray(const Napi::CallbackInfo& info);

  ss::ArrayPtr array;  // null after release()
};

class NativeCapsule : public Napi::ObjectWrap<NativeCapsule> {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  static Napi::Object New(Napi::Env env, ss::CapsulePtr c);
  static bool Is(Napi::Value v);
  explicit NativeCapsule(const Napi::CallbackInfo& info);

  ss::CapsulePtr capsule;
};

// The Array behind a handle argument; TypeError naming the argument otherwise.
ss::ArrayPtr unwrap_array(Napi::Value v, const char* name);
bool is_array_handle(Napi::Value v);
ss::CapsulePtr unwrap_capsule(Napi::Value v, const char* name);
// Wraps a result; returns the argument object itself when the op returned its input.
Napi::Value wrap_result(const Napi::CallbackInfo& info, const ss::ArrayPtr& result);

}  // namespace ssb
