// View ops: strides, offsets, sharing and the exact errors (semantics.md §E).
#include "../core/copy_ops.h"
#include "../core/sharing.h"
#include "../core/view_ops.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;
using sst::ix;
using sst::sl;
using S = Shape;

TEST(view_and_compute_stride) {
  auto t = view_shape(sst::t_arange(6), {2, 3});
  CHECK_EQ(t->elem_strides(), (S{3, 1}));  // §43
  CHECK(shares_memory(*t, *sst::t_arange(1)) == false);
  CHECK_RAISES(view_shape(ss::t(t), {6}), RuntimeError,
               "view size is not compatible with input tensor's size and stride (at least one dimension spans across two "
               "contiguous subspaces). Use .reshape(...) instead.");  // §44
  CHECK_RAISES(view_shape(t, {4, 2}), RuntimeError, "shape '[4, 2]' is invalid for input of size 6");  // §46
  auto empty = sst::t_arange(0);
  CHECK_RAISES(view_shape(empty, {-1, 0}), RuntimeError,
               "cannot reshape tensor of 0 elements into shape [-1, 0] because the unspecified dimension size -1 can be "
               "any value and is ambiguous");
  CHECK_RAISES(view_shape(t, {-1, 0}), RuntimeError, "shape '[-1, 0]' is invalid for input of size 6");  // only 0 elements are ambiguous
}

TEST(reshape_view_or_copy) {
  auto t = view_shape(sst::t_arange(6), {2, 3});
  auto v = reshape(t, {3, 2}, Order::C);
  CHECK(v->storage == t->storage);
  auto c = reshape(ss::t(t), {6}, Order::C);  // §47: copy, C strides
  CHECK(c->storage != t->storage);
  CHECK_EQ(c->elem_strides(), (S{1}));
  CHECK_EQ(sst::values(c), (std::vector<double>{0, 3, 1, 4, 2, 5}));
  auto a = sst::np_arange(6);
  CHECK_RAISES(reshape(a, {4, 2}, Order::C), ValueError, "cannot reshape array of size 6 into shape (4,2)");
  CHECK_RAISES(reshape(a, {-1, 0}, Order::C), ValueError, "cannot reshape array of size 6 into shape (0)");
  CHECK_RAISES(reshape(a, {5, -1}, Order::C), ValueError, "cannot reshape array of size 6 into shape (5,newaxis)");
  CHECK_RAISES(reshape(a, {-1, -1}, Order::C), ValueError, "can only specify one unknown dimension");
}

TEST(transpose_family) {
  auto t = view_shape(sst::t_arange(24), {2, 3, 4});
  CHECK_EQ(permute(t, {2, 0, 1})->elem_strides(), (S{1, 12, 4}));
  CHECK_RAISES(permute(t, {0, 0, 1}), RuntimeError, "permute(): duplicate dims are not allowed.");
  CHECK_RAISES(ss::t(t), RuntimeError, "t() expects a tensor with <= 2 dimensions, but self is 3D");  // §48
  CHECK_RAISES(mT(sst::t_arange(3)), RuntimeError, "tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.");
  CHECK_RAISES(swapaxes(t, 0, 3), IndexError, "Dimension out of range (expected to be in range of [-3, 2], but got 3)");
  auto a = reshape(sst::np_arange(6), {2, 3}, Order::C);
  CHECK_EQ(transpose(a, {})->byte_strides, (S{8, 24}));
  CHECK_RAISES(swapaxes(a, 0, 2), AxisError, "axis2: axis 2 is out of bounds for array of dimension 2");
  CHECK_RAISES(transpose(a, {0, 0}), ValueError, "repeated axis in transpose");
  CHECK_RAISES(transpose(a, {0}), ValueError, "axes don't match array");
}

TEST(expand_and_broadcast) {
  auto t = view_shape(sst::t_arange(3), {3, 1});
  CHECK_EQ(expand(t, {3, 4})->elem_strides(), (S{1, 0}));  // §51
  CHECK_EQ(expand(sst::t_arange(3), {2, 3})->elem_strides(), (S{0, 1}));
  auto t23 = view_shape(sst::t_arange(6), {2, 3});
  CHECK_RAISES(expand(t23, {2, 4}), RuntimeError,
               "The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target "
               "sizes: [2, 4].  Tensor sizes: [2, 3]");
  CHECK_RAISES(expand(t23, {-1, 2, 3}), RuntimeError,
               "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0");
  auto b = broadcast_to(sst::np_arange(3), {2, 3});
  CHECK_EQ(b->byte_strides, (S{0, 8}));
  CHECK(!b->writeable);
  CHECK_RAISES(broadcast_to(reshape(sst::np_arange(6), {2, 3}, Order::C), {3, 3}), ValueError,
               "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)  and requested shape (3,3)");
}

TEST(slicing_and_indexing) {
  auto t = sst::t_arange(10);
  auto s = basic_index(t, {sl(2, 8, 2)});  // §53
  CHECK_EQ(s->sizes, (S{3}));
  CHECK_EQ(s->elem_strides(), (S{2}));
  CHECK_EQ(s->elem_offset(), 2);
  CHECK_RAISES(basic_index(t, {sl(std::nullopt, std::nullopt, -1)}), ValueError, "step must be greater than zero");  // §54
  auto t5 = sst::t_arange(5);
  CHECK_RAISES(basic_index(t5, {ix(5)}), IndexError, "index 5 is out of bounds for dimension 0 with size 5");  // §55
  auto a = sst::np_arange(10);
  auto r = basic_index(a, {sl(std::nullopt, std::nullopt, -1)});
  CHECK_EQ(r->byte_strides, (S{-8}));
  CHECK_EQ(r->byte_offset, 72);
  CHECK_EQ(sst::values(r)[0], 9.0);
  CHECK_RAISES(basic_index(a, {sl(std::nullopt, std::nullopt, 0)}), ValueError, "slice step cannot be zero");
  auto a2 = reshape(sst::np_arange(6), {2, 3}, Order::C);
  CHECK_RAISES(basic_index(a2, {ix(0), ix(0), ix(0)}), IndexError,
               "too many indices for array: array is 2-dimensional, but 3 were indexed");
  IndexItem e;
  e.type = IndexItem::Type::Ellipsis;
  CHECK_RAISES(basic_index(a2, {e, e}), IndexError, "an index can only have a single ellipsis ('...')");
  IndexItem na;
  na.type = IndexItem::Type::NewAxis;
  CHECK_EQ(basic_index(a2, {e, na})->sizes, (S{2, 3, 1}));
}

TEST(narrow_unfold_diagonal_squeeze) {
  auto t = sst::t_arange(10);
  CHECK_RAISES(narrow(t, 0, 8, 3), RuntimeError, "start (8) + length (3) exceeds dimension size (10).");  // §56
  CHECK_EQ(narrow(t, 0, 2, 3)->elem_offset(), 2);
  auto u = unfold(t, 0, 3, 2);
  CHECK_EQ(u->sizes, (S{4, 3}));
  CHECK_EQ(u->elem_strides(), (S{2, 1}));
  auto t23 = view_shape(sst::t_arange(6), {2, 3});
  CHECK_EQ(unsqueeze(t23, 0)->elem_strides(), (S{6, 3, 1}));  // §58
  CHECK_EQ(unsqueeze(t23, 1)->elem_strides(), (S{3, 3, 1}));
  CHECK_EQ(unsqueeze(t23, 2)->elem_strides(), (S{3, 1, 1}));
  auto d = diagonal(reshape(sst::np_arange(9), {3, 3}, Order::C), 0, 0, 1);
  CHECK_EQ(d->byte_strides, (S{32}));
  CHECK(!d->writeable);
  auto sw = sliding_window_view(sst::np_arange(5), {3}, std::nullopt);
  CHECK_EQ(sw->sizes, (S{3, 3}));
  CHECK_EQ(sw->byte_strides, (S{8, 8}));
  CHECK_RAISES(squeeze(reshape(sst::np_arange(6), {2, 3}, Order::C), S{0}), ValueError,
               "cannot select an axis to squeeze out which has size not equal to one");
}

TEST(as_strided_is_bounds_checked) {
  auto t = sst::t_arange(3);  // 12 bytes of float32
  CHECK_RAISES(as_strided(t, {4}, {1}, std::nullopt), RuntimeError,
               "setStorage: sizes [4], strides [1], storage offset 0, and itemsize 4 requiring a storage size of 16 are "
               "out of bounds for storage of size 12");  // §52
  CHECK_RAISES(as_strided(t, {2}, {-1}, std::nullopt), RuntimeError,
               "as_strided: Negative strides are not supported at the moment, got strides: [-1]");
  CHECK_RAISES(as_strided(t, {1}, {1}, -1), RuntimeError, "Tensor: invalid storage offset -1");
  auto s = narrow(t, 0, 1, 2);
  CHECK_EQ(as_strided(s, {2}, {1}, std::nullopt)->elem_offset(), 1);  // offset defaults to storage_offset()
  CHECK_RAISES(as_strided(t, {2}, {INT64_MAX / 2}, std::nullopt), RuntimeError, "");
  auto a = sst::np_arange(3);
  CHECK_RAISES(as_strided(a, {4}, {8}, std::nullopt), ValueError, "");
}

TEST(dtype_views) {
  auto a = reshape(sst::np_arange(6), {2, 3}, Order::C);
  auto v = view_dtype(a, DType::Int16);
  CHECK_EQ(v->sizes, (S{2, 12}));
  CHECK_EQ(v->byte_strides, (S{24, 2}));
  CHECK_RAISES(view_dtype(transpose(a, {}), DType::Int32), ValueError,
               "To change to a dtype of a different size, the last axis must be contiguous");
  auto t = sst::t_arange(4);
  CHECK_EQ(view_dtype(t, DType::Float64)->sizes, (S{2}));
  CHECK_RAISES(view_dtype(sst::t_arange(3), DType::Float64), RuntimeError,
               "self.size(-1) must be divisible by 2 to view Float as Double (different element sizes), but got 3");
}

TEST(flip_view_vs_copy) {
  auto a = sst::np_arange(4);
  auto f = flip_view(a, std::nullopt);
  CHECK(f->storage == a->storage);  // np.flip is a view
  auto t = sst::t_arange(4);
  auto g = flip_copy(t, {0});  // torch.flip copies (§57)
  CHECK(g->storage != t->storage);
  CHECK_EQ(sst::values(g), (std::vector<double>{3, 2, 1, 0}));
}

TEST_MAIN()
