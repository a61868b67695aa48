#include "flags.h"

#include <cstdint>

#include "layout.h"

namespace ss {

bool c_contiguous(const Array& a) {
  return layout::numpy_c_contiguous(a.sizes, a.byte_strides, static_cast<std::int64_t>(a.itemsize()));
}

bool f_contiguous(const Array& a) {
  return layout::numpy_f_contiguous(a.sizes, a.byte_strides, static_cast<std::int64_t>(a.itemsize()));
}

bool channels_last_contiguous(const Array& a) {
  return strides_are_multiples(a) && layout::torch_is_channels_last_contiguous(a.sizes, a.elem_strides());
}

bool aligned(const Array& a) {
  // NumPy's alignment for complex is that of its component; bool/int8 always aligned.
  std::int64_t align = static_cast<std::int64_t>(is_complex(a.dtype) ? a.itemsize() / 2 : a.itemsize());
  if (align <= 1) return true;
  if (reinterpret_cast<std::uintptr_t>(a.data_ptr()) % align) return false;
  for (std::size_t i = 0; i < a.sizes.size(); ++i)
    if (a.sizes[i] > 1 && a.byte_strides[i] % align) return false;
  return true;
}

bool strides_are_multiples(const Array& a) {
  const auto item = static_cast<std::int64_t>(a.itemsize());
  for (auto s : a.byte_strides)
    if (s % item) return false;
  return a.byte_offset % item == 0;
}

}  // namespace ss
