// Device moves (native/core/device_moves.h, the CUDA engineer's) and the cuda switches.
#include "../core/device_backend.h"
#include "../core/device_moves.h"
#include "../core/device_storage.h"
#include "../core/errors.h"
#include "../core/memory_cap.h"
#include "convert.h"
#include "handles.h"
#include "registry.h"

namespace ssb {

std::vector<OpEntry> device_ops() {
  return {
      {"toDevice",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         return wrap_result(info, ss::tensor_to(unwrap_array(info[0], "tensor"), get_string(info[1], "device"),
                                                get_bool(info[2], "non_blocking"), get_bool(info[3], "copy")));
       }},
      {"cuda",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         std::optional<std::string> dev;
         if (info[1].IsString()) dev = info[1].As<Napi::String>().Utf8Value();
         return wrap_result(info, ss::tensor_cuda(unwrap_array(info[0], "tensor"), dev, get_bool(info[2], "non_blocking")));
       }},
      {"cpu", [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::tensor_cpu(unwrap_array(info[0], "tensor"))); }},
      {"pinMemory",
       [](const Napi::CallbackInfo& info) -> Napi::Value { return wrap_result(info, ss::tensor_pin_memory(unwrap_array(info[0], "tensor"))); }},
      inspection("isPinned",
       [](const Napi::CallbackInfo& info) -> Napi::Value { return Napi::Boolean::New(info.Env(), ss::tensor_is_pinned(*unwrap_array(info[0], "tensor"))); }),
      {"setSimulateCuda",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         ss::set_simulate_cuda(get_bool(info[0], "on"), info.Length() > 1 && info[1].IsBoolean() && info[1].As<Napi::Boolean>().Value());
         return info.Env().Undefined();
       }},
      inspection("cudaStatus",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         Napi::Object o = Napi::Object::New(info.Env());
         int n = ss::cuda_device_count();
         o.Set("available", n > 0);
         o.Set("deviceCount", n);
         o.Set("simulated", ss::simulate_cuda_enabled() && ss::cuda_backend() && ss::cuda_backend()->simulated());
         o.Set("reason", n > 0 ? std::string() : ss::cuda_unavailable_reason());
         Napi::Array names = Napi::Array::New(info.Env(), n);
         for (int i = 0; i < n; ++i) names.Set(static_cast<std::uint32_t>(i), ss::cuda_backend()->device_name(i));
         o.Set("deviceNames", names);
         return o;
       }),
      inspection("cudaMemoryStats",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const ss::DeviceMemoryStats m = ss::cuda_memory_stats(static_cast<int>(get_int(info[0], "device")));
         Napi::Object o = Napi::Object::New(info.Env());
         o.Set("allocated", static_cast<double>(m.allocated));
         o.Set("reserved", static_cast<double>(m.reserved));
         return o;
       }),
      // The calling thread's memory cap for every device of a type ('cpu' or 'cuda'), in bytes; 0: the default.
      inspection("setMemoryCap",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const std::string type = get_string(info[0], "device");
         if (type != "cpu" && type != "cuda") throw Napi::TypeError::New(info.Env(), "device must be 'cpu' or 'cuda'");
         const double bytes = info[1].IsNumber() ? info[1].As<Napi::Number>().DoubleValue() : -1;
         if (!(bytes >= 0) || bytes > 9007199254740992.0) throw Napi::TypeError::New(info.Env(), "bytes must be a non-negative number");
         ss::set_memory_cap(type == "cpu" ? ss::DeviceType::CPU : ss::DeviceType::CUDA, static_cast<std::uint64_t>(bytes));
         return info.Env().Undefined();
       }),
      // Live bytes and the cap of each device, for the calling thread's program.
      inspection("memoryUsage",
       [](const Napi::CallbackInfo& info) -> Napi::Value {
         const auto usage = ss::memory_usage();
         Napi::Array out = Napi::Array::New(info.Env(), usage.size());
         for (std::size_t i = 0; i < usage.size(); ++i) {
           Napi::Object o = Napi::Object::New(info.Env());
           o.Set("device", usage[i].device.str());
           o.Set("live", static_cast<double>(usage[i].live));
           o.Set("cap", static_cast<double>(usage[i].cap));
           out.Set(static_cast<std::uint32_t>(i), o);
         }
         return out;
       }),
  };
}

}  // namespace ssb
