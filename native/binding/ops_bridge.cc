// The NumPy <-> PyTorch bridge, DLPack and sharing checks.
#include "../core/bridge.h"
#include "../core/copy_ops.h"
#include "../core/dlpack.h"
#include "../core/sharing.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

std::vector<OpEntry> bridge_ops() {
  return {
      {"fromNumpy", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::from_numpy(unwrap_array(info[0], "array"))); }},
      {"numpy",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::tensor_numpy(unwrap_array(info[0], "tensor"), get_bool(info[1], "force")));
       }},
      {"asTensor",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::as_tensor(unwrap_array(info[0], "data"), get_dtype_opt(info[1], "dtype")));
       }},
      {"tensor",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::torch_tensor(unwrap_array(info[0], "data"), get_dtype_opt(info[1], "dtype")));
       }},
      {"torchAsarray",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::torch_asarray(unwrap_array(info[0], "obj"), get_dtype_opt(info[1], "dtype"), get_bool_opt(info[2], "copy")));
       }},
      {"npAsarray",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::np_asarray(unwrap_array(info[0], "a"), get_dtype_opt(info[1], "dtype"), get_bool_opt(info[2], "copy")));
       }},
      {"npArray",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::np_array(unwrap_array(info[0], "object"), get_dtype_opt(info[1], "dtype"), get_bool_opt(info[2], "copy"),
                                               static_cast<int>(get_order(info[3]))));
       }},
      {"toDlpack",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = unwrap_array(info[0], "object");
         ss::DlpackExportOptions o;
         if (info[1].IsObject()) {
           Napi::Object opts = info[1].As<Napi::Object>();
           Napi::Value mv = opts.Get("maxVersion");
           if (mv.IsArray()) {
             auto v = get_ints(mv, "max_version");
             if (v.size() == 2) o.max_version = std::make_pair(static_cast<int>(v[0]), static_cast<int>(v[1]));
           }
           o.stream = get_int_opt(opts.Get("stream"), "stream");
         }
         return NativeCapsule::New(info.Env(), ss::to_dlpack(a, o));
       }},
      inspection("dlpackDevice",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto d = ss::dlpack_device(*unwrap_array(info[0], "object"));
         Napi::Array r = Napi::Array::New(info.Env(), 2);
         r.Set(0u, Napi::Number::New(info.Env(), d.first));
         r.Set(1u, Napi::Number::New(info.Env(), d.second));
         return r;
       }),
      {"fromDlpack",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::Kind kind = get_kind(info[0]);
         if (NativeCapsule::Is(info[1])) return NativeArray::New(info.Env(), ss::from_dlpack_capsule(kind, unwrap_capsule(info[1], "capsule")));
         return NativeArray::New(info.Env(), ss::from_dlpack(kind, unwrap_array(info[1], "x"), get_bool_opt(info[2], "copy")));
       }},
      inspection("sharesMemory",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return Napi::Boolean::New(info.Env(), ss::shares_memory(*unwrap_array(info[0], "a"), *unwrap_array(info[1], "b")));
       }),
      inspection("maySharememory",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return Napi::Boolean::New(info.Env(), ss::may_share_memory(*unwrap_array(info[0], "a"), *unwrap_array(info[1], "b")));
       }),
  };
}

}  // namespace ssb
