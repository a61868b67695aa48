// Files: storages from bytes or from a file mapping, bounds-checked views over them
// (what src/files describes becomes engine objects here), and an array's bytes for np.save.
// A storage travels to JS as a flat uint8 ndarray over all of its bytes; views made
// from it share its Storage (several views per storage for torch.save's sharing).
#include <cstring>
#include <string>

#include "../core/errors.h"
#include "../core/file_storage.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

namespace {

Napi::Value storage_handle(Napi::Env env, ss::StoragePtr st, bool writeable) {
  const auto n = static_cast<std::int64_t>(st->nbytes);
  ss::ArrayPtr flat = ss::make_view(ss::Kind::NDArray, ss::DType::UInt8, std::move(st), {n}, {1}, 0);
  flat->writeable = writeable;
  return NativeArray::New(env, flat);
}

char get_byte_order(Napi::Value v) {
  std::string s = v.IsUndefined() || v.IsNull() ? "<" : get_string(v, "byteOrder");
  if (s != "<" && s != ">" && s != "|" && s != "=") throw Napi::TypeError::New(v.Env(), "byteOrder must be '<', '>', '|' or '='");
  return s[0];
}

bool bool_or(Napi::Value v, bool dflt, const char* name) { return v.IsUndefined() || v.IsNull() ? dflt : get_bool(v, name); }

}  // namespace

std::vector<OpEntry> file_ops() {
  return {
      {"storageFromBytes",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array)
           throw Napi::TypeError::New(info.Env(), "bytes must be a Uint8Array");
         auto bytes = info[0].As<Napi::Uint8Array>();
         return storage_handle(info.Env(), ss::storage_from_bytes(bytes.Data(), bytes.ByteLength()), true);
       }},
      {"storageFromFile",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         std::int64_t offset = get_int(info[1], "offset"), nbytes = get_int(info[2], "nbytes");
         if (offset < 0 || nbytes < 0) ss::raise(ss::PyExc::ValueError, "offset and nbytes must be non-negative");
         auto st = ss::map_file_storage(get_string(info[0], "path"), static_cast<std::uint64_t>(offset), static_cast<std::size_t>(nbytes));
         return storage_handle(info.Env(), std::move(st), false);
       }},
      {"viewOfStorage",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::ArrayPtr flat = unwrap_array(info[0], "storage");
         if (!info[1].IsObject()) throw Napi::TypeError::New(info.Env(), "spec must be an object");
         Napi::Object o = info[1].As<Napi::Object>();
         ss::FileViewSpec spec;
         spec.kind = get_kind(o.Get("kind"));
         spec.dtype = get_dtype(o.Get("dtype"), "dtype");
         spec.sizes = get_ints(o.Get("shape"), "shape");
         spec.byte_strides = get_ints(o.Get("byteStrides"), "byteStrides");
         spec.byte_offset = get_int(o.Get("byteOffset"), "byteOffset");
         spec.byte_order = get_byte_order(o.Get("byteOrder"));
         spec.writeable = bool_or(o.Get("writeable"), true, "writeable");
         spec.requires_grad = bool_or(o.Get("requiresGrad"), false, "requiresGrad");
         spec.owns_data = bool_or(o.Get("ownsData"), true, "ownsData");
         // Only handles made by storageFromBytes/File (flat views of a whole storage) are storages.
         if (flat->byte_offset != 0 || flat->ndim() != 1 || flat->dtype != ss::DType::UInt8 ||
             static_cast<std::size_t>(flat->sizes[0]) != flat->storage->nbytes)
           throw Napi::TypeError::New(info.Env(), "storage must come from storageFromBytes or storageFromFile");
         return NativeArray::New(info.Env(), ss::view_of_storage(flat->storage, spec));
       }},
      {"arrayBytes",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::ArrayPtr a = unwrap_array(info[0], "object");
         std::string order = get_string(info[1], "order");
         if (order != "C" && order != "F") throw Napi::TypeError::New(info.Env(), "order must be 'C' or 'F'");
         std::vector<std::uint8_t> bytes = ss::array_bytes(*a, order == "F");
         auto out = Napi::Uint8Array::New(info.Env(), bytes.size());  // a copy: Electron forbids external buffers
         if (!bytes.empty()) std::memcpy(out.Data(), bytes.data(), bytes.size());
         return out;
       }},
  };
}

}  // namespace ssb
