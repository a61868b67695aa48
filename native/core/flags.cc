#include "flags.h"

#include <cstdint>

#include "errors.h"
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

namespace {

// NOTE numpy/_core/src/multiarray/arrayobject.c _IsWriteable: an array that owns its memory
// may always be made writeable; a view may when some array on its base chain is writeable,
// or, at the end of the chain, when the owner's memory (or the buffer object) is writable.
bool may_become_writeable(const Array& a) {
  if (a.owns_data) return true;
  const Array* ap = &a;
  while (ap->base) {
    ap = ap->base.get();
    if (ap->is_tensor()) return false;  // t.numpy(): the base is a Tensor, which exports no writable buffer
    if (ap->writeable) return true;
    if (ap->owns_data) return false;
  }
  return ap->buffer_writeable;
}

}  // namespace

void set_writeable(Array& a, bool on) {
  if (a.is_tensor()) raise(PyExc::AttributeError, "'Tensor' object has no attribute 'flags'");
  if (on && !a.writeable && !may_become_writeable(a)) raise(PyExc::ValueError, "cannot set WRITEABLE flag to True of this array");
  a.writeable = on;
}

bool strides_are_multiples(const Array& a) {
  const auto item = static_cast<std::int64_t>(a.itemsize());
  for (auto s : a.byte_strides)
    if (s % item) return false;
  return a.byte_offset % item == 0;
}

}  // namespace ss
