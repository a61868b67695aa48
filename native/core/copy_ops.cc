#include "copy_ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "../backends/cpu/strided_copy.h"
#include "allocation.h"
#include "cancel.h"
#include "dims.h"
#include "elem_types.h"
#include "errors.h"
#include "fp_status.h"
#include "device_moves.h"
#include "flags.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "report.h"
#include "sharing.h"
#include "strided_loop.h"
#include "view_ops.h"

namespace ss {

namespace {

template <class T>
bool finite_value(const T& v) {
  if constexpr (is_cplx<T>::value) return std::isfinite(v.real()) && std::isfinite(v.imag());
  else if constexpr (is_half_like<T>::value) return std::isfinite(static_cast<float>(v));
  else if constexpr (std::is_floating_point_v<T>) return std::isfinite(v);
  else return true;
}

template <class T>
inline constexpr bool float_like = std::is_floating_point_v<T> || is_cplx<T>::value || is_half_like<T>::value;

// One cast, elementwise. Returns the floating-point errors NumPy's cast loop would raise:
// invalid for NaN or out-of-range values into an integer type, overflow for a finite value
// that becomes infinite in a narrower float type.
template <class D, class S>
int cast_loop(const Array& dst, const Array& src) {
  int bits = 0;
  strided_for_each<2>(dst.sizes, {dst.data_ptr(), src.data_ptr()}, {&dst.byte_strides, &src.byte_strides},
                      [&bits](const std::array<char*, 2>& p) {
                        S s;
                        std::memcpy(&s, p[1], sizeof(S));
                        D d;
                        if constexpr (std::is_integral_v<D> && !std::is_same_v<D, bool> && float_like<S>) {
                          double x;
                          if constexpr (is_cplx<S>::value) x = static_cast<double>(s.real());
                          else x = static_cast<double>(static_cast<std::conditional_t<is_half_like<S>::value, float, S>>(s));
                          bool invalid = false;
                          d = float_to_int<D>(x, invalid);
                          if (invalid) bits |= kFpInvalid;
                        } else {
                          d = cast_to<D>(s);
                          if constexpr (float_like<D> && !std::is_same_v<D, S>) {
                            if (!finite_value(d) && finite_value(s)) bits |= kFpOverflow;
                          }
                        }
                        std::memcpy(p[0], &d, sizeof(D));
                      });
  return bits;
}

int cast_copy(const Array& dst, const Array& src) {
  int bits = 0;
  SS_DISPATCH(dst.dtype, D, { SS_DISPATCH(src.dtype, S, bits = cast_loop<D, S>(dst, src)); });
  return bits;
}

// Swaps each element of a dense native copy in place (non-native byte order sources).
void swap_elements(const Array& a) {
  const std::size_t item = a.itemsize(), part = is_complex(a.dtype) ? item / 2 : item;
  strided_for_each<1>(a.sizes, {a.data_ptr()}, {&a.byte_strides}, [&](const std::array<char*, 1>& p) {
    for (std::size_t off = 0; off < item; off += part) std::reverse(p[0] + off, p[0] + off + part);
  });
}

// copy_ in ATen conjugates the destination after the copy when the bits differ
// (a conj view read into plain memory, or plain values written through a conj view).
bool conj_differs(const Array& dst, const Array& src) {
  return is_complex(dst.dtype) && dst.conj != (src.conj && is_complex(src.dtype));
}

}  // namespace

void conj_in_place(const Array& a) {
  if (!is_complex(a.dtype) || a.numel() == 0) return;
  const std::size_t half = a.itemsize() / 2;
  strided_for_each<1>(a.sizes, {a.data_ptr()}, {&a.byte_strides}, [&](const std::array<char*, 1>& p) {
    if (half == 4) {
      float f;
      std::memcpy(&f, p[0] + 4, 4);
      f = -f;
      std::memcpy(p[0] + 4, &f, 4);
    } else {
      double d;
      std::memcpy(&d, p[0] + 8, 8);
      d = -d;
      std::memcpy(p[0] + 8, &d, 8);
    }
  });
}

ArrayPtr conj_view(const ArrayPtr& t) {
  // aten/src/ATen/native/UnaryOps.cpp conj / _conj: non-complex tensors are returned
  // as they are; complex ones alias with the conj bit flipped.
  if (!t->is_tensor() || !is_complex(t->dtype)) return t;
  auto v = derive_view(t, t->sizes, t->byte_strides, t->byte_offset);
  v->conj = !t->conj;
  return v;
}

ArrayPtr resolve_conj(const ArrayPtr& t) {
  // resolve_conj: self when the bit is clear, else empty_like (bit cleared) + copy_.
  if (!t->conj) return t;
  return clone(t, MemFormat::Preserve);
}

ArrayPtr conj_physical(const ArrayPtr& t) {
  // conj_physical: self for non-complex; _conj_physical copies conjugated values
  // (for a conj view: self.conj().clone(), the stored values).
  if (!t->is_tensor() || !is_complex(t->dtype)) return t;
  return clone(conj_view(t), MemFormat::Preserve);
}

ArrayPtr np_conj(const ArrayPtr& a, bool ufunc) {
  // NumPy has no bit: ndarray.conj() of a non-complex array is the array itself
  // (PyArray_Conjugate); the np.conjugate ufunc always writes a new native-order array.
  if (!ufunc && !is_complex(a->dtype)) return a;
  auto out = copy_to_new(*a, Kind::NDArray, a->dtype, strides_for_order(*a, Order::K, a->dtype), "conjugate");
  conj_in_place(*out);
  return out;
}

void copy_into(const Array& dst, const Array& src, const std::string& reason) {
  if (dst.numel() == 0) return;
  check_host_accessible(src, "copying");
  check_host_accessible(dst, "copying");
  if (may_share_memory(dst, src)) {
    // a[1:] = a[:-1]: read everything before writing anything.
    auto tmp = copy_to_new(src, src.kind, src.dtype, layout::contiguous_strides(src.sizes, src.itemsize()), reason);
    copy_into(dst, *tmp, reason);
    return;
  }
  auto is_swapped = [](const Array& x) { return x.byte_order == '>' || x.byte_order == '<'; };
  const bool swapped = is_swapped(src);
  const bool same_order = is_swapped(src) == is_swapped(dst) && (!swapped || src.byte_order == dst.byte_order);
  if (dst.dtype == src.dtype && same_order) {
    cpu::CopyOptions opt;
    opt.stop = cancel_flag();  // Stop / Ctrl-C reach a long copy between chunks
    auto r = cpu::strided_copy(dst.data_ptr(), dst.byte_strides.data(), src.data_ptr(), src.byte_strides.data(),
                               dst.sizes.data(), dst.ndim(), dst.itemsize(), opt);
    if (r.stopped) {
      check_cancel();  // raises KeyboardInterrupt (consuming a Stop request)
      raise(PyExc::KeyboardInterrupt, "");
    }
    if (conj_differs(dst, src)) conj_in_place(dst);
    report_copy(r.kernel, r.bytes, reason, r.threads);
    return;
  }
  if (is_swapped(dst)) {
    // Values in the native order first, then swapped into place.
    auto tmp = copy_to_new(src, dst.kind, dst.dtype, layout::contiguous_strides(src.sizes, dst.itemsize()), reason);
    swap_elements(*tmp);
    tmp->byte_order = dst.byte_order;
    copy_into(dst, *tmp, reason);
    return;
  }
  if (swapped) {
    Array native = src;
    native.byte_order = '=';
    auto tmp = copy_to_new(native, src.kind, src.dtype, layout::contiguous_strides(src.sizes, src.itemsize()), reason);
    swap_elements(*tmp);
    copy_into(dst, *tmp, reason);
    return;
  }
  // NumPy's cast from complex to a real type warns before it runs (PyTorch warns once per process; not here).
  if (!dst.is_tensor() && is_complex(src.dtype) && !is_complex(dst.dtype)) {
    report_warning("ComplexWarning", "Casting complex values to real discards the imaginary part");
  }
  const int fp = cast_copy(dst, src);
  if (conj_differs(dst, src)) conj_in_place(dst);
  report_copy("cast-loop", static_cast<std::size_t>(dst.nbytes()), reason);
  // NumPy warns per np.errstate ("invalid value encountered in cast"); PyTorch says nothing.
  if (!dst.is_tensor()) report_fp_errors("cast", fp);
}

ArrayPtr copy_to_new(const Array& src, Kind kind, DType dtype, const Shape& byte_strides, const std::string& reason) {
  check_host_accessible(src, "copying");
  // The copy lives where the source lives (a simulated cuda tensor's copy stays on cuda).
  auto out = new_array_on(*src.storage, kind, dtype, src.sizes, byte_strides);
  copy_into(*out, src, reason);
  return out;
}

Shape strides_for_order(const Array& src, Order order, DType dtype) {
  const auto item = static_cast<std::int64_t>(itemsize_of(dtype));
  const bool numpy = !src.is_tensor();
  auto fresh = [&](bool fortran) {
    return numpy ? layout::numpy_new_strides(src.sizes, item, fortran)
                 : (fortran ? layout::fortran_strides(src.sizes, item) : layout::contiguous_strides(src.sizes, item));
  };
  switch (order) {
    case Order::C: return fresh(false);
    case Order::F: return fresh(true);
    case Order::A: return fresh(f_contiguous(src) && !c_contiguous(src));
    case Order::K:
      if (c_contiguous(src)) return fresh(false);
      if (f_contiguous(src)) return fresh(true);
      // Keep the source axis order (strides sorted by magnitude), densely.
      return layout::numpy_keep_order_strides(src.sizes, src.byte_strides, item);
  }
  return fresh(false);
}

Shape memory_format_strides(const Array& a, MemFormat fmt, DType dtype) {
  const auto item = static_cast<std::int64_t>(itemsize_of(dtype));
  Shape el;
  switch (fmt) {
    case MemFormat::Contiguous: el = layout::contiguous_strides(a.sizes); break;
    case MemFormat::ChannelsLast:
      if (a.ndim() != 4) raise(PyExc::RuntimeError, "required rank 4 tensor to use channels_last format");
      el = layout::channels_last_strides(a.sizes);
      break;
    case MemFormat::Preserve: {
      // NOTE aten/src/ATen/native/TensorFactories.cpp empty_like (preserve): dense
      // non-overlapping inputs keep their strides, others get infer_dense_strides.
      Shape es = a.elem_strides();
      el = strides_are_multiples(a) && layout::is_non_overlapping_and_dense(a.sizes, es)
               ? es
               : layout::infer_dense_strides(a.sizes, es);
      break;
    }
  }
  for (auto& s : el) s *= item;
  return el;
}

namespace {

Shape tensor_format_strides(const Array& a, MemFormat fmt) { return memory_format_strides(a, fmt, a.dtype); }

}  // namespace

namespace {

// Device tensors are copied by the cuda backend, with the same layout rules.
ArrayPtr clone_device(const ArrayPtr& a, const Shape& byte_strides) {
  Shape el = byte_strides;
  for (auto& s : el) s /= static_cast<std::int64_t>(a->itemsize());
  return clone_on_device(a, el);
}

}  // namespace

ArrayPtr clone(const ArrayPtr& a, MemFormat fmt) {
  if (!a->storage->device.is_cpu()) return clone_device(a, tensor_format_strides(*a, fmt));
  auto out = copy_to_new(*a, a->kind, a->dtype, tensor_format_strides(*a, fmt), "clone");
  out->requires_grad = records_history(a->requires_grad, a->dtype);
  return out;
}

ArrayPtr contiguous(const ArrayPtr& a, MemFormat fmt) {
  // ATen contiguous: self when already laid out so (is_contiguous(preserve_format) is the default
  // contiguity); only then does preserve_format fail.
  bool already = fmt == MemFormat::ChannelsLast ? channels_last_contiguous(*a) : (strides_are_multiples(*a) && c_contiguous(*a));
  if (already) return a;  // semantics.md §63: returns self
  if (fmt == MemFormat::Preserve)
    raise(PyExc::RuntimeError, "preserve memory format is unsupported by the contiguous operator");
  if (!a->storage->device.is_cpu()) return clone_device(a, tensor_format_strides(*a, fmt));
  auto out = copy_to_new(*a, a->kind, a->dtype, tensor_format_strides(*a, fmt), "non-contiguous source");
  out->requires_grad = records_history(a->requires_grad, a->dtype);
  return out;
}

ArrayPtr copy_order(const ArrayPtr& a, Order order) {
  // A copy keeps the dtype, byte order included (np.copy of a '>f8' array is '>f8').
  auto out = new_array_on(*a->storage, a->kind, a->dtype, a->sizes, strides_for_order(*a, order, a->dtype));
  out->byte_order = a->byte_order;
  copy_into(*out, *a, "copy");
  return out;
}

namespace {

ArrayPtr as_layout_array(const ArrayPtr& a, std::optional<DType> dtype, bool fortran) {
  DType dt = dtype.value_or(a->dtype);
  check_dtype_supported(Kind::NDArray, dt);
  ArrayPtr src = a;
  if (a->ndim() == 0) {
    // ndmin=1: a 0-d input becomes a (1,) view before the layout check.
    src = derive_view(a, {1}, {static_cast<std::int64_t>(a->itemsize())}, a->byte_offset);
  }
  const bool swapped = a->byte_order == '>' || a->byte_order == '<';
  bool ok = dt == a->dtype && !(dtype && swapped) && (fortran ? f_contiguous(*src) : c_contiguous(*src)) && aligned(*src);
  if (ok) return src;
  return copy_to_new(*src, Kind::NDArray, dt, strides_for_order(*src, fortran ? Order::F : Order::C, dt),
                     dt != a->dtype ? "dtype change" : "non-contiguous source");
}

}  // namespace

ArrayPtr ascontiguousarray(const ArrayPtr& a, std::optional<DType> dtype) { return as_layout_array(a, dtype, false); }
ArrayPtr asfortranarray(const ArrayPtr& a, std::optional<DType> dtype) { return as_layout_array(a, dtype, true); }

ArrayPtr astype(const ArrayPtr& a, DType dtype, Order order, bool copy) {
  check_dtype_supported(a->kind, dtype);
  if (!copy && dtype == a->dtype && a->byte_order != '>' && a->byte_order != '<') {
    bool fits = order == Order::K || order == Order::A ? true : order == Order::C ? c_contiguous(*a) : f_contiguous(*a);
    if (fits) return a;
  }
  return copy_to_new(*a, a->kind, dtype, strides_for_order(*a, order, dtype), dtype != a->dtype ? "dtype change" : "copy");
}

namespace {

// '=' for the machine's order, '>' / '<' when it is the other one, '|' for 1-byte types.
char normalize_order(DType dtype, char order) {
  if (itemsize_of(dtype) == 1) return '|';
  const std::uint16_t probe = 1;
  const bool little = *reinterpret_cast<const unsigned char*>(&probe) == 1;
  if (order == '=' || order == '|' || (order == '<' && little) || (order == '>' && !little)) return '=';
  if (order == '<' || order == '>') return order;
  raise(PyExc::ValueError, std::string("byte order must be one of '<', '>', '=' or '|' (got '") + order + "')");
}

}  // namespace

ArrayPtr astype_byte_order(const ArrayPtr& a, DType dtype, char byte_order) {
  if (a->is_tensor()) raise(PyExc::TypeError, "tensors are always in native byte order");
  char bo = normalize_order(dtype, byte_order);
  auto out = astype(a, dtype, Order::K, true);
  if (bo != '=' && bo != '|') {
    swap_elements(*out);
    out->byte_order = bo;
  }
  return out;
}

ArrayPtr view_byte_order(const ArrayPtr& a, char byte_order) {
  if (a->is_tensor()) raise(PyExc::TypeError, "tensors are always in native byte order");
  auto v = derive_view(a, a->sizes, a->byte_strides, a->byte_offset);
  v->byte_order = normalize_order(a->dtype, byte_order);
  return v;
}

ArrayPtr to_dtype(const ArrayPtr& a, DType dtype, bool copy) {
  if (!copy && dtype == a->dtype) return a;  // semantics.md §66
  // §67: _to_copy keeps a dense input's strides (preserve_format).
  Shape st = tensor_format_strides(*a, MemFormat::Preserve);
  const auto oi = static_cast<std::int64_t>(a->itemsize()), ni = static_cast<std::int64_t>(itemsize_of(dtype));
  for (auto& s : st) s = s / oi * ni;
  auto out = copy_to_new(*a, a->kind, dtype, st, dtype != a->dtype ? "dtype change" : "copy=True");
  out->requires_grad = records_history(a->requires_grad, dtype);
  return out;
}

ArrayPtr flip_copy(const ArrayPtr& a, const Shape& dims) {
  // torch.flip always copies (semantics.md §57); output layout as empty_like(preserve).
  // Dims wrap as in at::dim_list_to_bitset: a 0-d tensor takes dim 0 and -1 (and flips nothing).
  const std::int64_t nd = a->ndim();
  std::vector<bool> seen(static_cast<std::size_t>(std::max<std::int64_t>(nd, 1)), false);
  std::vector<std::int64_t> wrapped;
  for (auto d : dims) {
    auto w = torch_wrap_dim(d, nd);
    if (seen[static_cast<std::size_t>(w)])
      raise(PyExc::RuntimeError, "dim " + std::to_string(w) + " appears multiple times in the list of dims");
    seen[static_cast<std::size_t>(w)] = true;
    if (w < nd) wrapped.push_back(w);
  }
  Array src = *a;
  for (auto d : wrapped) {
    if (src.sizes[d] > 0) src.byte_offset += (src.sizes[d] - 1) * src.byte_strides[d];
    src.byte_strides[d] = -src.byte_strides[d];
  }
  check_host_accessible(*a, "flip");
  auto out = new_array_on(*a->storage, a->kind, a->dtype, a->sizes, tensor_format_strides(*a, MemFormat::Preserve));
  copy_into(*out, src, "flip");
  out->requires_grad = records_history(a->requires_grad, a->dtype);
  return out;
}

ArrayPtr reshape(const ArrayPtr& a, const Shape& shape, Order order) {
  const bool fortran = order == Order::F;
  if (auto v = reshape_view(a, shape, fortran)) return *v;
  auto sz = infer_shape(*a, shape);
  if (a->is_tensor()) {
    // semantics.md §47: _unsafe_view(clone(contiguous)): a C-strided copy.
    auto c = copy_to_new(*a, a->kind, a->dtype, layout::contiguous_strides(a->sizes, a->itemsize()), "reshape needs a copy");
    auto out = derive_view(c, sz, layout::contiguous_strides(sz, a->itemsize()), 0);
    out->base = nullptr;
    out->owns_data = true;
    return out;
  }
  // numpy PyArray_Newshape: copy in `order`, then view it (the copy becomes .base).
  auto c = copy_to_new(*a, a->kind, a->dtype, strides_for_order(*a, fortran ? Order::F : Order::C, a->dtype), "reshape needs a copy");
  const auto item = static_cast<std::int64_t>(a->itemsize());
  return derive_view(c, sz, fortran ? layout::fortran_strides(sz, item) : layout::contiguous_strides(sz, item), 0);
}

namespace {

// A new 1-d array of a's values read in `order` (C, F or K).
ArrayPtr copy_flat(const ArrayPtr& a, Order order, const std::string& reason) {
  const auto item = static_cast<std::int64_t>(a->itemsize());
  auto out = new_array(a->kind, a->dtype, {a->numel()});
  Array dst = *out;  // the same bytes seen with a's shape, laid out in `order`
  dst.sizes = a->sizes;
  dst.byte_strides = strides_for_order(*a, order, a->dtype);
  (void)item;
  copy_into(dst, *a, reason);
  return out;
}

Order resolve_any(const Array& a, Order order) {
  if (order == Order::A) return f_contiguous(a) && !c_contiguous(a) ? Order::F : Order::C;
  return order;
}

}  // namespace

ArrayPtr ravel(const ArrayPtr& a, Order order) {
  const std::int64_t n = a->numel();
  if (a->is_tensor()) {
    // torch.ravel: contiguous().view(-1)
    return view_shape(contiguous(a, MemFormat::Contiguous), {-1});
  }
  const auto item = static_cast<std::int64_t>(a->itemsize());
  order = resolve_any(*a, order);
  if ((order == Order::C && c_contiguous(*a)) || (order == Order::F && f_contiguous(*a)))
    return derive_view(a, {n}, {item}, a->byte_offset);
  if (order == Order::K) {
    // numpy PyArray_Ravel: a view when the strides sorted by size form a dense, positive run.
    std::vector<std::size_t> perm(a->sizes.size());
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::stable_sort(perm.begin(), perm.end(), [&](std::size_t x, std::size_t y) {
      return std::llabs(a->byte_strides[x]) > std::llabs(a->byte_strides[y]);
    });
    std::int64_t stride = item;
    bool dense = true;
    for (std::size_t k = perm.size(); k-- > 0;) {
      if (a->sizes[perm[k]] == 1) continue;
      if (a->byte_strides[perm[k]] != stride) {
        dense = false;
        break;
      }
      stride *= a->sizes[perm[k]];
    }
    if (dense) return derive_view(a, {n}, {item}, a->byte_offset);
  }
  return copy_flat(a, order, "ravel needs a copy");
}

ArrayPtr flatten(const ArrayPtr& a, Order order, std::int64_t start_dim, std::int64_t end_dim) {
  // ndarray.flatten always copies.
  if (!a->is_tensor()) return copy_flat(a, resolve_any(*a, order), "flatten copies");
  // NOTE aten/src/ATen/native/TensorShape.cpp flatten
  if (a->ndim() == 0) return reshape(a, {1}, Order::C);
  std::int64_t s = torch_wrap_dim(start_dim, a->ndim()), e = torch_wrap_dim(end_dim, a->ndim());
  if (s > e) raise(PyExc::RuntimeError, "flatten() has invalid args: start_dim cannot come after end_dim");
  if (s == e) return a;
  std::vector<std::int64_t> shape;
  for (std::int64_t i = 0; i < s; ++i) shape.push_back(a->sizes[i]);
  std::int64_t prod = 1;
  for (std::int64_t i = s; i <= e; ++i) prod *= a->sizes[i];
  shape.push_back(prod);
  for (std::int64_t i = e + 1; i < a->ndim(); ++i) shape.push_back(a->sizes[i]);
  return reshape(a, shape, Order::C);
}

}  // namespace ss
