#include "handles.h"

namespace ssb {

namespace {
// Constructors live in the addon's instance data (one per environment / worker).
struct Ctors {
  Napi::FunctionReference array;
  Napi::FunctionReference capsule;
};

Ctors& ctors(Napi::Env env) {
  auto* c = env.GetInstanceData<Ctors>();
  if (!c) {
    c = new Ctors();
    env.SetInstanceData<Ctors>(c);
  }
  return *c;
}
}  // namespace

void NativeArray::Init(Napi::Env env, Napi::Object exports) {
  Napi::Function f = DefineClass(env, "NativeArray", {});
  ctors(env).array = Napi::Persistent(f);
  exports.Set("NativeArray", f);
}

NativeArray::NativeArray(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeArray>(info) {}

Napi::Object NativeArray::New(Napi::Env env, ss::ArrayPtr a) {
  Napi::Object o = ctors(env).array.New({});
  Unwrap(o)->array = std::move(a);
  return o;
}

bool NativeArray::Is(Napi::Value v) {
  return v.IsObject() && v.As<Napi::Object>().InstanceOf(ctors(v.Env()).array.Value());
}

void NativeCapsule::Init(Napi::Env env, Napi::Object exports) {
  Napi::Function f = DefineClass(env, "NativeCapsule", {});
  ctors(env).capsule = Napi::Persistent(f);
  exports.Set("NativeCapsule", f);
}

NativeCapsule::NativeCapsule(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeCapsule>(info) {}

Napi::Object NativeCapsule::New(Napi::Env env, ss::CapsulePtr c) {
  Napi::Object o = ctors(env).capsule.New({});
  Unwrap(o)->capsule = std::move(c);
  return o;
}

bool NativeCapsule::Is(Napi::Value v) {
  return v.IsObject() && v.As<Napi::Object>().InstanceOf(ctors(v.Env()).capsule.Value());
}

bool is_array_handle(Napi::Value v) { return NativeArray::Is(v); }

ss::ArrayPtr unwrap_array(Napi::Value v, const char* name) {
  if (!NativeArray::Is(v)) throw Napi::TypeError::New(v.Env(), std::string(name) + " must be an engine object handle");
  auto* h = NativeArray::Unwrap(v.As<Napi::Object>());
  if (!h->array) throw Napi::TypeError::New(v.Env(), std::string(name) + " was released (dispose() was called)");
  return h->array;
}

ss::CapsulePtr unwrap_capsule(Napi::Value v, const char* name) {
  if (!NativeCapsule::Is(v)) throw Napi::TypeError::New(v.Env(), std::string(name) + " must be a DLPack capsule");
  return NativeCapsule::Unwrap(v.As<Napi::Object>())->capsule;
}

Napi::Value wrap_result(const Napi::CallbackInfo& info, const ss::ArrayPtr& result) {
  for (std::size_t i = 0; i < info.Length(); ++i) {
    if (NativeArray::Is(info[i]) && NativeArray::Unwrap(info[i].As<Napi::Object>())->array == result) return info[i];
  }
  return NativeArray::New(info.Env(), result);
}

}  // namespace ssb
