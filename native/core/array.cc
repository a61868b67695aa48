#include "array.h"

#include <atomic>

#include "checked_math.h"
#include "errors.h"
#include "grad_mode.h"
#include "layout.h"
#include "view_parts.h"

namespace ss {

namespace {
// NumPy's text for a shape whose bytes do not fit in an intp.
const char* const kTooBig = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";
}  // namespace

std::int64_t Array::numel() const {
  // An empty array is empty whatever its other sizes (a (0, 2**62, 2**62) view has 0 elements).
  for (auto s : sizes)
    if (s == 0) return 0;
  std::int64_t n = 1;
  for (auto s : sizes)
    if (!checked_mul(n, s, &n)) raise(PyExc::ValueError, kTooBig);
  return n;
}

std::int64_t Array::nbytes() const {
  std::int64_t n;
  if (!checked_mul(numel(), static_cast<std::int64_t>(itemsize()), &n)) raise(PyExc::ValueError, kTooBig);
  return n;
}

Shape Array::elem_strides() const {
  Shape out(sizes.size());
  const auto item = static_cast<std::int64_t>(itemsize());
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    // Floor division keeps negative NumPy strides exact when they are multiples.
    std::int64_t b = byte_strides[i];
    out[i] = b >= 0 ? b / item : -((-b + item - 1) / item);
  }
  return out;
}

std::uint64_t next_array_id() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

void init_view(Array& a, Kind kind, DType dtype, StoragePtr&& storage, Shape&& sizes, Shape&& byte_strides,
               std::int64_t byte_offset) {
  a.id = next_array_id();
  a.kind = kind;
  a.dtype = dtype;
  a.storage = std::move(storage);
  a.sizes = std::move(sizes);
  a.byte_strides = std::move(byte_strides);
  a.byte_offset = byte_offset;
  a.byte_order = itemsize_of(dtype) == 1 ? '|' : '=';
}

ArrayPtr make_view(Kind kind, DType dtype, StoragePtr storage, Shape sizes, Shape byte_strides,
                   std::int64_t byte_offset) {
  auto a = std::make_shared<Array>();
  init_view(*a, kind, dtype, std::move(storage), std::move(sizes), std::move(byte_strides), byte_offset);
  return a;
}

ArrayPtr derive_view(const ArrayPtr& src, Shape sizes, Shape byte_strides, std::int64_t byte_offset) {
  if (!src->is_tensor()) {
    if (static_cast<std::int64_t>(sizes.size()) > kMaxDims)
      raise(PyExc::ValueError, "maximum supported dimension for an ndarray is currently " + std::to_string(kMaxDims) +
                                   ", found " + std::to_string(sizes.size()));
    if (!layout::numpy_size_fits(sizes, static_cast<std::int64_t>(itemsize_of(src->dtype)))) raise(PyExc::ValueError, kTooBig);
  }
  // A view (stride 0 or not) must still have a countable number of bytes.
  auto numel = layout::checked_numel(sizes);
  std::int64_t nbytes;
  if (!numel || __builtin_mul_overflow(*numel, static_cast<std::int64_t>(itemsize_of(src->dtype)), &nbytes)) {
    if (src->is_tensor()) raise(PyExc::RuntimeError, "Storage size calculation overflowed with sizes=" + layout::torch_list(sizes));
    raise(PyExc::ValueError, kTooBig);
  }
  auto a = std::make_shared<Array>();
  init_derived_view(*a, src, std::move(sizes), std::move(byte_strides), byte_offset);
  return a;
}

void init_derived_view(Array& a, const ArrayPtr& src, Shape&& sizes, Shape&& byte_strides, std::int64_t byte_offset) {
  init_view(a, src->kind, src->dtype, StoragePtr(src->storage), std::move(sizes), std::move(byte_strides), byte_offset);
  a.writeable = src->writeable;
  // A view keeps requires_grad in either grad mode; one made under no_grad records no
  // history, so it is a leaf (is_leaf True, grad_fn None), as PyTorch's views then are.
  a.requires_grad = src->requires_grad;
  a.grad_leaf = src->requires_grad && !grad_enabled();
  a.conj = src->conj;
  a.neg = src->neg;
  a.byte_order = src->byte_order;
  a.owns_data = false;
  // NumPy collapses .base chains to the object that owns the memory, stopping at a base of
  // another type (t.numpy()[1:].base is the array, not the tensor behind it).
  a.base = src->owns_data || !src->base || src->base->kind != src->kind ? src : src->base;
}

}  // namespace ss
