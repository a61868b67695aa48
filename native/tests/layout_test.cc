// Pure stride math (native/core/layout.h) against the rules of semantics.md §E
// and values printed by NumPy.
#include "../core/allocation.h"
#include "../core/layout.h"
#include "test_harness.h"

using namespace ss::layout;
using S = ss::Shape;

TEST(contiguous_strides_use_max_size_one) {
  CHECK_EQ(contiguous_strides({2, 0, 3}), (S{3, 3, 1}));  // §59 empty(2,0,3).stride()
  CHECK_EQ(contiguous_strides({2, 3}, 8), (S{24, 8}));
  CHECK_EQ(fortran_strides({2, 3}, 8), (S{8, 16}));
  CHECK_EQ(contiguous_strides({}), S{});
}

TEST(numpy_new_arrays_have_zero_strides_when_empty) {
  CHECK_EQ(numpy_new_strides({2, 0, 3}, 8, false), (S{0, 0, 0}));
  CHECK_EQ(numpy_new_strides({2, 1, 3}, 8, false), (S{24, 24, 8}));
  CHECK_EQ(numpy_new_strides({2, 1, 3}, 8, true), (S{8, 16, 16}));
}

TEST(channels_last) {
  CHECK_EQ(channels_last_strides({2, 3, 4, 5}), (S{60, 1, 15, 3}));  // §60
  CHECK(torch_is_channels_last_contiguous({2, 3, 4, 5}, {60, 1, 15, 3}));
  CHECK(!torch_is_contiguous({2, 3, 4, 5}, {60, 1, 15, 3}));
  // C == 1: both tests pass (§60)
  CHECK(torch_is_channels_last_contiguous({2, 1, 4, 5}, {20, 20, 5, 1}));
  CHECK(torch_is_contiguous({2, 1, 4, 5}, {20, 20, 5, 1}));
  CHECK(!torch_is_channels_last_contiguous({3, 4, 5}, {20, 5, 1}));
}

TEST(contiguity_flags_ignore_size_one_and_empty) {
  CHECK(numpy_c_contiguous({2, 0, 3}, {0, 0, 0}, 8));
  CHECK(numpy_f_contiguous({2, 0, 3}, {0, 0, 0}, 8));
  CHECK(numpy_c_contiguous({1, 4}, {999, 8}, 8));
  CHECK(numpy_f_contiguous({1, 4}, {999, 8}, 8));
  CHECK(!numpy_c_contiguous({2, 3}, {8, 16}, 8));
  CHECK(numpy_f_contiguous({2, 3}, {8, 16}, 8));
  CHECK(torch_is_contiguous({0, 5}, {7, 3}));  // numel 0 (§59)
  CHECK(!torch_is_contiguous({2, 3}, {1, 2}));
}

TEST(compute_stride_rule) {
  // §45: randn(4,3,4)[::2] has strides (24,4,1); view(2,12) gives (24,1)
  auto r = compute_stride({2, 3, 4}, {24, 4, 1}, {2, 12});
  CHECK(r && *r == (S{24, 1}));
  // §44: arange(6).view(2,3).t().view(6) has no view
  CHECK(!compute_stride({3, 2}, {1, 3}, {6}));
  CHECK_EQ(*compute_stride({}, {}, {1, 1}), (S{1, 1}));            // 0-d input
  CHECK_EQ(*compute_stride({0, 3}, {3, 1}, {3, 0}), (S{1, 1}));    // numel 0, new shape: contiguous with max(size,1)
  CHECK_EQ(*compute_stride({0, 3}, {7, 1}, {0, 3}), (S{7, 1}));    // same shape keeps strides
  CHECK_EQ(*compute_stride({2, 3}, {3, 1}, {3, 1, 2}), (S{2, 2, 1}));
}

TEST(numpy_nocopy_reshape_matches_numpy) {
  // np.arange(6.)[::2].reshape(3,1).strides == (16,16)
  CHECK_EQ(*numpy_nocopy_reshape({3}, {16}, {3, 1}, 8, false), (S{16, 16}));
  // a transposed (3,2) array cannot be flattened in C order without a copy
  CHECK(!numpy_nocopy_reshape({3, 2}, {8, 24}, {6}, 8, false));
  CHECK_EQ(*numpy_nocopy_reshape({3, 2}, {8, 24}, {6}, 8, true), (S{8}));
}

TEST(dense_and_keep_order) {
  CHECK(is_non_overlapping_and_dense({2, 3}, {1, 2}));
  CHECK(!is_non_overlapping_and_dense({2, 3}, {0, 1}));
  CHECK(!is_non_overlapping_and_dense({2, 3}, {6, 2}));
  CHECK_EQ(infer_dense_strides({2, 3}, {6, 2}), (S{3, 1}));
  CHECK_EQ(infer_dense_strides({3, 2}, {2, 6}), (S{1, 3}));
  // c10's example: (6,5,4,3,2)/(6,0,120,0,1) keeps the 0-stride dims in place
  // sorted perm (4, 3, 0, 1, 2), innermost first
  CHECK_EQ(infer_dense_strides({6, 5, 4, 3, 2}, {6, 0, 120, 0, 1}), (S{6, 36, 180, 2, 1}));
  CHECK_EQ(numpy_keep_order_strides({2, 3}, {8, 16}, 8), (S{8, 16}));
  CHECK_EQ(numpy_keep_order_strides({2, 3}, {-24, 8}, 8), (S{24, 8}));
}

TEST(bounds_and_extents) {
  auto e = byte_extent({3}, {-8}, 8);
  CHECK(e.lo == -16 && e.hi == 8);
  CHECK(in_bounds({3}, {8}, 0, 8, 24));
  CHECK(!in_bounds({4}, {8}, 0, 8, 24));
  CHECK(!in_bounds({3}, {-8}, 8, 8, 24));
  CHECK(in_bounds({0}, {1000}, 0, 8, 0));
  CHECK(!in_bounds({2}, {INT64_MAX}, 0, 8, 24));  // overflow never wraps into bounds
  CHECK(!in_bounds({INT64_MAX}, {1}, 0, 1, 24));
}

TEST(broadcast_and_printing) {
  CHECK_EQ(*broadcast_shapes({2, 1}, {3}), (S{2, 3}));
  CHECK(!broadcast_shapes({2, 3}, {4}));
  CHECK_EQ(torch_list({2, 3}), std::string("[2, 3]"));
  CHECK_EQ(py_tuple({7}), std::string("(7,)"));
  CHECK(!checked_numel({INT64_MAX, 2}));
}

TEST(numpy_size_strings) {
  // numpy/_core/_exceptions.py _size_to_string, values printed by NumPy 2.4
  CHECK_EQ(ss::numpy_size_string(8000000000000000000ULL), std::string("6.94 EiB"));
  CHECK_EQ(ss::numpy_size_string(240000000000ULL), std::string("224. GiB"));
  CHECK_EQ(ss::numpy_size_string(100), std::string("100 bytes"));
}

TEST_MAIN()
