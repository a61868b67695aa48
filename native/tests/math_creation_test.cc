// Promotion (NEP 50 / torch result_type), elementwise ops, writes, reductions,
// creation and allocation failures.
#include "../core/allocation.h"
#include "../core/copy_ops.h"
#include "../core/elementwise.h"
#include "../core/promotion.h"
#include "../core/reduce.h"
#include "../core/report.h"
#include "test_arrays.h"
#include "test_harness.h"

using namespace ss;
using sst::ix;
using sst::sl;
using S = Shape;

namespace {
Operand arr(const ArrayPtr& a) { return Operand{a.get(), {}}; }
Operand sc(const Scalar& s) {
  Operand o;
  o.scalar = s;
  return o;
}
}  // namespace

TEST(numpy_promotion_table) {
  CHECK_EQ(numpy_promote(DType::UInt8, DType::Int8), DType::Int16);
  CHECK_EQ(numpy_promote(DType::UInt64, DType::Int64), DType::Float64);
  CHECK_EQ(numpy_promote(DType::Int16, DType::Float16), DType::Float32);
  CHECK_EQ(numpy_promote(DType::Int8, DType::Float16), DType::Float16);
  CHECK_EQ(numpy_promote(DType::Int64, DType::Float32), DType::Float64);
  CHECK_EQ(numpy_promote(DType::Float32, DType::Complex64), DType::Complex64);
  CHECK_EQ(numpy_promote(DType::Float64, DType::Complex64), DType::Complex128);
  CHECK_EQ(numpy_promote(DType::Bool, DType::UInt16), DType::UInt16);
}

TEST(nep50_weak_scalars) {
  auto u8 = sst::np_arange(3, DType::UInt8);
  auto f32 = sst::np_arange(3, DType::Float32);
  CHECK_EQ(numpy_result_type({arr(u8), sc(Scalar::of_int(3))}), DType::UInt8);
  CHECK_EQ(numpy_result_type({arr(u8), sc(Scalar::of_float(1.5))}), DType::Float64);
  CHECK_EQ(numpy_result_type({arr(f32), sc(Scalar::of_float(1.5))}), DType::Float32);
  CHECK_EQ(numpy_result_type({arr(f32), sc(Scalar::of_complex(0, 1))}), DType::Complex64);
  CHECK_RAISES(binary(BinOp::Add, arr(u8), sc(Scalar::of_int(300))), OverflowError, "Python integer 300 out of bounds for uint8");
}

TEST(torch_result_type_categories) {
  auto i32 = sst::t_arange(3, DType::Int32);
  auto f16 = sst::t_arange(3, DType::Float16);
  auto i64_0d = ss::full(Kind::Tensor, {}, Scalar::of_int(1), DType::Int64);
  auto f64_0d = ss::full(Kind::Tensor, {}, Scalar::of_float(1), DType::Float64);
  CHECK_EQ(torch_result_type({arr(i32), arr(i64_0d)}), DType::Int32);     // dimensioned wins in a category
  CHECK_EQ(torch_result_type({arr(i32), arr(f64_0d)}), DType::Float64);   // higher category from a 0-d tensor
  CHECK_EQ(torch_result_type({arr(i32), sc(Scalar::of_float(2.5))}), DType::Float32);  // default dtype
  CHECK_EQ(torch_result_type({arr(f16), sc(Scalar::of_float(2.5))}), DType::Float16);
  CHECK_EQ(torch_promote(DType::UInt8, DType::Int8), DType::Int16);
  CHECK_EQ(torch_promote(DType::Float16, DType::BFloat16), DType::Float32);
  CHECK_RAISES(torch_promote(DType::UInt16, DType::Int32), RuntimeError,
               "Promotion for uint16, uint32, uint64 types is not supported, attempted to promote UInt16 and Int");
}

TEST(binary_ops_broadcast_and_divide) {
  auto a = reshape(sst::np_arange(6, DType::Int64), {2, 3}, Order::C);
  auto b = sst::np_arange(3, DType::Int64);
  auto s = binary(BinOp::Add, arr(a), arr(b));
  CHECK_EQ(sst::values(s), (std::vector<double>{0, 2, 4, 3, 5, 7}));
  auto d = binary(BinOp::Div, arr(a), sc(Scalar::of_int(2)));
  CHECK_EQ(d->dtype, DType::Float64);
  CHECK_EQ(sst::values(d)[1], 0.5);
  auto td = binary(BinOp::Div, arr(sst::t_arange(2, DType::Int64)), sc(Scalar::of_int(2)));
  CHECK_EQ(td->dtype, DType::Float32);
  CHECK_RAISES(binary(BinOp::Add, arr(a), arr(sst::np_arange(4))), ValueError,
               "operands could not be broadcast together with shapes (2,3) (4,) ");
  CHECK_RAISES(binary(BinOp::Add, arr(sst::t_arange(3)), arr(sst::t_arange(4))), RuntimeError,
               "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0");
  auto cmp = binary(BinOp::Lt, arr(b), sc(Scalar::of_int(2)));
  CHECK_EQ(cmp->dtype, DType::Bool);
  CHECK_EQ(sst::values(cmp), (std::vector<double>{1, 1, 0}));
  // NumPy keeps the input layout: a.T + 1 is F-ordered
  CHECK_EQ(binary(BinOp::Add, arr(transpose(a, {})), sc(Scalar::of_int(1)))->byte_strides, (S{8, 24}));
  auto bt = sst::t_arange(2, DType::Bool);
  CHECK_RAISES(binary(BinOp::Sub, arr(bt), arr(bt)), RuntimeError,
               "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.");
  auto i8 = ss::full(Kind::Tensor, {1}, Scalar::of_int(127), DType::Int8);
  CHECK_EQ(sst::values(binary(BinOp::Add, arr(i8), sc(Scalar::of_int(1))))[0], -128.0);  // wraps
}

TEST(numpy_iterator_axis_order) {
  // nditer's insertion sort, fastest axis first; size-1 axes (stride 0) are passed over, so
  // an axis can move outward past them: (4,1,2,3) bool .T of a C array, strides (1,0,4,8).
  CHECK_EQ(numpy_iter_order({4, 1, 2, 3}, {{1, 0, 4, 8}}), (std::vector<int>{0, 2, 3, 1}));
  CHECK_EQ(numpy_iter_order({2, 3}, {{24, 8}}), (std::vector<int>{1, 0}));
  // Operands disagreeing: C order wins.
  CHECK_EQ(numpy_iter_order({3, 4}, {{32, 8}, {8, 24}}), (std::vector<int>{1, 0}));
  // The sum keeps that order: (4,1,2,3) summed over axis 2 is (4,1,3) with strides (8,96,32).
  auto x = transpose(reshape(sst::np_arange(24, DType::Bool), {3, 2, 1, 4}, Order::C), {});
  CHECK_EQ(reduce(x, ReduceOp::Sum, S{-2}, false, std::nullopt)->byte_strides, (S{8, 96, 32}));
  // ufuncs: an F-contiguous input of the loop's dtype gets a fresh F result (size-1 strides
  // as _array_fill_strides makes them); needing a cast, the iterator's order.
  auto f = transpose(reshape(sst::np_arange(8, DType::Int32), {2, 1, 4}, Order::C), {});
  CHECK_EQ(binary(BinOp::Mul, arr(f), sc(Scalar::of_int(-1)))->byte_strides, (S{4, 16, 16}));
  auto fb = transpose(reshape(sst::np_arange(8, DType::Bool), {2, 1, 4}, Order::C), {});
  CHECK_EQ(binary(BinOp::Add, arr(fb), sc(Scalar::of_int(1)))->byte_strides, (S{8, 64, 32}));
}

TEST(inplace_fill_and_assign) {
  auto a = sst::np_arange(4, DType::Int64);
  auto v = basic_index(a, {sl(1, 3)});
  inplace(BinOp::Mul, v, sc(Scalar::of_int(10)));
  CHECK_EQ(sst::values(a), (std::vector<double>{0, 10, 20, 3}));  // visible through the base
  CHECK_RAISES(inplace(BinOp::Add, a, sc(Scalar::of_float(1.5))), UFuncOutputCastingError,
               "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'");
  auto t = sst::t_arange(3, DType::Int64);
  CHECK_RAISES(inplace(BinOp::Add, t, sc(Scalar::of_float(1.5))), RuntimeError,
               "result type Float can't be cast to the desired output type Long");
  auto ro = broadcast_to(sst::np_arange(3), {2, 3});
  CHECK_RAISES(fill(ro, Scalar::of_int(1)), ValueError, "assignment destination is read-only");
  CHECK_RAISES(inplace(BinOp::Add, ro, sc(Scalar::of_int(1))), ValueError, "output array is read-only");
  auto m = reshape(sst::np_arange(6), {2, 3}, Order::C);
  assign(basic_index(m, {sl(std::nullopt, std::nullopt), sl(1, std::nullopt)}), arr(sst::np_arange(2)));
  CHECK_EQ(sst::values(m), (std::vector<double>{0, 0, 1, 3, 0, 1}));
  auto x = sst::np_arange(5);
  assign(basic_index(x, {sl(1, std::nullopt)}), arr(basic_index(x, {sl(std::nullopt, 4)})));  // overlapping
  CHECK_EQ(sst::values(x), (std::vector<double>{0, 0, 1, 2, 3}));
  auto u8 = sst::np_arange(3, DType::UInt8);
  CHECK_RAISES(assign(basic_index(u8, {ix(0)}), sc(Scalar::of_int(-1))), OverflowError, "Python integer -1 out of bounds for uint8");
  CHECK_RAISES(fill(sst::t_arange(2, DType::UInt8), Scalar::of_int(300)), RuntimeError,
               "value cannot be converted to type uint8_t without overflow");
  CHECK_RAISES(assign(m, arr(sst::np_arange(4))), ValueError, "could not broadcast input array from shape (4,) into shape (2,3)");
}

TEST(reductions) {
  auto a = reshape(sst::np_arange(6, DType::Int8), {2, 3}, Order::C);
  auto s = reduce(a, ReduceOp::Sum, std::nullopt, false, std::nullopt);
  CHECK_EQ(s->dtype, DType::Int64);
  CHECK_EQ(item(*s).to_double(), 15.0);
  auto s0 = reduce(a, ReduceOp::Sum, S{0}, false, std::nullopt);
  CHECK_EQ(sst::values(s0), (std::vector<double>{3, 5, 7}));
  auto m = reduce(a, ReduceOp::Mean, S{1}, true, std::nullopt);
  CHECK_EQ(m->sizes, (S{2, 1}));
  CHECK_EQ(sst::values(m), (std::vector<double>{1, 4}));
  CHECK_RAISES(reduce(sst::t_arange(3, DType::Int64), ReduceOp::Mean, std::nullopt, false, std::nullopt), RuntimeError,
               "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long");
  CHECK_RAISES(reduce(a, ReduceOp::Sum, S{2}, false, std::nullopt), AxisError, "axis 2 is out of bounds for array of dimension 2");
  CHECK_EQ(reduce(sst::np_arange(3, DType::UInt8), ReduceOp::Sum, std::nullopt, false, std::nullopt)->dtype, DType::UInt64);
}

TEST(creation_defaults_and_errors) {
  CHECK_EQ(create(Kind::NDArray, Fill::Zeros, {2}, std::nullopt)->dtype, DType::Float64);
  CHECK_EQ(create(Kind::Tensor, Fill::Ones, {2}, std::nullopt)->dtype, DType::Float32);
  CHECK_EQ(full(Kind::NDArray, {2}, Scalar::of_int(2), std::nullopt)->dtype, DType::Int64);
  CHECK_EQ(full(Kind::Tensor, {2}, Scalar::of_float(2), std::nullopt)->dtype, DType::Float32);
  auto r = arange(Kind::NDArray, Scalar::of_int(1), Scalar::of_int(2), Scalar::of_float(0.3), std::nullopt);
  CHECK_EQ(r->sizes, (S{4}));
  CHECK_RAISES(arange(Kind::NDArray, Scalar::of_int(0), Scalar::of_int(1), Scalar::of_int(0), std::nullopt), ZeroDivisionError, "division by zero");
  CHECK_RAISES(arange(Kind::Tensor, Scalar::of_int(0), Scalar::of_int(1), Scalar::of_int(0), std::nullopt), RuntimeError, "step must be nonzero");
  CHECK_RAISES(arange(Kind::Tensor, Scalar::of_int(5), Scalar::of_int(1), Scalar::of_int(1), std::nullopt), RuntimeError,
               "upper bound and larger bound inconsistent with step sign");
  CHECK_EQ(sst::values(linspace(Kind::NDArray, Scalar::of_int(0), Scalar::of_int(10), 4, true, DType::Int64)),
           (std::vector<double>{0, 3, 6, 10}));
  CHECK_RAISES(linspace(Kind::NDArray, Scalar::of_int(0), Scalar::of_int(1), -1, true, std::nullopt), ValueError,
               "Number of samples, -1, must be non-negative.");
  CHECK_EQ(sst::values(eye(Kind::NDArray, 2, 3, 1, std::nullopt)), (std::vector<double>{0, 1, 0, 0, 0, 1}));
  CHECK_RAISES(create(Kind::NDArray, Fill::Zeros, {-1}, std::nullopt), ValueError, "negative dimensions are not allowed");
  CHECK_RAISES(create(Kind::Tensor, Fill::Zeros, {-1}, std::nullopt), RuntimeError, "Trying to create tensor with negative dimension -1: [-1]");
  CHECK_RAISES(create(Kind::NDArray, Fill::Zeros, {1000000000000000000}, std::nullopt), ArrayMemoryError,
               "Unable to allocate 6.94 EiB for an array with shape (1000000000000000000,) and data type float64");
  CHECK_RAISES(create(Kind::NDArray, Fill::Zeros, {1LL << 62}, std::nullopt), ValueError,
               "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  CHECK_RAISES(create(Kind::NDArray, Fill::Zeros, {2}, DType::BFloat16), TypeError, "data type 'bfloat16' not understood");
  CHECK_RAISES(from_values(Kind::NDArray, {Scalar::of_int(300)}, {1}, DType::UInt8), OverflowError, "Python integer 300 out of bounds for uint8");
  CHECK_EQ(from_values(Kind::Tensor, {Scalar::of_int(1), Scalar::of_float(2)}, {2}, std::nullopt)->dtype, DType::Float32);
  seed_random(Kind::NDArray, 7);
  auto x = random(Kind::NDArray, RandomDist::Rand, {4}, std::nullopt, 0, 1);
  seed_random(Kind::NDArray, 7);
  auto y = random(Kind::NDArray, RandomDist::Rand, {4}, std::nullopt, 0, 1);
  CHECK_EQ(sst::values(x), sst::values(y));
  // NumPy: np.random.seed(0); np.random.rand(3) (MT19937 init_genrand(0), 53-bit doubles).
  seed_random(Kind::NDArray, 0);
  CHECK_EQ(sst::values(random(Kind::NDArray, RandomDist::Rand, {3}, std::nullopt, 0, 1)),
           (std::vector<double>{0.5488135039273248, 0.7151893663724195, 0.6027633760716439}));
  // torch.manual_seed(0); torch.rand(1): first mt19937 draw 2357136044, low 24 bits 8325804.
  seed_random(Kind::Tensor, 0);
  CHECK_EQ(sst::values(random(Kind::Tensor, RandomDist::Rand, {1}, std::nullopt, 0, 1)),
           (std::vector<double>{static_cast<double>(static_cast<float>(8325804.0 / 16777216.0))}));
}

TEST(values_and_item) {
  auto t = sst::t_arange(3);
  CHECK_RAISES(item(*t), RuntimeError, "a Tensor with 3 elements cannot be converted to Scalar");
  CHECK_RAISES(item(*sst::np_arange(3)), ValueError, "can only convert an array of size 1 to a Python scalar");
  auto h = to_dtype(sst::t_arange(4), DType::Float16, false);
  auto w = read_values(*h, {1}, {10});
  CHECK_EQ(w.shape, (S{3}));  // clipped
  CHECK(w.host_type == HostType::F32 && w.bytes.size() == 12);
}

TEST_MAIN()
