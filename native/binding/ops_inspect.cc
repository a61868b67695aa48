// Inspection: info, window, item, isContiguous, release.
#include <cstring>

#include "../core/errors.h"
#include "../core/flags.h"
#include "../core/values.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

namespace {

Napi::Value typed_array(Napi::Env env, const ss::WindowData& w, std::size_t count) {
  auto make = [&](auto tag, std::size_t elem) -> Napi::Value {
    using TA = decltype(tag);
    auto buf = Napi::ArrayBuffer::New(env, w.bytes.size());  // a copy: Electron forbids external buffers
    if (!w.bytes.empty()) std::memcpy(buf.Data(), w.bytes.data(), w.bytes.size());
    return TA::New(env, w.bytes.size() / elem, buf, 0);
  };
  (void)count;
  switch (w.host_type) {
    case ss::HostType::U8: return make(Napi::Uint8Array(), 1);
    case ss::HostType::I8: return make(Napi::Int8Array(), 1);
    case ss::HostType::I16: return make(Napi::Int16Array(), 2);
    case ss::HostType::I32: return make(Napi::Int32Array(), 4);
    case ss::HostType::U16: return make(Napi::Uint16Array(), 2);
    case ss::HostType::U32: return make(Napi::Uint32Array(), 4);
    case ss::HostType::I64: return make(Napi::BigInt64Array(), 8);
    case ss::HostType::U64: return make(Napi::BigUint64Array(), 8);
    case ss::HostType::F32: return make(Napi::Float32Array(), 4);
    case ss::HostType::F64: return make(Napi::Float64Array(), 8);
  }
  return env.Undefined();
}

}  // namespace

std::vector<OpEntry> inspect_ops() {
  return {
      inspection("info", [](const Napi::CallbackInfo& info) -> Napi::Value { return info_to_js(info.Env(), *unwrap_array(info[0], "object")); }),
      inspection("window",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = unwrap_array(info[0], "object");
         ss::WindowData w = ss::read_values(*a, get_ints(info[1], "start"), get_ints(info[2], "shape"));
         Napi::Object o = Napi::Object::New(info.Env());
         o.Set("dtype", ss::dtype_name(a->dtype));
         Napi::Array shape = Napi::Array::New(info.Env(), w.shape.size());
         for (std::size_t i = 0; i < w.shape.size(); ++i) shape.Set(static_cast<std::uint32_t>(i), Napi::Number::New(info.Env(), static_cast<double>(w.shape[i])));
         o.Set("shape", shape);
         o.Set("values", typed_array(info.Env(), w, 0));
         return o;
       }),
      // NumPy's .base when the program holds no wrapper for it (a copy's hidden allocation, e.g. a[:, [0, 1]]).
      inspection("base",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = unwrap_array(info[0], "object");
         return a->base ? Napi::Value(NativeArray::New(info.Env(), a->base)) : info.Env().Null();
       }),
      inspection("item", [](const Napi::CallbackInfo& info) -> Napi::Value { return scalar_to_js(info.Env(), ss::item(*unwrap_array(info[0], "object"))); }),
      inspection("isContiguous",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = unwrap_array(info[0], "object");
         std::string f = get_string(info[1], "memory_format");
         bool r;
         if (f == "F") r = ss::f_contiguous(*a);
         else if (f == "channels_last") r = ss::channels_last_contiguous(*a);
         // c10 TensorImpl::is_contiguous_default: any format but channels_last (preserve_format too) asks is_contiguous_.
         else r = ss::c_contiguous(*a) && (!a->is_tensor() || ss::strides_are_multiples(*a));
         return Napi::Boolean::New(info.Env(), r);
       }),
      // Setting a flag moves no bytes: no op of its own.
      inspection("setWriteable",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::set_writeable(*unwrap_array(info[0], "object"), get_bool(info[1], "writeable"));
         return info.Env().Undefined();
       }),
      inspection("release",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         release_handle(info[0]);
         return info.Env().Undefined();
       }),
  };
}

}  // namespace ssb
