// Matrix products: np.matmul / dot / inner / outer, torch.mm / bmm / matmul (native/core/matmul.h),
// np.einsum / torch.einsum (native/core/einsum.h).
#include "../core/einsum.h"
#include "../core/matmul.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

std::vector<OpEntry> linalg_ops() {
  return {
      {"product",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const std::string fn = get_string(info[0], "fn");
         auto a = unwrap_array(info[1], "a"), b = unwrap_array(info[2], "b");
         ss::ArrayPtr r;
         if (fn == "np.matmul") r = ss::np_matmul(a, b);
         else if (fn == "np.dot") r = ss::np_dot(a, b);
         else if (fn == "np.inner") r = ss::np_inner(a, b);
         else if (fn == "np.outer") r = ss::np_outer(a, b);
         else if (fn == "torch.mm") r = ss::torch_mm(a, b);
         else if (fn == "torch.bmm") r = ss::torch_bmm(a, b);
         else if (fn == "torch.matmul") r = ss::torch_matmul(a, b);
         else throw Napi::TypeError::New(info.Env(), "unknown product " + fn);
         return NativeArray::New(info.Env(), r);
       }},
      {"einsum",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto kind = get_kind(info[0]);
         const std::string eq = get_string(info[1], "equation");
         if (!info[2].IsArray()) throw Napi::TypeError::New(info.Env(), "operands must be an array of engine objects");
         auto arr = info[2].As<Napi::Array>();
         std::vector<ss::ArrayPtr> ops;
         for (std::uint32_t i = 0; i < arr.Length(); ++i) ops.push_back(unwrap_array(arr.Get(i), "operands"));
         return wrap_result(info, ss::einsum(kind, eq, ops));
       }},
  };
}

}  // namespace ssb
