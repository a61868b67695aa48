#include "join_split.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "allocation.h"
#include "copy_ops.h"
#include "dims.h"
#include "elementwise.h"
#include "errors.h"
#include "grad_mode.h"
#include "host_access.h"
#include "layout.h"
#include "report.h"
#include "scalar.h"
#include "strided_loop.h"
#include "view_ops.h"

namespace ss {

namespace {

std::string np_shape(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

std::string shape_words(const Array& a) {
  std::string r = "(";
  for (std::size_t i = 0; i < a.sizes.size(); ++i) r += (i ? ", " : "") + std::to_string(a.sizes[i]);
  return r + (a.sizes.size() == 1 ? ",)" : ")") + " " + dtype_name(a.dtype);
}

// The op report of a join: its copies were recorded as they ran; the reason says what was made.
void report_made(const Array& out, const std::string& what) {
  OpReport& r = current_report();
  r.copied = true;
  r.reason = what + ": a new " + shape_words(out) + " array";
}

void report_views(const Arrays& parts, const std::string& what) {
  OpReport& r = current_report();
  r.copied = false;
  r.bytes = 0;
  r.kernel = "view";
  r.reason = what + ": " + std::to_string(parts.size()) + " views of the input, nothing copied";
}

// A view of `a` with sizes/strides/offset replaced (same storage; NumPy base = a's owner).
ArrayPtr view_of(const ArrayPtr& a, Shape sizes, Shape strides, std::int64_t offset) {
  return derive_view(a, std::move(sizes), std::move(strides), offset);
}

// a[..., start:start+len, ...] along `axis` (len may be 0).
ArrayPtr slice_axis(const ArrayPtr& a, int axis, std::int64_t start, std::int64_t len) {
  Shape sizes = a->sizes;
  sizes[axis] = len;
  return view_of(a, sizes, a->byte_strides, a->byte_offset + start * a->byte_strides[axis]);
}

// NumPy's PyArray_CreateMultiSortedStridePerm: the axis order (outermost first) the
// inputs agree on; C order wins a conflict and where nothing is said.
std::vector<int> multi_sorted_perm(const std::vector<const Array*>& arrays, int ndim) {
  std::vector<int> perm(ndim);
  std::iota(perm.begin(), perm.end(), 0);
  for (int i0 = 1; i0 < ndim; ++i0) {
    int ipos = i0;
    const int ax_j0 = perm[i0];
    for (int i1 = i0 - 1; i1 >= 0; --i1) {
      bool ambig = true, shouldswap = false;
      const int ax_j1 = perm[i1];
      for (const Array* a : arrays) {
        if (a->sizes[ax_j0] != 1 && a->sizes[ax_j1] != 1) {
          if (std::llabs(a->byte_strides[ax_j0]) <= std::llabs(a->byte_strides[ax_j1])) shouldswap = false;
          else if (ambig) shouldswap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldswap) ipos = i1;
        else break;
      }
    }
    if (ipos != i0) {
      for (int i1 = i0; i1 > ipos; --i1) perm[i1] = perm[i1 - 1];
      perm[ipos] = ax_j0;
    }
  }
  return perm;
}

Shape dense_strides_in(const Shape& sizes, const std::vector<int>& perm, std::int64_t itemsize) {
  Shape st(sizes.size(), 0);
  std::int64_t s = itemsize;
  for (std::size_t k = perm.size(); k-- > 0;) {
    st[perm[k]] = s;
    s *= sizes[perm[k]];
  }
  return st;
}

// Copies each input into its slice of `out` along `axis`.
void fill_along(const ArrayPtr& out, const Arrays& parts, int axis, const char* why) {
  std::int64_t pos = 0;
  for (const auto& p : parts) {
    const std::int64_t len = p->ndim() ? p->sizes[axis] : 1;
    if (len > 0 && p->numel() > 0) copy_into(*slice_axis(out, axis, pos, len), *p, why);
    pos += len;
  }
}

DType numpy_join_dtype(const Arrays& arrays, std::optional<DType> dtype) {
  std::vector<Operand> ops;
  for (const auto& a : arrays) ops.push_back(Operand{a.get(), {}});
  const DType common = numpy_result_type(ops);
  if (!dtype) return common;
  for (const auto& a : arrays)
    if (!numpy_can_cast_same_kind(a->dtype, *dtype))
      raise(PyExc::TypeError, std::string("Cannot cast array data from dtype('") + dtype_name(a->dtype) + "') to dtype('" + dtype_name(*dtype) +
                                  "') according to the rule 'same_kind'");
  return *dtype;
}

ArrayPtr atleast(const ArrayPtr& a, int nd) {
  if (a->ndim() >= nd) return a;
  if (nd == 1) return view_of(a, {1}, {static_cast<std::int64_t>(a->itemsize())}, a->byte_offset);
  // atleast_2d: (N,) -> (1, N); () -> (1, 1).
  if (a->ndim() == 1) return view_of(a, {1, a->sizes[0]}, {0, a->byte_strides[0]}, a->byte_offset);
  return view_of(a, {1, 1}, {0, 0}, a->byte_offset);
}

void check_all_host(const Arrays& arrays, const char* op) {
  for (const auto& a : arrays) check_host_accessible(*a, op);
}

// An operand of where as an array of `dt` (a Python scalar becomes a 0-d array of it).
ArrayPtr where_operand(Kind kind, const Operand& o, DType dt, ArrayPtr* keep) {
  if (o.array) {
    if (o.array->dtype == dt && o.array->byte_order != '>' && o.array->byte_order != '<' && !o.array->conj) return ArrayPtr(ArrayPtr{}, const_cast<Array*>(o.array));
    *keep = copy_to_new(*o.array, kind, dt, layout::contiguous_strides(o.array->sizes, static_cast<std::int64_t>(itemsize_of(dt))),
                        std::string("where: cast to ") + dtype_name(dt));
    return *keep;
  }
  *keep = new_array(kind, dt, {});
  store_scalar_unchecked(dt, o.scalar, (*keep)->data_ptr());
  return *keep;
}

Shape broadcast_to_shape(const Array& a, const Shape& shape) {
  Shape st(shape.size(), 0);
  const std::size_t off = shape.size() - a.sizes.size();
  for (std::size_t i = 0; i < a.sizes.size(); ++i) st[off + i] = a.sizes[i] == 1 ? 0 : a.byte_strides[i];
  return st;
}

// The shared kernel of np.where / torch.where: out = cond ? x : y elementwise.
ArrayPtr where_kernel(Kind kind, const ArrayPtr& cond0, const Operand& x, const Operand& y, DType dt, const Shape& shape) {
  ArrayPtr ck = cond0->dtype == DType::Bool && !cond0->conj ? cond0
               : copy_to_new(*cond0, kind, DType::Bool, layout::contiguous_strides(cond0->sizes, 1), "where: condition as bool");
  ArrayPtr kx, ky;
  ArrayPtr xa = where_operand(kind, x, dt, &kx), ya = where_operand(kind, y, dt, &ky);
  std::vector<const Array*> inputs{cond0.get()};
  if (x.array) inputs.push_back(x.array);
  if (y.array) inputs.push_back(y.array);
  const std::size_t isz = itemsize_of(dt);
  auto out = new_array_strided(kind, dt, shape, result_strides(kind, shape, inputs, isz));
  const Shape so = out->byte_strides, sc = broadcast_to_shape(*ck, shape), sx = broadcast_to_shape(*xa, shape),
              sy = broadcast_to_shape(*ya, shape);
  strided_for_each<4>(shape, {out->data_ptr(), ck->data_ptr(), xa->data_ptr(), ya->data_ptr()}, {&so, &sc, &sx, &sy},
                      [&](const std::array<char*, 4>& p) { std::memcpy(p[0], *p[1] ? p[2] : p[3], isz); });
  report_copy("where", static_cast<std::size_t>(out->nbytes()), "where");
  report_made(*out, "where");
  return out;
}

std::string torch_sizes(const Shape& s) { return layout::torch_list(s); }

// c10 is_channels_last_strides_2d_s4: whether a rank-4 tensor's strides say NHWC.
bool strides_like_channels_last(const Array& t) {
  if (t.ndim() != 4) return false;
  const Shape st = t.elem_strides();
  std::int64_t min = 0;
  if (st[1] == 0) return false;
  for (int d : {1, 3, 2, 0}) {
    if (t.sizes[d] == 0) return false;
    if (st[d] < min) return false;
    if (d == 0 && min == st[1]) return false;
    min = st[d];
    if (t.sizes[d] > 1) min *= t.sizes[d];
  }
  return true;
}

}  // namespace

// ---- NumPy joins ---------------------------------------------------------------------

ArrayPtr np_concatenate(const Arrays& arrays0, std::optional<std::int64_t> axis0, std::optional<DType> dtype) {
  check_all_host(arrays0, "concatenate");
  if (arrays0.empty()) raise(PyExc::ValueError, "need at least one array to concatenate");
  Arrays arrays = arrays0;
  int axis = 0;
  if (!axis0) {
    for (auto& a : arrays) a = ravel(a, Order::C);
  } else {
    if (arrays[0]->ndim() == 0) raise(PyExc::ValueError, "zero-dimensional arrays cannot be concatenated");
    axis = static_cast<int>(numpy_wrap_axis(*axis0, arrays[0]->ndim()));
  }
  const int nd = arrays[0]->ndim();
  Shape shape = arrays[0]->sizes;
  for (std::size_t i = 1; i < arrays.size(); ++i) {
    const Array& a = *arrays[i];
    if (a.ndim() != nd)
      raise(PyExc::ValueError, "all the input arrays must have same number of dimensions, but the array at index 0 has " + std::to_string(nd) +
                                   " dimension(s) and the array at index " + std::to_string(i) + " has " + std::to_string(a.ndim()) + " dimension(s)");
    for (int d = 0; d < nd; ++d) {
      if (d == axis) continue;
      if (a.sizes[d] != shape[d])
        raise(PyExc::ValueError, "all the input array dimensions except for the concatenation axis must match exactly, but along dimension " +
                                     std::to_string(d) + ", the array at index 0 has size " + std::to_string(shape[d]) + " and the array at index " +
                                     std::to_string(i) + " has size " + std::to_string(a.sizes[d]));
    }
    shape[axis] += a.sizes[axis];
  }
  const DType dt = numpy_join_dtype(arrays0, dtype);
  std::vector<const Array*> raw;
  for (auto& a : arrays) raw.push_back(a.get());
  const auto perm = multi_sorted_perm(raw, nd);
  auto out = new_array_strided(Kind::NDArray, dt, shape, dense_strides_in(shape, perm, static_cast<std::int64_t>(itemsize_of(dt))));
  fill_along(out, arrays, axis, "concatenate");
  report_made(*out, axis0 ? "concatenate" : "concatenate(axis=None) of the flattened inputs");
  return out;
}

ArrayPtr np_stack(const Arrays& arrays, std::int64_t axis0, std::optional<DType> dtype) {
  check_all_host(arrays, "stack");
  if (arrays.empty()) raise(PyExc::ValueError, "need at least one array to stack");
  for (const auto& a : arrays)
    if (a->sizes != arrays[0]->sizes) raise(PyExc::ValueError, "all input arrays must have the same shape");
  const int axis = static_cast<int>(numpy_wrap_axis(axis0, arrays[0]->ndim() + 1));
  // NumPy: concatenate of arr[..., newaxis, ...] views along the new axis.
  Arrays expanded;
  for (const auto& a : arrays) {
    Shape sz = a->sizes, st = a->byte_strides;
    sz.insert(sz.begin() + axis, 1);
    st.insert(st.begin() + axis, 0);
    expanded.push_back(view_of(a, sz, st, a->byte_offset));
  }
  auto out = np_concatenate(expanded, axis, dtype);
  report_made(*out, "stack");
  return out;
}

ArrayPtr np_vstack(const Arrays& arrays) {
  Arrays two;
  for (const auto& a : arrays) two.push_back(atleast(a, 2));
  auto out = np_concatenate(two, 0, std::nullopt);
  report_made(*out, "vstack");
  return out;
}

ArrayPtr np_hstack(const Arrays& arrays) {
  Arrays one;
  for (const auto& a : arrays) one.push_back(atleast(a, 1));
  auto out = np_concatenate(one, !one.empty() && one[0]->ndim() == 1 ? 0 : 1, std::nullopt);
  report_made(*out, "hstack");
  return out;
}

// ---- NumPy splits ----------------------------------------------------------------------

Arrays np_split(const ArrayPtr& a, std::optional<std::int64_t> sections, const std::vector<std::int64_t>& indices, std::int64_t axis0,
                bool equal) {
  // `ary.shape[axis]` is read first: a bad axis is Python's tuple IndexError.
  const int nd = a->ndim();
  if (axis0 >= nd || axis0 < -nd) raise(PyExc::IndexError, "tuple index out of range");
  const int axis = static_cast<int>(axis0 < 0 ? axis0 + nd : axis0);
  const std::int64_t total = a->sizes[axis];
  std::vector<std::int64_t> points{0};
  if (sections) {
    if (equal) {
      if (*sections == 0) raise(PyExc::ZeroDivisionError, "integer modulo by zero");
      if (total % *sections) raise(PyExc::ValueError, "array split does not result in an equal division");
    }
    if (*sections <= 0) raise(PyExc::ValueError, "number sections must be larger than 0.");
    const std::int64_t each = total / *sections, extras = total % *sections;
    for (std::int64_t i = 0; i < *sections; ++i) points.push_back(points.back() + each + (i < extras ? 1 : 0));
  } else {
    points.insert(points.end(), indices.begin(), indices.end());
    points.push_back(total);
  }
  Arrays parts;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    // sary[st:end] with Python's slice clipping (negative counts from the end).
    auto clip = [&](std::int64_t v) { return v < 0 ? std::max<std::int64_t>(v + total, 0) : std::min(v, total); };
    const std::int64_t st = clip(points[i]), end = clip(points[i + 1]);
    parts.push_back(slice_axis(a, axis, st, std::max<std::int64_t>(end - st, 0)));
  }
  report_views(parts, equal ? "split" : "array_split");
  return parts;
}

Arrays np_hsplit(const ArrayPtr& a, std::optional<std::int64_t> sections, const std::vector<std::int64_t>& indices) {
  if (a->ndim() == 0) raise(PyExc::ValueError, "hsplit only works on arrays of 1 or more dimensions");
  auto parts = np_split(a, sections, indices, a->ndim() > 1 ? 1 : 0, true);
  report_views(parts, "hsplit");
  return parts;
}

Arrays np_vsplit(const ArrayPtr& a, std::optional<std::int64_t> sections, const std::vector<std::int64_t>& indices) {
  if (a->ndim() < 2) raise(PyExc::ValueError, "vsplit only works on arrays of 2 or more dimensions");
  auto parts = np_split(a, sections, indices, 0, true);
  report_views(parts, "vsplit");
  return parts;
}

// ---- where, nonzero ----------------------------------------------------------------------

ArrayPtr np_where(const ArrayPtr& cond, const Operand& x, const Operand& y) {
  check_host_accessible(*cond, "where");
  auto s1 = x.array ? layout::broadcast_shapes(cond->sizes, x.array->sizes) : std::optional<Shape>(cond->sizes);
  auto shape = s1 && y.array ? layout::broadcast_shapes(*s1, y.array->sizes) : s1;
  if (!shape) {
    std::string msg = "operands could not be broadcast together with shapes ";
    for (const Shape& s : {cond->sizes, x.array ? x.array->sizes : Shape{}, y.array ? y.array->sizes : Shape{}}) msg += np_shape(s) + " ";
    raise(PyExc::ValueError, msg);
  }
  DType dt;
  if (!x.array && !y.array) {
    // Two Python scalars: each is the default dtype of its kind, then promoted.
    const Scalar& s = x.scalar.type >= y.scalar.type ? x.scalar : y.scalar;
    dt = numpy_result_type({Operand{nullptr, s}});
  } else {
    dt = numpy_result_type({x, y});
  }
  return where_kernel(Kind::NDArray, cond, x, y, dt, *shape);
}

namespace {

// Indices of the nonzero elements, C order: row-major (n, ndim) int64 values.
std::vector<std::int64_t> nonzero_indices(const Array& a, std::int64_t* count) {
  std::vector<std::int64_t> out;
  const int nd = a.ndim();
  Shape idx(nd, 0);
  const bool swapped = a.byte_order == '>' || a.byte_order == '<';
  *count = 0;
  strided_for_each<1>(a.sizes, {a.data_ptr()}, {&a.byte_strides}, [&](const std::array<char*, 1>& p) {
    if (load_scalar(a.dtype, p[0], swapped).truthy()) {
      out.insert(out.end(), idx.begin(), idx.end());
      ++*count;
    }
    for (int d = nd - 1; d >= 0; --d) {
      if (++idx[d] < a.sizes[d]) break;
      idx[d] = 0;
    }
  });
  return out;
}

}  // namespace

Arrays np_nonzero(const ArrayPtr& a0) {
  check_host_accessible(*a0, "nonzero");
  if (a0->ndim() == 0)
    raise(PyExc::ValueError, "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
  const ArrayPtr a = a0->conj ? resolve_conj(a0) : a0;
  std::int64_t n = 0;
  auto idx = nonzero_indices(*a, &n);
  const int nd = a->ndim();
  auto all = new_array(Kind::NDArray, DType::Int64, {n, nd});
  if (!idx.empty()) std::memcpy(all->data_ptr(), idx.data(), idx.size() * 8);
  Arrays parts{all};
  for (int d = 0; d < nd; ++d) parts.push_back(view_of(all, {n}, {8 * nd}, all->byte_offset + 8 * d));
  report_copy("nonzero", static_cast<std::size_t>(all->nbytes()), "nonzero");
  current_report().reason = "nonzero: " + std::to_string(nd) + " index arrays, views into one new (" + std::to_string(n) + ", " +
                            std::to_string(nd) + ") int64 array";
  return parts;
}

Arrays torch_nonzero_tuple(const ArrayPtr& t0) {
  check_host_accessible(*t0, "nonzero");
  const ArrayPtr t = t0->conj ? resolve_conj(t0) : t0;
  std::int64_t n = 0;
  auto idx = nonzero_indices(*t, &n);
  const int nd = std::max(t->ndim(), 1);
  // A 0-d tensor is treated as 1-d of one element.
  if (t->ndim() == 0) {
    idx.assign(static_cast<std::size_t>(n), 0);
  }
  auto all = new_array(Kind::Tensor, DType::Int64, {nd, n});
  auto* p = reinterpret_cast<std::int64_t*>(all->data_ptr());
  for (std::int64_t i = 0; i < n; ++i)
    for (int d = 0; d < nd; ++d) p[d * n + i] = idx[static_cast<std::size_t>(i * nd + d)];
  Arrays parts{all};
  for (int d = 0; d < nd; ++d) parts.push_back(view_of(all, {n}, {8}, all->byte_offset + 8 * d * n));
  report_copy("nonzero", static_cast<std::size_t>(all->nbytes()), "nonzero");
  current_report().reason = "nonzero(as_tuple=True): " + std::to_string(nd) + " index tensors, views (rows) of one new (" + std::to_string(nd) +
                            ", " + std::to_string(n) + ") int64 tensor";
  return parts;
}

// ---- tile, repeat ------------------------------------------------------------------------

ArrayPtr np_tile(const ArrayPtr& a, const std::vector<std::int64_t>& reps0) {
  check_host_accessible(*a, "tile");
  const int d = static_cast<int>(reps0.size());
  const int nd = std::max(d, a->ndim());
  Shape sizes = a->sizes, strides = a->byte_strides;
  while (static_cast<int>(sizes.size()) < nd) sizes.insert(sizes.begin(), 1), strides.insert(strides.begin(), 0);
  std::vector<std::int64_t> reps = reps0;
  while (static_cast<int>(reps.size()) < nd) reps.insert(reps.begin(), 1);
  if (std::all_of(reps0.begin(), reps0.end(), [](std::int64_t r) { return r == 1; })) {
    // np.array(A, copy=True, ndmin=d): a copy in A's memory order.
    auto c = copy_order(a, Order::K);
    auto out = nd == c->ndim() ? c : reshape(c, sizes, Order::C);
    report_made(*out, "tile by ones (a copy)");
    return out;
  }
  Shape shape(nd);
  for (int i = 0; i < nd; ++i) {
    if (reps[i] < 0) raise(PyExc::ValueError, "negative dimensions are not allowed");
    shape[i] = sizes[i] * reps[i];
  }
  auto out = new_array(Kind::NDArray, a->dtype, shape);
  if (out->numel() > 0) {
    // out viewed as (reps0, size0, reps1, size1, ...); a broadcast along each reps axis.
    Shape osz, ost, asz, ast;
    for (int i = 0; i < nd; ++i) {
      osz.push_back(reps[i]), osz.push_back(sizes[i]);
      ost.push_back(out->byte_strides[i] * sizes[i]), ost.push_back(out->byte_strides[i]);
      ast.push_back(0), ast.push_back(strides[i]);
    }
    copy_into(*view_of(out, osz, ost, out->byte_offset), *view_of(a, osz, ast, a->byte_offset), "tile");
  }
  report_made(*out, "tile");
  return out;
}

ArrayPtr np_repeat(const ArrayPtr& a0, const std::vector<std::int64_t>& repeats, std::optional<std::int64_t> axis0) {
  check_host_accessible(*a0, "repeat");
  ArrayPtr a = a0;
  int axis = 0;
  if (!axis0) {
    a = ravel(a0, Order::C);
  } else {
    axis = static_cast<int>(numpy_wrap_axis(*axis0, a0->ndim()));
  }
  if (a->ndim() == 0) a = view_of(a, {1}, {0}, a->byte_offset);
  const std::int64_t n = a->sizes[axis];
  if (repeats.size() != 1 && static_cast<std::int64_t>(repeats.size()) != n)
    raise(PyExc::ValueError, "operands could not be broadcast together with shape (" + std::to_string(n) + ",) (" + std::to_string(repeats.size()) + ",)");
  std::int64_t total = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t r = repeats.size() == 1 ? repeats[0] : repeats[i];
    if (r < 0) raise(PyExc::ValueError, "negative dimensions are not allowed");
    total += r;
  }
  if (n == 0 && repeats.size() == 1 && repeats[0] < 0) raise(PyExc::ValueError, "negative dimensions are not allowed");
  Shape shape = a->sizes;
  shape[axis] = total;
  auto out = new_array(Kind::NDArray, a->dtype, shape);
  std::int64_t pos = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t r = repeats.size() == 1 ? repeats[0] : repeats[i];
    if (r == 0 || out->numel() == 0) continue;
    // out[..., pos:pos+r, ...] = a[..., i:i+1, ...] broadcast along the axis.
    auto src = slice_axis(a, axis, i, 1);
    Shape sst = src->byte_strides;
    sst[axis] = 0;
    Shape ssz = src->sizes;
    ssz[axis] = r;
    copy_into(*slice_axis(out, axis, pos, r), *view_of(a, ssz, sst, src->byte_offset), "repeat");
    pos += r;
  }
  report_made(*out, "repeat");
  return out;
}

// ---- PyTorch -----------------------------------------------------------------------------

ArrayPtr torch_cat(const Arrays& ts, std::int64_t dim0) {
  check_all_host(ts, "cat");
  // NOTE aten/src/ATen/native/TensorShape.cpp TORCH_META_FUNC(cat) (1.13).
  if (ts.empty()) raise(PyExc::RuntimeError, "torch.cat(): expected a non-empty list of Tensors");
  for (std::size_t i = 0; i < ts.size(); ++i)
    if (ts[i]->ndim() == 0)
      raise(PyExc::RuntimeError, "zero-dimensional tensor (at position " + std::to_string(i) + ") cannot be concatenated");
  // Legacy rule: 1-d empty tensors are skipped in the shape checks.
  auto skip = [](const Array& t) { return t.ndim() == 1 && t.numel() == 0; };
  const Array* ref = nullptr;
  for (const auto& t : ts)
    if (!skip(*t)) {
      ref = t.get();
      break;
    }
  const std::int64_t dim = ref ? torch_wrap_dim(dim0, ref->ndim()) : torch_wrap_dim(dim0, 1);
  std::vector<Operand> ops;
  for (const auto& t : ts) ops.push_back(Operand{t.get(), {}});
  const DType dt = torch_result_type(ops);
  bool grad = false;
  for (const auto& t : ts) grad = grad || t->requires_grad;
  if (!ref) {
    auto out = new_array(Kind::Tensor, dt, {0});
    out->requires_grad = records_history(grad, dt);
    report_made(*out, "cat");
    return out;
  }
  Shape shape = ref->sizes;
  shape[dim] = 0;
  Arrays used;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const Array& t = *ts[i];
    if (skip(t)) continue;
    if (t.ndim() != ref->ndim())
      raise(PyExc::RuntimeError, "Tensors must have same number of dimensions: got " + std::to_string(ref->ndim()) + " and " + std::to_string(t.ndim()));
    for (int d = 0; d < t.ndim(); ++d)
      if (d != dim && t.sizes[d] != ref->sizes[d])
        raise(PyExc::RuntimeError, "Sizes of tensors must match except in dimension " + std::to_string(dim) + ". Expected size " +
                                       std::to_string(ref->sizes[d]) + " but got size " + std::to_string(t.sizes[d]) + " for tensor number " +
                                       std::to_string(i) + " in the list.");
    shape[dim] += t.sizes[dim];
    used.push_back(ts[i]);
  }
  // compute_output_memory_format: channels-last only when every input suggests it.
  const bool cl = std::all_of(ts.begin(), ts.end(), [&](const ArrayPtr& t) { return strides_like_channels_last(*t); });
  const std::int64_t isz = static_cast<std::int64_t>(itemsize_of(dt));
  Shape st = cl ? layout::channels_last_strides(shape) : layout::contiguous_strides(shape);
  for (auto& s : st) s *= isz;
  auto out = new_array_strided(Kind::Tensor, dt, shape, st);
  fill_along(out, used, static_cast<int>(dim), "cat");
  out->requires_grad = records_history(grad, dt);
  report_made(*out, cl ? "cat of channels-last inputs (stays channels-last)" : "cat");
  return out;
}

ArrayPtr torch_stack(const Arrays& ts, std::int64_t dim0) {
  check_all_host(ts, "stack");
  if (ts.empty()) raise(PyExc::RuntimeError, "stack expects a non-empty TensorList");
  const std::int64_t dim = torch_wrap_dim(dim0, ts[0]->ndim() + 1);
  for (std::size_t i = 1; i < ts.size(); ++i)
    if (ts[i]->sizes != ts[0]->sizes)
      raise(PyExc::RuntimeError, "stack expects each tensor to be equal size, but got " + torch_sizes(ts[0]->sizes) + " at entry 0 and " +
                                     torch_sizes(ts[i]->sizes) + " at entry " + std::to_string(i));
  std::vector<Operand> ops;
  bool grad = false;
  for (const auto& t : ts) ops.push_back(Operand{t.get(), {}}), grad = grad || t->requires_grad;
  const DType dt = torch_result_type(ops);
  Shape shape = ts[0]->sizes;
  shape.insert(shape.begin() + dim, static_cast<std::int64_t>(ts.size()));
  auto out = new_array(Kind::Tensor, dt, shape);
  Arrays expanded;
  for (const auto& t : ts) {
    Shape sz = t->sizes, st = t->byte_strides;
    sz.insert(sz.begin() + dim, 1);
    st.insert(st.begin() + dim, 0);
    expanded.push_back(view_of(t, sz, st, t->byte_offset));
  }
  fill_along(out, expanded, static_cast<int>(dim), "stack");
  out->requires_grad = records_history(grad, dt);
  report_made(*out, "stack");
  return out;
}

Arrays torch_split(const ArrayPtr& t, std::optional<std::int64_t> split_size, const std::vector<std::int64_t>& sizes, std::int64_t dim0) {
  // NOTE aten/src/ATen/native/TensorShape.cpp split / split_with_sizes (1.13).
  if (t->ndim() == 0) raise(PyExc::RuntimeError, split_size ? "split expects at least a 1-dimensional tensor" : "split_with_sizes expects at least a 1-dimensional tensor");
  const int dim = static_cast<int>(torch_wrap_dim(dim0, t->ndim()));
  const std::int64_t n = t->sizes[dim];
  std::vector<std::int64_t> lens;
  if (split_size) {
    const std::int64_t s = *split_size;
    if (s < 0) raise(PyExc::RuntimeError, "split expects split_size be non-negative, but got split_size=" + std::to_string(s));
    if (s == 0 && n != 0)
      raise(PyExc::RuntimeError, "split_size can only be 0 if dimension size is 0, but got dimension size of " + std::to_string(n));
    const std::int64_t num = std::max<std::int64_t>(s ? (n + s - 1) / s : 1, 1);
    for (std::int64_t i = 0; i < num; ++i) lens.push_back(i + 1 < num ? s : s - (s * num - n));
  } else {
    std::int64_t sum = 0;
    for (auto l : sizes) {
      if (l < 0)
        raise(PyExc::RuntimeError, "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=" + torch_sizes(sizes));
      sum += l;
    }
    if (sum != n)
      raise(PyExc::RuntimeError, "split_with_sizes expects split_sizes to sum exactly to " + std::to_string(n) + " (input tensor's size at dimension " +
                                     std::to_string(dim) + "), but got split_sizes=" + torch_sizes(sizes));
    lens = sizes;
  }
  Arrays parts;
  std::int64_t pos = 0;
  for (auto l : lens) {
    parts.push_back(narrow(t, dim, pos, l));
    pos += l;
  }
  report_views(parts, split_size ? "split" : "split_with_sizes");
  return parts;
}

Arrays torch_chunk(const ArrayPtr& t, std::int64_t chunks, std::int64_t dim0) {
  if (t->ndim() == 0) raise(PyExc::RuntimeError, "chunk expects at least a 1-dimensional tensor");
  if (chunks <= 0) raise(PyExc::RuntimeError, "chunk expects `chunks` to be greater than 0, got: " + std::to_string(chunks));
  const int dim = static_cast<int>(torch_wrap_dim(dim0, t->ndim()));
  const std::int64_t n = t->sizes[dim];
  const std::int64_t s = (n + chunks - 1) / chunks;
  Arrays parts = s == 0 && n == 0 ? torch_split(t, std::nullopt, std::vector<std::int64_t>(static_cast<std::size_t>(chunks), 0), dim)
                                  : torch_split(t, s, {}, dim);
  report_views(parts, "chunk");
  return parts;
}

ArrayPtr torch_where(const ArrayPtr& cond, const Operand& x, const Operand& y) {
  check_host_accessible(*cond, "where");
  // NOTE aten/src/ATen/native/TensorCompare.cpp where (1.13): the operands are broadcast
  // (expand_outplace), then the condition's dtype is checked.
  Shape shape = cond->sizes;
  for (const Operand* o : {&x, &y}) {
    if (!o->array) continue;
    auto s = layout::broadcast_shapes(shape, o->array->sizes);
    if (!s) {
      const Shape& b = o->array->sizes;
      const std::size_t n = std::max(shape.size(), b.size());
      for (std::size_t k = 0; k < n; ++k) {
        const std::ptrdiff_t ia = static_cast<std::ptrdiff_t>(k) - static_cast<std::ptrdiff_t>(n - shape.size());
        const std::ptrdiff_t ib = static_cast<std::ptrdiff_t>(k) - static_cast<std::ptrdiff_t>(n - b.size());
        const std::int64_t sa = ia >= 0 ? shape[ia] : 1, sb = ib >= 0 ? b[ib] : 1;
        if (sa != sb && sa != 1 && sb != 1)
          raise(PyExc::RuntimeError, "The size of tensor a (" + std::to_string(sa) + ") must match the size of tensor b (" + std::to_string(sb) +
                                         ") at non-singleton dimension " + std::to_string(k));
      }
    }
    shape = *s;
  }
  if (cond->dtype != DType::Bool && cond->dtype != DType::UInt8)
    raise(PyExc::RuntimeError, std::string("where expected condition to be a boolean tensor, but got a tensor with dtype ") + dtype_info(cond->dtype).scalar_type);
  const DType dt = torch_result_type({x, y});
  auto out = where_kernel(Kind::Tensor, cond, x, y, dt, shape);
  out->requires_grad = records_history((x.array && x.array->requires_grad) || (y.array && y.array->requires_grad), dt);
  return out;
}

}  // namespace ss
