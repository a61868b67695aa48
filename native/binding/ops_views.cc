// Views: index, transpose family, expand, view, reshape, squeeze..., as_strided, flip;
// indexFn: the gathers that go with indexing (index_select, masked_select, masked_fill, nonzero, np.take).
#include "../core/copy_ops.h"
#include "../core/errors.h"
#include "../core/advanced_index.h"
#include "../core/index_functions.h"
#include "../core/indexing.h"
#include "../core/view_ops.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

namespace {
#define SELF unwrap_array(info[0], "object")
#define RESULT(expr) return wrap_result(info, (expr))

// np.take / np.put's mode as the runner passes it: 'raise' (or absent), 'wrap' or 'clip'.
ss::ClipMode clip_mode(Napi::Value v) {
  if (v.IsUndefined() || v.IsNull()) return ss::ClipMode::Raise;
  const std::string m = get_string(v, "mode");
  if (m == "wrap") return ss::ClipMode::Wrap;
  if (m == "clip") return ss::ClipMode::Clip;
  if (m == "raise") return ss::ClipMode::Raise;
  throw Napi::TypeError::New(v.Env(), "unknown mode " + m);
}
}  // namespace

std::vector<OpEntry> view_ops() {
  return {
      {"index", [](const Napi::CallbackInfo& info) -> Napi::Value { auto items = get_index(info[1]);
                  RESULT(ss::is_advanced(items) ? ss::advanced_get(SELF, items) : ss::basic_index(SELF, items)); }},
      {"indexFn",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const std::string fn = get_string(info[0], "fn");
         auto a = unwrap_array(info[1], "object");
         ss::ArrayPtr r;
         if (fn == "index_select") r = ss::index_select(a, get_int(info[2], "dim"), unwrap_array(info[3], "index"));
         else if (fn == "masked_select") r = ss::masked_select(a, unwrap_array(info[2], "mask"));
         else if (fn == "masked_fill" || fn == "masked_fill_")
           r = ss::masked_fill(a, unwrap_array(info[2], "mask"), get_scalar(info[3], "value"), fn == "masked_fill_");
         else if (fn == "nonzero") r = ss::torch_nonzero(a);
         else if (fn == "take") r = ss::np_take(a, unwrap_array(info[2], "indices"), get_int_opt(info[3], "axis"), clip_mode(info[4]));
         else if (fn == "put") {
           ss::ArrayPtr keep;
           r = ss::np_put(a, unwrap_array(info[2], "indices"), get_operand(info[3], "values", &keep), clip_mode(info[4]));
         }
         else throw Napi::TypeError::New(info.Env(), "unknown index function " + fn);
         return r == a ? info[1] : NativeArray::New(info.Env(), r);
       }},
      {"transpose", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::transpose(SELF, get_ints(info[1], "dims"))); }},
      {"permute", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::permute(SELF, get_ints(info[1], "dims"))); }},
      {"swapaxes",
       [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::swapaxes(SELF, get_int(info[1], "axis1"), get_int(info[2], "axis2"))); }},
      {"T", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::T(SELF)); }},
      {"mT", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::mT(SELF)); }},
      {"t", [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = SELF;
         if (!a->is_tensor()) ss::raise(ss::PyExc::AttributeError, "'numpy.ndarray' object has no attribute 't'");
         RESULT(ss::t(a));
       }},
      {"expand", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::expand(SELF, get_ints(info[1], "sizes"))); }},
      {"broadcastTo", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::broadcast_to(SELF, get_ints(info[1], "shape"))); }},
      {"view", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::view_shape(SELF, get_ints(info[1], "shape"))); }},
      {"viewDtype", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::view_dtype(SELF, get_dtype(info[1], "dtype"))); }},
      {"reshape",
       [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::reshape(SELF, get_ints(info[1], "shape"), get_order(info[2]))); }},
      {"squeeze", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::squeeze(SELF, get_ints_opt(info[1], "dims"))); }},
      {"unsqueeze", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::unsqueeze(SELF, get_int(info[1], "dim"))); }},
      {"expandDims", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::expand_dims(SELF, get_ints(info[1], "axis"))); }},
      {"narrow",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         RESULT(ss::narrow(SELF, get_int(info[1], "dim"), get_int(info[2], "start"), get_int(info[3], "length")));
       }},
      {"diagonal",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         RESULT(ss::diagonal(SELF, get_int(info[1], "offset"), get_int(info[2], "dim1"), get_int(info[3], "dim2")));
       }},
      {"complexPart", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::complex_part(SELF, get_bool(info[1], "imag"))); }},
      {"viewAsReal", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::view_as_real(SELF)); }},
      {"viewAsComplex", [](const Napi::CallbackInfo& info) -> Napi::Value { RESULT(ss::view_as_complex(SELF)); }},
      {"unfold",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         RESULT(ss::unfold(SELF, get_int(info[1], "dimension"), get_int(info[2], "size"), get_int(info[3], "step")));
       }},
      {"slidingWindowView",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         RESULT(ss::sliding_window_view(SELF, get_ints(info[1], "window_shape"), get_ints_opt(info[2], "axis")));
       }},
      {"asStrided",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         RESULT(ss::as_strided(SELF, get_ints(info[1], "size"), get_ints(info[2], "stride"), get_int_opt(info[3], "storage_offset")));
       }},
      inspection("checkAsStrided",
                 [](const Napi::CallbackInfo& info) -> Napi::Value {
                   ss::check_as_strided(SELF, get_ints(info[1], "size"), get_ints(info[2], "stride"),
                                        get_int_opt(info[3], "storage_offset"));
                   return info.Env().Undefined();
                 }),
      {"flip",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto a = SELF;
         auto dims = get_ints_opt(info[1], "dims");
         if (a->is_tensor()) {
           if (!dims) ss::raise(ss::PyExc::TypeError, "flip() missing 1 required positional arguments: \"dims\"");
           RESULT(ss::flip_copy(a, *dims));
         }
         RESULT(ss::flip_view(a, dims));
       }},
  };
}

}  // namespace ssb
