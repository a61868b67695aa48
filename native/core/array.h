// The object the user sees: a NumPy ndarray or a PyTorch tensor, as a view
// (dtype, sizes, strides, offset) onto a shared Storage (c10's TensorImpl).
//
// INVARIANT: byte strides and the byte offset are the ground truth. NumPy may
// have strides that are not multiples of the itemsize (and negative ones);
// tensor element strides are derived and exact for tensors.
// INVARIANT: every addressed byte lies in [0, storage->nbytes): checked by
// layout::check_bounds before any Array is made from user-given strides.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "dtype.h"
#include "shape.h"
#include "storage.h"

namespace ss {

enum class Kind : std::uint8_t { NDArray, Tensor };

struct Array {
  std::uint64_t id = 0;  // stable engine id
  Kind kind = Kind::NDArray;
  DType dtype = DType::Float64;
  StoragePtr storage;
  Shape sizes;
  Shape byte_strides;
  std::int64_t byte_offset = 0;  // from storage->data to element 0

  bool writeable = true;       // NumPy WRITEABLE flag (tensors: always true)
  bool requires_grad = false;  // tensors only
  bool grad_leaf = false;      // requires_grad was set by the user (an autograd leaf)
  bool conj = false;           // tensor conjugate bit
  bool neg = false;            // tensor negative bit
  char byte_order = '=';       // '=' native, '>' / '<' swapped, '|' not applicable
  // NumPy's .base: the object whose memory this array views (collapsed to the
  // owner as NumPy does), or a hidden alias (t.numpy()'s base). Null when owning.
  std::shared_ptr<Array> base;
  bool owns_data = true;  // NumPy OWNDATA
  // For an ndarray over memory it neither owns nor views through another array (np.frombuffer,
  // np.load(mmap_mode=...)): whether that buffer may be written, which decides whether
  // WRITEABLE may be set back to True (NumPy's _IsWriteable asks the buffer object).
  bool buffer_writeable = false;

  int ndim() const { return static_cast<int>(sizes.size()); }
  std::size_t itemsize() const { return itemsize_of(dtype); }
  std::int64_t numel() const;
  std::int64_t nbytes() const;
  // The address of element 0. An empty view may sit at any offset (t.as_strided((0,), (1,), 2**61)),
  // so the sum is taken on integers: it is only dereferenced for views inside the storage.
  char* data_ptr() const {
    return reinterpret_cast<char*>(reinterpret_cast<std::uintptr_t>(storage->bytes()) + static_cast<std::uintptr_t>(byte_offset));
  }
  bool is_tensor() const { return kind == Kind::Tensor; }
  // Element strides / offset; exact for tensors, floor-divided for odd NumPy strides.
  Shape elem_strides() const;
  std::int64_t elem_offset() const { return byte_offset / static_cast<std::int64_t>(itemsize()); }
};
using ArrayPtr = std::shared_ptr<Array>;

/** NumPy's NPY_MAXDIMS: no ndarray has more dimensions. */
constexpr std::int64_t kMaxDims = 64;

std::uint64_t next_array_id();

// A new Array with a fresh id viewing `storage`. Callers have checked bounds.
ArrayPtr make_view(Kind kind, DType dtype, StoragePtr storage, Shape sizes, Shape byte_strides,
                   std::int64_t byte_offset);

// A view derived from `src` (same storage, kind, flags; NumPy base set to src's owner).
ArrayPtr derive_view(const ArrayPtr& src, Shape sizes, Shape byte_strides, std::int64_t byte_offset);

}  // namespace ss
