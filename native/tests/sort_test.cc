// The sort kernels (native/core/sort.h): NaN and signed-zero order, strided and negative-stride
// lines, empty and 0-d inputs, in-place writes through a view, long lines (the radix path) against
// std::stable_sort, every integer and float width, descending order, topk, unique, and the Stop flag.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "../core/allocation.h"
#include "../core/cancel.h"
#include "../core/copy_ops.h"
#include "../core/elem_types.h"
#include "../core/report.h"
#include "../core/sort.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;
using sst::ix;
using sst::sl;
using S = Shape;
using D = std::vector<double>;
using I = std::vector<std::int64_t>;

namespace {

// A new C-ordered array of `dt` holding `v` (cast as C casts).
ArrayPtr from(const D& v, DType dt = DType::Float64, Kind kind = Kind::NDArray, S shape = {}) {
  if (shape.empty()) shape = {static_cast<std::int64_t>(v.size())};
  auto a = new_array(kind, dt, shape);
  char* p = a->data_ptr();
  for (std::size_t i = 0; i < v.size(); ++i) {
    SS_DISPATCH(dt, T, {
      if constexpr (!is_cplx<T>::value) {
        T x = cast_to<T>(v[i]);
        std::memcpy(p + i * sizeof(T), &x, sizeof(T));
      }
    });
  }
  return a;
}

I ints(const ArrayPtr& a) {
  I out;
  for (double d : sst::values(a)) out.push_back(static_cast<std::int64_t>(d));
  return out;
}

// Same values, NaN equal to NaN and -0.0 told from 0.0.
bool same(const D& a, const D& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) != std::isnan(b[i])) return false;
    if (!std::isnan(a[i]) && (a[i] != b[i] || std::signbit(a[i]) != std::signbit(b[i]))) return false;
  }
  return true;
}

const double kNan = std::nan("");

}  // namespace

TEST(nan_last_and_signed_zeros_in_input_order) {
  auto a = from({3, kNan, -0.0, 1, 0.0, -INFINITY, -kNan, -0.0});
  CHECK(same(sst::values(np_sort(a, -1)), {-INFINITY, -0.0, 0.0, -0.0, 1, 3, kNan, kNan}));
  CHECK_EQ(ints(np_argsort(a, -1)), (I{5, 2, 4, 7, 3, 0, 1, 6}));
  // The values keep their bits: the second NaN is still the negative one.
  auto s = np_sort(a, -1);
  CHECK(std::signbit(sst::values(s)[7]));
  CHECK_EQ(current_report().op, std::string("sort"));
  CHECK_EQ(current_report().kernel, std::string("sort"));
}

TEST(descending_puts_nan_first_ties_in_index_order) {
  auto t = from({3, kNan, 1, 3, kNan}, DType::Float32, Kind::Tensor);
  auto r = torch_sort(t, 0, true, true);
  CHECK(same(sst::values(r.values), {kNan, kNan, 3, 3, 1}));
  CHECK_EQ(ints(r.indices), (I{1, 4, 0, 3, 2}));
  auto k = torch_topk(t, 2, 0, false);
  CHECK(same(sst::values(k.values), {1, 3}));
  CHECK_EQ(ints(k.indices), (I{2, 0}));
}

TEST(strided_and_negative_stride_lines) {
  // [[0 1 2 3] [4 5 6 7] [8 9 10 11]][::-1, ::-2] = [[11 9] [7 5] [3 1]]
  auto base = reshape(sst::np_arange(12), {3, 4}, Order::C);
  auto v = basic_index(base, {sl(std::nullopt, std::nullopt, -1), sl(std::nullopt, std::nullopt, -2)});
  CHECK(v->byte_strides[0] < 0 && v->byte_strides[1] < 0);
  auto s0 = np_sort(v, 0);
  CHECK(same(sst::values(s0), {3, 1, 7, 5, 11, 9}));
  auto s1 = np_sort(v, 1);
  CHECK(same(sst::values(s1), {9, 11, 5, 7, 1, 3}));
  CHECK_EQ(ints(np_argsort(v, 0)), (I{2, 2, 1, 1, 0, 0}));
  CHECK_EQ(ints(np_argsort(v, std::nullopt)), (I{5, 4, 3, 2, 1, 0}));
  CHECK(same(sst::values(np_sort(v, std::nullopt)), {1, 3, 5, 7, 9, 11}));
  // A transposed input gives an F-ordered result (a.copy(order='K')'s layout).
  auto tr = np_sort(permute(base, {1, 0}), 1);
  CHECK_EQ(tr->byte_strides, (S{8, 32}));
  CHECK(same(sst::values(tr), {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}));
  // The input is left alone.
  CHECK(same(sst::values(v), {11, 9, 7, 5, 3, 1}));
}

TEST(empty_and_zero_d_inputs) {
  auto e = new_array(Kind::NDArray, DType::Float64, {0, 3});
  CHECK_EQ(np_sort(e, 0)->sizes, (S{0, 3}));
  CHECK_EQ(np_argsort(e, 1)->sizes, (S{0, 3}));
  auto e2 = new_array(Kind::Tensor, DType::Float32, {2, 0});
  auto r = torch_sort(e2, 1, false, true);
  CHECK_EQ(r.values->sizes, (S{2, 0}));
  CHECK_EQ(torch_topk(e2, 0, 1, true).indices->sizes, (S{2, 0}));
  auto z = from({5}, DType::Int64, Kind::NDArray, S{});
  z->sizes = {};
  z->byte_strides = {};
  CHECK_EQ(ints(np_argsort(z, -1)), (I{0}));
  CHECK_EQ(np_argsort(z, -1)->sizes, (S{1}));
  CHECK_RAISES(np_sort(z, -1), AxisError, "axis -1 is out of bounds for array of dimension 0");
  auto zt = from({5}, DType::Float32, Kind::Tensor);
  zt->sizes = {};
  zt->byte_strides = {};
  auto rt = torch_sort(zt, -1, false, true);
  CHECK(rt.values->sizes.empty() && rt.indices->sizes.empty());
  CHECK_EQ(ints(rt.indices), (I{0}));
}

TEST(in_place_sort_writes_through_a_view) {
  auto b = from({5, 3, 9, 1, 3}, DType::Int16);
  auto v = basic_index(b, {sl(std::nullopt, std::nullopt, 2)});
  np_sort_inplace(v, -1);
  CHECK_EQ(ints(b), (I{3, 3, 5, 1, 9}));
  v->writeable = false;
  CHECK_RAISES(np_sort_inplace(v, 0), ValueError, "assignment destination is read-only");
}

TEST(long_lines_match_a_stable_sort_for_every_width) {
  const std::int64_t n = 5000;
  D src(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) src[static_cast<std::size_t>(i)] = static_cast<double>((i * 7919) % 611) - 300;
  for (DType dt : {DType::Int8, DType::Int16, DType::Int32, DType::Int64, DType::UInt8, DType::UInt16, DType::UInt32, DType::UInt64,
                   DType::Float16, DType::BFloat16, DType::Float32, DType::Float64, DType::Bool}) {
    auto a = from(src, dt, dt == DType::BFloat16 ? Kind::Tensor : Kind::NDArray);
    const D vals = sst::values(a);  // after the cast (wrapped unsigned, rounded halves)
    // uint64's wrapped values are past a double's precision: compared as stored.
    auto less = [&](std::int64_t p, std::int64_t q) {
      if (dt != DType::UInt64) return vals[static_cast<std::size_t>(p)] < vals[static_cast<std::size_t>(q)];
      std::uint64_t x, y;
      std::memcpy(&x, a->data_ptr() + p * 8, 8);
      std::memcpy(&y, a->data_ptr() + q * 8, 8);
      return x < y;
    };
    I want(static_cast<std::size_t>(n));
    std::iota(want.begin(), want.end(), 0);
    std::stable_sort(want.begin(), want.end(), less);
    CHECK_EQ(ints(np_argsort(a, 0)), want);
    D sorted_vals;
    for (auto k : want) sorted_vals.push_back(vals[static_cast<std::size_t>(k)]);
    if (dt != DType::UInt64) CHECK(same(sst::values(np_sort(a, 0)), sorted_vals));
    // Descending: the reverse order of values, ties still in index order.
    I down(static_cast<std::size_t>(n));
    std::iota(down.begin(), down.end(), 0);
    std::stable_sort(down.begin(), down.end(), [&](std::int64_t p, std::int64_t q) { return vals[static_cast<std::size_t>(p)] > vals[static_cast<std::size_t>(q)]; });
    if (dt != DType::UInt16 && dt != DType::UInt32 && dt != DType::UInt64) {  // torch has no such tensors
      auto t = from(src, dt, Kind::Tensor);
      CHECK_EQ(ints(torch_sort(t, 0, true, false).indices), down);
    }
  }
}

TEST(nan_in_long_lines_and_reversed_strides) {
  const std::int64_t n = 3000;
  D src(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) src[static_cast<std::size_t>(i)] = i % 37 == 0 ? kNan : i % 41 == 0 ? -0.0 : static_cast<double>((i * 7919) % 1000) - 500;
  auto a = from(src, DType::Float32);
  auto r = basic_index(a, {sl(std::nullopt, std::nullopt, -1)});
  const D vals = sst::values(r);
  auto s = sst::values(np_sort(r, 0));
  const auto nans = std::count_if(vals.begin(), vals.end(), [](double x) { return std::isnan(x); });
  CHECK(std::all_of(s.end() - nans, s.end(), [](double x) { return std::isnan(x); }));
  CHECK(std::is_sorted(s.begin(), s.end() - nans));
  auto idx = ints(np_argsort(r, 0));
  for (std::size_t k = 1; k < idx.size(); ++k) {
    const double p = vals[static_cast<std::size_t>(idx[k - 1])], q = vals[static_cast<std::size_t>(idx[k])];
    if (p == q || (std::isnan(p) && std::isnan(q))) CHECK(idx[k - 1] < idx[k]);
  }
}

TEST(long_lines_and_many_lines_spread_over_threads) {
  // One line past the in-cache LSD size (an MSD pass, its buckets on the pool's threads) and many
  // lines of a transposed array (lines on the pool's threads): both against std::stable_sort.
  const std::int64_t n = 200000;
  D src(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i)
    src[static_cast<std::size_t>(i)] = i % 101 == 0 ? kNan : i % 103 == 0 ? -0.0 : std::ldexp(static_cast<double>((i * 7919) % 100003), -static_cast<int>(i % 40)) - 1;
  auto a = from(src, DType::Float64);
  auto idx = ints(np_argsort(a, 0));
  I want(static_cast<std::size_t>(n));
  std::iota(want.begin(), want.end(), 0);
  auto less = [&](std::int64_t p, std::int64_t q) {
    const double x = src[static_cast<std::size_t>(p)], y = src[static_cast<std::size_t>(q)];
    return std::isnan(y) ? !std::isnan(x) : x < y;
  };
  std::stable_sort(want.begin(), want.end(), less);
  CHECK_EQ(idx, want);
  D sorted_vals;
  for (auto k : want) sorted_vals.push_back(src[static_cast<std::size_t>(k)]);
  CHECK(same(sst::values(np_sort(a, 0)), sorted_vals));
  // 400 lines of 500 along axis 0 of the (500, 400) transpose of a (400, 500) array.
  auto m = permute(reshape(a, {400, 500}, Order::C), {1, 0});
  auto sm = np_argsort(m, 0);
  for (std::int64_t col : {0, 1, 199, 399}) {
    I line(500);
    std::iota(line.begin(), line.end(), 0);
    std::stable_sort(line.begin(), line.end(), [&](std::int64_t p, std::int64_t q) { return less(col * 500 + p, col * 500 + q); });
    I got;
    const auto all = ints(sm);
    for (std::int64_t r = 0; r < 500; ++r) got.push_back(all[static_cast<std::size_t>(r * 400 + col)]);
    CHECK_EQ(got, line);
  }
}

TEST(byte_swapped_arrays_sort_by_value_and_stay_swapped) {
  auto a = astype_byte_order(from({3, -1, kNan, 0.5, -0.0, 300}), DType::Float64, '>');
  CHECK_EQ(a->byte_order, '>');
  auto s = np_sort(a, 0);
  CHECK_EQ(s->byte_order, '>');
  CHECK(same(sst::values(s), {-1, -0.0, 0.5, 3, 300, kNan}));
  CHECK_EQ(ints(np_argsort(a, 0)), (I{1, 4, 3, 0, 5, 2}));
  CHECK(same(sst::values(unique(a, false, false, false, true)[0]), {-1, -0.0, 0.5, 3, 300, kNan}));
  np_sort_inplace(a, 0);
  CHECK(same(sst::values(a), {-1, -0.0, 0.5, 3, 300, kNan}));
  auto i = astype_byte_order(from({300, -5, 7, -300}, DType::Int16), DType::Int16, '>');
  CHECK(same(sst::values(np_sort(i, 0)), {-300, -5, 7, 300}));
}

TEST(unique_groups_nan_by_equal_nan) {
  auto a = from({2, kNan, 1, 2, kNan, 1, 1}, DType::Float64, Kind::NDArray);
  auto r = unique(a, true, true, true, true);
  CHECK_EQ(r.size(), std::size_t{4});
  CHECK(same(sst::values(r[0]), {1, 2, kNan}));
  CHECK_EQ(ints(r[1]), (I{2, 0, 1}));
  CHECK_EQ(ints(r[2]), (I{1, 2, 0, 1, 2, 0, 0}));
  CHECK_EQ(ints(r[3]), (I{3, 2, 2}));
  auto t = from({2, kNan, 1, 2, kNan}, DType::Float32, Kind::Tensor);
  auto u = unique(t, false, false, true, false);
  CHECK(same(sst::values(u[0]), {1, 2, kNan, kNan}));
  CHECK_EQ(ints(u[1]), (I{1, 2, 1, 1}));
  CHECK_EQ(current_report().op, std::string("unique"));
}

TEST(stop_flag_interrupts_a_long_sort) {
  auto a = from(D(static_cast<std::size_t>(kCancelChunk * 2), 1.0));
  for (std::int64_t i = 0; i < a->numel(); ++i) {
    const double x = static_cast<double>((i * 7919) % 100003);
    std::memcpy(a->data_ptr() + i * 8, &x, 8);
  }
  std::int32_t flag = kInterruptStop;
  set_cancel_flag(&flag);
  CHECK_RAISES(np_sort(a, 0), KeyboardInterrupt, "");
  set_cancel_flag(nullptr);
  CHECK_EQ(flag, kInterruptNone);  // a Stop request is consumed
  const D s = sst::values(np_sort(a, 0));
  CHECK(std::is_sorted(s.begin(), s.end()));
}

TEST_MAIN()
