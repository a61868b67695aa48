// Writes and arithmetic: setitem, fill, in-place ops, copy_, out=, grad mode, binary ops, sum/mean,
// sorting (np.sort / argsort / unique, torch.sort / argsort / topk / unique: native/core/sort.h).
#include "../core/advanced_index.h"
#include "../core/copy_ops.h"
#include "../core/elementwise.h"
#include "../core/errors.h"
#include "../core/grad_mode.h"
#include "../core/indexing.h"
#include "../core/reduce.h"
#include "../core/sort.h"
#include "../core/ufunc_out.h"
#include "../core/unary.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

namespace {
ss::BinOp get_binop(Napi::Value v) {
  ss::BinOp op;
  if (!ss::parse_binop(get_string(v, "op"), &op)) throw Napi::TypeError::New(v.Env(), "unknown binary op");
  return op;
}
}  // namespace

std::vector<OpEntry> math_ops() {
  return {
      {"setitem",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = unwrap_array(info[0], "object");
         auto items = get_index(info[1]);
         ss::ArrayPtr keep;
         auto value = get_operand(info[2], "value", &keep);
         ss::check_numpy_setitem_scalar(*a, value);
         if (ss::is_advanced(items)) ss::advanced_set(a, items, value);
         else ss::assign(ss::basic_index(a, items), value);
         return info.Env().Undefined();
       }},
      {"fill",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::fill(unwrap_array(info[0], "object"), get_scalar(info[1], "value"));
         return info.Env().Undefined();
       }},
      {"inplace",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::ArrayPtr keep;
         ss::inplace(get_binop(info[1]), unwrap_array(info[0], "object"), get_operand(info[2], "other", &keep));
         return info.Env().Undefined();
       }},
      {"copy_",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::tensor_copy_(unwrap_array(info[0], "tensor"), unwrap_array(info[1], "src"));
         return info.Env().Undefined();
       }},
      {"binaryOut",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::ArrayPtr ka, kb;
         ss::Operand a = get_operand(info[1], "a", &ka), b = get_operand(info[2], "b", &kb);
         ss::binary_out(get_binop(info[0]), a, b, unwrap_array(info[3], "out"));
         return info.Env().Undefined();
       }},
      {"setGradEnabled",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         bool was = ss::grad_enabled();
         ss::set_grad_enabled(get_bool(info[0], "mode"));
         return Napi::Boolean::New(info.Env(), was);
       }},
      {"binary",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::ArrayPtr ka, kb;
         ss::Operand a = get_operand(info[1], "a", &ka), b = get_operand(info[2], "b", &kb);
         return NativeArray::New(info.Env(), ss::binary(get_binop(info[0]), a, b));
       }},
      {"unary",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::UnOp op;
         if (!ss::parse_unop(get_string(info[0], "op"), &op)) throw Napi::TypeError::New(info.Env(), "unknown unary op");
         return NativeArray::New(info.Env(), ss::unary(op, unwrap_array(info[1], "object")));
       }},
      {"requiresGrad_",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto t = unwrap_array(info[0], "tensor");
         ss::set_requires_grad(*t, get_bool(info[1], "requires_grad"));
         return info[0];
       }},
      {"detach", [](const Napi::CallbackInfo& info) -> Napi::Value { return NativeArray::New(info.Env(), ss::detach(unwrap_array(info[0], "tensor"))); }},
      {"conj", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::conj_view(unwrap_array(info[0], "tensor"))); }},
      {"resolveConj", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::resolve_conj(unwrap_array(info[0], "tensor"))); }},
      {"npConj",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::np_conj(unwrap_array(info[0], "array"), get_bool(info[1], "ufunc")));
       }},
      {"conjPhysical", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::conj_physical(unwrap_array(info[0], "tensor"))); }},
      {"reduce",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::ReduceOp op;
         if (!ss::parse_reduce_op(get_string(info[1], "op"), &op)) throw Napi::TypeError::New(info.Env(), "unknown reduction");
         double ddof = info.Length() > 5 && info[5].IsNumber() ? info[5].As<Napi::Number>().DoubleValue() : 0.0;
         return NativeArray::New(info.Env(), ss::reduce(unwrap_array(info[0], "object"), op, get_ints_opt(info[2], "dims"),
                                                        get_bool(info[3], "keepdim"), get_dtype_opt(info[4], "dtype"), ddof));
       }},
      {"scan",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         std::string op = get_string(info[1], "op");
         if (op != "cumsum" && op != "cumprod") throw Napi::TypeError::New(info.Env(), "op must be cumsum or cumprod");
         std::optional<std::int64_t> axis;
         if (info[2].IsNumber()) axis = info[2].As<Napi::Number>().Int64Value();
         return NativeArray::New(info.Env(), ss::scan(unwrap_array(info[0], "object"), op == "cumsum" ? ss::ScanOp::CumSum : ss::ScanOp::CumProd,
                                                      axis, get_dtype_opt(info[3], "dtype")));
       }},
      {"sort",
       // fn: "np.sort" | "ndarray.sort" | "np.argsort" | "torch.sort" | "torch.argsort"; axis null: NumPy's axis=None.
       // Returns the new object(s): [values] / [indices] / [values, indices]; ndarray.sort returns [].
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const std::string fn = get_string(info[0], "fn");
         auto a = unwrap_array(info[1], "object");
         std::optional<std::int64_t> axis;
         if (info[2].IsNumber()) axis = info[2].As<Napi::Number>().Int64Value();
         const bool descending = get_bool(info[3], "descending");
         std::vector<ss::ArrayPtr> out;
         if (fn == "np.sort") out.push_back(ss::np_sort(a, axis));
         else if (fn == "ndarray.sort") ss::np_sort_inplace(a, axis.value_or(-1));
         else if (fn == "np.argsort") out.push_back(ss::np_argsort(a, axis));
         else if (fn == "torch.sort" || fn == "torch.argsort") {
           auto r = ss::torch_sort(a, axis.value_or(-1), descending, fn == "torch.sort");
           if (r.values) out.push_back(r.values);
           out.push_back(r.indices);
         } else throw Napi::TypeError::New(info.Env(), "unknown sort " + fn);
         auto arr = Napi::Array::New(info.Env(), out.size());
         for (std::uint32_t i = 0; i < out.size(); ++i) arr.Set(i, NativeArray::New(info.Env(), out[i]));
         return arr;
       }},
      {"topk",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto r = ss::torch_topk(unwrap_array(info[0], "tensor"), get_int(info[1], "k"), get_int(info[2], "dim"), get_bool(info[3], "largest"));
         auto arr = Napi::Array::New(info.Env(), 2);
         arr.Set(0u, NativeArray::New(info.Env(), r.values));
         arr.Set(1u, NativeArray::New(info.Env(), r.indices));
         return arr;
       }},
      {"unique",
       // [values, index?, inverse?, counts?] as asked.
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto r = ss::unique(unwrap_array(info[0], "object"), get_bool(info[1], "index"), get_bool(info[2], "inverse"), get_bool(info[3], "counts"),
                             get_bool(info[4], "equalNan"));
         auto arr = Napi::Array::New(info.Env(), r.size());
         for (std::uint32_t i = 0; i < r.size(); ++i) arr.Set(i, NativeArray::New(info.Env(), r[i]));
         return arr;
       }},
  };
}

}  // namespace ssb
