// torch.device(str) parsing, as c10/core/Device.cpp does it: "cpu", "cuda",
// "cuda:1"; its errors verbatim. Only cpu and cuda exist in the engine.
#pragma once
#include <string>

#include "device.h"

namespace ss {

struct ParsedDevice {
  Device device;
  bool has_index = false;  // "cuda" alone means the current device (cuda:0 here)
};

// Throws RuntimeError "Invalid device string: 'cuda:x'", "Expected one of cpu, cuda, ...
// device type at start of device string: foo", "Device string must not be empty".
ParsedDevice parse_device(const std::string& text);

}  // namespace ss
