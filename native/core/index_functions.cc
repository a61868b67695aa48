#include "index_functions.h"

#include <algorithm>
#include <cstring>

#include "allocation.h"
#include "cancel.h"
#include "copy_ops.h"
#include "dims.h"
#include "elementwise.h"
#include "errors.h"
#include "grad_mode.h"
#include "host_access.h"
#include "index_plan.h"
#include "layout.h"
#include "scalar.h"
#include "strided_loop.h"

namespace ss {

using namespace idx;

namespace {

// a.shape[:dim] + index shape + a.shape[dim+1:] gathered into a new C-contiguous result
// (index_select, np.take). `values` are already checked and may be negative (NumPy wraps).
ArrayPtr take_contiguous(const ArrayPtr& a, int dim, IndexValues values, const Shape& ishape, const char* what) {
  Plan p;
  p.torch = a->is_tensor();
  p.view = a;
  Fancy f;
  f.values = std::move(values);
  f.shape = ishape;
  f.strides = c_strides(ishape, 1);
  f.vdim = dim;
  f.axis = dim;
  p.fancy.push_back(std::move(f));
  p.insert_at = dim;
  prepare_fancy(p);
  const ResultDims dims = result_dims(p);
  const Shape& fin = dims.sizes;
  auto out = p.torch ? new_array_on(*a->storage, Kind::Tensor, a->dtype, fin, c_strides(fin, static_cast<std::int64_t>(a->itemsize())))
                     : new_array(Kind::NDArray, a->dtype, fin);
  out->byte_order = a->byte_order;
  const Shape it_st = dims.to_iteration(out->byte_strides);
  if (!try_gather_direct(p, *out, it_st)) move_blocks(p, fancy_offsets(p), *out, it_st, false);
  report_result("gather", *out, what);
  return out;
}

// torch's broadcast of two shapes with its "The size of tensor a ..." error.
Shape torch_broadcast(const Shape& x, const Shape& y) {
  if (auto s = layout::broadcast_shapes(x, y)) return *s;
  const std::size_t n = std::max(x.size(), y.size());
  for (std::size_t k = 0; k < n; ++k) {
    std::int64_t xs = k < x.size() ? x[x.size() - 1 - k] : 1, ys = k < y.size() ? y[y.size() - 1 - k] : 1;
    if (xs != ys && xs != 1 && ys != 1)
      raise(PyExc::RuntimeError, "The size of tensor a (" + std::to_string(xs) + ") must match the size of tensor b (" +
                                     std::to_string(ys) + ") at non-singleton dimension " + std::to_string(n - 1 - k));
  }
  return x;
}

Shape strides_to(const Array& a, const Shape& shape) {
  Shape st(shape.size(), 0);
  const std::size_t o = shape.size() - a.sizes.size();
  for (std::size_t i = 0; i < a.sizes.size(); ++i) st[o + i] = a.sizes[i] == 1 ? 0 : a.byte_strides[i];
  return st;
}

}  // namespace

ArrayPtr index_select(const ArrayPtr& t, std::int64_t dim0, const ArrayPtr& index) {
  check_host_accessible(*t, "index_select");
  const std::int64_t dim = torch_wrap_dim(dim0, t->ndim());
  if (index->ndim() > 1) raise(PyExc::IndexError, "index_select(): Index is supposed to be a vector");
  if (index->dtype != DType::Int64 && index->dtype != DType::Int32)
    raise(PyExc::RuntimeError, "index_select(): Expected dtype int32 or int64 for index");
  auto values = int64_values(index);
  const std::int64_t size = t->ndim() == 0 ? 1 : t->sizes[dim];
  for (std::size_t i = 0; i < values.size(); ++i)
    if (const std::int64_t x = values[i]; x < 0 || x >= size)
      raise(PyExc::RuntimeError, "INDICES element is out of DATA bounds, id=" + std::to_string(x) + " axis_dim=" + std::to_string(size));
  const std::int64_t n = static_cast<std::int64_t>(values.size());
  auto out = take_contiguous(t, static_cast<int>(dim), std::move(values), {n}, "index_select");
  out->requires_grad = records_history(t->requires_grad, out->dtype);
  return out;
}

ArrayPtr masked_select(const ArrayPtr& t, const ArrayPtr& mask) {
  check_host_accessible(*t, "masked_select");
  if (mask->dtype != DType::Bool && mask->dtype != DType::UInt8)
    raise(PyExc::RuntimeError, "masked_select: expected BoolTensor or ByteTensor for mask");
  Shape shape = torch_broadcast(mask->sizes, t->sizes);  // expand_outplace(mask, self)
  Array tv = *t, mv = *mask;
  tv.byte_strides = strides_to(*t, shape), tv.sizes = shape;
  mv.byte_strides = strides_to(*mask, shape), mv.sizes = shape;
  auto out = mask_gather(std::make_shared<Array>(tv), mv);
  out->requires_grad = records_history(t->requires_grad, out->dtype);
  report_result("mask-gather", *out, "masked_select");
  return out;
}

ArrayPtr masked_fill(const ArrayPtr& t, const ArrayPtr& mask, const Scalar& value, bool in_place) {
  check_host_accessible(*t, "masked_fill");
  if (mask->dtype != DType::Bool && mask->dtype != DType::UInt8)
    raise(PyExc::RuntimeError, "masked_fill_ only supports boolean masks, but got mask with dtype " +
                                   std::string(dtype_info(mask->dtype).scalar_type));
  Shape shape = torch_broadcast(mask->sizes, t->sizes);  // expand_outplace(mask, self)
  if (in_place && shape != t->sizes)
    raise(PyExc::RuntimeError, "output with shape " + layout::torch_list(t->sizes) +
                                   " doesn't match the broadcast shape " + layout::torch_list(shape));
  if (in_place) check_writeable(*t);
  ArrayPtr out = in_place ? t : clone(t, MemFormat::Preserve);
  if (!in_place && shape != t->sizes) {
    Array ex = *t;
    ex.sizes = shape, ex.byte_strides = strides_to(*t, shape);
    out = clone(std::make_shared<Array>(ex), MemFormat::Contiguous);
  }
  char elem[16];
  {
    ReportScope keep;
    auto one = new_array(Kind::Tensor, out->dtype, {});
    fill(one, value);
    std::memcpy(elem, one->data_ptr(), out->itemsize());
  }
  const std::size_t item = out->itemsize();
  Shape ms = strides_to(*mask, shape);
  std::int64_t n = 0;
  strided_for_each<2>(shape, {out->data_ptr(), mask->data_ptr()}, {&out->byte_strides, &ms},
                      [&](const std::array<char*, 2>& q) {
                        if (*q[1]) {
                          copy_elem(q[0], elem, item);
                          ++n;
                        }
                      });
  if (in_place) report_copy("masked-fill", static_cast<std::size_t>(n) * item, "masked_fill_: writes into the tensor's own memory");
  else report_result("masked-fill", *out, "masked_fill");
  if (!in_place) out->requires_grad = records_history(t->requires_grad, out->dtype);
  return out;
}

ArrayPtr torch_nonzero(const ArrayPtr& t0) {
  check_host_accessible(*t0, "nonzero");
  const ArrayPtr t = t0->conj ? resolve_conj(t0) : t0;
  // Values compare to zero in their own dtype: a bool view of "element != 0".
  std::vector<std::vector<std::int64_t>> cols;
  const int nd = t->ndim();
  std::int64_t n = 0;
  {
    Shape pos(nd, 0);
    cols.resize(nd);
    const bool swapped = t->byte_order == '>' || t->byte_order == '<';
    strided_for_each<1>(t->sizes, {t->data_ptr()}, {&t->byte_strides}, [&](const std::array<char*, 1>& q) {
      if (load_scalar(t->dtype, q[0], swapped).truthy()) {
        for (int d = 0; d < nd; ++d) cols[d].push_back(pos[d]);
        ++n;
      }
      for (int d = nd - 1; d >= 0; --d) {
        if (++pos[d] < t->sizes[d]) break;
        pos[d] = 0;
      }
    });
  }
  // at::nonzero fills an (ndim, n) tensor and returns its transpose: strides (1, n).
  auto out = new_array_on(*t->storage, Kind::Tensor, DType::Int64, {n, nd}, {8, 8 * n});
  auto* p = reinterpret_cast<std::int64_t*>(out->data_ptr());
  for (int d = 0; d < nd; ++d)
    if (n) std::memcpy(p + d * n, cols[d].data(), static_cast<std::size_t>(n) * 8);
  report_result("nonzero", *out, "nonzero: the (ndim, n) index tensor, transposed");
  return out;
}

namespace {

// NumPy's "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule ..."
[[noreturn]] void index_cast_error(DType from, const char* rule) {
  raise(PyExc::TypeError, std::string("Cannot cast array data from dtype('") + dtype_name(from) +
                              "') to dtype('int64') according to the rule '" + rule + "'");
}

// An index of an axis of `size` under `mode` (numpy/_core/src/multiarray/item_selection.c):
// in range (negative counts from the end), wrapped, or clipped; `what` names the axis for raise.
std::int64_t index_under_mode(std::int64_t k, std::int64_t size, ClipMode mode, const std::string& what) {
  switch (mode) {
    case ClipMode::Wrap: {
      const std::int64_t r = k % size;
      return r < 0 ? r + size : r;
    }
    case ClipMode::Clip: return k < 0 ? 0 : k >= size ? size - 1 : k;
    case ClipMode::Raise: break;
  }
  if (k < -size || k >= size) raise(PyExc::IndexError, "index " + std::to_string(k) + " is out of bounds for " + what + " with size " + std::to_string(size));
  return k < 0 ? k + size : k;
}

}  // namespace

ArrayPtr np_take(const ArrayPtr& a, const ArrayPtr& indices, std::optional<std::int64_t> axis, ClipMode mode) {
  check_host_accessible(*a, "take");
  if (!is_integral(indices->dtype) && indices->dtype != DType::Bool) index_cast_error(indices->dtype, "same_kind");
  ArrayPtr src = a;
  std::int64_t ax = 0;
  if (!axis) {
    ReportScope keep;
    src = ravel(a, Order::C);
  } else {
    ax = numpy_wrap_axis(*axis, a->ndim());
  }
  auto values = int64_values(indices);
  const std::int64_t size = src->sizes[ax];
  // NumPy refuses before looking at the indices, whatever the mode.
  if (size == 0 && values.size() != 0) raise(PyExc::IndexError, "cannot do a non-empty take from an empty axes.");
  const std::string what = "axis " + std::to_string(ax);
  if (mode == ClipMode::Raise) {
    // Checked in place (the gather takes negative indices as they are): no copy of the indices.
    for (std::size_t i = 0; i < values.size(); ++i) index_under_mode(values[i], size, mode, what);
  } else {
    std::vector<std::int64_t> mapped(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) mapped[i] = index_under_mode(values[i], size, mode, what);
    values = IndexValues::of(std::move(mapped));
  }
  return take_contiguous(src, static_cast<int>(ax), std::move(values), indices->sizes, "take");
}

ArrayPtr np_put(const ArrayPtr& a, const ArrayPtr& indices, const Operand& values, ClipMode mode) {
  check_host_accessible(*a, "put");
  if (!a->writeable) raise(PyExc::ValueError, "put: output array is read-only");
  // An index array is cast 'safe' (numpy/_core/src/multiarray/item_selection.c PyArray_PutTo);
  // values are cast as assignment casts them (unsafe: 2.7 -> 2).
  if (indices->dtype == DType::UInt64 || (!is_integral(indices->dtype) && indices->dtype != DType::Bool)) index_cast_error(indices->dtype, "safe");
  IndexValues ind = int64_values(indices);
  if (ind.size() != 0 && a->numel() == 0) raise(PyExc::IndexError, "cannot replace elements of an empty array");
  ArrayPtr vals;
  {
    ReportScope keep;
    if (!values.array) {
      vals = new_array(Kind::NDArray, a->dtype, {1});
      fill(vals, values.scalar);
    } else {
      check_host_accessible(*values.array, "put");
      vals = copy_to_new(*values.array, Kind::NDArray, a->dtype, c_strides(values.array->sizes, static_cast<std::int64_t>(a->itemsize())), "put values");
    }
  }
  const std::int64_t nv = vals->numel(), n = static_cast<std::int64_t>(ind.size()), size = a->numel();
  if (nv == 0 || n == 0) {
    report_copy("scatter", 0, "put: nothing to write");
    return a;
  }
  // A non-contiguous array is written through a copy that is dropped on error: check first.
  const bool dense = dense_c(*a);
  auto checked = [&](std::int64_t k) { return index_under_mode(k, size, mode, "axis 0"); };
  if (!dense)
    for (std::int64_t i = 0; i < n; ++i) checked(ind[static_cast<std::size_t>(i)]);
  const int nd = a->ndim();
  Shape cs = c_strides(a->sizes, 1);
  const std::size_t item = a->itemsize();
  const char* src = vals->data_ptr();
  for (std::int64_t i = 0; i < n; ++i) {
    std::int64_t k = checked(ind[static_cast<std::size_t>(i)]), off = 0;
    for (int d = 0; d < nd; ++d) {
      off += (k / cs[d]) * a->byte_strides[d];
      k %= cs[d];
    }
    copy_elem(a->data_ptr() + off, src + static_cast<std::size_t>(i % nv) * item, item);
    if ((i & (kCancelChunk - 1)) == kCancelChunk - 1) check_cancel();
  }
  report_copy("scatter", static_cast<std::size_t>(n) * item, "put: writes into the array's own memory");
  return a;
}

}  // namespace ss
