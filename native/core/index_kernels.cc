// The gather/scatter kernels of advanced indexing (index_plan.h).
#include <algorithm>
#include <cstring>

#include "allocation.h"
#include "cancel.h"
#include "copy_ops.h"
#include "dtype.h"
#include "errors.h"
#include "host_access.h"
#include "index_plan.h"
#include "layout.h"
#include "strided_loop.h"

namespace ss::idx {

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

namespace {

std::string torch_shapes(const std::vector<Fancy>& f) {
  std::string r;
  for (std::size_t i = 0; i < f.size(); ++i) r += (i ? ", " : "") + layout::torch_list(f[i].shape);
  return r;
}

}  // namespace

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

// The broadcast dims go where the first advanced index was (insert_at; 0 when NumPy moves
// them to the front), the subspace dims keep their order around them.
ResultDims result_dims(const Plan& p) {
  const int nb = static_cast<int>(p.bshape.size()), ns = static_cast<int>(p.sub_sizes.size());
  ResultDims d;
  d.iter_sizes = p.bshape;
  d.iter_sizes.insert(d.iter_sizes.end(), p.sub_sizes.begin(), p.sub_sizes.end());
  d.pos.resize(nb + ns);
  for (int j = 0; j < nb; ++j) d.pos[j] = p.insert_at + j;
  for (int s = 0; s < ns; ++s) d.pos[nb + s] = s < p.insert_at ? s : s + nb;
  d.sizes = d.to_result(d.iter_sizes);
  return d;
}

Shape ResultDims::to_iteration(const Shape& in_result_order) const {
  Shape out(pos.size());
  for (std::size_t k = 0; k < pos.size(); ++k) out[k] = in_result_order[pos[k]];
  return out;
}

Shape ResultDims::to_result(const Shape& in_iteration_order) const {
  Shape out(pos.size());
  for (std::size_t k = 0; k < pos.size(); ++k) out[pos[k]] = in_iteration_order[k];
  return out;
}

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

}  // namespace ss::idx
