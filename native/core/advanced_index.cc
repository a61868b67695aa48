#include "advanced_index.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "allocation.h"
#include "copy_ops.h"
#include "elementwise.h"
#include "errors.h"
#include "grad_mode.h"
#include "host_access.h"
#include "index_plan.h"
#include "layout.h"
#include "report.h"
#include "scalar.h"
#include "strided_loop.h"

// Parsing an index into a Plan (each library's rules), the result's layout, and a[...] / a[...] = v.
namespace ss {

using namespace idx;

namespace {

using Type = IndexItem::Type;

[[noreturn]] void numpy_type_error() {
  raise(PyExc::IndexError, "arrays used as indices must be of integer (or boolean) type");
}

std::int64_t items_consumed(const std::vector<IndexItem>& basic) {
  std::int64_t n = 0;
  for (const auto& it : basic) n += it.type == Type::Int || it.type == Type::Slice;
  return n;
}

IndexItem full_slice() {
  IndexItem s;
  s.type = Type::Slice;
  return s;
}

// Basic items with a full slice (or a new axis, for 0-d booleans) standing for each
// advanced index; `fancy_at[k]` is the basic item that stands for fancy index k.
struct Lowered {
  std::vector<IndexItem> basic;
  std::vector<int> fancy_item;  // per fancy: index into basic
  std::vector<bool> item_is_adv;  // per basic item: an advanced index (or NumPy integer) for adjacency
};

// Dim of the basic view each basic item produces (-1 when it produces none).
std::vector<int> view_dims(const std::vector<IndexItem>& basic, std::int64_t ndim, bool torch_ints_select) {
  (void)torch_ints_select;
  const std::int64_t consumed = items_consumed(basic);
  std::vector<int> out;
  int vd = 0;
  for (const auto& it : basic) {
    switch (it.type) {
      case Type::Int: out.push_back(-1); break;
      case Type::Ellipsis:
        out.push_back(-1);
        vd += static_cast<int>(ndim - consumed);
        break;
      default: out.push_back(vd++); break;
    }
  }
  return out;
}

// ---- NumPy ----------------------------------------------------------------------------

Plan numpy_plan(const ArrayPtr& a, const std::vector<IndexItem>& items) {
  Plan p;
  const std::int64_t n = a->ndim();
  // A lone boolean index of the array's own shape (HAS_BOOL).
  if (items.size() == 1 && items[0].type == Type::Array && items[0].array->dtype == DType::Bool &&
      items[0].array->sizes == a->sizes && n > 0) {
    p.single_mask = true;
    p.mask = items[0].array;
    p.view = a;
    return p;
  }
  Lowered lo;
  struct Pending {
    IndexValues values;
    Shape shape, strides;
    bool from_bool = false;
    std::int64_t bool_len = -1;  // the boolean axis length (checked against the array)
  };
  std::vector<Pending> pend;
  std::int64_t used = 0;
  bool any_fancy = false;
  for (const auto& it : items) {
    if (it.type == Type::Bool || (it.type == Type::Array && it.array->dtype == DType::Bool && it.array->ndim() == 0)) {
      // A 0-d boolean adds an axis of length 1 (True) or 0 (False), indexed by zeros.
      bool v = it.type == Type::Bool ? it.index != 0 : *it.array->data_ptr() != 0;
      IndexItem na;
      na.type = Type::NewAxis;
      lo.basic.push_back(na);
      lo.item_is_adv.push_back(true);
      lo.fancy_item.push_back(static_cast<int>(lo.basic.size()) - 1);
      Pending pd;
      pd.values = IndexValues::of(std::vector<std::int64_t>(v ? 1 : 0, 0));
      pd.shape = {v ? 1 : 0};
      pd.strides = {1};
      pend.push_back(pd);
      any_fancy = true;
      continue;
    }
    if (it.type != Type::Array) {
      lo.basic.push_back(it);
      lo.item_is_adv.push_back(it.type == Type::Int);
      used += it.type == Type::Int || it.type == Type::Slice;
      continue;
    }
    const Array& arr = *it.array;
    check_host_accessible(arr, "indexing");
    if (arr.dtype == DType::Bool) {
      auto cols = nonzero_columns(arr);
      for (int d = 0; d < arr.ndim(); ++d) {
        lo.basic.push_back(full_slice());
        lo.item_is_adv.push_back(true);
        lo.fancy_item.push_back(static_cast<int>(lo.basic.size()) - 1);
        Pending pd;
        pd.shape = {static_cast<std::int64_t>(cols[d].size())};
        pd.strides = {1};
        pd.values = IndexValues::of(std::move(cols[d]));
        pd.from_bool = true;
        pd.bool_len = arr.sizes[d];
        pend.push_back(std::move(pd));
      }
      used += arr.ndim();
      any_fancy = true;
      continue;
    }
    if (!is_integral(arr.dtype)) numpy_type_error();
    if (arr.ndim() == 0) {
      // A 0-d integer array is an integer that forces a copy (HAS_SCALAR_ARRAY).
      IndexItem ii;
      ii.type = Type::Int;
      ii.index = int64_values(it.array)[0];
      lo.basic.push_back(ii);
      lo.item_is_adv.push_back(true);
      p.scalar_array = true;
      ++used;
      continue;
    }
    lo.basic.push_back(full_slice());
    lo.item_is_adv.push_back(true);
    lo.fancy_item.push_back(static_cast<int>(lo.basic.size()) - 1);
    Pending pd;
    pd.shape = arr.sizes;
    Shape es = arr.elem_strides();
    pd.strides = es;
    pd.values = int64_values(it.array);
    pend.push_back(std::move(pd));
    ++used;
    any_fancy = true;
  }
  if (used > n)
    raise(PyExc::IndexError, "too many indices for array: array is " + std::to_string(n) + "-dimensional, but " +
                                 std::to_string(used) + " were indexed");
  bool has_ellipsis = false;
  for (const auto& it : lo.basic) has_ellipsis = has_ellipsis || it.type == Type::Ellipsis;
  // Without basic items, the index arrays alone give the result's shape (no subspace).
  p.has_subspace = !(used == n && !has_ellipsis && lo.basic.size() == lo.fancy_item.size() &&
                     std::all_of(lo.basic.begin(), lo.basic.end(), [](const IndexItem& b) { return b.type == Type::Slice; }));
  // Boolean index lengths against the axes they take (after the ellipsis is known).
  {
    std::int64_t axis = 0;
    const std::int64_t consumed = items_consumed(lo.basic);
    std::size_t f = 0;
    for (std::size_t k = 0; k < lo.basic.size(); ++k) {
      const bool is_fancy = f < lo.fancy_item.size() && lo.fancy_item[f] == static_cast<int>(k);
      if (is_fancy) {
        if (pend[f].from_bool && pend[f].bool_len != a->sizes[axis])
          raise(PyExc::IndexError, "boolean index did not match indexed array along axis " + std::to_string(axis) +
                                       "; size of axis is " + std::to_string(a->sizes[axis]) +
                                       " but size of corresponding boolean axis is " + std::to_string(pend[f].bool_len));
        ++f;
        if (lo.basic[k].type == Type::Slice) ++axis;
        continue;
      }
      const auto t = lo.basic[k].type;
      if (t == Type::Ellipsis) axis += n - consumed;
      else if (t == Type::Int || t == Type::Slice) ++axis;
    }
  }
  p.view = basic_index(a, lo.basic);
  if (!any_fancy) return p;
  // Which view dim and original axis each fancy index takes.
  auto vdims = view_dims(lo.basic, n, false);
  {
    std::int64_t axis = 0;
    const std::int64_t consumed = items_consumed(lo.basic);
    std::size_t f = 0;
    for (std::size_t k = 0; k < lo.basic.size(); ++k) {
      const bool is_fancy = f < lo.fancy_item.size() && lo.fancy_item[f] == static_cast<int>(k);
      const auto t = lo.basic[k].type;
      if (is_fancy) {
        Fancy fc;
        fc.values = std::move(pend[f].values);
        fc.shape = pend[f].shape;
        fc.strides = pend[f].strides;
        fc.vdim = vdims[k];
        fc.axis = t == Type::NewAxis ? -1 : axis;
        p.fancy.push_back(std::move(fc));
        ++f;
      }
      if (t == Type::Ellipsis) axis += n - consumed;
      else if (t == Type::Int || t == Type::Slice) ++axis;
    }
  }
  // Adjacency (mapiter_fill_info): integers and advanced indices together; any other item between them
  // (an empty ellipsis too) puts the broadcast dims first.
  int status = -1, consec = 0, result_dim = 0;
  for (std::size_t k = 0; k < lo.basic.size(); ++k) {
    if (lo.item_is_adv[k]) {
      if (status == -1) consec = result_dim, status = 0;
      else if (status == 1) status = 2, consec = 0;
    } else if (status == 0) {
      status = 1;
    }
    const auto t = lo.basic[k].type;
    if (lo.item_is_adv[k]) continue;
    if (t == Type::Ellipsis) result_dim += static_cast<int>(n - items_consumed(lo.basic));
    else result_dim += 1;
  }
  p.insert_at = consec;
  return p;
}

// ---- PyTorch --------------------------------------------------------------------------

Plan torch_plan(const ArrayPtr& a, const std::vector<IndexItem>& items, bool mask_shortcut) {
  Plan p;
  p.torch = true;
  const std::int64_t n = a->ndim();
  // count_specified_dimensions: masks count their dims, other tensors one.
  std::int64_t specified = 0;
  for (const auto& it : items) {
    if (it.type == Type::Int || it.type == Type::Slice) ++specified;
    if (it.type == Type::Array) {
      const DType d = it.array->dtype;
      if (it.array->ndim() == 0 && d != DType::Bool && d != DType::UInt8) ++specified;
      else if (it.array->ndim() != 0) specified += d == DType::Bool || d == DType::UInt8 ? it.array->ndim() : 1;
    }
  }
  if (specified > n) raise(PyExc::IndexError, "too many indices for tensor of dimension " + std::to_string(n));
  if (mask_shortcut && items.size() == 1 && items[0].type == Type::Array && items[0].array->dtype == DType::Bool &&
      items[0].array->sizes == a->sizes && n > 0) {
    p.single_mask = true;
    p.mask = items[0].array;
    p.view = a;
    return p;
  }
  std::vector<IndexItem> basic;
  struct Pending {
    ArrayPtr arr;  // the index tensor (integer) or mask (bool/uint8)
    bool scalar_bool = false;
    bool value = false;
  };
  std::vector<std::pair<int, Pending>> adv;  // (basic item, index)
  for (const auto& it : items) {
    if (it.type == Type::Bool || (it.type == Type::Array && it.array->ndim() == 0 &&
                                  (it.array->dtype == DType::Bool || it.array->dtype == DType::UInt8))) {
      IndexItem na;
      na.type = Type::NewAxis;
      basic.push_back(na);
      Pending pd;
      pd.scalar_bool = true;
      pd.value = it.type == Type::Bool ? it.index != 0 : *it.array->data_ptr() != 0;
      adv.push_back({static_cast<int>(basic.size()) - 1, pd});
      continue;
    }
    if (it.type == Type::Array && it.array->ndim() == 0 && is_integral(it.array->dtype)) {
      IndexItem ii;
      ii.type = Type::Int;
      ii.index = int64_values(it.array)[0];
      basic.push_back(ii);
      continue;
    }
    if (it.type != Type::Array) {
      basic.push_back(it);
      continue;
    }
    check_host_accessible(*it.array, "indexing");
    const DType d = it.array->dtype;
    const bool mask = d == DType::Bool || d == DType::UInt8;
    const int dims = mask ? std::max(it.array->ndim(), 1) : 1;
    for (int k = 0; k < dims; ++k) {
      basic.push_back(full_slice());
      if (k == 0) adv.push_back({static_cast<int>(basic.size()) - 1, Pending{it.array}});
    }
  }
  p.view = basic_index(a, basic);
  // checkIndexTensorTypes
  for (auto& [k, pd] : adv) {
    if (pd.scalar_bool) continue;
    const DType d = pd.arr->dtype;
    // PyTorch 1.13 (the oracle) refuses int32 here; 2.x converts it to long.
    if (d != DType::Int64 && d != DType::Bool && d != DType::UInt8)
      raise(PyExc::IndexError, "tensors used as indices must be long, byte or bool tensors");
  }
  auto vdims = view_dims(basic, n, true);
  // expandTensors: masks become one index per dim (checked against the sliced tensor).
  const Array& v = *p.view;
  for (auto& [k, pd] : adv) {
    const int vd = vdims[k];
    if (pd.scalar_bool) {
      Fancy fc;
      fc.values = IndexValues::of(std::vector<std::int64_t>(pd.value ? 1 : 0, 0));
      fc.shape = {pd.value ? 1 : 0};
      fc.strides = {1};
      fc.vdim = vd;
      p.fancy.push_back(std::move(fc));
      continue;
    }
    const Array& arr = *pd.arr;
    if (arr.dtype == DType::Bool || arr.dtype == DType::UInt8) {
      if (arr.dtype == DType::UInt8)
        report_warning("UserWarning", "indexing with dtype torch.uint8 is now deprecated, please use a dtype torch.bool instead.");
      for (int j = 0; j < arr.ndim(); ++j)
        if (vd + j >= v.ndim() || arr.sizes[j] != v.sizes[vd + j])
          raise(PyExc::IndexError, "The shape of the mask " + layout::torch_list(arr.sizes) + " at index " + std::to_string(j) +
                                       " does not match the shape of the indexed tensor " + layout::torch_list(v.sizes) +
                                       " at index " + std::to_string(vd + j));
      auto cols = nonzero_columns(arr);
      for (int j = 0; j < arr.ndim(); ++j) {
        Fancy fc;
        fc.shape = {static_cast<std::int64_t>(cols[j].size())};
        fc.strides = {arr.ndim()};
        fc.values = IndexValues::of(std::move(cols[j]));
        fc.vdim = vd + j;
        p.fancy.push_back(std::move(fc));
      }
      continue;
    }
    Fancy fc;
    fc.shape = arr.sizes;
    // An int32 index is converted to a new contiguous long tensor first.
    fc.strides = arr.dtype == DType::Int32 ? c_strides(arr.sizes, 1) : arr.elem_strides();
    fc.values = int64_values(pd.arr);
    fc.vdim = vd;
    p.fancy.push_back(std::move(fc));
  }
  for (std::size_t i = 0; i < p.fancy.size(); ++i) p.fancy[i].axis = static_cast<std::int64_t>(i);
  std::sort(p.fancy.begin(), p.fancy.end(), [](const Fancy& x, const Fancy& y) { return x.vdim < y.vdim; });
  // hasContiguousSubspace over the sliced tensor's dims.
  bool adjacent = true;
  for (std::size_t i = 1; i < p.fancy.size(); ++i) adjacent = adjacent && p.fancy[i].vdim == p.fancy[i - 1].vdim + 1;
  p.insert_at = adjacent && !p.fancy.empty() ? p.fancy[0].vdim : 0;
  return p;
}

// ---- shared -----------------------------------------------------------------------------

// A fake operand for the layout helpers: `sizes` with `strides`.
Array layout_operand(const Array& like, const Shape& sizes, const Shape& strides) {
  Array a;
  a.kind = like.kind;
  a.dtype = like.dtype;
  a.sizes = sizes;
  a.byte_strides = strides;
  return a;
}

// The strides TensorIterator gives a new output of `sizes` from its inputs' byte strides
// (TensorIteratorBase::reorder_dimensions and compatible_stride; the contiguous fast
// path when every input is contiguous).
Shape tensor_iterator_strides(const Shape& sizes, const std::vector<Shape>& inputs, std::int64_t item) {
  const int n = static_cast<int>(sizes.size());
  auto contiguous = [&] { return layout::contiguous_strides(sizes, item); };
  // (An empty result takes the ordered path too: torch 1.13 gives a[False] the source's order.)
  bool fast = prod(sizes) != 0;
  if (fast) {
    for (const auto& st : inputs) {
      std::int64_t expect = item;
      for (int d = n - 1; d >= 0 && fast; --d) {
        if (sizes[d] == 1) continue;
        fast = st[d] == expect;
        expect *= sizes[d];
      }
    }
  }
  if (fast || n <= 1) return contiguous();
  std::vector<int> perm(n);
  for (int i = 0; i < n; ++i) perm[i] = n - 1 - i;
  auto should_swap = [&](int d0, int d1) {
    for (const auto& st : inputs) {
      const std::int64_t s0 = st[d0], s1 = st[d1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (sizes[d0] > sizes[d1]) return 1;
    }
    return 0;
  };
  for (int i = 1; i < n; ++i) {
    int d1 = i;
    for (int d0 = i - 1; d0 >= 0; --d0) {
      const int c = should_swap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  bool inverted = true;
  for (int i = 0; i < n; ++i) inverted = inverted && perm[i] == n - 1 - i;
  if (inverted) return contiguous();
  Shape st(n);
  std::int64_t next = item;
  for (int k = 0; k < n; ++k) {
    st[perm[k]] = next;
    next *= sizes[perm[k]];
  }
  return st;
}

// Allocates the result; returns it and its byte strides in iteration order.
std::pair<ArrayPtr, Shape> allocate_result(const Plan& p) {
  const Array& v = *p.view;
  const std::int64_t item = static_cast<std::int64_t>(v.itemsize());
  const int nb = static_cast<int>(p.bshape.size()), ns = static_cast<int>(p.sub_sizes.size());
  const ResultDims dims = result_dims(p);
  const Shape& it_sizes = dims.iter_sizes;
  const std::vector<int>& pos = dims.pos;
  const Shape& fin_sizes = dims.sizes;
  const bool empty = prod(it_sizes) == 0;
  if (!p.torch) {
    // mapping.c: the broadcast dims C-ordered (or in the index arrays' order when the
    // subspace has one element), the subspace in the view's memory order.
    const std::int64_t subn = prod(p.sub_sizes);
    Shape st(nb + ns, 0);
    if (!p.has_subspace || subn == 1) {
      std::vector<Array> ops;
      for (const auto& f : p.fancy) {
        Shape bs(f.strides.size());
        for (std::size_t d = 0; d < bs.size(); ++d) bs[d] = f.strides[d] * 8;
        ops.push_back(layout_operand(v, f.shape, bs));
      }
      std::vector<const Array*> ptrs;
      for (auto& o : ops) ptrs.push_back(&o);
      Shape bst = result_strides(Kind::NDArray, p.bshape, ptrs, static_cast<std::size_t>(item * std::max<std::int64_t>(subn, 1)));
      for (int j = 0; j < nb; ++j) st[j] = bst[j];
    } else {
      Shape bst = c_strides(p.bshape, item * subn);
      for (int j = 0; j < nb; ++j) st[j] = bst[j];
    }
    // PyArray_CreateSortedStridePerm: descending |stride|, ties in dim order.
    std::vector<int> perm(ns);
    std::iota(perm.begin(), perm.end(), 0);
    std::stable_sort(perm.begin(), perm.end(), [&](int x, int y) {
      return std::llabs(p.sub_strides[x]) > std::llabs(p.sub_strides[y]);
    });
    std::int64_t acc = item;
    for (int i = ns - 1; i >= 0; --i) {
      st[nb + perm[i]] = acc;
      acc *= p.sub_sizes[perm[i]];
    }
    if (empty) std::fill(st.begin(), st.end(), 0);
    auto owner = new_array_strided(Kind::NDArray, v.dtype, it_sizes, st);
    owner->byte_order = v.byte_order;
    if (p.insert_at == 0) return {owner, st};
    return {derive_view(owner, fin_sizes, dims.to_result(st), owner->byte_offset), st};
  }
  // torch: TensorIterator over the restrided source (0 on the index dims) and each index
  // expanded to the broadcast shape and reshaped to the result's rank (reshape_indexer).
  Shape src_st(nb + ns, 0);
  for (int s = 0; s < ns; ++s) src_st[pos[nb + s]] = p.sub_strides[s];
  std::vector<Shape> operands{src_st};
  Shape newshape(nb + ns, 1);
  for (int j = 0; j < nb; ++j) newshape[pos[j]] = p.bshape[j];
  for (const auto& f : p.fancy) {
    Shape ex(nb, 0);  // expand to the broadcast shape: new and size-1 dims stride 0
    const int o = nb - static_cast<int>(f.shape.size());
    for (int d = 0; d < static_cast<int>(f.shape.size()); ++d)
      ex[o + d] = f.shape[d] == 1 && p.bshape[o + d] != 1 ? 0 : f.strides[d];
    auto rs = layout::compute_stride(p.bshape, ex, newshape);
    Shape st = rs ? *rs : layout::contiguous_strides(newshape);
    for (int k = 0; k < nb + ns; ++k) st[k] = newshape[k] == 1 && fin_sizes[k] != 1 ? 0 : st[k] * 8;
    operands.push_back(st);
  }
  Shape fst = tensor_iterator_strides(fin_sizes, operands, item);
  auto out = new_array_on(*v.storage, Kind::Tensor, v.dtype, fin_sizes, fst);
  return {out, dims.to_iteration(fst)};
}

// The value of an assignment as a new array of dst's dtype (so it may alias dst).
ArrayPtr value_array(const Array& dst, const Operand& value) {
  ReportScope keep;
  if (!value.array) {
    auto one = new_array(dst.kind, dst.dtype, {});
    fill(one, value.scalar);
    return one;
  }
  const Array& src = *value.array;
  check_host_accessible(src, "assignment");
  if (dst.is_tensor() && src.dtype != dst.dtype)
    raise(PyExc::RuntimeError, std::string("Index put requires the source and destination dtypes match, got ") +
                                   dtype_info(dst.dtype).scalar_type + " for the destination and " +
                                   dtype_info(src.dtype).scalar_type + " for the source.");
  auto c = copy_to_new(src, dst.kind, dst.dtype, c_strides(src.sizes, static_cast<std::int64_t>(dst.itemsize())), "value");
  c->byte_order = dst.byte_order;
  return c;
}

// Strides of `val` broadcast to `shape`, or the library's shape-mismatch error.
Shape value_strides(const Plan& p, const Array& val, const Shape& shape) {
  auto fail = [&]() -> Shape {
    if (p.torch)
      raise(PyExc::RuntimeError, "shape mismatch: value tensor of shape " + layout::torch_list(val.sizes) +
                                     " cannot be broadcast to indexing result of shape " + layout::torch_list(shape));
    raise(PyExc::ValueError, "shape mismatch: value array of shape " + np_shape(val.sizes) +
                                 " could not be broadcast to indexing result of shape " + np_shape(shape));
  };
  const int nv = val.ndim(), ns = static_cast<int>(shape.size());
  Shape st(ns, 0);
  for (int k = 0; k < nv; ++k) {
    const int d = ns - nv + k;
    if (d < 0) {
      if (val.sizes[k] != 1) return fail();
      continue;
    }
    if (val.sizes[k] == shape[d]) st[d] = val.sizes[k] == 1 ? 0 : val.byte_strides[k];
    else if (val.sizes[k] != 1) return fail();
  }
  return st;
}

}  // namespace

void check_numpy_setitem_scalar(const Array& dst, const Operand& value) {
  if (dst.is_tensor() || value.array || value.scalar.type != Scalar::Type::Complex) return;
  if (is_integral(dst.dtype))
    raise(PyExc::TypeError, "int() argument must be a string, a bytes-like object or a real number, not 'complex'");
  if (is_floating(dst.dtype)) raise(PyExc::TypeError, "float() argument must be a string or a real number, not 'complex'");
}

bool is_advanced(const std::vector<IndexItem>& items) {
  for (const auto& it : items)
    if (it.type == Type::Array || it.type == Type::Bool) return true;
  return false;
}

ArrayPtr advanced_get(const ArrayPtr& a0, const std::vector<IndexItem>& items) {
  const ArrayPtr a = a0->is_tensor() && a0->conj ? resolve_conj(a0) : a0;
  Plan p = a->is_tensor() ? torch_plan(a, items, true) : numpy_plan(a, items);
  ArrayPtr out;
  if (p.single_mask) {
    out = mask_gather(a, *p.mask);
    report_result("mask-gather", *out, "boolean mask index");
  } else if (p.fancy.empty()) {
    // NumPy: only a 0-d integer array among basic items: a copy of the view.
    out = p.scalar_array ? copy_to_new(*p.view, Kind::NDArray, p.view->dtype, strides_for_order(*p.view, Order::K, p.view->dtype), "index")
                         : p.view;
    if (p.scalar_array) report_result("strided-copy", *out, "index with a 0-d integer array");
  } else {
    check_host_accessible(*p.view, "indexing");
    prepare_fancy(p);
    auto [res, it_strides] = allocate_result(p);
    if (!try_gather_direct(p, *res, it_strides)) move_blocks(p, fancy_offsets(p), *res, it_strides, false);
    out = res;
    report_result("gather", *out, "advanced index");
  }
  if (out->is_tensor() && out != p.view) out->requires_grad = records_history(a->requires_grad, out->dtype);
  return out;
}

void advanced_set(const ArrayPtr& a, const std::vector<IndexItem>& items, const Operand& value) {
  check_writeable(*a);
  check_host_accessible(*a, "assignment");
  // torch: a[mask] = v is index_put_ with the mask's nonzero indices (no shortcut).
  Plan p = a->is_tensor() ? torch_plan(a, items, false) : numpy_plan(a, items);
  std::size_t written = 0;
  if (p.single_mask) {
    // array_assign_boolean_subscript: a 0-d or 1-d value of one element or of one per True.
    auto val = value_array(*a, value);
    if (val->ndim() > 1)
      raise(PyExc::TypeError, "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has " +
                                  std::to_string(val->ndim()) + " dimensions");
    const std::int64_t n = count_true(*p.mask), vn = val->numel();
    if (vn != 1 && vn != n)
      raise(PyExc::ValueError, "NumPy boolean array indexing assignment cannot assign " + std::to_string(vn) +
                                   " input values to the " + std::to_string(n) + " output values where the mask is true");
    const std::size_t item = a->itemsize();
    const char* src = val->data_ptr();
    const std::size_t step = vn == 1 ? 0 : item;
    strided_for_each<2>(a->sizes, {a->data_ptr(), p.mask->data_ptr()}, {&a->byte_strides, &p.mask->byte_strides},
                        [&](const std::array<char*, 2>& q) {
                          if (*q[1]) {
                            copy_elem(q[0], src, item);
                            src += step;
                          }
                        });
    written = static_cast<std::size_t>(n) * item;
  } else if (p.fancy.empty()) {
    assign(p.view, value);
    return;
  } else {
    prepare_fancy(p);
    auto off = fancy_offsets(p);
    auto val = value_array(*a, value);
    // The indexing result's shape (as a get would give it), then the value in iteration order.
    const ResultDims dims = result_dims(p);
    move_blocks(p, off, *val, dims.to_iteration(value_strides(p, *val, dims.sizes)), true);
    written = static_cast<std::size_t>(prod(dims.iter_sizes)) * a->itemsize();
  }
  report_copy("scatter", written, "assignment through an advanced index (writes into the array's own memory)");
  if (value.array && a->is_tensor() && records_history(value.array->requires_grad, a->dtype)) a->requires_grad = true;
}

}  // namespace ss
