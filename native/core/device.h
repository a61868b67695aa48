// Where a storage's bytes live. `cuda` devices are either real (the CUDA
// backend library loaded and a GPU answered) or simulated (host memory that
// follows cuda placement rules, for teaching and for CI on machines without a GPU).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace ss {

enum class DeviceType { CPU, CUDA };

struct Device {
  DeviceType type = DeviceType::CPU;
  int index = 0;  // always 0 for CPU
  bool operator==(const Device& o) const { return type == o.type && (type == DeviceType::CPU || index == o.index); }
  bool operator!=(const Device& o) const { return !(*this == o); }
  bool is_cpu() const { return type == DeviceType::CPU; }
  bool is_cuda() const { return type == DeviceType::CUDA; }
  // "cpu" or "cuda:N", as torch.device prints its str().
  std::string str() const { return is_cpu() ? "cpu" : "cuda:" + std::to_string(index); }
};

}  // namespace ss
