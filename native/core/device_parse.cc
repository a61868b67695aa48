#include "device_parse.h"

#include <cctype>
#include <cstdint>

#include "errors.h"

namespace ss {

namespace {

// c10/core/Device.cpp parse_type: the device types torch knows, in its order.
constexpr const char* kTorchDeviceTypes[] = {"cpu",  "cuda", "ipu",  "xpu",    "mkldnn", "opengl", "opencl",
                                             "ideep", "hip", "ve",   "fpga",   "maia",   "xla",    "lazy",
                                             "vulkan", "mps", "meta", "hpu",   "mtia",   "privateuseone"};

}  // namespace

ParsedDevice parse_device(const std::string& text) {
  if (text.empty()) raise(PyExc::RuntimeError, "Device string must not be empty");
  // NOTE: the grammar of c10::Device(const std::string&): ([a-zA-Z_]+)(?::([1-9]\d*|0))?
  std::string name, index;
  bool colon = false, bad = false;
  for (unsigned char ch : text) {
    if (!colon) {
      if (ch == ':') colon = true;
      else if (std::isalpha(ch) || ch == '_') name.push_back(static_cast<char>(ch));
      else bad = true;
    } else if (std::isdigit(ch) && !(index.size() == 1 && index[0] == '0')) {
      index.push_back(static_cast<char>(ch));
    } else {
      bad = true;
    }
    if (bad) break;
  }
  if (name.empty() || bad || (colon && index.empty()))
    raise(PyExc::RuntimeError, "Invalid device string: '" + text + "'");

  ParsedDevice out;
  if (!index.empty()) {
    // c10 parses with std::stoi, then narrows to its int8 DeviceIndex and validates.
    if (index.size() > 9)
      raise(PyExc::RuntimeError, "Could not parse device index '" + index + "' in device string '" + text + "'");
    const int narrowed = static_cast<std::int8_t>(std::stoi(index));
    if (narrowed < -1) raise(PyExc::RuntimeError, "Device index must be -1 or non-negative, got " + std::to_string(narrowed));
    out.has_index = narrowed >= 0;
    out.device.index = narrowed >= 0 ? narrowed : 0;
  }
  if (name == "cpu") {
    out.device.type = DeviceType::CPU;
    if (out.has_index && out.device.index != 0)
      raise(PyExc::RuntimeError, "CPU device index must be -1 or zero, got " + std::to_string(out.device.index));
    out.device.index = 0;
    return out;
  }
  if (name == "cuda") {
    out.device.type = DeviceType::CUDA;
    return out;
  }
  bool known = false;
  for (const char* t : kTorchDeviceTypes) known = known || name == t;
  if (!known) {
    std::string list;
    for (const char* t : kTorchDeviceTypes) list += (list.empty() ? "" : ", ") + std::string(t);
    raise(PyExc::RuntimeError, "Expected one of " + list + " device type at start of device string: " + name);
  }
  raise(PyExc::RuntimeError, "Stridescope models only the cpu and cuda devices, not '" + name + "'");
}

}  // namespace ss
