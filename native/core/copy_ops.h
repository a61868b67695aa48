// Copies: every layout change goes through the cpu backend's strided_copy (same
// dtype) or the cast loop (dtype change), and is recorded in the OpReport.
#pragma once
#include <optional>
#include <string>

#include "array.h"

namespace ss {

enum class MemFormat { Contiguous, Preserve, ChannelsLast };
enum class Order { C, F, A, K };

// Writes src's values into dst (same shape; dtype cast as C does). Safe when they
// overlap (goes through a temporary). Reports the kernel and bytes.
void copy_into(const Array& dst, const Array& src, const std::string& reason);
// A new array of `kind`/`dtype` with the given byte strides holding src's values.
ArrayPtr copy_to_new(const Array& src, Kind kind, DType dtype, const Shape& byte_strides, const std::string& reason);
// Byte strides a new array gets for `order` ('A'/'K' look at src's layout).
Shape strides_for_order(const Array& src, Order order, DType dtype);
// A tensor's byte strides for memory_format `fmt` with `dtype`'s itemsize (clone, *_like).
Shape memory_format_strides(const Array& a, MemFormat fmt, DType dtype);

ArrayPtr clone(const ArrayPtr& a, MemFormat fmt);                    // Tensor.clone(memory_format)
ArrayPtr contiguous(const ArrayPtr& a, MemFormat fmt);               // Tensor.contiguous(): self when already so
ArrayPtr copy_order(const ArrayPtr& a, Order order);                 // ndarray.copy(order) / np.copy
ArrayPtr ascontiguousarray(const ArrayPtr& a, std::optional<DType> dtype);
ArrayPtr asfortranarray(const ArrayPtr& a, std::optional<DType> dtype);
ArrayPtr astype(const ArrayPtr& a, DType dtype, Order order, bool copy);  // ndarray.astype
// a.astype(np.dtype('>f8')): a copy stored in the given byte order ('<', '>' or '=').
ArrayPtr astype_byte_order(const ArrayPtr& a, DType dtype, char byte_order);
// a.view(a.dtype.newbyteorder(order)): the same bytes read in another byte order.
ArrayPtr view_byte_order(const ArrayPtr& a, char byte_order);
ArrayPtr to_dtype(const ArrayPtr& a, DType dtype, bool copy);
// PyTorch's conjugate bit (semantics.md §16, §19, §34).
ArrayPtr conj_view(const ArrayPtr& t);      // torch.conj: a view with the bit flipped (self if not complex)
ArrayPtr resolve_conj(const ArrayPtr& t);   // a copy with the bit cleared (self if not set)
ArrayPtr conj_physical(const ArrayPtr& t);  // a copy with conjugated values (self if not complex)
void conj_in_place(const Array& a);
ArrayPtr np_conj(const ArrayPtr& a, bool ufunc);  // ndarray.conj() (ufunc=false) / np.conjugate (true)         // negates the imaginary parts of a's elements              // Tensor.to(dtype)
ArrayPtr flip_copy(const ArrayPtr& a, const Shape& dims);  // torch.flip
ArrayPtr reshape(const ArrayPtr& a, const Shape& shape, Order order);
ArrayPtr ravel(const ArrayPtr& a, Order order);
ArrayPtr flatten(const ArrayPtr& a, Order order, std::int64_t start_dim, std::int64_t end_dim);

}  // namespace ss
