// Factories: create/full/arange/linspace/eye/fromValues/random/seed.
#include "../core/creation.h"
#include "../core/report.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

namespace {

// Every factory allocates a new buffer: the op log says so, with the bytes it wrote.
Napi::Value allocated(Napi::Env env, ss::ArrayPtr a, const std::string& reason, bool written = true) {
  ss::report_alloc(written ? static_cast<std::size_t>(a->nbytes()) : 0, reason);
  return NativeArray::New(env, std::move(a));
}

// The optional order of a new array: 'F' (NumPy's order='F') or C.
ss::NewLayout layout_arg(const Napi::Value& v) {
  return v.IsString() && v.As<Napi::String>().Utf8Value() == "F" ? ss::NewLayout::F : ss::NewLayout::C;
}

}  // namespace

std::vector<OpEntry> creation_ops() {
  return {
      {"create",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         std::string f = get_string(info[1], "fill");
         ss::Fill fill = f == "zeros" ? ss::Fill::Zeros : f == "ones" ? ss::Fill::Ones : ss::Fill::Empty;
         if (f != "zeros" && f != "ones" && f != "empty") throw Napi::TypeError::New(info.Env(), "fill must be zeros, ones or empty");
         return allocated(info.Env(), ss::create(get_kind(info[0]), fill, get_ints(info[2], "shape"), get_dtype_opt(info[3], "dtype"), layout_arg(info[4])),
                          fill == ss::Fill::Empty ? "new buffer, left uninitialised" : "new buffer, filled with " + f, fill != ss::Fill::Empty);
       }},
      {"full",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return allocated(info.Env(), ss::full(get_kind(info[0]), get_ints(info[1], "shape"), get_scalar(info[2], "fill_value"),
                                               get_dtype_opt(info[3], "dtype"), layout_arg(info[4])),
                          "new buffer, filled with the fill value");
       }},
      {"createLike",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         auto src = unwrap_array(info[0], "object");
         std::string f = get_string(info[1], "fill");
         if (f != "zeros" && f != "ones" && f != "empty" && f != "full") throw Napi::TypeError::New(info.Env(), "fill must be zeros, ones, empty or full");
         ss::Fill fill = f == "zeros" ? ss::Fill::Zeros : f == "ones" ? ss::Fill::Ones : ss::Fill::Empty;
         std::optional<ss::Scalar> value;
         if (f == "full") value = get_scalar(info[2], "fill_value");
         ss::LikeLayout layout;
         if (src->is_tensor()) layout.format = get_format(info[4]);
         else layout.order = get_order(info[4]);
         return allocated(info.Env(), ss::create_like(src, fill, value ? &*value : nullptr, get_dtype_opt(info[3], "dtype"), layout),
                          f == "empty" ? "new buffer laid out like the input, left uninitialised" : "new buffer laid out like the input, filled with " + (f == "full" ? std::string("the fill value") : f),
                          f != "empty");
       }},
      {"arange",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::Scalar a = get_scalar(info[1], "start");
         bool has_stop = !(info[2].IsNull() || info[2].IsUndefined());
         ss::Scalar start = has_stop ? a : ss::Scalar::of_int(0);
         ss::Scalar stop = has_stop ? get_scalar(info[2], "stop") : a;
         ss::Scalar step = info[3].IsNull() || info[3].IsUndefined() ? ss::Scalar::of_int(1) : get_scalar(info[3], "step");
         return allocated(info.Env(), ss::arange(get_kind(info[0]), start, stop, step, get_dtype_opt(info[4], "dtype")),
                          "new buffer, filled with a range");
       }},
      {"linspace",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return allocated(info.Env(), ss::linspace(get_kind(info[0]), get_scalar(info[1], "start"), get_scalar(info[2], "stop"),
                                                   get_int(info[3], "num"), get_bool(info[4], "endpoint"), get_dtype_opt(info[5], "dtype")),
                          "new buffer, filled with evenly spaced values");
       }},
      {"eye",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return allocated(info.Env(), ss::eye(get_kind(info[0]), get_int(info[1], "n"), get_int_opt(info[2], "m"), get_int(info[3], "k"),
                                              get_dtype_opt(info[4], "dtype")),
                          "new buffer, filled with an identity matrix");
       }},
      {"fromValues",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         if (!info[1].IsArray()) throw Napi::TypeError::New(info.Env(), "values must be an array of Python scalars");
         Napi::Array arr = info[1].As<Napi::Array>();
         std::vector<ss::Scalar> vals;
         vals.reserve(arr.Length());
         for (std::uint32_t i = 0; i < arr.Length(); ++i) vals.push_back(get_scalar(arr.Get(i), "values[i]"));
         return allocated(info.Env(), ss::from_values(get_kind(info[0]), vals, get_ints(info[2], "shape"), get_dtype_opt(info[3], "dtype")),
                          "new buffer, filled with the given values");
       }},
      {"random",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         std::string d = get_string(info[1], "dist");
         ss::RandomDist dist = d == "randn" ? ss::RandomDist::Randn : d == "randint" ? ss::RandomDist::Randint : ss::RandomDist::Rand;
         double low = info[4].IsNumber() ? info[4].As<Napi::Number>().DoubleValue() : 0;
         double high = info[5].IsNumber() ? info[5].As<Napi::Number>().DoubleValue() : 1;
         return allocated(info.Env(), ss::random(get_kind(info[0]), dist, get_ints(info[2], "shape"), get_dtype_opt(info[3], "dtype"), low, high),
                          "new buffer, filled with random values");
       }},
      {"seed",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const auto sd = static_cast<std::uint64_t>(get_int(info[0], "seed"));
         if (info.Length() > 1 && info[1].IsString()) ss::seed_random(get_kind(info[1]), sd);
         else ss::seed_random(ss::Kind::Tensor, sd);  // torch.manual_seed(n)
         return info.Env().Undefined();
       }},
  };
}

}  // namespace ssb
