// Joining and splitting: concatenate / stack / cat, split / chunk, where, nonzero, tile,
// repeat (native/core/join_split.h). Lists of objects travel as JS arrays of handles.
#include "../core/join_split.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

namespace {

ss::Arrays get_arrays(Napi::Value v, const char* name) {
  if (!v.IsArray()) throw Napi::TypeError::New(v.Env(), std::string(name) + " must be an array of engine objects");
  auto arr = v.As<Napi::Array>();
  ss::Arrays out;
  for (std::uint32_t i = 0; i < arr.Length(); ++i) out.push_back(unwrap_array(arr.Get(i), name));
  return out;
}

Napi::Value to_js(Napi::Env env, const ss::Arrays& parts) {
  auto out = Napi::Array::New(env, parts.size());
  for (std::uint32_t i = 0; i < parts.size(); ++i) out.Set(i, NativeArray::New(env, parts[i]));
  return out;
}

std::vector<std::int64_t> ints_or_empty(Napi::Value v, const char* name) {
  auto o = get_ints_opt(v, name);
  if (!o) return {};
  return *o;
}

}  // namespace

std::vector<OpEntry> join_ops() {
  return {
      {"join",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const std::string fn = get_string(info[0], "fn");
         auto arrays = get_arrays(info[1], "arrays");
         auto axis = get_int_opt(info[2], "axis");
         auto dtype = get_dtype_opt(info[3], "dtype");
         ss::ArrayPtr r;
         if (fn == "np.concatenate") r = ss::np_concatenate(arrays, axis, dtype);
         else if (fn == "np.stack") r = ss::np_stack(arrays, axis.value_or(0), dtype);
         else if (fn == "np.vstack") r = ss::np_vstack(arrays);
         else if (fn == "np.hstack") r = ss::np_hstack(arrays);
         else if (fn == "torch.cat") r = ss::torch_cat(arrays, axis.value_or(0));
         else if (fn == "torch.stack") r = ss::torch_stack(arrays, axis.value_or(0));
         else throw Napi::TypeError::New(info.Env(), "unknown join " + fn);
         return NativeArray::New(info.Env(), r);
       }},
      {"split",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const std::string fn = get_string(info[0], "fn");
         auto a = unwrap_array(info[1], "object");
         auto sections = get_int_opt(info[2], "sections");
         auto indices = ints_or_empty(info[3], "indices");
         const std::int64_t axis = get_int(info[4], "axis");
         ss::Arrays r;
         if (fn == "np.split") r = ss::np_split(a, sections, indices, axis, true);
         else if (fn == "np.array_split") r = ss::np_split(a, sections, indices, axis, false);
         else if (fn == "np.hsplit") r = ss::np_hsplit(a, sections, indices);
         else if (fn == "np.vsplit") r = ss::np_vsplit(a, sections, indices);
         else if (fn == "torch.split") r = ss::torch_split(a, sections, indices, axis);
         else if (fn == "torch.chunk") r = ss::torch_chunk(a, sections.value_or(1), axis);
         else throw Napi::TypeError::New(info.Env(), "unknown split " + fn);
         return to_js(info.Env(), r);
       }},
      {"where",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto kind = get_kind(info[0]);
         auto cond = unwrap_array(info[1], "condition");
         ss::ArrayPtr kx, ky;
         ss::Operand x = get_operand(info[2], "x", &kx), y = get_operand(info[3], "y", &ky);
         return NativeArray::New(info.Env(), kind == ss::Kind::NDArray ? ss::np_where(cond, x, y) : ss::torch_where(cond, x, y));
       }},
      {"nonzero",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = unwrap_array(info[0], "object");
         return to_js(info.Env(), a->is_tensor() ? ss::torch_nonzero_tuple(a) : ss::np_nonzero(a));
       }},
      {"tile",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return NativeArray::New(info.Env(), ss::np_tile(unwrap_array(info[0], "object"), get_ints(info[1], "reps")));
       }},
      {"repeat",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return NativeArray::New(info.Env(), ss::np_repeat(unwrap_array(info[0], "object"), get_ints(info[1], "repeats"),
                                                           get_int_opt(info[2], "axis")));
       }},
  };
}

}  // namespace ssb
