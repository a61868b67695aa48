// Shapes, strides, offsets and indices at the edges of int64, and 0-d / empty inputs:
// each is a Python error or a defined result. Run under SANITIZE=1 (ASan + UBSan, see
// run.mjs) this also proves no overflow or out-of-range access on the way.
#include <limits>

#include "../core/copy_ops.h"
#include "../core/creation.h"
#include "../core/indexing.h"
#include "../core/reduce.h"
#include "../core/view_ops.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;
using sst::ix;
using sst::sl;
using S = Shape;

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

IndexItem newaxis() {
  IndexItem it;
  it.type = IndexItem::Type::NewAxis;
  return it;
}
}  // namespace

TEST(flip_of_a_0d_tensor_copies_it) {
  auto s = create(Kind::Tensor, Fill::Ones, {}, DType::Float32);
  for (std::int64_t d : {0, -1}) {
    auto f = flip_copy(s, {d});
    CHECK(f->storage != s->storage);
    CHECK_EQ(f->sizes, (S{}));
    CHECK_EQ(sst::values(f), (std::vector<double>{1}));
  }
  CHECK_RAISES(flip_copy(s, {1}), IndexError, "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
  CHECK_RAISES(flip_copy(s, {0, -1}), RuntimeError, "dim 0 appears multiple times in the list of dims");
  auto e = create(Kind::Tensor, Fill::Zeros, {2, 0, 3}, DType::Float32);
  CHECK_EQ(flip_copy(e, {0, 1, 2})->sizes, (S{2, 0, 3}));
}

TEST(slices_with_int64_bounds) {
  auto a = view_shape(sst::np_arange(24), {2, 3, 4});  // (what a[-10**30:10**30] clamps to)
  auto all = basic_index(a, {sl(kMin, kMax)});
  CHECK_EQ(all->sizes, (S{2, 3, 4}));
  CHECK_EQ(all->byte_strides, (S{96, 32, 8}));
  auto first = basic_index(a, {sl(std::nullopt, std::nullopt, kMax)});  // a[::10**30]: NumPy's wrapped stride
  CHECK_EQ(first->sizes, (S{1, 3, 4}));
  CHECK_EQ(first->byte_strides, (S{-96, 32, 8}));
  auto last = basic_index(a, {sl(std::nullopt, std::nullopt, -kMax)});
  CHECK_EQ(last->sizes, (S{1, 3, 4}));
  CHECK_EQ(last->byte_offset, 96);
  auto none = basic_index(a, {sl(kMax, std::nullopt)});
  CHECK_EQ(none->sizes, (S{0, 3, 4}));
  CHECK_EQ(basic_index(a, {sl(1, 0, 2)})->byte_strides, (S{96, 32, 8}));  // NumPy: an empty slice steps by 1
  CHECK_RAISES(basic_index(a, {ix(kMax)}), IndexError, "index 9223372036854775807 is out of bounds for axis 0 with size 2");
  CHECK_RAISES(basic_index(a, {ix(kMin)}), IndexError, "index -9223372036854775808 is out of bounds for axis 0 with size 2");
  auto t = view_shape(sst::t_arange(24), {2, 3, 4});
  auto tl = basic_index(t, {sl(kMax, std::nullopt)});  // torch keeps the clamped start as the offset
  CHECK_EQ(tl->sizes, (S{0, 3, 4}));
  CHECK_EQ(tl->elem_offset(), 24);
}

TEST(numpy_results_have_at_most_64_dims) {
  auto a = view_shape(sst::np_arange(24), {2, 3, 4});
  std::vector<IndexItem> nones(70, newaxis());
  CHECK_RAISES(basic_index(a, nones), IndexError, "number of dimensions must be within [0, 64], indexing result would have 73");
  std::vector<IndexItem> fits(61, newaxis());
  CHECK_EQ(basic_index(a, fits)->ndim(), 64);
  auto one = create(Kind::NDArray, Fill::Zeros, S(64, 1), DType::Float64);
  CHECK_RAISES(expand_dims(one, {0}), ValueError, "maximum supported dimension for an ndarray is currently 64, found 65");
}

TEST(empty_views_with_huge_sizes_and_offsets) {
  // torch.empty(0, 2**62, 2**62): strides wrap as PyTorch's do; nothing is addressed.
  auto e = create(Kind::Tensor, Fill::Empty, {0, std::int64_t{1} << 40, std::int64_t{1} << 40}, DType::Float32);
  CHECK_EQ(e->numel(), 0);
  CHECK_EQ(e->nbytes(), 0);
  auto s = reduce(e, ReduceOp::Sum, std::nullopt, false, std::nullopt);
  CHECK_EQ(sst::values(s), (std::vector<double>{0}));
  auto s1 = reduce(e, ReduceOp::Sum, std::vector<std::int64_t>{1}, false, std::nullopt);
  CHECK_EQ(s1->sizes, (S{0, std::int64_t{1} << 40}));
  auto t = sst::t_arange(3);
  auto v = as_strided(t, {0}, {1}, std::int64_t{1} << 40);
  CHECK_EQ(v->elem_offset(), std::int64_t{1} << 40);
  CHECK_RAISES(as_strided(t, {0}, {1}, std::int64_t{1} << 61), RuntimeError,
               "as_strided: strides [1] and storage offset 2305843009213693952 in elements of 4 bytes pass the 2**63-byte "
               "range Stridescope addresses (the view is empty, but its byte layout would overflow)");
  CHECK_RAISES(as_strided(t, {0}, {std::int64_t{1} << 62}, 0), RuntimeError,
               "as_strided: strides [4611686018427387904] and storage offset 0 in elements of 4 bytes pass the 2**63-byte "
               "range Stridescope addresses (the view is empty, but its byte layout would overflow)");
  auto a = sst::np_arange(3);
  CHECK_RAISES(as_strided(a, {1}, {8}, kMax), ValueError,
               "as_strided: shape (1,) with strides (8,) reaches outside the array's memory (24 bytes); Stridescope refuses "
               "views that would read out of bounds");
}

TEST_MAIN()
