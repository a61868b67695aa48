#include "advanced_index.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "allocation.h"
#include "cancel.h"
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

namespace ss {

namespace {

using Type = IndexItem::Type;

std::string np_shape(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

std::int64_t prod(const Shape& s) {
  std::int64_t n = 1;
  for (auto v : s) n *= v;
  return n;
}

Shape c_strides(const Shape& sizes, std::int64_t unit) {
  Shape st(sizes.size());
  std::int64_t acc = unit;
  for (int d = static_cast<int>(sizes.size()) - 1; d >= 0; --d) {
    st[d] = acc;
    acc *= std::max<std::int64_t>(sizes[d], 1);
  }
  return st;
}

// Work done inside one indexing op (reading index arrays as int64, casting a value)
// is part of that op: its copies do not replace the op's own record.
struct ReportScope {
  OpReport saved = current_report();
  ~ReportScope() { current_report() = saved; }
};

// True when `a` is one dense C-order run of its elements.
bool dense_c(const Array& a) {
  std::int64_t expect = static_cast<std::int64_t>(a.itemsize());
  for (int d = a.ndim() - 1; d >= 0; --d) {
    if (a.sizes[d] != 1 && a.byte_strides[d] != expect) return false;
    expect *= a.sizes[d];
  }
  return true;
}

// An index's int64 values in C order: read in place from a dense int64 array, else from a
// converted copy (or made here: nonzero columns, the zeros of a 0-d boolean). Never written.
struct IndexValues {
  std::shared_ptr<const void> keep;
  const std::int64_t* ptr = nullptr;
  std::size_t n = 0;
  std::int64_t operator[](std::size_t i) const { return ptr[i]; }
  std::size_t size() const { return n; }
  static IndexValues of(std::vector<std::int64_t> v) {
    auto owned = std::make_shared<std::vector<std::int64_t>>(std::move(v));
    IndexValues r;
    r.ptr = owned->data();
    r.n = owned->size();
    r.keep = owned;
    return r;
  }
};

IndexValues int64_values(const ArrayPtr& idx) {
  IndexValues r;
  r.n = static_cast<std::size_t>(idx->numel());
  if (r.n == 0) return IndexValues::of({});
  if (idx->dtype == DType::Int64 && idx->byte_order != '>' && idx->byte_order != '<' && dense_c(*idx) &&
      reinterpret_cast<std::uintptr_t>(idx->data_ptr()) % 8 == 0) {
    r.keep = idx;
    r.ptr = reinterpret_cast<const std::int64_t*>(idx->data_ptr());
    return r;
  }
  ReportScope keep;
  auto c = copy_to_new(*idx, Kind::NDArray, DType::Int64, c_strides(idx->sizes, 8), "index values");
  r.keep = c;
  r.ptr = reinterpret_cast<const std::int64_t*>(c->data_ptr());
  return r;
}

// C-order positions of the True elements of a bool array: one int64 vector per dim.
std::vector<std::vector<std::int64_t>> nonzero_columns(const Array& mask) {
  const int nd = mask.ndim();
  std::vector<std::vector<std::int64_t>> cols(nd);
  Shape pos(nd, 0);
  strided_for_each<1>(mask.sizes, {mask.data_ptr()}, {&mask.byte_strides}, [&](const std::array<char*, 1>& p) {
    if (*p[0]) {
      for (int d = 0; d < nd; ++d) cols[d].push_back(pos[d]);
    }
    for (int d = nd - 1; d >= 0; --d) {
      if (++pos[d] < mask.sizes[d]) break;
      pos[d] = 0;
    }
  });
  return cols;
}

// One advanced index after parsing: int64 values of `shape` indexing dim `vdim` of the view.
struct Fancy {
  IndexValues values;
  Shape shape;
  Shape strides;  // element strides of the index as given (its memory order decides layouts)
  int vdim = 0;   // the dim of the basic view it indexes
  std::int64_t axis = 0;  // the axis its messages name
};

// What the parse of an index gives: the basic view, the advanced indices on its dims,
// and where their broadcast dims go in the result.
struct Plan {
  bool torch = false;
  ArrayPtr view;
  std::vector<Fancy> fancy;
  Shape bshape;          // broadcast shape of the advanced indices
  int insert_at = 0;     // result dims before the broadcast dims
  bool has_subspace = true;  // NumPy: any basic item (else the index arrays alone shape it)
  bool scalar_array = false; // NumPy: a 0-d integer array among only basic items forces a copy
  bool single_mask = false;  // one boolean index covering every dim (a[mask])
  ArrayPtr mask;
  // Subspace: the view's dims that no advanced index takes.
  Shape sub_sizes, sub_strides;
  std::vector<int> sub_vdims;
};

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

std::string torch_shapes(const std::vector<Fancy>& f) {
  std::string r;
  for (std::size_t i = 0; i < f.size(); ++i) r += (i ? ", " : "") + layout::torch_list(f[i].shape);
  return r;
}

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

// Broadcasts the advanced indices, checks their bounds (wrapping negative ones) and
// finds the subspace. Touches only the index values, never the broadcast shape.
void prepare_fancy(Plan& p) {
  Shape b;
  bool ok = true;
  for (const auto& f : p.fancy) {
    auto s = layout::broadcast_shapes(b, f.shape);
    if (!s) {
      ok = false;
      break;
    }
    b = *s;
  }
  if (!ok) {
    if (p.torch) raise(PyExc::IndexError, "shape mismatch: indexing tensors could not be broadcast together with shapes " + torch_shapes(p.fancy));
    std::string msg;
    for (const auto& f : p.fancy) msg += np_shape(f.shape) + " ";
    raise(PyExc::IndexError, "shape mismatch: indexing arrays could not be broadcast together with shapes " + msg);
  }
  p.bshape = b;
  const Array& v = *p.view;
  const std::int64_t total = prod(b);
  if (p.torch) {
    // AdvancedIndex: an indexed dim of size 0 with a non-empty index shape.
    bool zero_dim = false;
    for (const auto& f : p.fancy) zero_dim = zero_dim || v.sizes[f.vdim] == 0;
    if (zero_dim && total != 0) raise(PyExc::IndexError, "index is out of bounds for dimension with size 0");
  }
  auto oob = [&](const Fancy& f, std::int64_t val) {
    const std::int64_t size = v.sizes[f.vdim];
    raise(PyExc::IndexError, "index " + std::to_string(val) + " is out of bounds for " + (p.torch ? "dimension " : "axis ") +
                                 std::to_string(f.axis) + " with size " + std::to_string(size));
  };
  if (total != 0) {
    // NumPy checks each index array in turn (none when the broadcast is empty); torch's
    // kernel checks every index of one element before the next element, which names the
    // same value whenever one index array is out of bounds.
    for (auto& f : p.fancy) {
      const std::int64_t size = v.sizes[f.vdim];
      for (std::size_t i = 0; i < f.values.size(); ++i) {
        const std::int64_t x = f.values[i];
        if (x < -size || x >= size) oob(f, x);
        if ((i & (kCancelChunk - 1)) == kCancelChunk - 1) check_cancel();
      }
    }
  }
  // The subspace: the view's dims no index takes.
  std::vector<bool> taken(v.ndim(), false);
  for (const auto& f : p.fancy) taken[f.vdim] = true;
  for (int d = 0; d < v.ndim(); ++d)
    if (!taken[d]) {
      p.sub_sizes.push_back(v.sizes[d]);
      p.sub_strides.push_back(v.byte_strides[d]);
      p.sub_vdims.push_back(d);
    }
}

// One byte offset into the view per element of the broadcast shape (C order).
std::vector<std::int64_t> fancy_offsets(const Plan& p) {
  const Array& v = *p.view;
  const Shape& b = p.bshape;
  const std::int64_t total = prod(b);
  // offsets[i] = sum over indices of value (negative ones wrapped) * stride of the dim it takes.
  std::vector<std::int64_t> off(static_cast<std::size_t>(total));
  const int nb = static_cast<int>(b.size());
  for (const auto& f : p.fancy) {
    const std::int64_t stride = v.byte_strides[f.vdim], size = v.sizes[f.vdim];
    auto at = [&](std::size_t k) {
      const std::int64_t x = f.values[k];
      return (x < 0 ? x + size : x) * stride;
    };
    Shape fs = c_strides(f.shape, 1);
    Shape st(nb, 0);
    const int o = nb - static_cast<int>(f.shape.size());
    for (int d = 0; d < static_cast<int>(f.shape.size()); ++d) st[o + d] = f.shape[d] == 1 ? 0 : fs[d];
    if (nb == 1 && st[0] == 1) {
      for (std::int64_t i = 0; i < total; ++i) off[i] += at(static_cast<std::size_t>(i));
      continue;
    }
    Shape pos(nb, 0);
    std::int64_t src = 0;
    for (std::int64_t i = 0; i < total; ++i) {
      if ((i & (kCancelChunk - 1)) == kCancelChunk - 1) check_cancel();
      off[i] += at(static_cast<std::size_t>(src));
      for (int d = nb - 1; d >= 0; --d) {
        src += st[d];
        if (++pos[d] < b[d]) break;
        src -= st[d] * b[d];
        pos[d] = 0;
      }
    }
  }
  return off;
}

// The result's dims in iteration order (broadcast dims, then the subspace), and where each goes.
std::vector<int> final_positions(const Plan& p) {
  const int nb = static_cast<int>(p.bshape.size()), ns = static_cast<int>(p.sub_sizes.size());
  std::vector<int> pos(nb + ns);
  for (int j = 0; j < nb; ++j) pos[j] = p.insert_at + j;
  for (int s = 0; s < ns; ++s) pos[nb + s] = s < p.insert_at ? s : s + nb;
  return pos;
}

// A fake operand for the layout helpers: `sizes` with `strides`.
Array layout_operand(const Array& like, const Shape& sizes, const Shape& strides) {
  Array a;
  a.kind = like.kind;
  a.dtype = like.dtype;
  a.sizes = sizes;
  a.byte_strides = strides;
  return a;
}

// Allocates the result; returns it and its byte strides in iteration order.
std::pair<ArrayPtr, Shape> allocate_result(const Plan& p) {
  const Array& v = *p.view;
  const std::int64_t item = static_cast<std::int64_t>(v.itemsize());
  const int nb = static_cast<int>(p.bshape.size()), ns = static_cast<int>(p.sub_sizes.size());
  Shape it_sizes = p.bshape;
  it_sizes.insert(it_sizes.end(), p.sub_sizes.begin(), p.sub_sizes.end());
  auto pos = final_positions(p);
  Shape fin_sizes(nb + ns);
  for (int k = 0; k < nb + ns; ++k) fin_sizes[pos[k]] = it_sizes[k];
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
    Shape fs(nb + ns);
    for (int k = 0; k < nb + ns; ++k) fs[pos[k]] = st[k];
    return {derive_view(owner, fin_sizes, fs, owner->byte_offset), st};
  }
  // torch: TensorIterator over the restrided source and the reshaped indices.
  Shape src_st(nb + ns, 0);
  for (int s = 0; s < ns; ++s) src_st[pos[nb + s]] = p.sub_strides[s];
  std::vector<Array> ops{layout_operand(v, fin_sizes, src_st)};
  for (const auto& f : p.fancy) {
    Shape is(nb + ns, 0);
    const int o = nb - static_cast<int>(f.shape.size());
    for (int d = 0; d < static_cast<int>(f.shape.size()); ++d)
      if (f.shape[d] != 1 || p.bshape[o + d] == 1) is[pos[o + d]] = f.strides[d] * 8;
    // Size-1 index dims keep their stride only where the result has size 1 too.
    ops.push_back(layout_operand(v, fin_sizes, is));
  }
  std::vector<const Array*> ptrs;
  for (auto& o : ops) ptrs.push_back(&o);
  Shape fst = result_strides(Kind::Tensor, fin_sizes, ptrs, static_cast<std::size_t>(item));
  auto out = new_array_on(*v.storage, Kind::Tensor, v.dtype, fin_sizes, fst);
  Shape st(nb + ns);
  for (int k = 0; k < nb + ns; ++k) st[k] = fst[pos[k]];
  return {out, st};
}

// Copies one element of `item` bytes.
inline void copy_elem(char* dst, const char* src, std::size_t item) {
  switch (item) {
    case 1: *dst = *src; break;
    case 2: std::memcpy(dst, src, 2); break;
    case 4: std::memcpy(dst, src, 4); break;
    case 8: std::memcpy(dst, src, 8); break;
    case 16: std::memcpy(dst, src, 16); break;
    default: std::memcpy(dst, src, item);
  }
}

// dst[i] = src[index[i]] for one 1-D index (negative indices wrapped), no offset table.
template <class T>
void gather_direct(char* dst, std::int64_t dst_stride, const char* src, std::int64_t src_stride, std::int64_t size,
                   const std::int64_t* index, std::int64_t n) {
  for (std::int64_t i0 = 0; i0 < n; i0 += kCancelChunk) {
    const std::int64_t i1 = std::min(n, i0 + kCancelChunk);
    for (std::int64_t i = i0; i < i1; ++i) {
      const std::int64_t x = index[i];
      std::memcpy(dst + i * dst_stride, src + (x < 0 ? x + size : x) * src_stride, sizeof(T));
    }
    check_cancel();
  }
}

// The common a[idx] of one 1-D index and nothing else kept: gathers straight from the
// index values. False when the shape is not that one.
bool try_gather_direct(const Plan& p, const Array& out, const Shape& it_strides) {
  if (p.fancy.size() != 1 || !p.sub_sizes.empty() || p.bshape.size() != 1) return false;
  const Array& v = *p.view;
  const Fancy& f = p.fancy[0];
  const std::int64_t n = p.bshape[0], size = v.sizes[f.vdim], vs = v.byte_strides[f.vdim];
  char* dst = out.data_ptr();
  const char* src = v.data_ptr();
  switch (v.itemsize()) {
    case 1: gather_direct<std::uint8_t>(dst, it_strides[0], src, vs, size, f.values.ptr, n); return true;
    case 2: gather_direct<std::uint16_t>(dst, it_strides[0], src, vs, size, f.values.ptr, n); return true;
    case 4: gather_direct<std::uint32_t>(dst, it_strides[0], src, vs, size, f.values.ptr, n); return true;
    case 8: gather_direct<std::uint64_t>(dst, it_strides[0], src, vs, size, f.values.ptr, n); return true;
    default: return false;
  }
}

// Walks the broadcast shape in C order; for element i calls f(offset[i], dst byte offset of i).
// `block` is the subspace's element count (cancel polling counts elements moved).
template <class F>
void walk_broadcast(const Shape& b, const Shape& bst, const std::vector<std::int64_t>& off, std::int64_t block, F&& f) {
  const int nb = static_cast<int>(b.size());
  Shape pos(nb, 0);
  std::int64_t d_off = 0, moved = 0;
  const std::int64_t total = static_cast<std::int64_t>(off.size());
  for (std::int64_t i = 0; i < total; ++i) {
    f(off[i], d_off);
    moved += block;
    if (moved >= kCancelChunk) {
      moved = 0;
      check_cancel();
    }
    for (int d = nb - 1; d >= 0; --d) {
      d_off += bst[d];
      if (++pos[d] < b[d]) break;
      d_off -= bst[d] * b[d];
      pos[d] = 0;
    }
  }
}

// For each element of the broadcast shape, copies the subspace block between the
// source view (at base + off[i]) and the result (at its iteration strides).
// `to_source` reverses the direction (assignment).
void move_blocks(const Plan& p, const std::vector<std::int64_t>& off, const Array& other, const Shape& other_it_strides,
                 bool to_source) {
  const Array& v = *p.view;
  const std::size_t item = v.itemsize();
  const int nb = static_cast<int>(p.bshape.size());
  Shape bst(other_it_strides.begin(), other_it_strides.begin() + nb);
  Shape ost(other_it_strides.begin() + nb, other_it_strides.end());
  char* vbase = v.data_ptr();
  char* obase = other.data_ptr();
  const std::int64_t block = std::max<std::int64_t>(prod(p.sub_sizes), 1);
  if (prod(p.sub_sizes) == 0 || off.empty()) return;
  if (p.sub_sizes.empty()) {
    walk_broadcast(p.bshape, bst, off, 1, [&](std::int64_t so, std::int64_t dofs) {
      if (to_source) copy_elem(vbase + so, obase + dofs, item);
      else copy_elem(obase + dofs, vbase + so, item);
    });
    return;
  }
  walk_broadcast(p.bshape, bst, off, block, [&](std::int64_t so, std::int64_t dofs) {
    std::array<char*, 2> ptrs{obase + dofs, vbase + so};
    strided_for_each<2>(p.sub_sizes, ptrs, {&ost, &p.sub_strides}, [&](const std::array<char*, 2>& q) {
      if (to_source) copy_elem(q[1], q[0], item);
      else copy_elem(q[0], q[1], item);
    });
  });
}

std::string shape_words(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

void report_result(const char* kernel, const Array& out, const std::string& why) {
  report_copy(kernel, static_cast<std::size_t>(out.nbytes()), why);
  current_report().reason = why + ": a new " + shape_words(out.sizes) + " " + dtype_name(out.dtype) + " " +
                            (out.is_tensor() ? "tensor" : "array") + " (a copy, not a view)";
}

std::int64_t count_true(const Array& mask) {
  std::int64_t n = 0;
  if (dense_c(mask)) {
    const auto* m = reinterpret_cast<const std::uint8_t*>(mask.data_ptr());
    const std::int64_t total = mask.numel();
    for (std::int64_t i0 = 0; i0 < total; i0 += kCancelChunk) {
      const std::int64_t i1 = std::min(total, i0 + kCancelChunk);
      std::int64_t c = 0;
      for (std::int64_t i = i0; i < i1; ++i) c += m[i] != 0;
      n += c;
      check_cancel();
    }
    return n;
  }
  strided_for_each<1>(mask.sizes, {mask.data_ptr()}, {&mask.byte_strides},
                      [&](const std::array<char*, 1>& q) { n += *q[0] != 0; });
  return n;
}

template <class T>
void compress_dense(char* dst, const char* src, const std::uint8_t* m, std::int64_t total) {
  T* out = reinterpret_cast<T*>(dst);
  for (std::int64_t i0 = 0; i0 < total; i0 += kCancelChunk) {
    const std::int64_t i1 = std::min(total, i0 + kCancelChunk);
    for (std::int64_t i = i0; i < i1; ++i) {
      std::memcpy(out, src + i * sizeof(T), sizeof(T));
      out += m[i] != 0;  // branch-free: write always, advance on True
    }
    check_cancel();
  }
}

// a[mask] with the mask covering every dim: the selected elements in C order.
ArrayPtr mask_gather(const ArrayPtr& a, const Array& mask) {
  check_host_accessible(*a, "indexing");
  const std::int64_t n = count_true(mask);
  auto out = a->is_tensor() ? new_array_on(*a->storage, Kind::Tensor, a->dtype, {n}, {static_cast<std::int64_t>(a->itemsize())})
                            : new_array(Kind::NDArray, a->dtype, {n});
  out->byte_order = a->byte_order;
  const std::size_t item = a->itemsize();
  char* dst = out->data_ptr();
  if (dense_c(*a) && dense_c(mask) && n > 0) {
    // Branch-free compress writes element i at the count of Trues before it; up to
    // the last True that count stays below n, so the walk stops there.
    const auto* m = reinterpret_cast<const std::uint8_t*>(mask.data_ptr());
    std::int64_t last = a->numel() - 1;
    while (!m[last]) --last;
    auto run = [&](auto tag) { compress_dense<decltype(tag)>(dst, a->data_ptr(), m, last + 1); };
    switch (item) {
      case 1: run(std::uint8_t{}); return out;
      case 2: run(std::uint16_t{}); return out;
      case 4: run(std::uint32_t{}); return out;
      case 8: run(std::uint64_t{}); return out;
      default: break;
    }
  }
  strided_for_each<2>(a->sizes, {a->data_ptr(), mask.data_ptr()}, {&a->byte_strides, &mask.byte_strides},
                      [&](const std::array<char*, 2>& q) {
                        if (*q[1]) {
                          copy_elem(dst, q[0], item);
                          dst += item;
                        }
                      });
  return out;
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
  auto pos = final_positions(p);
  const int nb = static_cast<int>(p.bshape.size()), ns = static_cast<int>(p.sub_sizes.size());
  Shape it_sizes = p.bshape;
  it_sizes.insert(it_sizes.end(), p.sub_sizes.begin(), p.sub_sizes.end());
  Shape fin(nb + ns);
  for (int k = 0; k < nb + ns; ++k) fin[pos[k]] = it_sizes[k];
  auto out = p.torch ? new_array_on(*a->storage, Kind::Tensor, a->dtype, fin, c_strides(fin, static_cast<std::int64_t>(a->itemsize())))
                     : new_array(Kind::NDArray, a->dtype, fin);
  out->byte_order = a->byte_order;
  Shape it_st(nb + ns);
  for (int k = 0; k < nb + ns; ++k) it_st[k] = out->byte_strides[pos[k]];
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

ArrayPtr np_take(const ArrayPtr& a, const ArrayPtr& indices, std::optional<std::int64_t> axis) {
  check_host_accessible(*a, "take");
  if (!is_integral(indices->dtype) && indices->dtype != DType::Bool)
    raise(PyExc::TypeError, std::string("Cannot cast array data from dtype('") + dtype_name(indices->dtype) +
                                "') to dtype('int64') according to the rule 'safe'");
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
  for (std::size_t i = 0; i < values.size(); ++i)
    if (const std::int64_t x = values[i]; x < -size || x >= size)
      raise(PyExc::IndexError, "index " + std::to_string(x) + " is out of bounds for axis " + std::to_string(ax) +
                                   " with size " + std::to_string(size));
  return take_contiguous(src, static_cast<int>(ax), std::move(values), indices->sizes, "take");
}

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
    auto pos = final_positions(p);
    const int nb = static_cast<int>(p.bshape.size()), ns = static_cast<int>(p.sub_sizes.size());
    Shape it_sizes = p.bshape;
    it_sizes.insert(it_sizes.end(), p.sub_sizes.begin(), p.sub_sizes.end());
    Shape fin(nb + ns);
    for (int k = 0; k < nb + ns; ++k) fin[pos[k]] = it_sizes[k];
    Shape vst = value_strides(p, *val, fin);
    Shape it_st(nb + ns);
    for (int k = 0; k < nb + ns; ++k) it_st[k] = vst[pos[k]];
    move_blocks(p, off, *val, it_st, true);
    written = static_cast<std::size_t>(prod(it_sizes)) * a->itemsize();
  }
  report_copy("scatter", written, "assignment through an advanced index (writes into the array's own memory)");
  if (value.array && a->is_tensor() && records_history(value.array->requires_grad, a->dtype)) a->requires_grad = true;
}

}  // namespace ss
