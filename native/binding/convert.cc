#include "convert.h"

#include <cmath>
#include <string>
#include <string_view>

#include "../core/errors.h"
#include "../core/flags.h"
#include "handles.h"

namespace ssb {

namespace {
[[noreturn]] void type_error(Napi::Env env, const std::string& msg) { throw Napi::TypeError::New(env, msg); }

// An enum-like argument ('C', 'preserve_format', 'ndarray'), read with one N-API call into a
// buffer on the stack: most ops take one, and a heap string per call was a measurable part
// of a small clone. Empty for a non-string; a longer string is cut short and so matches none.
class Keyword {
 public:
  explicit Keyword(Napi::Value v) : value_(v) {
    if (napi_get_value_string_utf8(v.Env(), v, buf_, sizeof buf_, &len_) != napi_ok) len_ = 0;
  }
  bool operator==(std::string_view k) const { return std::string_view(buf_, len_) == k; }
  // The whole string, for an error message.
  std::string full() const { return value_.IsString() ? value_.As<Napi::String>().Utf8Value() : ""; }

 private:
  Napi::Value value_;
  char buf_[32];
  std::size_t len_ = 0;
};
}  // namespace

ss::Kind get_kind(Napi::Value v) {
  const Keyword k(v);
  if (k == "ndarray") return ss::Kind::NDArray;
  if (k == "tensor") return ss::Kind::Tensor;
  type_error(v.Env(), "kind must be 'ndarray' or 'tensor'");
}

ss::DType get_dtype(Napi::Value v, const char* name) {
  if (!v.IsString()) type_error(v.Env(), std::string(name) + " must be a dtype name");
  std::string s = v.As<Napi::String>().Utf8Value();
  ss::DType d;
  if (!ss::parse_dtype(s, &d)) type_error(v.Env(), std::string(name) + ": unknown dtype '" + s + "'");
  return d;
}

std::optional<ss::DType> get_dtype_opt(Napi::Value v, const char* name) {
  if (v.IsNull() || v.IsUndefined()) return std::nullopt;
  return get_dtype(v, name);
}

std::int64_t get_int(Napi::Value v, const char* name) {
  if (v.IsBigInt()) {
    bool lossless = false;
    std::int64_t x = v.As<Napi::BigInt>().Int64Value(&lossless);
    if (!lossless) ss::raise(ss::PyExc::OverflowError, "Python int too large to convert to C long");
    return x;
  }
  if (!v.IsNumber()) type_error(v.Env(), std::string(name) + " must be an integer");
  double d = v.As<Napi::Number>().DoubleValue();
  if (!std::isfinite(d) || d != std::trunc(d)) type_error(v.Env(), std::string(name) + " must be an integer");
  // Integral doubles are exact; past 2^63 no C long holds them.
  if (std::fabs(d) >= 9223372036854775808.0) ss::raise(ss::PyExc::OverflowError, "Python int too large to convert to C long");
  return static_cast<std::int64_t>(d);
}

std::optional<std::int64_t> get_int_opt(Napi::Value v, const char* name) {
  if (v.IsNull() || v.IsUndefined()) return std::nullopt;
  return get_int(v, name);
}

bool get_bool(Napi::Value v, const char* name) {
  if (!v.IsBoolean()) type_error(v.Env(), std::string(name) + " must be a boolean");
  return v.As<Napi::Boolean>().Value();
}

std::optional<bool> get_bool_opt(Napi::Value v, const char* name) {
  if (v.IsNull() || v.IsUndefined()) return std::nullopt;
  return get_bool(v, name);
}

std::string get_string(Napi::Value v, const char* name) {
  if (!v.IsString()) type_error(v.Env(), std::string(name) + " must be a string");
  return v.As<Napi::String>().Utf8Value();
}

ss::Shape get_ints(Napi::Value v, const char* name) {
  if (!v.IsArray()) type_error(v.Env(), std::string(name) + " must be an array of integers");
  Napi::Array arr = v.As<Napi::Array>();
  if (arr.Length() > 64) ss::raise(ss::PyExc::ValueError, "maximum supported dimension for an ndarray is currently 64, found " + std::to_string(arr.Length()));
  ss::Shape out;
  for (std::uint32_t i = 0; i < arr.Length(); ++i) out.push_back(get_int(arr.Get(i), name));
  return out;
}

std::optional<ss::Shape> get_ints_opt(Napi::Value v, const char* name) {
  if (v.IsNull() || v.IsUndefined()) return std::nullopt;
  return get_ints(v, name);
}

ss::Scalar get_scalar(Napi::Value v, const char* name) {
  if (v.IsBoolean()) return ss::Scalar::of_bool(v.As<Napi::Boolean>().Value());
  if (v.IsNumber()) return ss::Scalar::of_float(v.As<Napi::Number>().DoubleValue());
  if (v.IsBigInt()) {
    bool lossless = false;
    std::int64_t x = v.As<Napi::BigInt>().Int64Value(&lossless);
    if (lossless) return ss::Scalar::of_int(x);
    std::uint64_t u = v.As<Napi::BigInt>().Uint64Value(&lossless);
    if (lossless) return ss::Scalar::of_uint(u);
    ss::raise(ss::PyExc::OverflowError, "Python int too large to convert to C long");
  }
  if (v.IsObject() && !v.IsArray()) {
    Napi::Object o = v.As<Napi::Object>();
    Napi::Value re = o.Get("re"), im = o.Get("im");
    if (re.IsNumber() && im.IsNumber())
      return ss::Scalar::of_complex(re.As<Napi::Number>().DoubleValue(), im.As<Napi::Number>().DoubleValue());
  }
  type_error(v.Env(), std::string(name) + " must be a Python scalar (boolean, bigint, number or {re, im})");
}

std::vector<ss::IndexItem> get_index(Napi::Value v) {
  if (!v.IsArray()) type_error(v.Env(), "index must be an array of index items");
  Napi::Array arr = v.As<Napi::Array>();
  std::vector<ss::IndexItem> items;
  for (std::uint32_t i = 0; i < arr.Length(); ++i) {
    Napi::Value e = arr.Get(i);
    if (!e.IsObject()) type_error(v.Env(), "index items must be objects with a kind");
    Napi::Object o = e.As<Napi::Object>();
    std::string kind = get_string(o.Get("kind"), "index item kind");
    ss::IndexItem it;
    if (kind == "int") {
      it.type = ss::IndexItem::Type::Int;
      it.index = get_int(o.Get("index"), "index");
    } else if (kind == "slice") {
      it.type = ss::IndexItem::Type::Slice;
      it.start = get_int_opt(o.Get("start"), "slice start");
      it.stop = get_int_opt(o.Get("stop"), "slice stop");
      it.step = get_int_opt(o.Get("step"), "slice step");
    } else if (kind == "newaxis") {
      it.type = ss::IndexItem::Type::NewAxis;
    } else if (kind == "ellipsis") {
      it.type = ss::IndexItem::Type::Ellipsis;
    } else if (kind == "array") {
      it.type = ss::IndexItem::Type::Array;
      it.array = unwrap_array(o.Get("array"), "index array");
    } else if (kind == "bool") {
      it.type = ss::IndexItem::Type::Bool;
      it.index = get_bool(o.Get("value"), "index bool") ? 1 : 0;
    } else {
      ss::raise(ss::PyExc::IndexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
    }
    items.push_back(it);
  }
  return items;
}

ss::Order get_order(Napi::Value v) {
  const Keyword s(v);
  if (s == "C") return ss::Order::C;
  if (s == "F") return ss::Order::F;
  if (s == "A") return ss::Order::A;
  if (s == "K") return ss::Order::K;
  ss::raise(ss::PyExc::ValueError, "order must be one of 'C', 'F', 'A', or 'K' (got '" + s.full() + "')");
}

ss::MemFormat get_format(Napi::Value v) {
  const Keyword s(v);
  if (s == "contiguous_format") return ss::MemFormat::Contiguous;
  if (s == "preserve_format") return ss::MemFormat::Preserve;
  if (s == "channels_last") return ss::MemFormat::ChannelsLast;
  type_error(v.Env(), "memory_format must be contiguous_format, preserve_format or channels_last");
}

ss::Operand get_operand(Napi::Value v, const char* name, ss::ArrayPtr* keep) {
  ss::Operand op;
  if (is_array_handle(v)) {
    *keep = unwrap_array(v, name);
    op.array = keep->get();
  } else {
    op.scalar = get_scalar(v, name);
  }
  return op;
}

Napi::Value scalar_to_js(Napi::Env env, const ss::Scalar& s) {
  switch (s.type) {
    case ss::Scalar::Type::Bool: return Napi::Boolean::New(env, s.b);
    case ss::Scalar::Type::Int: return s.big ? Napi::BigInt::New(env, s.u) : Napi::BigInt::New(env, s.i);
    case ss::Scalar::Type::Float: return Napi::Number::New(env, s.re);
    case ss::Scalar::Type::Complex: {
      Napi::Object o = Napi::Object::New(env);
      o.Set("re", s.re);
      o.Set("im", s.im);
      return o;
    }
  }
  return env.Undefined();
}

namespace {
Napi::Array to_js_array(Napi::Env env, const ss::Shape& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (std::size_t i = 0; i < v.size(); ++i) a.Set(static_cast<std::uint32_t>(i), Napi::Number::New(env, static_cast<double>(v[i])));
  return a;
}
std::string addr(const void* p) { return std::to_string(reinterpret_cast<std::uintptr_t>(p)); }
}  // namespace

Napi::Object info_to_js(Napi::Env env, const ss::Array& a) {
  Napi::Object o = Napi::Object::New(env);
  const auto item = static_cast<std::int64_t>(a.itemsize());
  o.Set("id", Napi::Number::New(env, static_cast<double>(a.id)));
  o.Set("kind", a.is_tensor() ? "tensor" : "ndarray");
  o.Set("dtype", ss::dtype_name(a.dtype));
  o.Set("itemsize", Napi::Number::New(env, static_cast<double>(item)));
  o.Set("shape", to_js_array(env, a.sizes));
  o.Set("strides", to_js_array(env, a.elem_strides()));
  o.Set("byteStrides", to_js_array(env, a.byte_strides));
  o.Set("offset", Napi::Number::New(env, static_cast<double>(a.elem_offset())));
  o.Set("byteOffset", Napi::Number::New(env, static_cast<double>(a.byte_offset)));
  o.Set("numel", Napi::Number::New(env, static_cast<double>(a.numel())));
  o.Set("nbytes", Napi::Number::New(env, static_cast<double>(a.nbytes())));
  o.Set("dataPtr", addr(a.data_ptr()));
  o.Set("device", a.storage->device.str());
  Napi::Object st = Napi::Object::New(env);
  st.Set("id", Napi::Number::New(env, static_cast<double>(a.storage->id)));
  st.Set("device", a.storage->device.str());
  st.Set("simulated", a.storage->simulated);
  st.Set("pinned", a.storage->pinned);
  st.Set("nbytes", Napi::Number::New(env, static_cast<double>(a.storage->nbytes)));
  st.Set("dataPtr", addr(a.storage->data));
  st.Set("resizable", a.storage->resizable);
  o.Set("storage", st);
  Napi::Object fl = Napi::Object::New(env);
  fl.Set("cContiguous", ss::c_contiguous(a) && (!a.is_tensor() || ss::strides_are_multiples(a)));
  fl.Set("fContiguous", ss::f_contiguous(a) && (!a.is_tensor() || ss::strides_are_multiples(a)));
  fl.Set("writeable", a.writeable);
  fl.Set("ownsData", a.owns_data);
  fl.Set("aligned", ss::aligned(a));
  o.Set("flags", fl);
  o.Set("requiresGrad", a.requires_grad);
  o.Set("isLeaf", !a.requires_grad || a.grad_leaf);
  o.Set("baseId", a.base ? Napi::Number::New(env, static_cast<double>(a.base->id)) : env.Null());
  o.Set("byteOrder", std::string(1, a.byte_order));
  o.Set("conj", a.conj);
  o.Set("neg", a.neg);
  return o;
}

}  // namespace ssb
