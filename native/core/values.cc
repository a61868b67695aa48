#include "values.h"

#include <algorithm>
#include <cstring>

#include "device_moves.h"
#include "elem_types.h"
#include "errors.h"
#include "layout.h"
#include "strided_loop.h"

namespace ss {

namespace {

HostType host_type_of(DType d) {
  switch (d) {
    case DType::Bool:
    case DType::UInt8: return HostType::U8;
    case DType::Int8: return HostType::I8;
    case DType::Int16: return HostType::I16;
    case DType::Int32: return HostType::I32;
    case DType::Int64: return HostType::I64;
    case DType::UInt16: return HostType::U16;
    case DType::UInt32: return HostType::U32;
    case DType::UInt64: return HostType::U64;
    case DType::Float16:
    case DType::BFloat16:
    case DType::Float32:
    case DType::Complex64: return HostType::F32;
    case DType::Float64:
    case DType::Complex128: return HostType::F64;
  }
  return HostType::F64;
}

// Raw element bytes of the window, densely in C order, from host or device memory.
std::vector<unsigned char> raw_window(const Array& a, const Shape& start, const Shape& shape) {
  const std::size_t item = a.itemsize();
  std::int64_t n = 1;
  for (auto s : shape) n *= s;
  std::vector<unsigned char> raw(static_cast<std::size_t>(n) * item);
  if (n == 0) return raw;
  if (!a.storage->device.is_cpu() && !a.storage->simulated) {
    read_window(a, start, shape, raw.data());  // the cuda backend copies device -> host
    return raw;
  }
  std::int64_t off = a.byte_offset;
  for (std::size_t i = 0; i < start.size(); ++i) off += start[i] * a.byte_strides[i];
  Shape dst_strides = layout::contiguous_strides(shape, static_cast<std::int64_t>(item));
  strided_for_each<2>(shape, {reinterpret_cast<char*>(raw.data()), a.storage->bytes() + off}, {&dst_strides, &a.byte_strides},
                      [&](const std::array<char*, 2>& p) { std::memcpy(p[0], p[1], item); });
  return raw;
}

// Negates the imaginary part of each native-order complex element in a dense buffer.
void negate_imag(DType dt, std::vector<unsigned char>& raw) {
  const std::size_t item = itemsize_of(dt), half = item / 2;
  for (std::size_t off = 0; off + item <= raw.size(); off += item) {
    if (half == 4) {
      float f;
      std::memcpy(&f, raw.data() + off + 4, 4);
      f = -f;
      std::memcpy(raw.data() + off + 4, &f, 4);
    } else {
      double d;
      std::memcpy(&d, raw.data() + off + 8, 8);
      d = -d;
      std::memcpy(raw.data() + off + 8, &d, 8);
    }
  }
}

}  // namespace

WindowData read_values(const Array& a, const Shape& start, const Shape& shape) {
  if (start.size() != a.sizes.size() || shape.size() != a.sizes.size())
    raise(PyExc::ValueError, "window: start and shape need one entry per dimension (" + std::to_string(a.ndim()) + ")");
  WindowData w;
  w.host_type = host_type_of(a.dtype);
  std::int64_t n = 1;
  Shape st = start;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (start[i] < 0 || shape[i] < 0) raise(PyExc::ValueError, "window: start and shape must be non-negative");
    st[i] = std::min(start[i], a.sizes[i]);
    w.shape.push_back(std::min(shape[i], a.sizes[i] - st[i]));
    n *= w.shape.back();
  }
  if (n > kMaxWindow) raise(PyExc::ValueError, "window: at most " + std::to_string(kMaxWindow) + " elements per read");
  std::vector<unsigned char> raw = raw_window(a, st, w.shape);
  const std::size_t item = a.itemsize();
  const bool swapped = a.byte_order == '>' || a.byte_order == '<';
  if (swapped) {
    const std::size_t part = is_complex(a.dtype) ? item / 2 : item;
    for (std::size_t off = 0; off < raw.size(); off += part) std::reverse(raw.begin() + off, raw.begin() + off + part);
  }
  if (a.conj && is_complex(a.dtype)) negate_imag(a.dtype, raw);  // values read through a conj view
  if (a.dtype == DType::Float16 || a.dtype == DType::BFloat16) {
    w.bytes.resize(static_cast<std::size_t>(n) * 4);
    for (std::int64_t i = 0; i < n; ++i) {
      std::uint16_t h;
      std::memcpy(&h, raw.data() + i * 2, 2);
      float f = a.dtype == DType::Float16 ? half_to_float(h) : bf16_to_float(h);
      std::memcpy(w.bytes.data() + i * 4, &f, 4);
    }
  } else {
    w.bytes = std::move(raw);  // bool is one byte 0/1; complex is already interleaved
  }
  return w;
}

Scalar item(const Array& a) {
  const std::int64_t n = a.numel();
  if (n != 1) {
    if (a.is_tensor())
      raise(PyExc::RuntimeError, "a Tensor with " + std::to_string(n) + " elements cannot be converted to Scalar");
    raise(PyExc::ValueError, "can only convert an array of size 1 to a Python scalar");
  }
  Shape start(a.sizes.size(), 0), shape(a.sizes.size(), 1);
  std::vector<unsigned char> raw = raw_window(a, start, shape);
  if (a.conj && is_complex(a.dtype)) negate_imag(a.dtype, raw);
  return load_scalar(a.dtype, raw.data(), a.byte_order == '>' || a.byte_order == '<');
}

}  // namespace ss
