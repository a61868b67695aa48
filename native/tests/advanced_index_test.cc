// Advanced indexing in the core: result layouts and ownership (NumPy's transposed view of one
// allocation, torch's TensorIterator order), writes through masks landing in the source's
// memory, and the gather/scatter loops stopping on the interrupt flag.
#include <cstdint>

#include "../core/advanced_index.h"
#include "../core/cancel.h"
#include "../core/copy_ops.h"
#include "../core/elementwise.h"
#include "../core/view_ops.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;
using S = Shape;

namespace {

IndexItem arr(const ArrayPtr& a) {
  IndexItem it;
  it.type = IndexItem::Type::Array;
  it.array = a;
  return it;
}

ArrayPtr longs(Kind kind, std::vector<std::int64_t> v) {
  auto a = sst::arange(kind, static_cast<std::int64_t>(v.size()), DType::Int64);
  auto* p = reinterpret_cast<std::int64_t*>(a->data_ptr());
  for (std::size_t i = 0; i < v.size(); ++i) p[i] = v[i];
  return a;
}

// a > k as a NumPy bool array.
ArrayPtr greater(const ArrayPtr& a, std::int64_t k) {
  return binary(BinOp::Gt, Operand{a.get(), {}}, Operand{nullptr, Scalar::of_int(k)});
}

}  // namespace

TEST(numpy_rows_own_a_new_c_order_block) {
  auto a = reshape(sst::np_arange(12), {3, 4}, Order::C);
  auto r = advanced_get(a, {arr(longs(Kind::NDArray, {2, 0}))});
  CHECK(r->storage != a->storage);
  CHECK(r->base == nullptr);
  CHECK(r->owns_data);
  CHECK_EQ(r->byte_strides, (S{32, 8}));
  CHECK_EQ(sst::values(r), (std::vector<double>{8, 9, 10, 11, 0, 1, 2, 3}));
}

TEST(numpy_index_dims_in_place_are_a_view_of_the_allocation) {
  auto a = reshape(sst::np_arange(24), {2, 3, 4}, Order::C);
  auto r = advanced_get(a, {sst::sl(std::nullopt, std::nullopt), arr(longs(Kind::NDArray, {0, 2}))});
  CHECK_EQ(r->sizes, (S{2, 2, 4}));
  CHECK_EQ(r->byte_strides, (S{32, 64, 8}));  // allocated as (2 index, 2, 4), transposed
  CHECK(r->base != nullptr);
  CHECK(!r->owns_data);
  CHECK(r->storage != a->storage);
}

TEST(torch_layout_follows_tensor_iterator) {
  auto a = view_shape(sst::arange(Kind::Tensor, 24, DType::Int64), {2, 3, 4});
  auto p = ss::permute(a, {2, 1, 0});
  auto r = advanced_get(p, {arr(longs(Kind::Tensor, {0, 1}))});
  CHECK_EQ(r->sizes, (S{2, 3, 2}));
  CHECK_EQ(r->elem_strides(), (S{6, 1, 3}));
}

TEST(mask_writes_land_in_the_source) {
  auto a = sst::np_arange(6);
  auto view = basic_index(a, {sst::sl(1, std::nullopt)});
  auto mask = greater(a, 0);  // [F, T, T, T, T, T]
  advanced_set(a, {arr(mask)}, Operand{nullptr, Scalar::of_float(-1)});
  CHECK_EQ(sst::values(a), (std::vector<double>{0, -1, -1, -1, -1, -1}));
  CHECK_EQ(sst::values(view), (std::vector<double>{-1, -1, -1, -1, -1}));
}

TEST(long_gathers_stop_on_the_interrupt_flag) {
  // The inputs first: making them polls the flag too.
  auto src = sst::np_arange(1 << 18);
  auto idx = sst::arange(Kind::NDArray, 1 << 18, DType::Int64);
  auto mask = greater(src, -1);
  std::int32_t flag = kInterruptStop;
  set_cancel_flag(&flag);
  CHECK_RAISES(advanced_get(src, {arr(idx)}), KeyboardInterrupt, "");
  flag = kInterruptStop;
  CHECK_RAISES(advanced_get(src, {arr(mask)}), KeyboardInterrupt, "");
  set_cancel_flag(nullptr);
}

TEST_MAIN()
