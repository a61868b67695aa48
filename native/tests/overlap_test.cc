// PyTorch's memory-overlap rules (overlap.h; ATen MemoryOverlap.cpp): what each view is
// classified as, and that every torch write refuses before a byte changes.
#include "../core/elementwise.h"
#include "../core/grad_mode.h"
#include "../core/overlap.h"
#include "../core/ufunc_out.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;

namespace {

const char* kInternal =
    "unsupported operation: more than one element of the written-to tensor refers to a single memory location. "
    "Please clone() the tensor before performing the operation.";
const char* kPartial =
    "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory "
    "location. Please clone() the tensor before performing the operation.";

ArrayPtr slice(const ArrayPtr& a, std::int64_t start, std::int64_t stop) { return basic_index(a, {sst::sl(start, stop)}); }
ArrayPtr np_zeros_2x3() { return as_strided(sst::np_arange(6), {2, 3}, {24, 8}, 0); }

}  // namespace

TEST(internal_overlap_classification) {
  auto t = sst::t_arange(6);
  CHECK(has_internal_overlap(*t) == MemOverlap::No);
  CHECK(has_internal_overlap(*expand(slice(t, 0, 3), {2, 3})) == MemOverlap::Yes);
  CHECK(has_internal_overlap(*expand(slice(t, 0, 1), {1})) == MemOverlap::No);  // size 1: no repeat
  CHECK(has_internal_overlap(*as_strided(t, {2, 2}, {1, 1}, 0)) == MemOverlap::TooHard);
  CHECK(has_internal_overlap(*as_strided(t, {3}, {2}, 0)) == MemOverlap::TooHard);  // gaps, no repeat
  auto empty = as_strided(t, {3, 0}, {0, 1}, 0);
  CHECK(has_internal_overlap(*empty) == MemOverlap::No);  // an empty tensor counts as contiguous
}

TEST(overlap_status_of_two_tensors) {
  auto x = sst::t_arange(9);
  auto m = as_strided(x, {3, 3}, {3, 1}, 0);
  CHECK(get_overlap_status(*m, *m) == MemOverlapStatus::Full);
  CHECK(get_overlap_status(*m, *as_strided(x, {3, 3}, {3, 1}, 0)) == MemOverlapStatus::Full);
  CHECK(get_overlap_status(*m, *t(m)) == MemOverlapStatus::Partial);
  CHECK(get_overlap_status(*slice(x, 1, 9), *slice(x, 0, 8)) == MemOverlapStatus::Partial);
  CHECK(get_overlap_status(*slice(x, 0, 4), *slice(x, 4, 9)) == MemOverlapStatus::No);
  CHECK(get_overlap_status(*slice(x, 0, 4), *expand(slice(x, 0, 1), {4})) == MemOverlapStatus::TooHard);
  CHECK(get_overlap_status(*m, *sst::t_arange(9)) == MemOverlapStatus::No);  // another storage
}

TEST(refused_writes_change_nothing) {
  auto x = sst::t_arange(5);
  auto before = sst::values(x);
  Operand one{nullptr, Scalar::of_int(1)};
  CHECK_RAISES(inplace(BinOp::Add, expand(slice(x, 0, 3), {2, 3}), one), RuntimeError, kInternal);
  auto tail = slice(x, 0, 4);
  CHECK_RAISES(inplace(BinOp::Add, slice(x, 1, 5), Operand{tail.get(), {}}), RuntimeError, kPartial);
  CHECK_RAISES(tensor_copy_(slice(x, 1, 5), slice(x, 0, 4)), RuntimeError, kPartial);
  CHECK_RAISES(assign(expand(slice(x, 0, 3), {2, 3}), Operand{sst::t_arange(3).get(), {}}), RuntimeError, kInternal);
  CHECK(sst::values(x) == before);
  // fill_ is idempotent: PyTorch lets it write through repeated elements.
  fill(expand(slice(x, 0, 3), {2, 3}), Scalar::of_int(7));
  CHECK(sst::values(x) == (std::vector<double>{7, 7, 7, 3, 4}));
}

TEST(numpy_writes_resolve_overlap_by_copying) {
  auto a = sst::np_arange(5);
  auto head = slice(a, 0, 4);
  inplace(BinOp::Add, slice(a, 1, 5), Operand{head.get(), {}});
  CHECK(sst::values(a) == (std::vector<double>{0, 1, 3, 5, 7}));
}

TEST(grad_mode_off_allows_in_place_on_leaves) {
  auto g = sst::t_arange(3);
  set_requires_grad(*g, true);
  Operand one{nullptr, Scalar::of_int(1)};
  CHECK_RAISES(inplace(BinOp::Add, g, one), RuntimeError,
               "a leaf Variable that requires grad is being used in an in-place operation.");
  set_grad_enabled(false);
  inplace(BinOp::Add, g, one);
  auto r = binary(BinOp::Mul, Operand{g.get(), {}}, one);
  set_grad_enabled(true);
  CHECK(g->requires_grad);
  CHECK(!r->requires_grad);
  CHECK(sst::values(g) == (std::vector<double>{1, 2, 3}));
}

TEST(out_arguments_follow_each_library) {
  // Expected texts and values from torch 1.13 / NumPy 2.4 (torch.add(x, 1, out=x.t()) ...).
  auto x = as_strided(sst::t_arange(9), {3, 3}, {3, 1}, 0);
  auto before = sst::values(x);
  Operand xs{x.get(), {}}, one{nullptr, Scalar::of_int(1)};
  CHECK_RAISES(binary_out(BinOp::Add, xs, one, t(x)), RuntimeError, kPartial);
  CHECK_RAISES(binary_out(BinOp::Add, xs, one, expand(slice(sst::t_arange(3), 0, 3), {3, 3})), RuntimeError, kInternal);
  auto g = sst::t_arange(3);
  set_requires_grad(*g, true);
  CHECK_RAISES(binary_out(BinOp::Add, Operand{g.get(), {}}, one, sst::t_arange(3)), RuntimeError,
               "add(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.");
  CHECK(sst::values(x) == before);
  binary_out(BinOp::Add, xs, one, x);  // the same tensor: full overlap is allowed
  CHECK(sst::values(x)[0] == 1);
  const Scalar half = Scalar::of_float(1.5);
  CHECK_RAISES(binary_out(BinOp::Add, Operand{sst::t_arange(3, DType::Int64).get(), {}}, Operand{nullptr, half},
                          sst::t_arange(3, DType::Int64)),
               RuntimeError, "result type Float can't be cast to the desired output type Long");
  // NumPy: the result broadcasts into a larger out; a read-only out is refused.
  auto o = np_zeros_2x3();
  binary_out(BinOp::Add, Operand{sst::np_arange(3).get(), {}}, one, o);
  CHECK(sst::values(o) == (std::vector<double>{1, 2, 3, 1, 2, 3}));
  CHECK_RAISES(binary_out(BinOp::Add, Operand{o.get(), {}}, one, sst::np_arange(3)), ValueError,
               "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
  auto ro = broadcast_to(sst::np_arange(3), {2, 3});
  CHECK_RAISES(binary_out(BinOp::Add, Operand{o.get(), {}}, one, ro), ValueError, "output array is read-only");
}

TEST_MAIN()
