// Values leave the engine only as copies of bounded windows (Electron forbids
// external buffers), converted to what JS typed arrays hold: bool -> uint8,
// float16/bfloat16 -> float32, complex -> interleaved (re, im).
#pragma once
#include <vector>

#include "array.h"
#include "scalar.h"

namespace ss {

enum class HostType { U8, I8, I16, I32, I64, U16, U32, U64, F32, F64 };

struct WindowData {
  Shape shape;               // clipped window shape
  HostType host_type;
  std::vector<unsigned char> bytes;  // C order, host_type elements (x2 for complex)
};

// Largest window one call may copy out (elements).
constexpr std::int64_t kMaxWindow = std::int64_t(1) << 22;

WindowData read_values(const Array& a, const Shape& start, const Shape& shape);
// .item(): the only element (each library's error otherwise).
Scalar item(const Array& a);

}  // namespace ss
