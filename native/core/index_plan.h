// Internal to the advanced-indexing files (advanced_index.cc, index_kernels.cc,
// index_functions.cc): a parsed index (the basic view, the advanced indices on its dims,
// where their broadcast dims go) and the gather/scatter kernels over it.
#pragma once
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "array.h"
#include "report.h"

namespace ss::idx {

inline std::string np_shape(const Shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

inline std::int64_t prod(const Shape& s) {
  std::int64_t n = 1;
  for (auto v : s) n *= v;
  return n;
}

inline Shape c_strides(const Shape& sizes, std::int64_t unit) {
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
inline bool dense_c(const Array& a) {
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

// An integer array's values as int64 (in place when it already is a dense int64 array).
IndexValues int64_values(const ArrayPtr& idx);
// C-order positions of the True elements of a bool array: one int64 vector per dim.
std::vector<std::vector<std::int64_t>> nonzero_columns(const Array& mask);

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

// Broadcasts the advanced indices, checks their bounds and finds the subspace.
void prepare_fancy(Plan& p);
// One byte offset into the view per element of the broadcast shape (C order).
std::vector<std::int64_t> fancy_offsets(const Plan& p);
// The result's dims in iteration order (the broadcast dims, then the subspace) and in the
// result's own order: iteration dim k is result dim pos[k].
struct ResultDims {
  Shape iter_sizes;
  std::vector<int> pos;
  Shape sizes;  // the result's shape
  // Per-dim values (strides) given in the result's order, put in iteration order; and back.
  Shape to_iteration(const Shape& in_result_order) const;
  Shape to_result(const Shape& in_iteration_order) const;
};
ResultDims result_dims(const Plan& p);
// a[idx] of one 1-D index with nothing else kept, straight from the index values; false otherwise.
bool try_gather_direct(const Plan& p, const Array& out, const Shape& it_strides);
// Copies the subspace block of every broadcast element between the view and `other`
// (whose strides are given in iteration order); to_source: from `other` into the view.
void move_blocks(const Plan& p, const std::vector<std::int64_t>& off, const Array& other, const Shape& other_it_strides,
                 bool to_source);
// The op record of a new result: kernel, bytes and why.
void report_result(const char* kernel, const Array& out, const std::string& why);
std::int64_t count_true(const Array& mask);
// a[mask] with the mask covering every dim: the selected elements in C order, a new 1-D result.
ArrayPtr mask_gather(const ArrayPtr& a, const Array& mask);

}  // namespace ss::idx
