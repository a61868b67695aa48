// Copies: clone, contiguous, copy(order), ascontiguousarray, asfortranarray, astype, to(dtype), ravel, flatten.
#include "../core/copy_ops.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

std::vector<OpEntry> copy_ops() {
  return {
      {"clone", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::clone(unwrap_array(info[0], "object"), get_format(info[1]))); }},
      {"contiguous",
       [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::contiguous(unwrap_array(info[0], "object"), get_format(info[1]))); }},
      {"copy", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::copy_order(unwrap_array(info[0], "object"), get_order(info[1]))); }},
      {"ascontiguousarray",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::ascontiguousarray(unwrap_array(info[0], "object"), get_dtype_opt(info[1], "dtype")));
       }},
      {"asfortranarray",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::asfortranarray(unwrap_array(info[0], "object"), get_dtype_opt(info[1], "dtype")));
       }},
      {"astype",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::astype(unwrap_array(info[0], "object"), get_dtype(info[1], "dtype"), get_order(info[2]),
                                             get_bool(info[3], "copy")));
       }},
      {"astypeByteOrder",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         std::string bo = get_string(info[2], "byte_order");
         return wrap_result(info, ss::astype_byte_order(unwrap_array(info[0], "object"), get_dtype(info[1], "dtype"), bo.empty() ? '=' : bo[0]));
       }},
      {"viewByteOrder",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         std::string bo = get_string(info[1], "byte_order");
         return wrap_result(info, ss::view_byte_order(unwrap_array(info[0], "object"), bo.empty() ? '=' : bo[0]));
       }},
      {"toDtype",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::to_dtype(unwrap_array(info[0], "object"), get_dtype(info[1], "dtype"), get_bool(info[2], "copy")));
       }},
      {"ravel", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::ravel(unwrap_array(info[0], "object"), get_order(info[1]))); }},
      {"flatten",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::flatten(unwrap_array(info[0], "object"), get_order(info[1]), get_int(info[2], "start_dim"),
                                              get_int(info[3], "end_dim")));
       }},
  };
}

}  // namespace ssb
