#include "view_ops.h"

#include <algorithm>

#include "checked_math.h"
#include "creation.h"
#include "dims.h"
#include "errors.h"
#include "flags.h"
#include "layout.h"
#include "report.h"

namespace ss {

namespace {

ArrayPtr permuted(const ArrayPtr& a, const Dims& perm) {
  Shape sz, st;
  sz.reserve(perm.size());
  st.reserve(perm.size());
  for (auto p : perm) {
    sz.push_back(a->sizes[p]);
    st.push_back(a->byte_strides[p]);
  }
  return derive_view(a, std::move(sz), std::move(st), a->byte_offset);
}

ArrayPtr readonly(ArrayPtr v) {
  v->writeable = false;
  return v;
}

}  // namespace

ArrayPtr permute(const ArrayPtr& a, const Dims& dims) {
  const std::int64_t n = a->ndim();
  if (a->is_tensor()) {
    // aten/src/ATen/native/TensorShape.cpp permute
    if (static_cast<std::int64_t>(dims.size()) != n) {
      raise(PyExc::RuntimeError,
            "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired "
            "ordering of dimensions i.e. input.dim() = " + std::to_string(n) + " is not equal to len(dims) = " +
                std::to_string(dims.size()));
    }
    Dims perm;
    std::vector<bool> seen(n, false);
    for (auto d : dims) {
      auto w = torch_wrap_dim(d, n);
      if (seen[w]) raise(PyExc::RuntimeError, "permute(): duplicate dims are not allowed.");
      seen[w] = true;
      perm.push_back(w);
    }
    return permuted(a, perm);
  }
  if (static_cast<std::int64_t>(dims.size()) != n) raise(PyExc::ValueError, "axes don't match array");
  Dims perm;
  std::vector<bool> seen(n, false);
  for (auto d : dims) {
    auto w = numpy_wrap_axis(d, n);
    if (seen[w]) raise(PyExc::ValueError, "repeated axis in transpose");
    seen[w] = true;
    perm.push_back(w);
  }
  return permuted(a, perm);
}

ArrayPtr transpose(const ArrayPtr& a, const Dims& dims) {
  if (!a->is_tensor()) {
    if (dims.empty()) {
      Dims rev(a->ndim());
      for (int i = 0; i < a->ndim(); ++i) rev[i] = a->ndim() - 1 - i;
      return permuted(a, rev);
    }
    return permute(a, dims);
  }
  if (dims.size() != 2) {
    raise(PyExc::TypeError, "transpose() received an invalid combination of arguments - expected (int dim0, int dim1)");
  }
  return swapaxes(a, dims[0], dims[1]);
}

ArrayPtr swapaxes(const ArrayPtr& a, std::int64_t d0, std::int64_t d1) {
  const std::int64_t n = a->ndim();
  std::int64_t i, j;
  if (a->is_tensor()) {
    i = torch_wrap_dim(d0, n);
    j = torch_wrap_dim(d1, n);
    if (n == 0) return derive_view(a, a->sizes, a->byte_strides, a->byte_offset);
  } else {
    i = numpy_wrap_axis(d0, n, "axis1: ");
    j = numpy_wrap_axis(d1, n, "axis2: ");
  }
  Dims perm(n);
  for (std::int64_t k = 0; k < n; ++k) perm[k] = k;
  std::swap(perm[i], perm[j]);
  return permuted(a, perm);
}

ArrayPtr T(const ArrayPtr& a) {
  const int n = a->ndim();
  if (a->is_tensor() && n != 0 && n != 2) {
    // aten/src/ATen/native/TensorShape.cpp numpy_T: deprecated for ndim not 0 or 2 (semantics.md §49).
    report_warning("UserWarning",
                   "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will "
                   "throw an error in a future release. Consider `x.mT` to transpose batches of matrices or "
                   "`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor.");
  }
  Dims rev(n);
  for (int i = 0; i < n; ++i) rev[i] = n - 1 - i;
  return permuted(a, rev);
}

ArrayPtr mT(const ArrayPtr& a) {
  if (a->ndim() < 2) {
    if (a->is_tensor())
      raise(PyExc::RuntimeError, "tensor.mT is only supported on matrices or batches of matrices. Got " +
                                     std::to_string(a->ndim()) + "-D tensor.");
    raise(PyExc::ValueError, "matrix transpose with ndim < 2 is undefined");
  }
  return swapaxes(a, -2, -1);
}

ArrayPtr t(const ArrayPtr& a) {
  if (a->ndim() > 2)
    raise(PyExc::RuntimeError, "t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(a->ndim()) + "D");
  if (a->ndim() < 2) return derive_view(a, a->sizes, a->byte_strides, a->byte_offset);
  return swapaxes(a, 0, 1);
}

ArrayPtr expand(const ArrayPtr& a, const Dims& sizes) {
  // NOTE aten/src/ATen/ExpandUtils.cpp inferExpandGeometry (semantics.md §51).
  const std::int64_t n = a->ndim(), m = static_cast<std::int64_t>(sizes.size());
  if (m < n) {
    raise(PyExc::RuntimeError, "expand(" + torch_legacy_type(a->dtype) + "{" + layout::torch_list(a->sizes) +
                                   "}, size=" + layout::torch_list(sizes) +
                                   "): the number of sizes provided (" + std::to_string(m) +
                                   ") must be greater or equal to the number of dimensions in the tensor (" +
                                   std::to_string(n) + ")");
  }
  Shape sz(m), st(m);
  for (std::int64_t i = m - 1; i >= 0; --i) {
    std::int64_t off = n - m + i;
    std::int64_t size = off >= 0 ? a->sizes[off] : 1;
    std::int64_t stride = off >= 0 ? a->byte_strides[off] : (i + 1 < m ? sz[i + 1] * st[i + 1] : static_cast<std::int64_t>(a->itemsize()));
    std::int64_t target = sizes[i];
    if (target == -1) {
      if (off < 0)
        raise(PyExc::RuntimeError, "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension " +
                                       std::to_string(i));
      target = size;
    }
    if (size != target) {
      if (size != 1)
        raise(PyExc::RuntimeError, "The expanded size of the tensor (" + std::to_string(target) +
                                       ") must match the existing size (" + std::to_string(size) +
                                       ") at non-singleton dimension " + std::to_string(i) + ".  Target sizes: " +
                                       layout::torch_list(sizes) + ".  Tensor sizes: " + layout::torch_list(a->sizes));
      if (target < 0)
        raise(PyExc::RuntimeError, "Trying to create tensor with negative dimension " + std::to_string(target) + ": " +
                                       layout::torch_list(sizes));
      stride = 0;
    }
    sz[i] = target;
    st[i] = stride;
  }
  return derive_view(a, sz, st, a->byte_offset);
}

ArrayPtr broadcast_to(const ArrayPtr& a, const Dims& shape) {
  if (a->is_tensor()) return expand(a, shape);
  for (auto s : shape)
    if (s < 0) raise(PyExc::ValueError, "all elements of broadcast shape must be non-negative");
  const std::int64_t n = a->ndim(), m = static_cast<std::int64_t>(shape.size());
  if (m < n) raise(PyExc::ValueError, "input operand has more dimensions than allowed by the axis remapping");
  Shape st(m);
  for (std::int64_t i = 0; i < m; ++i) {
    std::int64_t off = n - m + i;
    if (off < 0) {
      st[i] = 0;
      continue;
    }
    // nditer (npyiter_fill_axisdata) gives every size-1 operand axis stride 0, broadcast or not.
    if (a->sizes[off] == 1) st[i] = 0;
    else if (a->sizes[off] == shape[i]) st[i] = a->byte_strides[off];
    else {
      std::string orig = "(";
      for (std::int64_t k = 0; k < n; ++k) orig += (k ? "," : "") + std::to_string(a->sizes[k]);
      orig += n == 1 ? ",)" : ")";
      std::string req = "(";
      for (std::int64_t k = 0; k < m; ++k) req += (k ? "," : "") + std::to_string(shape[k]);
      req += m == 1 ? ",)" : ")";
      raise(PyExc::ValueError, "operands could not be broadcast together with remapped shapes [original->remapped]: " +
                                   orig + "  and requested shape " + req);
    }
  }
  if (!layout::checked_numel(shape)) raise(PyExc::ValueError, "iterator is too large");
  // np.broadcast_to returns a read-only view (writing would alias elements).
  return readonly(derive_view(a, shape, st, a->byte_offset));
}

Dims infer_shape(const Array& a, const Dims& shape) {
  const std::int64_t numel = a.numel();
  std::int64_t known = 1, infer = -1;
  bool ok = true;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    // NumPy's _fix_unknown_dimension takes any negative size as the unknown one; torch only -1.
    if (shape[i] == -1 || (shape[i] < 0 && !a.is_tensor())) {
      if (infer >= 0) {
        if (a.is_tensor()) raise(PyExc::RuntimeError, "only one dimension can be inferred");
        raise(PyExc::ValueError, "can only specify one unknown dimension");
      }
      infer = static_cast<std::int64_t>(i);
    } else if (shape[i] < 0) {
      if (a.is_tensor()) raise(PyExc::RuntimeError, "invalid shape dimension " + std::to_string(shape[i]));
      ok = false;
    } else if (__builtin_mul_overflow(known, shape[i], &known)) {
      ok = false;
    }
  }
  Dims out = shape;
  if (ok && infer >= 0) {
    if (known == 0) {
      // aten/src/ATen/InferSize.h: the size check comes first, so only a tensor of 0 elements reaches
      // the ambiguity error (any other is "shape '[...]' is invalid for input of size n" below).
      if (a.is_tensor() && numel == 0) {
        // NOTE aten/src/ATen/InferSize.h (semantics.md §46)
        raise(PyExc::RuntimeError, "cannot reshape tensor of 0 elements into shape " + layout::torch_list(shape) +
                                       " because the unspecified dimension size -1 can be any value and is ambiguous");
      }
      ok = false;
    } else if (numel % known == 0) {
      out[infer] = numel / known;
      known = numel;
    } else {
      ok = false;
    }
  }
  if (!ok || known != numel) {
    if (a.is_tensor())
      raise(PyExc::RuntimeError, "shape '" + layout::torch_list(shape) + "' is invalid for input of size " + std::to_string(numel));
    // numpy convert_shape_to_string: leading -1s are dropped, later ones print as "newaxis".
    std::size_t i = 0;
    while (i < shape.size() && shape[i] < 0) ++i;
    std::string s;
    if (i == shape.size()) s = "()";
    else {
      s = "(" + std::to_string(shape[i]);
      std::size_t first = i;
      for (++i; i < shape.size(); ++i) s += shape[i] < 0 ? ",newaxis" : "," + std::to_string(shape[i]);
      s += (shape.size() - first == 1 && first == 0) ? ",)" : ")";
    }
    raise(PyExc::ValueError, "cannot reshape array of size " + std::to_string(numel) + " into shape " + s);
  }
  return out;
}

ArrayPtr view_shape(const ArrayPtr& a, const Dims& shape) {
  Dims sz = infer_shape(*a, shape);
  if (!strides_are_multiples(*a)) raise(PyExc::RuntimeError, "view: strides are not multiples of the element size");
  auto st = layout::compute_stride(a->sizes, a->elem_strides(), sz);
  if (!st) {
    // NOTE aten/src/ATen/native/TensorShape.cpp view_impl (semantics.md §44)
    raise(PyExc::RuntimeError,
          "view size is not compatible with input tensor's size and stride (at least one dimension spans across two "
          "contiguous subspaces). Use .reshape(...) instead.");
  }
  for (auto& s : *st) s *= static_cast<std::int64_t>(a->itemsize());
  return derive_view(a, sz, *st, a->byte_offset);
}

std::optional<ArrayPtr> reshape_view(const ArrayPtr& a, const Dims& shape, bool fortran) {
  Dims sz = infer_shape(*a, shape);
  const auto item = static_cast<std::int64_t>(a->itemsize());
  if (a->is_tensor()) {
    auto st = layout::compute_stride(a->sizes, a->elem_strides(), sz);
    if (!st) return std::nullopt;
    for (auto& s : *st) s *= item;
    return derive_view(a, sz, *st, a->byte_offset);
  }
  // numpy PyArray_Newshape: asking for the same shape, literally (a -1 never matches: the
  // check comes before -1 is resolved), is a plain view with the strides kept.
  if (shape == a->sizes) return derive_view(a, sz, a->byte_strides, a->byte_offset);
  // A contiguous source gets fresh strides for the new shape
  // (_array_fill_strides: max(size, 1) products; only new allocations zero empty strides).
  if (fortran ? f_contiguous(*a) : c_contiguous(*a)) {
    return derive_view(a, sz, fortran ? layout::fortran_strides(sz, item) : layout::contiguous_strides(sz, item), a->byte_offset);
  }
  auto st = layout::numpy_nocopy_reshape(a->sizes, a->byte_strides, sz, item, fortran);
  if (!st) return std::nullopt;
  return derive_view(a, sz, *st, a->byte_offset);
}

ArrayPtr view_dtype(const ArrayPtr& a, DType dtype) {
  if (!a->is_tensor() && dtype == DType::BFloat16) raise(PyExc::TypeError, "data type 'bfloat16' not understood");
  const auto old_item = static_cast<std::int64_t>(a->itemsize());
  const auto new_item = static_cast<std::int64_t>(itemsize_of(dtype));
  Shape sz = a->sizes, st = a->byte_strides;
  if (old_item != new_item) {
    const int n = a->ndim();
    if (a->is_tensor()) {
      // NOTE aten/src/ATen/native/TensorConversions.cpp view_dtype
      if (n == 0)
        raise(PyExc::RuntimeError, std::string("self.dim() cannot be 0 to view ") + dtype_info(a->dtype).scalar_type + " as " +
                                       dtype_info(dtype).scalar_type + " (different element sizes)");
      if (a->byte_strides[n - 1] != old_item)
        raise(PyExc::RuntimeError, std::string("self.stride(-1) must be 1 to view ") + dtype_info(a->dtype).scalar_type +
                                       " as " + dtype_info(dtype).scalar_type + " (different element sizes), but got " +
                                       std::to_string(a->byte_strides[n - 1] / old_item));
      if (new_item > old_item) {
        std::int64_t ratio = new_item / old_item;
        if (a->sizes[n - 1] % ratio)
          raise(PyExc::RuntimeError, std::string("self.size(-1) must be divisible by ") + std::to_string(ratio) + " to view " +
                                         dtype_info(a->dtype).scalar_type + " as " + dtype_info(dtype).scalar_type +
                                         " (different element sizes), but got " + std::to_string(a->sizes[n - 1]));
        if (a->elem_offset() % ratio)
          raise(PyExc::RuntimeError, std::string("self.storage_offset() must be divisible by ") + std::to_string(ratio) +
                                         " to view " + dtype_info(a->dtype).scalar_type + " as " +
                                         dtype_info(dtype).scalar_type + " (different element sizes), but got " +
                                         std::to_string(a->elem_offset()));
        for (int i = 0; i < n - 1; ++i) {
          if ((a->byte_strides[i] / old_item) % ratio)
            raise(PyExc::RuntimeError, std::string("self.stride(") + std::to_string(i) + ") must be divisible by " +
                                           std::to_string(ratio) + " to view " + dtype_info(a->dtype).scalar_type + " as " +
                                           dtype_info(dtype).scalar_type + " (different element sizes), but got " +
                                           std::to_string(a->byte_strides[i] / old_item));
        }
      }
      sz[n - 1] = a->sizes[n - 1] * old_item / new_item;
      st[n - 1] = new_item;
    } else {
      // numpy _core/src/multiarray/getset.c array_descr_set
      if (n == 0) raise(PyExc::ValueError, "Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
      if (!(a->sizes[n - 1] == 1 || a->byte_strides[n - 1] == old_item) && a->numel() != 0)
        raise(PyExc::ValueError, "To change to a dtype of a different size, the last axis must be contiguous");
      std::int64_t bytes = a->sizes[n - 1] * old_item;
      if (bytes % new_item)
        raise(PyExc::ValueError, "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
      sz[n - 1] = bytes / new_item;
      st[n - 1] = new_item;
    }
  }
  auto v = derive_view(a, sz, st, a->byte_offset);
  v->dtype = dtype;
  // Integer views are not differentiable: the result does not require grad.
  v->requires_grad = v->requires_grad && (is_floating(dtype) || is_complex(dtype));
  if (!a->is_tensor()) v->byte_order = new_item == 1 ? '|' : a->byte_order == '|' ? '=' : a->byte_order;
  return v;
}

ArrayPtr squeeze(const ArrayPtr& a, const std::optional<Dims>& dims) {
  const std::int64_t n = a->ndim();
  std::vector<bool> drop(n, false);
  if (!dims) {
    for (std::int64_t i = 0; i < n; ++i) drop[i] = a->sizes[i] == 1;
  } else if (a->is_tensor()) {
    for (auto d : *dims) {
      auto w = torch_wrap_dim(d, n);
      if (n > 0 && a->sizes[w] == 1) drop[w] = true;  // torch ignores dims that are not size 1
    }
  } else {
    for (auto w : numpy_wrap_axes(*dims, n, kDuplicateAxis)) {
      if (a->sizes[w] != 1) raise(PyExc::ValueError, "cannot select an axis to squeeze out which has size not equal to one");
      drop[w] = true;
    }
  }
  Shape sz, st;
  for (std::int64_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    sz.push_back(a->sizes[i]);
    st.push_back(a->byte_strides[i]);
  }
  return derive_view(a, sz, st, a->byte_offset);
}

ArrayPtr unsqueeze(const ArrayPtr& a, std::int64_t dim) {
  const std::int64_t n = a->ndim();
  std::int64_t d = torch_wrap_dim(dim, n + 1);
  // NOTE TensorShape.cpp inferUnsqueezeGeometry (semantics.md §58).
  std::int64_t stride = d >= n ? static_cast<std::int64_t>(a->itemsize()) : a->sizes[d] * a->byte_strides[d];
  Shape sz = a->sizes, st = a->byte_strides;
  sz.insert(sz.begin() + d, 1);
  st.insert(st.begin() + d, stride);
  return derive_view(a, sz, st, a->byte_offset);
}

ArrayPtr expand_dims(const ArrayPtr& a, const Dims& axes) {
  // numpy/lib/_shape_base_impl.py expand_dims: a.reshape(shape with 1s inserted), so the
  // new axes' strides are reshape's (fresh C strides for a contiguous source).
  const std::int64_t out_n = a->ndim() + static_cast<std::int64_t>(axes.size());
  Dims w = numpy_wrap_axes(axes, out_n);
  std::vector<bool> is_new(out_n, false);
  for (auto x : w) is_new[x] = true;
  Dims sz;
  std::size_t k = 0;
  for (std::int64_t i = 0; i < out_n; ++i) sz.push_back(is_new[i] ? 1 : a->sizes[k++]);
  // Inserting 1s always has a no-copy reshape.
  return *reshape_view(a, sz, false);
}

ArrayPtr narrow(const ArrayPtr& a, std::int64_t dim, std::int64_t start, std::int64_t length) {
  // NOTE aten/src/ATen/native/TensorShape.cpp narrow (semantics.md §56).
  if (a->ndim() == 0) raise(PyExc::RuntimeError, "narrow() cannot be applied to a 0-dim tensor.");
  if (length < 0) raise(PyExc::RuntimeError, "narrow(): length must be non-negative.");
  std::int64_t d = torch_wrap_dim(dim, a->ndim());
  std::int64_t cur = a->sizes[d];
  if (start < -cur || start > cur)
    raise(PyExc::IndexError, "start out of range (expected to be in range of [" + std::to_string(-cur) + ", " +
                                 std::to_string(cur) + "], but got " + std::to_string(start) + ")");
  if (start < 0) start += cur;
  if (start > cur - length)
    raise(PyExc::RuntimeError, "start (" + std::to_string(start) + ") + length (" + std::to_string(length) +
                                   ") exceeds dimension size (" + std::to_string(cur) + ").");
  Shape sz = a->sizes;
  sz[d] = length;
  return derive_view(a, sz, a->byte_strides, a->byte_offset + start * a->byte_strides[d]);
}

ArrayPtr diagonal(const ArrayPtr& a, std::int64_t offset, std::int64_t dim1, std::int64_t dim2) {
  const std::int64_t n = a->ndim();
  std::int64_t d1, d2;
  if (a->is_tensor()) {
    d1 = torch_wrap_dim(dim1, n);
    d2 = torch_wrap_dim(dim2, n);
    if (d1 == d2)
      raise(PyExc::RuntimeError, "diagonal dimensions cannot be identical " + std::to_string(dim1) + ", " + std::to_string(dim2));
  } else {
    if (n < 2) raise(PyExc::ValueError, "diag requires an array of at least two dimensions");
    d1 = numpy_wrap_axis(dim1, n, "axis1: ");
    d2 = numpy_wrap_axis(dim2, n, "axis2: ");
    if (d1 == d2) raise(PyExc::ValueError, "axis1 and axis2 cannot be the same");
  }
  std::int64_t len, off = a->byte_offset;
  if (offset >= 0) {
    len = std::max<std::int64_t>(std::min(a->sizes[d1], a->sizes[d2] - offset), 0);
    if (len > 0) off += offset * a->byte_strides[d2];
  } else {
    len = std::max<std::int64_t>(std::min(a->sizes[d1] + offset, a->sizes[d2]), 0);
    if (len > 0) off -= offset * a->byte_strides[d1];
  }
  Shape sz, st;
  for (std::int64_t i = 0; i < n; ++i) {
    if (i == d1 || i == d2) continue;
    sz.push_back(a->sizes[i]);
    st.push_back(a->byte_strides[i]);
  }
  sz.push_back(len);
  st.push_back(a->byte_strides[d1] + a->byte_strides[d2]);
  auto v = derive_view(a, sz, st, off);
  if (!a->is_tensor()) v->writeable = false;  // NumPy >= 1.9 returns a read-only view
  return v;
}

namespace {

DType component_dtype(DType complex) { return complex == DType::Complex64 ? DType::Float32 : DType::Float64; }

}  // namespace

ArrayPtr complex_part(const ArrayPtr& a, bool imag) {
  if (!is_complex(a->dtype)) {
    if (!imag) return a;
    if (a->is_tensor()) raise(PyExc::RuntimeError, "imag is not implemented for tensors with non-complex dtypes.");
    // NOTE numpy/_core/src/multiarray/getset.c array_imag_get: zeros, F order when the array is
    // Fortran (F- and not C-contiguous), read-only.
    auto z = create(Kind::NDArray, Fill::Zeros, a->sizes, a->dtype, f_contiguous(*a) && !c_contiguous(*a) ? NewLayout::F : NewLayout::C);
    z->writeable = false;
    return z;
  }
  const DType part = component_dtype(a->dtype);
  const auto half = static_cast<std::int64_t>(itemsize_of(part));
  auto v = derive_view(a, a->sizes, a->byte_strides, a->byte_offset + (imag ? half : 0));
  v->dtype = part;
  if (a->is_tensor() && a->conj) {
    // NOTE aten/src/ATen/native/UnaryOps.cpp real / imag: the parts of the unconjugated
    // tensor; the imaginary part of a conjugate view is negated (a negative view).
    v->conj = false;
    v->neg = imag;
  }
  return v;
}

ArrayPtr view_as_real(const ArrayPtr& t) {
  // NOTE aten/src/ATen/native/ComplexHelper.h view_as_real
  if (t->conj)
    raise(PyExc::RuntimeError, "view_as_real doesn't work on unresolved conjugated tensors.  To resolve the conjugate tensor so you can "
                               "view it as real, use self.resolve_conj(); however, be warned that the resulting tensor will NOT alias the original.");
  if (!is_complex(t->dtype)) raise(PyExc::RuntimeError, "view_as_real is only supported for complex tensors");
  const DType part = component_dtype(t->dtype);
  Shape sz = t->sizes, st = t->byte_strides;
  sz.push_back(2);
  st.push_back(static_cast<std::int64_t>(itemsize_of(part)));
  auto v = derive_view(t, sz, st, t->byte_offset);
  v->dtype = part;
  return v;
}

ArrayPtr view_as_complex(const ArrayPtr& t) {
  // NOTE aten/src/ATen/native/ComplexHelper.h view_as_complex / computeStrideForViewAsComplex
  if (t->dtype == DType::Float16) raise(PyExc::NotImplementedError, "view_as_complex of a half tensor (complex32) is not supported by the Stridescope engine");
  if (t->dtype != DType::Float32 && t->dtype != DType::Float64)
    raise(PyExc::RuntimeError, std::string("view_as_complex is only supported for half, float and double tensors, but got a tensor of scalar type: ") +
                                   dtype_info(t->dtype).scalar_type);
  const std::int64_t n = t->ndim();
  if (n == 0) raise(PyExc::RuntimeError, "Input tensor must have one or more dimensions");
  if (t->sizes[n - 1] != 2) raise(PyExc::RuntimeError, "Tensor must have a last dimension of size 2");
  const auto item = static_cast<std::int64_t>(t->itemsize());
  if (t->byte_strides[n - 1] != item) raise(PyExc::RuntimeError, "Tensor must have a last dimension with stride 1");
  for (std::int64_t i = 0; i < n - 1; ++i)
    if ((t->byte_strides[i] / item) % 2) raise(PyExc::RuntimeError, "Tensor must have a stride divisible by 2 for all but last dimension");
  if (t->elem_offset() % 2) raise(PyExc::RuntimeError, "Tensor must have a storage_offset divisible by 2");
  Shape sz(t->sizes.begin(), t->sizes.end() - 1), st(t->byte_strides.begin(), t->byte_strides.end() - 1);
  auto v = derive_view(t, sz, st, t->byte_offset);
  v->dtype = t->dtype == DType::Float32 ? DType::Complex64 : DType::Complex128;
  return v;
}

ArrayPtr unfold(const ArrayPtr& a, std::int64_t dim, std::int64_t size, std::int64_t step) {
  // NOTE aten/src/ATen/native/TensorShape.cpp unfold
  const std::int64_t n = a->ndim();
  std::int64_t d = torch_wrap_dim(dim, n);
  std::int64_t max_size = n == 0 ? 1 : a->sizes[d];
  if (size > max_size)
    raise(PyExc::RuntimeError, "maximum size for tensor at dimension " + std::to_string(d) + " is " + std::to_string(max_size) +
                                   " but size is " + std::to_string(size));
  if (size < 0) raise(PyExc::RuntimeError, "size is " + std::to_string(size) + " but must be >= 0");
  if (step <= 0) raise(PyExc::RuntimeError, "step is " + std::to_string(step) + " but must be > 0");
  Shape sz = a->sizes, st = a->byte_strides;
  std::int64_t dstride = n == 0 ? static_cast<std::int64_t>(a->itemsize()) : a->byte_strides[d];
  if (n > 0) {
    sz[d] = (a->sizes[d] - size) / step + 1;
    st[d] = step * a->byte_strides[d];
  }
  sz.push_back(size);
  st.push_back(dstride);
  return derive_view(a, sz, st, a->byte_offset);
}

ArrayPtr sliding_window_view(const ArrayPtr& a, const Dims& window, const std::optional<Dims>& axes) {
  // numpy/lib/_stride_tricks_impl.py sliding_window_view
  const std::int64_t n = a->ndim();
  for (auto w : window)
    if (w < 0) raise(PyExc::ValueError, "`window_shape` cannot contain negative values");
  Dims ax;
  if (!axes) {
    if (static_cast<std::int64_t>(window.size()) != n)
      raise(PyExc::ValueError, "Since axis is `None`, must provide window_shape for all dimensions of `x`; got " +
                                   std::to_string(window.size()) + " window_shape elements and `x.ndim` is " +
                                   std::to_string(n) + ".");
    for (std::int64_t i = 0; i < n; ++i) ax.push_back(i);
  } else {
    for (auto x : *axes) ax.push_back(numpy_wrap_axis(x, n));  // normalize_axis_tuple(allow_duplicate=True)
    if (ax.size() != window.size())
      raise(PyExc::ValueError, "Must provide matching length window_shape and axis; got " + std::to_string(window.size()) +
                                   " window_shape elements and " + std::to_string(ax.size()) + " axes elements.");
  }
  Shape sz = a->sizes, st = a->byte_strides;
  for (std::size_t k = 0; k < ax.size(); ++k) {
    if (sz[ax[k]] < window[k]) raise(PyExc::ValueError, "window shape cannot be larger than input array shape");
    sz[ax[k]] -= window[k] - 1;
    sz.push_back(window[k]);
    st.push_back(a->byte_strides[ax[k]]);
  }
  auto v = derive_view(a, sz, st, a->byte_offset);
  v->writeable = false;  // writeable=False is the default
  return v;
}

namespace {

// The view as_strided would make, in bytes, after every check it makes.
struct StridedLayout {
  Shape sizes;
  Shape byte_strides;
  std::int64_t byte_offset;
};

StridedLayout as_strided_layout(const ArrayPtr& a, const Dims& size, const Dims& stride, std::optional<std::int64_t> offset) {
  const auto item = static_cast<std::int64_t>(a->itemsize());
  if (a->is_tensor()) {
    // NOTE aten/src/ATen/native/Resize.h checkInBoundsForStorage / setStrided (semantics.md §52).
    if (size.size() != stride.size())
      raise(PyExc::RuntimeError, "mismatch in length of strides and shape");
    for (auto s : stride)
      if (s < 0) raise(PyExc::RuntimeError, "as_strided: Negative strides are not supported at the moment, got strides: " +
                                                layout::torch_list(stride));
    for (auto s : size)
      if (s < 0) raise(PyExc::RuntimeError, "Trying to create tensor with negative dimension " + std::to_string(s) + ": " +
                                                layout::torch_list(size));
    std::int64_t off = offset ? *offset : a->elem_offset();
    if (off < 0) raise(PyExc::RuntimeError, "Tensor: invalid storage offset " + std::to_string(off));
    // storage size needed: offset + 1 + sum((size-1)*stride), or 0 if any size is 0.
    std::int64_t need = 0;
    bool any_zero = std::any_of(size.begin(), size.end(), [](std::int64_t s) { return s == 0; });
    bool overflow = false;
    if (!any_zero) {
      need = 1;
      for (std::size_t i = 0; i < size.size(); ++i) {
        std::int64_t span;
        overflow |= __builtin_mul_overflow(size[i] - 1, stride[i], &span) || __builtin_add_overflow(need, span, &need);
      }
      overflow |= __builtin_add_overflow(need, off, &need);
    }
    std::int64_t need_bytes;
    overflow |= __builtin_mul_overflow(need, item, &need_bytes);
    const auto have = static_cast<std::int64_t>(a->storage->nbytes);
    if (overflow || need_bytes > have) {
      raise(PyExc::RuntimeError, "setStorage: sizes " + layout::torch_list(size) + ", strides " + layout::torch_list(stride) +
                                     ", storage offset " + std::to_string(off) + ", and itemsize " + std::to_string(item) +
                                     " requiring a storage size of " + (overflow ? std::string("(overflow)") : std::to_string(need_bytes)) +
                                     " are out of bounds for storage of size " + std::to_string(have));
    }
    // The engine keeps byte strides and offsets: an empty view may name element offsets and
    // strides (2**61, 2**62) whose byte values leave int64. Refuse those rather than wrap.
    Shape bst(stride.size());
    std::int64_t boff = 0;
    bool bytes_fit = checked_mul(off, item, &boff);
    for (std::size_t i = 0; i < stride.size(); ++i) bytes_fit = bytes_fit && checked_mul(stride[i], item, &bst[i]);
    if (!bytes_fit)
      raise(PyExc::RuntimeError, "as_strided: strides " + layout::torch_list(stride) + " and storage offset " + std::to_string(off) +
                                     " in elements of " + std::to_string(item) +
                                     " bytes pass the 2**63-byte range Stridescope addresses (the view is empty, but its byte layout would overflow)");
    return {size, bst, boff};
  }
  // NumPy as_strided takes byte strides and trusts them; Stridescope refuses views past the buffer.
  if (size.size() != stride.size()) raise(PyExc::ValueError, "mismatch in length of strides and shape");
  for (auto s : size)
    if (s < 0) raise(PyExc::ValueError, "negative dimensions are not allowed");
  std::int64_t off = 0;
  if (!checked_add(a->byte_offset, offset ? *offset : 0, &off) || !layout::in_bounds(size, stride, off, item, static_cast<std::int64_t>(a->storage->nbytes))) {
    raise(PyExc::ValueError, "as_strided: shape " + layout::py_tuple(size) + " with strides " + layout::py_tuple(stride) +
                                 " reaches outside the array's memory (" + std::to_string(a->storage->nbytes) +
                                 " bytes); Stridescope refuses views that would read out of bounds");
  }
  return {size, stride, off};
}

}  // namespace

ArrayPtr as_strided(const ArrayPtr& a, const Dims& size, const Dims& stride, std::optional<std::int64_t> offset) {
  StridedLayout l = as_strided_layout(a, size, stride, offset);
  return derive_view(a, std::move(l.sizes), std::move(l.byte_strides), l.byte_offset);
}

void check_as_strided(const ArrayPtr& a, const Dims& size, const Dims& stride, std::optional<std::int64_t> offset) {
  (void)as_strided_layout(a, size, stride, offset);
}

ArrayPtr flip_view(const ArrayPtr& a, const std::optional<Dims>& dims) {
  const std::int64_t n = a->ndim();
  Dims ax;
  if (!dims) {
    for (std::int64_t i = 0; i < n; ++i) ax.push_back(i);
  } else {
    ax = numpy_wrap_axes(*dims, n);
  }
  Shape st = a->byte_strides;
  std::int64_t off = a->byte_offset;
  for (auto d : ax) {
    // np.flip indexes with [::-1]; an empty slice keeps step 1 (mapping.c get_view_from_index).
    if (a->sizes[d] == 0) continue;
    off += (a->sizes[d] - 1) * st[d];
    st[d] = -st[d];
  }
  return derive_view(a, a->sizes, st, off);
}

}  // namespace ss
